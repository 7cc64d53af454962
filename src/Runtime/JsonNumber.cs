using System;
using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Insights.Contracts.Runtime;

/// <summary>
/// JSON numbers compared by value, exactly, whatever their size: JSON has no range limit, and
/// JSON Schema compares numbers mathematically. A number whose text has no exponent and at most
/// 28 digits is an exact <see cref="decimal"/> (the fast path); any other is taken from its text as
/// digits × 10^exponent. Doubles are never used to decide: <c>1e400</c> and <c>2e400</c> are both
/// infinity as doubles, and <c>decimal.Parse</c> rounds a 29th digit away without a word.
/// </summary>
internal static class JsonNumber
{
    private const int DecimalDigits = ExactDecimal.MaxDigits;

    /// <summary>
    /// The value as a decimal when that is exact (<see cref="ExactDecimal"/>: no exponent, at most 28
    /// digits); the generator applies the same rule, from the same source file, to schema numbers.
    /// </summary>
    public static bool TryGetExactDecimal(JsonElement value, out decimal result)
    {
        ReadOnlySpan<byte> raw = JsonMarshal.GetRawUtf8Value(value);
        int digits = 0;
        bool exponent = false;
        foreach (byte b in raw)
        {
            exponent |= b is (byte)'e' or (byte)'E';
            digits += b is >= (byte)'0' and <= (byte)'9' ? 1 : 0;
        }

        if (!ExactDecimal.Applies(digits, exponent))
        {
            result = 0;
            return false;
        }

        return value.TryGetDecimal(out result);
    }

    /// <summary>Compares two JSON number texts by value.</summary>
    public static int Compare(string left, string right)
    {
        (BigInteger a, long aExponent) = Parse(left);
        (BigInteger b, long bExponent) = Parse(right);
        if (a.Sign != b.Sign || a.IsZero)
        {
            return a.Sign.CompareTo(b.Sign);
        }

        // Same sign: the position of the leading digit decides, unless it is the same.
        long aMagnitude = DigitCount(a) + aExponent;
        long bMagnitude = DigitCount(b) + bExponent;
        if (aMagnitude != bMagnitude)
        {
            return a.Sign * aMagnitude.CompareTo(bMagnitude);
        }

        // Same leading position: the exponents differ by at most the digit count, so aligning is cheap.
        long shift = aExponent - bExponent;
        return shift >= 0
            ? (a * BigInteger.Pow(10, (int)shift)).CompareTo(b)
            : a.CompareTo(b * BigInteger.Pow(10, (int)-shift));
    }

    /// <summary>Whether a JSON number text has no fractional part (<c>1.0</c>, <c>1e2</c> and <c>1.5e1</c> have none).</summary>
    public static bool IsInteger(string text)
    {
        (BigInteger digits, long exponent) = Parse(text);
        return digits.IsZero || exponent >= 0;
    }

    /// <summary>Whether <paramref name="value"/> is a multiple of <paramref name="divisor"/>; null when their scales are too far apart to compute.</summary>
    public static bool? IsMultiple(string value, string divisor)
    {
        (BigInteger valueDigits, long valueExponent) = Parse(value);
        (BigInteger divisorDigits, long divisorExponent) = Parse(divisor);
        if (valueDigits.IsZero)
        {
            return true;
        }

        long shift = valueExponent - divisorExponent;
        if (divisorDigits.IsZero || Math.Abs(shift) > 10_000)
        {
            return null;
        }

        BigInteger scale = BigInteger.Pow(10, (int)Math.Abs(shift));
        return shift >= 0
            ? (valueDigits * scale % divisorDigits).IsZero
            : (valueDigits % (divisorDigits * scale)).IsZero;
    }

    /// <summary>A hash equal for equal values, and equal to the decimal's hash where the value is a decimal.</summary>
    public static int GetHashCode(string text)
    {
        (BigInteger digits, long exponent) = Parse(text);
        if (exponent is >= -DecimalDigits and <= DecimalDigits)
        {
            BigInteger scaled = exponent >= 0 ? digits * BigInteger.Pow(10, (int)exponent) : digits;
            if (BigInteger.Abs(scaled) <= (BigInteger)decimal.MaxValue)
            {
                decimal value = exponent >= 0 ? (decimal)scaled : (decimal)scaled / (decimal)BigInteger.Pow(10, (int)-exponent);
                return value.GetHashCode();
            }
        }

        return HashCode.Combine(digits, exponent);
    }

    /// <summary>A JSON number text as digits × 10^exponent, without trailing zeros in the digits (so equal values parse alike).</summary>
    private static (BigInteger Digits, long Exponent) Parse(string number)
    {
        int exponentAt = number.IndexOfAny(['e', 'E']);
        string mantissa = exponentAt < 0 ? number : number.Substring(0, exponentAt);
        long exponent = exponentAt < 0 ? 0 : ParseExponent(number.AsSpan(exponentAt + 1));
        int dot = mantissa.IndexOf('.');
        if (dot >= 0)
        {
            exponent -= mantissa.Length - dot - 1;
            mantissa = mantissa.Remove(dot, 1);
        }

        // Trailing zeros go into the exponent on the text: dividing a huge number by 10 repeatedly would be quadratic.
        string trimmed = mantissa.TrimEnd('0');
        if (trimmed.Length == 0 || trimmed == "-")
        {
            return (BigInteger.Zero, 0);
        }

        exponent += mantissa.Length - trimmed.Length;
        return (BigInteger.Parse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture), exponent);
    }

    // An exponent too long for a long is saturated: such numbers still order correctly against
    // any number of ordinary size.
    private static long ParseExponent(ReadOnlySpan<char> text) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long exponent)
            ? Math.Clamp(exponent, long.MinValue / 4, long.MaxValue / 4)
            : text.StartsWith("-") ? long.MinValue / 4 : long.MaxValue / 4;

    private static long DigitCount(BigInteger value) => BigInteger.Abs(value).ToString(CultureInfo.InvariantCulture).Length;
}
