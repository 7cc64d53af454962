using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace Insights.Contracts.Runtime;

/// <summary>
/// The wording of every error the generated code reports, in one place so messages stay
/// consistent across contracts. Called only on failure paths.
/// </summary>
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

    /// <summary>The message for a failed <c>minLength</c> check.</summary>
    public static string MinLength(long minimum, long actual) => $"must be at least {minimum} character{Plural(minimum)} long, got {actual}";

    /// <summary>The message for a failed <c>maxLength</c> check.</summary>
    public static string MaxLength(long maximum, long actual) => $"must be at most {maximum} character{Plural(maximum)} long, got {actual}";

    /// <summary>The message for a failed <c>pattern</c> check.</summary>
    public static string Pattern(string value, string pattern) => $"'{Shorten(value)}' does not match the pattern {pattern}";

    /// <summary>The message for a failed <c>minimum</c> check.</summary>
    public static string Minimum(string minimum, string actual) => $"must be greater than or equal to {minimum}, got {actual}";

    /// <summary>The message for a failed <c>exclusiveMinimum</c> check.</summary>
    public static string ExclusiveMinimum(string minimum, string actual) => $"must be greater than {minimum}, got {actual}";

    /// <summary>The message for a failed <c>maximum</c> check.</summary>
    public static string Maximum(string maximum, string actual) => $"must be less than or equal to {maximum}, got {actual}";

    /// <summary>The message for a failed <c>exclusiveMaximum</c> check.</summary>
    public static string ExclusiveMaximum(string maximum, string actual) => $"must be less than {maximum}, got {actual}";

    /// <summary>The message for a failed <c>multipleOf</c> check.</summary>
    public static string MultipleOf(string divisor, string actual) => $"must be a multiple of {divisor}, got {actual}";

    /// <summary>The message for a failed <c>minItems</c> check.</summary>
    public static string MinItems(long minimum, int actual) => $"must have at least {minimum} item{Plural(minimum)}, got {actual}";

    /// <summary>The message for a failed <c>maxItems</c> check.</summary>
    public static string MaxItems(long maximum, int actual) => $"must have at most {maximum} item{Plural(maximum)}, got {actual}";

    /// <summary>The message for a failed <c>uniqueItems</c> check.</summary>
    public static string UniqueItems(int first, int second) => $"items must be unique, but items {first} and {second} are equal";

    /// <summary>The message for a failed <c>const</c> check.</summary>
    public static string Const(string expectedJson) => $"must be {expectedJson}";

    /// <summary>The message for a failed <c>enum</c> check.</summary>
    public static string Enum(string actual, IEnumerable<string> allowedJson) =>
        $"'{Shorten(actual)}' is not one of the allowed values: {string.Join(", ", allowedJson)}";

    /// <summary>The message for a failed <c>notAllowedProperty</c> check.</summary>
    public static string NotAllowedProperty(string name) => $"property '{name}' is not allowed here";

    /// <summary>The message for a failed <c>duplicateProperty</c> check.</summary>
    public static string DuplicateProperty(string name) => $"property '{name}' appears more than once";

    /// <summary>Explains a <c>oneOf</c> that matched none of its named alternatives.</summary>
    public static string NoVariantMatched(IEnumerable<string> allowed) =>
        "matches none of the allowed combinations: " + string.Join("; ", allowed);

    /// <summary>Explains a <c>oneOf</c> that matched more than one alternative.</summary>
    public static string SeveralVariantsMatched(IReadOnlyList<string> titles, IReadOnlyList<bool> matched) =>
        "matches more than one of the alternatives (exactly one is allowed): "
        + string.Join(", ", titles.Where((_, i) => i < matched.Count && matched[i]));

    /// <summary>The message for a failed <c>integer</c> check.</summary>
    public static string Integer(string actual) => $"expected integer, got {Shorten(actual)}";

    /// <summary>The message for a failed <c>outOfRange</c> check.</summary>
    public static string OutOfRange(string actual, string clrType) => $"{Shorten(actual)} is out of range for {clrType}";

    internal static string Shorten(string text) => text.Length <= 64 ? text : text.Substring(0, 61) + "...";

    private static string Plural(long count) => count == 1 ? "" : "s";

    /// <summary>Quotes string values as JSON for messages listing allowed values.</summary>
    public static IEnumerable<string> Quoted(IEnumerable<string> values) => values.Select(v => "'" + v + "'");
}
