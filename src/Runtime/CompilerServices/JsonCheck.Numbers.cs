using System;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Insights.Contracts.Runtime.CompilerServices;

// minimum, maximum, exclusiveMinimum, exclusiveMaximum, multipleOf: for the long, double and decimal a typed
// record holds, and for any JSON value, compared exactly (in decimal where both fit, else on the digits).
public static partial class JsonCheck
{
    /// <summary><c>minimum</c>.</summary>
    public static bool Minimum(long value, long minimum, ValidationContext? context) =>
        value >= minimum || (context?.Fail("minimum", MinimumMessage(JsonRead.Format(minimum), JsonRead.Format(value))) ?? false);

    /// <summary><c>minimum</c>.</summary>
    public static bool Minimum(double value, double minimum, ValidationContext? context) =>
        value >= minimum || (context?.Fail("minimum", MinimumMessage(JsonRead.Format(minimum), JsonRead.Format(value))) ?? false);

    /// <summary><c>maximum</c>.</summary>
    public static bool Maximum(long value, long maximum, ValidationContext? context) =>
        value <= maximum || (context?.Fail("maximum", MaximumMessage(JsonRead.Format(maximum), JsonRead.Format(value))) ?? false);

    /// <summary><c>maximum</c>.</summary>
    public static bool Maximum(double value, double maximum, ValidationContext? context) =>
        value <= maximum || (context?.Fail("maximum", MaximumMessage(JsonRead.Format(maximum), JsonRead.Format(value))) ?? false);

    /// <summary><c>exclusiveMinimum</c>.</summary>
    public static bool ExclusiveMinimum(long value, long minimum, ValidationContext? context) =>
        value > minimum || (context?.Fail("exclusiveMinimum", ExclusiveMinimumMessage(JsonRead.Format(minimum), JsonRead.Format(value))) ?? false);

    /// <summary><c>exclusiveMinimum</c>.</summary>
    public static bool ExclusiveMinimum(double value, double minimum, ValidationContext? context) =>
        value > minimum || (context?.Fail("exclusiveMinimum", ExclusiveMinimumMessage(JsonRead.Format(minimum), JsonRead.Format(value))) ?? false);

    /// <summary><c>exclusiveMaximum</c>.</summary>
    public static bool ExclusiveMaximum(long value, long maximum, ValidationContext? context) =>
        value < maximum || (context?.Fail("exclusiveMaximum", ExclusiveMaximumMessage(JsonRead.Format(maximum), JsonRead.Format(value))) ?? false);

    /// <summary><c>exclusiveMaximum</c>.</summary>
    public static bool ExclusiveMaximum(double value, double maximum, ValidationContext? context) =>
        value < maximum || (context?.Fail("exclusiveMaximum", ExclusiveMaximumMessage(JsonRead.Format(maximum), JsonRead.Format(value))) ?? false);

    /// <summary><c>multipleOf</c> for integers.</summary>
    public static bool MultipleOf(long value, long divisor, ValidationContext? context) =>
        value % divisor == 0 || (context?.Fail("multipleOf", MultipleOfMessage(JsonRead.Format(divisor), JsonRead.Format(value))) ?? false);

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

