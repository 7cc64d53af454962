using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.ComponentModel;

namespace Insights.Contracts.Runtime.CompilerServices;

/// <summary>
/// The wording of every error the generated code reports, in one place, so a typed record and a
/// JSON-backed value say the same thing about the same value. Called only on failure paths.
/// Values are shown as in JSON, except strings, which are shown in single quotes (<c>'x'</c>).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ErrorMessages
{
    /// <summary>Names a token type the way the JSON Schema <c>type</c> keyword does.</summary>
    public static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "object",
        JsonTokenType.StartArray => "array",
        JsonTokenType.String => "string",
        JsonTokenType.Number => "number",
        JsonTokenType.True or JsonTokenType.False => "boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };

    /// <summary>A JSON value as messages show it: a string in single quotes, anything else as JSON, shortened.</summary>
    public static string Render(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? Render(value.GetString()!) : Shorten(value.GetRawText());

    /// <summary>A string value as messages show it.</summary>
    public static string Render(string value) => "'" + Shorten(value) + "'";

    /// <summary>The message for a value of the wrong JSON type.</summary>
    public static string Type(string expected, string actual) => $"expected {expected}, got {actual}";

    /// <summary>The message for a value a backtracking pattern could not be matched against in time.</summary>
    public static string PatternTookTooLong(string value, string pattern) =>
        $"{Render(value)} could not be checked against the pattern {pattern} within {JsonCheck.PatternTimeout.TotalSeconds:0} s, so it is rejected";

    /// <summary>
    /// The message for a failed <c>format</c> check. A date, date-time or time of the right shape
    /// says which part does not exist ("February 2025 has 28 days, so day 30 does not exist").
    /// </summary>
    public static string Format(string value, JsonFormat format) =>
        (format switch
        {
            JsonFormat.DateTime => Rfc3339DateTime.DateTimeProblem(value),
            JsonFormat.Time => Rfc3339DateTime.TimeProblem(value),
            JsonFormat.Date => Rfc3339DateTime.DateProblem(value),
            _ => null,
        }) is { } problem
            ? $"{Render(value)} is not a valid {(format == JsonFormat.DateTime ? "date-time" : format == JsonFormat.Time ? "time" : "calendar date")}: {problem}"
            : $"{Render(value)} is not {JsonFormats.Describe(format)}";

    /// <summary>The message for a string that is a date in form but not on the calendar (<c>2023-02-29</c>): which part does not exist.</summary>
    public static string NotACalendarDay(string value) =>
        $"{Render(value)} is not a valid calendar date" + (Rfc3339DateTime.DateProblem(value) is { } problem ? ": " + problem : "");

    /// <summary>The message for a missing <c>required</c> member.</summary>
    public static string Required(string name) => $"required property '{name}' is missing";

    /// <summary>The message for a failed <c>dependentRequired</c> check.</summary>
    public static string DependentRequired(string name, string trigger) => $"property '{name}' is required when '{trigger}' is present";

    /// <summary>The message for a failed <c>const</c> check; both values rendered (<see cref="Render(JsonElement)"/>).</summary>
    public static string Const(string actual, string expected) => $"{actual} is not allowed here; must be {expected}";

    /// <summary>The message for a failed <c>enum</c> check; every value rendered (<see cref="Render(JsonElement)"/>).</summary>
    public static string Enum(string actual, IEnumerable<string> allowed) => $"{actual} is not one of the allowed values: {string.Join(", ", allowed)}";

    /// <summary>The message for a member <c>additionalProperties: false</c> does not allow.</summary>
    public static string NotAllowedProperty(string name) => $"property '{name}' is not allowed here";

    /// <summary>The message for a member <c>unevaluatedProperties: false</c> does not allow.</summary>
    public static string NotEvaluatedProperty(string name) => $"property '{name}' is not allowed here: no subschema evaluates it";

    /// <summary>The message for an item <c>unevaluatedItems: false</c> does not allow.</summary>
    public static string NotEvaluatedItem(int index) => $"item {index} is not allowed here: no subschema evaluates it";

    /// <summary>The message for a member name that appears twice in one object.</summary>
    public static string DuplicateProperty(string name) => $"property '{name}' appears more than once";

    /// <summary>The message for a member name <c>propertyNames</c> rejects.</summary>
    public static string PropertyName(string name, string? why) => $"the name '{name}' is not allowed{(why is null ? "" : ": " + why)}";

    /// <summary>The message for a failed <c>contains</c>/<c>minContains</c> check.</summary>
    public static string MinContains(long minimum, int actual) => $"must contain at least {minimum} matching item{Plural(minimum)}, found {actual}";

    /// <summary>The message for a failed <c>maxContains</c> check.</summary>
    public static string MaxContains(long maximum, int actual) => $"must contain at most {maximum} matching item{Plural(maximum)}, found {actual}";

    /// <summary>The message for a failed <c>not</c> check.</summary>
    public const string Not = "matches a schema it must not match";

    /// <summary>The message for <c>false</c> as a schema.</summary>
    public const string False = "no value is allowed here (the schema is false)";

    /// <summary>A map entry built in code whose name the map's <c>patternProperties</c> pattern does not match.</summary>
    public static string NotMatchingPattern(string name, string pattern) =>
        $"'{name}' does not match the pattern {pattern} that the names of these members must match";

    /// <summary>A union's discriminator that is missing (<paramref name="actual"/> null) or names no alternative.</summary>
    public static string UnknownDiscriminator(string member, string? actual, string[] values) =>
        (actual is null ? $"the member '{member}' is missing" : $"'{member}' is {actual}")
        + $"; it says which alternative this object is, one of {string.Join(", ", values.Select(Render))}";

    /// <summary>A value of another type where a union of objects is expected.</summary>
    public static string NotAnAlternative(string actual, string[] alternatives) =>
        $"expected an object ({string.Join(", ", alternatives)}), got {actual}";

    /// <summary>A <c>default</c> <see cref="JsonAny"/> where a value is needed (a record or array built in code).</summary>
    public const string NoJsonValue = "expected a JSON value, found a default JsonAny that holds none";

    /// <summary>Explains an <c>anyOf</c>/<c>oneOf</c> that matched none of its branches: each with its first error.</summary>
    public static string NoBranchMatched(string keyword, IEnumerable<string> reasons) =>
        $"matches none of the {keyword} branches ({string.Join("; ", reasons)})";

    /// <summary>Explains a <c>oneOf</c> that matched more than one branch.</summary>
    public static string SeveralBranchesMatched(IEnumerable<string> branches) =>
        "matches more than one oneOf branch (exactly one is allowed): " + string.Join(", ", branches);

    /// <summary>The message for a number with a fractional part where an integer is required.</summary>
    public static string Integer(string actual) => Type("integer", Shorten(actual));

    /// <summary>The message for a number with more digits than a <see cref="decimal"/> keeps.</summary>
    public static string TooPreciseForDecimal(string actual) => $"{Shorten(actual)} has more digits than a decimal holds exactly (28 to 29 significant digits, at most 28 after the point)";

    /// <summary>The message for a valid date-time whose instant no <see cref="System.DateTimeOffset"/> holds.</summary>
    public static string DateTimeOutOfRange(string value) => $"{Render(value)} is outside the range of a DateTimeOffset (0001-01-01T00:00:00Z to 9999-12-31T23:59:59.9999999Z)";

    /// <summary>The message for a number too large for the C# type that holds it.</summary>
    public static string OutOfRange(string actual, string clrType) => $"{Shorten(actual)} is out of range for {clrType}";

    internal static string Shorten(string text) => text.Length <= 64 ? text : text.Substring(0, 61) + "...";

    internal static string Plural(long count) => count == 1 ? "" : "s";
}
