using System;
using System.Text.RegularExpressions;

namespace Insights.Contracts.Runtime;

/// <summary>Matches a value against one schema pattern (a generated character loop, or a compiled <see cref="Regex"/>).</summary>
public delegate bool PatternMatcher(ReadOnlySpan<char> value);

/// <summary>
/// The value keywords of JSON Schema, as generated validators call them: one method per keyword,
/// with an overload per C# type a typed record holds and one for a <c>JsonElement</c> (which only
/// applies to values of the keyword's JSON type), all sharing one message each (<see cref="ErrorMessages"/>).
/// Each returns whether the value passes; when it fails and the context is not null, it reports the
/// error there. Branch matching passes null to ask without reporting, so reporting and matching
/// share one implementation, and a message is only built when there is a context to report it to
/// (<c>context?.Fail(...)</c> does not evaluate its arguments otherwise): checking a valid value,
/// branches included, allocates nothing.
/// </summary>
public static partial class JsonCheck
{
    /// <summary><c>minLength</c>: counted in Unicode code points, as JSON Schema requires (not UTF-16 units).</summary>
    public static bool MinLength(string value, long minimum, ValidationContext? context) => MinLength(CodePointCount(value), minimum, context);

    /// <summary><c>maxLength</c>, in code points.</summary>
    public static bool MaxLength(string value, long maximum, ValidationContext? context) => MaxLength(CodePointCount(value), maximum, context);

    private static bool MinLength(int length, long minimum, ValidationContext? context) =>
        length >= minimum || (context?.Fail("minLength", ErrorMessages.MinLength(minimum, length)) ?? false);

    private static bool MaxLength(int length, long maximum, ValidationContext? context) =>
        length <= maximum || (context?.Fail("maxLength", ErrorMessages.MaxLength(maximum, length)) ?? false);

    /// <summary>How long a backtracking pattern may take on one value before the value is rejected.</summary>
    public static readonly TimeSpan PatternTimeout = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The regex for a schema pattern (already translated to .NET). A pattern comes from a schema
    /// and the value from anyone, so a backtracking engine could take exponential time on a
    /// crafted value (<c>^(a+)+$</c> against <c>aaaa…!</c>). Patterns run on the non-backtracking
    /// engine, in linear time; the few it cannot run (backreferences, lookarounds) backtrack with
    /// <see cref="PatternTimeout"/>.
    /// </summary>
    public static Regex CreatePattern(string dotNetPattern)
    {
        try
        {
            return new Regex(dotNetPattern, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
        }
        catch (NotSupportedException)
        {
            return new Regex(dotNetPattern, RegexOptions.CultureInvariant | RegexOptions.Compiled, PatternTimeout);
        }
    }

    /// <summary>
    /// <c>pattern</c>: a match anywhere in the value (the pattern anchors itself if it wants to).
    /// <paramref name="schemaPattern"/> is the pattern as the schema wrote it, for the message.
    /// </summary>
    public static bool Pattern(string value, PatternMatcher matches, string schemaPattern, ValidationContext? context)
    {
        ArgumentNullException.ThrowIfNull(matches);
        bool ok;
        try
        {
            ok = matches(value);
        }
        catch (RegexMatchTimeoutException)
        {
            return context?.Fail("pattern", ErrorMessages.PatternTookTooLong(value, schemaPattern)) ?? false;
        }

        return ok || (context?.Fail("pattern", ErrorMessages.Pattern(value, schemaPattern)) ?? false);
    }

    /// <summary>
    /// A string set in code must be well-formed UTF-16: JSON text cannot carry an unpaired
    /// surrogate, and writing one would silently turn it into U+FFFD. Strings read from JSON always
    /// pass. A plain loop: MemoryExtensions.IndexOfAnyInRange was measured allocating about 100 bytes
    /// per call here, and Validate() must allocate nothing.
    /// </summary>
    public static bool WellFormed(string value, ValidationContext? context)
    {
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (!char.IsSurrogate(c))
            {
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++; // a proper pair
                continue;
            }

            return context?.Fail("unicode", $"contains an unpaired surrogate (U+{(int)c:X4}) at index {i}, which JSON cannot carry") ?? false;
        }

        return true;
    }

