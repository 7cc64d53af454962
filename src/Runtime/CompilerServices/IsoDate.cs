using System;
using System.Globalization;
using System.ComponentModel;

namespace Insights.Contracts.Runtime.CompilerServices;

/// <summary>
/// Strict RFC 3339 <c>full-date</c> (ISO 8601 calendar date, <c>YYYY-MM-DD</c>): exactly ten ASCII
/// characters, a real calendar day. Unlike <see cref="DateOnly.TryParse(string, out DateOnly)"/> it accepts no
/// culture formats, whitespace, times, offsets, single-digit fields or non-ASCII digits.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class IsoDate
{
    /// <summary>The number of UTF-8 bytes in a formatted date.</summary>
    public const int Length = 10;

    /// <summary>Why a text is not a date, or <see cref="DateProblem.None"/>.</summary>
    public enum DateProblem
    {
        /// <summary>The text is a valid date.</summary>
        None,

        /// <summary>The text is not shaped <c>YYYY-MM-DD</c>.</summary>
        NotIsoFormat,

        /// <summary>The shape is right but the day does not exist (2023-02-29, 2024-13-01, 0000-01-01).</summary>
        NotACalendarDay,
    }

    /// <summary>Parses UTF-8 <paramref name="utf8"/>.</summary>
    public static DateProblem TryParse(ReadOnlySpan<byte> utf8, out DateOnly date)
    {
        date = default;
        if (utf8.Length != Length || utf8[4] != (byte)'-' || utf8[7] != (byte)'-')
        {
            return DateProblem.NotIsoFormat;
        }

        if (!TryDigits(utf8.Slice(0, 4), out int year) || !TryDigits(utf8.Slice(5, 2), out int month) || !TryDigits(utf8.Slice(8, 2), out int day))
        {
            return DateProblem.NotIsoFormat;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return DateProblem.NotACalendarDay;
        }

        date = new DateOnly(year, month, day);
        return DateProblem.None;
    }

    /// <summary>Parses <paramref name="text"/>.</summary>
    public static DateProblem TryParse(string text, out DateOnly date)
    {
        Span<byte> buffer = stackalloc byte[Length];
        for (int i = 0; i < text.Length; i++)
        {
            // Anything that is not ASCII, or too long, cannot be a date: keep the shape check in one place.
            if (i >= Length || text[i] > 0x7F)
            {
                date = default;
                return DateProblem.NotIsoFormat;
            }

            buffer[i] = (byte)text[i];
        }

        return TryParse(buffer.Slice(0, text.Length), out date);
    }

    /// <summary>Writes <paramref name="date"/> as <c>YYYY-MM-DD</c> into <paramref name="destination"/> (10 bytes).</summary>
    public static void Format(DateOnly date, Span<byte> destination)
    {
        WriteDigits(destination.Slice(0, 4), date.Year);
        destination[4] = (byte)'-';
        WriteDigits(destination.Slice(5, 2), date.Month);
        destination[7] = (byte)'-';
        WriteDigits(destination.Slice(8, 2), date.Day);
    }

    /// <summary>Formats <paramref name="date"/> as <c>YYYY-MM-DD</c>.</summary>
    public static string ToIsoString(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static bool TryDigits(ReadOnlySpan<byte> digits, out int value)
    {
        value = 0;
        foreach (byte b in digits)
        {
            uint digit = (uint)(b - '0');
            if (digit > 9)
            {
                return false;
            }

            value = (value * 10) + (int)digit;
        }

        return true;
    }

    private static void WriteDigits(Span<byte> destination, int value)
    {
        for (int i = destination.Length - 1; i >= 0; i--)
        {
            destination[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }
}