        return ok || (context?.Fail("multipleOf", MultipleOfMessage(JsonRead.Format(divisor), JsonRead.Format(value))) ?? false);
    }

    private static bool IsWholeQuotient(double dividend, double divisor)
    {
        double quotient = dividend / divisor;
        return double.IsFinite(quotient) && Math.Floor(quotient) == quotient;
    }

    /// <summary><c>minimum</c> for a decimal: <paramref name="exact"/> is the limit when it fits a decimal, <paramref name="text"/> is how the schema wrote it.</summary>
    public static bool Minimum(decimal value, decimal? exact, string text, ValidationContext? context) =>
        Compare(value, exact, text) >= 0 || (context?.Fail("minimum", MinimumMessage(text, JsonRead.Format(value))) ?? false);

    /// <summary><c>maximum</c> for a decimal.</summary>
    public static bool Maximum(decimal value, decimal? exact, string text, ValidationContext? context) =>
        Compare(value, exact, text) <= 0 || (context?.Fail("maximum", MaximumMessage(text, JsonRead.Format(value))) ?? false);

    /// <summary><c>exclusiveMinimum</c> for a decimal.</summary>
    public static bool ExclusiveMinimum(decimal value, decimal? exact, string text, ValidationContext? context) =>
        Compare(value, exact, text) > 0 || (context?.Fail("exclusiveMinimum", ExclusiveMinimumMessage(text, JsonRead.Format(value))) ?? false);

    /// <summary><c>exclusiveMaximum</c> for a decimal.</summary>
    public static bool ExclusiveMaximum(decimal value, decimal? exact, string text, ValidationContext? context) =>
        Compare(value, exact, text) < 0 || (context?.Fail("exclusiveMaximum", ExclusiveMaximumMessage(text, JsonRead.Format(value))) ?? false);

    /// <summary>
    /// <c>multipleOf</c> for a decimal: exact in decimal where the divisor is one, else exact on the
    /// digits, as for any JSON number (<paramref name="approximate"/> only past 10,000 orders of magnitude).
    /// </summary>
    public static bool MultipleOf(decimal value, decimal? exact, double approximate, string text, ValidationContext? context)
    {
        bool ok;
        try
        {
            ok = exact is { } divisor ? decimal.Remainder(value, divisor) == 0m : IsMultipleOnDigits(value, approximate, text);
        }
        catch (OverflowException)
        {
            ok = IsMultipleOnDigits(value, approximate, text);
        }

        return ok || (context?.Fail("multipleOf", MultipleOfMessage(text, JsonRead.Format(value))) ?? false);
    }

    private static bool IsMultipleOnDigits(decimal value, double approximate, string text) =>
        JsonNumber.IsMultiple(JsonRead.Format(value), text) ?? IsWholeQuotient((double)value, approximate);

    private static int Compare(decimal value, decimal? exact, string text) =>
        exact is { } limit ? value.CompareTo(limit) : JsonNumber.Compare(JsonRead.Format(value), text);

    /// <summary><c>minimum</c>: <paramref name="exact"/> is the limit when it fits a decimal, <paramref name="text"/> is how the schema wrote it.</summary>
    public static bool Minimum(JsonElement value, decimal? exact, string text, ValidationContext? context) =>
        value.ValueKind != JsonValueKind.Number || Compare(value, exact, text) >= 0
        || (context?.Fail("minimum", MinimumMessage(text, value.GetRawText())) ?? false);

    /// <summary><c>maximum</c>.</summary>
    public static bool Maximum(JsonElement value, decimal? exact, string text, ValidationContext? context) =>
        value.ValueKind != JsonValueKind.Number || Compare(value, exact, text) <= 0
        || (context?.Fail("maximum", MaximumMessage(text, value.GetRawText())) ?? false);

    /// <summary><c>exclusiveMinimum</c>.</summary>
    public static bool ExclusiveMinimum(JsonElement value, decimal? exact, string text, ValidationContext? context) =>
        value.ValueKind != JsonValueKind.Number || Compare(value, exact, text) > 0
        || (context?.Fail("exclusiveMinimum", ExclusiveMinimumMessage(text, value.GetRawText())) ?? false);

    /// <summary><c>exclusiveMaximum</c>.</summary>
    public static bool ExclusiveMaximum(JsonElement value, decimal? exact, string text, ValidationContext? context) =>
        value.ValueKind != JsonValueKind.Number || Compare(value, exact, text) < 0
        || (context?.Fail("exclusiveMaximum", ExclusiveMaximumMessage(text, value.GetRawText())) ?? false);

    /// <summary>
    /// <c>multipleOf</c>: exact in decimal where both fit (0.3 is a multiple of 0.1), else exact on the
    /// digits; <paramref name="approximate"/> (the divisor as a double) only decides when their
    /// exponents are more than 10,000 apart, where an overflowing quotient is no multiple.
    /// </summary>
    public static bool MultipleOf(JsonElement value, decimal? exact, double approximate, string text, ValidationContext? context)
    {
        if (value.ValueKind != JsonValueKind.Number)
        {
            return true;
        }

        bool ok;
        if (exact is { } divisor && JsonNumber.TryGetExactDecimal(value, out decimal dividend))
        {
            try
            {
                ok = decimal.Remainder(dividend, divisor) == 0m;
            }
            catch (OverflowException)
            {
                ok = JsonNumber.IsMultiple(value.GetRawText(), text) ?? IsWholeQuotient((double)dividend, approximate);
            }
        }
        else
        {
            // Beyond decimal: exact on the digits where the numbers' scales are not absurdly far
            // apart (1e308 is a multiple of 0.5), else a double quotient, where overflow is no multiple.
            ok = JsonNumber.IsMultiple(value.GetRawText(), text) ?? IsWholeQuotient(value.GetDouble(), approximate);
        }

        return ok || (context?.Fail("multipleOf", MultipleOfMessage(text, value.GetRawText())) ?? false);
    }

    private static int Compare(JsonElement value, decimal? exact, string text) =>
        exact is { } limit && JsonNumber.TryGetExactDecimal(value, out decimal number)
            ? number.CompareTo(limit)
            : JsonNumber.Compare(value.GetRawText(), text);

    /// <summary>The message for a failed <c>minimum</c> check.</summary>
    private static string MinimumMessage(string minimum, string actual) => $"must be greater than or equal to {minimum}, got {actual}";

    /// <summary>The message for a failed <c>exclusiveMinimum</c> check.</summary>
    private static string ExclusiveMinimumMessage(string minimum, string actual) => $"must be greater than {minimum}, got {actual}";

    /// <summary>The message for a failed <c>maximum</c> check.</summary>
    private static string MaximumMessage(string maximum, string actual) => $"must be less than or equal to {maximum}, got {actual}";

    /// <summary>The message for a failed <c>exclusiveMaximum</c> check.</summary>
    private static string ExclusiveMaximumMessage(string maximum, string actual) => $"must be less than {maximum}, got {actual}";

    /// <summary>The message for a failed <c>multipleOf</c> check.</summary>
    private static string MultipleOfMessage(string divisor, string actual) => $"must be a multiple of {divisor}, got {actual}";
}