    /// <summary><c>format</c>, asserted, for the formats that stay strings in a typed record.</summary>
    public static bool Format(string value, JsonFormat format, ValidationContext? context) =>
        JsonFormats.IsValid(value, format) || (context?.Fail("format", ErrorMessages.Format(value, format)) ?? false);

    /// <summary><c>minimum</c>.</summary>
    public static bool Minimum(long value, long minimum, ValidationContext? context) =>
        value >= minimum || (context?.Fail("minimum", ErrorMessages.Minimum(JsonRead.Format(minimum), JsonRead.Format(value))) ?? false);

    /// <summary><c>minimum</c>.</summary>
    public static bool Minimum(double value, double minimum, ValidationContext? context) =>
        value >= minimum || (context?.Fail("minimum", ErrorMessages.Minimum(JsonRead.Format(minimum), JsonRead.Format(value))) ?? false);

    /// <summary><c>maximum</c>.</summary>
    public static bool Maximum(long value, long maximum, ValidationContext? context) =>
        value <= maximum || (context?.Fail("maximum", ErrorMessages.Maximum(JsonRead.Format(maximum), JsonRead.Format(value))) ?? false);

    /// <summary><c>maximum</c>.</summary>
    public static bool Maximum(double value, double maximum, ValidationContext? context) =>
        value <= maximum || (context?.Fail("maximum", ErrorMessages.Maximum(JsonRead.Format(maximum), JsonRead.Format(value))) ?? false);

    /// <summary><c>exclusiveMinimum</c>.</summary>
    public static bool ExclusiveMinimum(long value, long minimum, ValidationContext? context) =>
        value > minimum || (context?.Fail("exclusiveMinimum", ErrorMessages.ExclusiveMinimum(JsonRead.Format(minimum), JsonRead.Format(value))) ?? false);

    /// <summary><c>exclusiveMinimum</c>.</summary>
    public static bool ExclusiveMinimum(double value, double minimum, ValidationContext? context) =>
        value > minimum || (context?.Fail("exclusiveMinimum", ErrorMessages.ExclusiveMinimum(JsonRead.Format(minimum), JsonRead.Format(value))) ?? false);

    /// <summary><c>exclusiveMaximum</c>.</summary>
    public static bool ExclusiveMaximum(long value, long maximum, ValidationContext? context) =>
        value < maximum || (context?.Fail("exclusiveMaximum", ErrorMessages.ExclusiveMaximum(JsonRead.Format(maximum), JsonRead.Format(value))) ?? false);

    /// <summary><c>exclusiveMaximum</c>.</summary>
    public static bool ExclusiveMaximum(double value, double maximum, ValidationContext? context) =>
        value < maximum || (context?.Fail("exclusiveMaximum", ErrorMessages.ExclusiveMaximum(JsonRead.Format(maximum), JsonRead.Format(value))) ?? false);

    /// <summary><c>multipleOf</c> for integers.</summary>
    public static bool MultipleOf(long value, long divisor, ValidationContext? context) =>
        value % divisor == 0 || (context?.Fail("multipleOf", ErrorMessages.MultipleOf(JsonRead.Format(divisor), JsonRead.Format(value))) ?? false);

    /// <summary><c>multipleOf</c> for numbers: exact in decimal where it can be, so 0.3 is a multiple of 0.1.</summary>
    public static bool MultipleOf(double value, double divisor, ValidationContext? context)
    {
        bool ok;
        try
        {
            ok = decimal.Remainder((decimal)value, (decimal)divisor) == 0m;
        }
        catch (OverflowException)
        {
            ok = IsWholeQuotient(value, divisor);
        }

        return ok || (context?.Fail("multipleOf", ErrorMessages.MultipleOf(JsonRead.Format(divisor), JsonRead.Format(value))) ?? false);
    }

    private static bool IsWholeQuotient(double dividend, double divisor)
    {
        double quotient = dividend / divisor;
        return double.IsFinite(quotient) && Math.Floor(quotient) == quotient;
    }

    /// <summary><c>minItems</c>.</summary>
    public static bool MinItems<T>(EquatableArray<T> value, long minimum, ValidationContext? context) =>
        value.Count >= minimum || (context?.Fail("minItems", ErrorMessages.MinItems(minimum, value.Count)) ?? false);

    /// <summary><c>maxItems</c>.</summary>
    public static bool MaxItems<T>(EquatableArray<T> value, long maximum, ValidationContext? context) =>
        value.Count <= maximum || (context?.Fail("maxItems", ErrorMessages.MaxItems(maximum, value.Count)) ?? false);

    /// <summary><c>uniqueItems: true</c>.</summary>
    public static bool UniqueItems<T>(EquatableArray<T> value, ValidationContext? context) =>
        EquatableArray.FindDuplicate(value) is not { } pair || (context?.Fail("uniqueItems", ErrorMessages.UniqueItems(pair.First, pair.Second)) ?? false);

    /// <summary><c>const</c> over a string.</summary>
    public static bool Const(string value, string expected, ValidationContext? context) =>
        value == expected || (context?.Fail("const", ErrorMessages.Const(ErrorMessages.Render(value), ErrorMessages.Render(expected))) ?? false);

    /// <summary><c>const</c> over a number (1 and 1.0 are the same number).</summary>
    public static bool Const(double value, double expected, ValidationContext? context) =>
        value == expected || (context?.Fail("const", ErrorMessages.Const(JsonRead.Format(value), JsonRead.Format(expected))) ?? false);

    /// <summary><c>const</c> over a boolean.</summary>
    public static bool Const(bool value, bool expected, ValidationContext? context) =>
        value == expected || (context?.Fail("const", ErrorMessages.Const(Render(value), Render(expected))) ?? false);

    /// <summary><c>enum</c> over strings.</summary>
    public static bool Enum(string value, string[] allowed, ValidationContext? context) =>
        Array.IndexOf(allowed, value) >= 0
        || (context?.Fail("enum", ErrorMessages.Enum(ErrorMessages.Render(value), Array.ConvertAll(allowed, ErrorMessages.Render))) ?? false);

    /// <summary><c>enum</c> over numbers.</summary>
    public static bool Enum(double value, double[] allowed, ValidationContext? context) =>
        Array.IndexOf(allowed, value) >= 0
        || (context?.Fail("enum", ErrorMessages.Enum(JsonRead.Format(value), Array.ConvertAll(allowed, JsonRead.Format))) ?? false);

    /// <summary><c>enum</c> over booleans.</summary>
    public static bool Enum(bool value, bool[] allowed, ValidationContext? context) =>
        Array.IndexOf(allowed, value) >= 0
        || (context?.Fail("enum", ErrorMessages.Enum(Render(value), Array.ConvertAll(allowed, Render))) ?? false);

    /// <summary><c>required</c> in a branch over a typed record: <paramref name="present"/> says whether the member is there.</summary>
    public static bool Required(bool present, string name, ValidationContext? context)
    {
        if (!present)
        {
            context?.AddRequiredMissing(name);
        }

        return present;
    }

    /// <summary><c>dependentRequired</c> over a typed record: when the member <paramref name="trigger"/> is present, <paramref name="name"/> must be too.</summary>
    public static bool DependentRequired(bool triggerPresent, bool present, string trigger, string name, ValidationContext? context)
    {
        if (!triggerPresent || present)
        {
            return true;
        }

        context?.AddErrorAt(name, "dependentRequired", ErrorMessages.DependentRequired(name, trigger));
        return false;
    }

    /// <summary>Validates a nested contract, reporting its errors under the current path.</summary>
    public static void Object<T>(T value, ValidationContext context) where T : class, IJsonContract<T> => T.ValidateJson(value, context);

    /// <summary>Unicode code points in <paramref name="value"/>: a surrogate pair counts once, an unpaired surrogate once too.</summary>
    public static int CodePointCount(string value)
    {
        int count = value.Length;
        for (int i = 1; i < value.Length; i++)
        {
            if (char.IsLowSurrogate(value[i]) && char.IsHighSurrogate(value[i - 1]))
            {
                count--;
            }
        }

        return count;
    }

    private static string Render(bool value) => value ? "true" : "false";
}
