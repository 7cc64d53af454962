// Compiled into the runtime and linked into the generator: the format check, the typed reader of a
// DateTimeOffset member and the generator's reading of a date-time default must accept the same
// texts and turn them into the same instant, so the grammar is written once.
using System;

#if INSIGHTS_GENERATOR
namespace Insights.Contracts.Generator.Shared;
#else
namespace Insights.Contracts.Runtime;
#endif

/// <summary>
/// RFC 3339 <c>date-time</c> and <c>full-time</c>, exactly as section 5.6 writes them (<c>T</c> and
/// <c>Z</c> in either case, a fraction of any length, second 60 only where it is 23:59:60 UTC), and
/// what a <see cref="DateTimeOffset"/> can hold of one.
/// </summary>
internal static class Rfc3339DateTime
{
    private const long TicksPerSecond = 10_000_000;
    private const long TicksPerMinute = 60 * TicksPerSecond;
    private const int MaxOffsetMinutes = 14 * 60;

    /// <summary>
    /// Whether <paramref name="s"/> is an RFC 3339 <c>date-time</c>; if so, its wall-clock time as
    /// <see cref="DateTime"/> ticks (fraction truncated to 100 ns, a leap second clamped to the last
    /// tick of second 59) and its offset in minutes (<c>Z</c> and <c>-00:00</c> are 0).
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> s, out long clockTicks, out int offsetMinutes)
    {
        clockTicks = 0;
        offsetMinutes = 0;
        if (s.Length < 11 || s[4] != '-' || s[7] != '-' || s[10] is not ('T' or 't')
            || !Digits(s, 0, 4, out int year) || !Digits(s, 5, 2, out int month) || !Digits(s, 8, 2, out int day)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || !TryParseTime(s.Slice(11), out long timeTicks, out offsetMinutes))
        {
            return false;
        }

        clockTicks = new DateTime(year, month, day).Ticks + timeTicks;
        return true;
    }

    /// <summary>
    /// Whether <paramref name="s"/> is an RFC 3339 <c>full-time</c> (<c>HH:MM:SS[.frac](Z|±HH:MM)</c>);
    /// if so, the time of day in ticks (as <see cref="TryParse"/> gives them) and the offset in minutes.
    /// </summary>
    public static bool TryParseTime(ReadOnlySpan<char> s, out long timeTicks, out int offsetMinutes)
    {
        timeTicks = 0;
        offsetMinutes = 0;
        if (s.Length < 9 || s[2] != ':' || s[5] != ':'
            || !Digits(s, 0, 2, out int hour) || !Digits(s, 3, 2, out int minute) || !Digits(s, 6, 2, out int second)
            || hour > 23 || minute > 59 || second > 60)
        {
            return false;
        }

        int i = 8;
        long fraction = 0;
        if (i < s.Length && s[i] == '.')
        {
            int start = ++i;
            long scale = TicksPerSecond / 10;
            for (; i < s.Length && s[i] is >= '0' and <= '9'; i++)
            {
                // Digits past the seventh are finer than a tick: read, and dropped.
                fraction += (s[i] - '0') * scale;
                scale /= 10;
            }

            if (i == start)
            {
                return false;
            }
        }

        ReadOnlySpan<char> offset = s.Slice(i);
        if (offset.Length == 1 && offset[0] is 'Z' or 'z')
        {
            offsetMinutes = 0;
        }
        else if (offset.Length == 6 && offset[0] is '+' or '-' && offset[3] == ':'
            && Digits(offset, 1, 2, out int offsetHour) && Digits(offset, 4, 2, out int offsetMinute) && offsetHour <= 23 && offsetMinute <= 59)
        {
            offsetMinutes = (offset[0] == '+' ? 1 : -1) * ((offsetHour * 60) + offsetMinute);
        }
        else
        {
            return false;
        }

        if (second == 60)
        {
            // A leap second is the last second of a UTC day: 23:59:60 once the offset is removed.
            int utcMinutes = ((((hour * 60) + minute - offsetMinutes) % 1440) + 1440) % 1440;
            if (utcMinutes != (23 * 60) + 59)
            {
                return false;
            }

            // No DateTimeOffset is second 60: the last tick of second 59, the latest instant before the next minute.
            second = 59;
            fraction = TicksPerSecond - 1;
        }

        timeTicks = (((hour * 60L) + minute) * TicksPerMinute) + (second * TicksPerSecond) + fraction;
        return true;
    }

    /// <summary>
    /// The <see cref="DateTimeOffset"/> (as clock ticks and offset minutes) of a parsed date-time: an
    /// offset beyond ±14:00, which a DateTimeOffset cannot have, becomes the same instant in UTC.
    /// False when the instant is before 0001-01-01T00:00:00Z or after 9999-12-31T23:59:59.9999999Z.
    /// </summary>
    public static bool TryRepresent(long clockTicks, int offsetMinutes, out long ticks, out int offset)
    {
        long utcTicks = clockTicks - (offsetMinutes * TicksPerMinute);
        bool inRange = utcTicks >= DateTime.MinValue.Ticks && utcTicks <= DateTime.MaxValue.Ticks;
        bool keepsOffset = Math.Abs(offsetMinutes) <= MaxOffsetMinutes;
        ticks = !inRange ? 0 : keepsOffset ? clockTicks : utcTicks;
        offset = inRange && keepsOffset ? offsetMinutes : 0;
        return inRange;
    }

    private static readonly string[] MonthNames =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    /// <summary>
    /// Which part of a text shaped like an RFC 3339 <c>date-time</c> does not exist
    /// (<c>2025-02-30T10:00:00Z</c>: "February 2025 has 28 days, so day 30 does not exist"); null when
    /// the text is valid or not shaped like one (then the shape is what a message should show).
    /// Only error messages call it.
    /// </summary>
    public static string? DateTimeProblem(ReadOnlySpan<char> s) =>
        s.Length > 11 && s[10] is 'T' or 't' && TimeProblem(s.Slice(11), out bool timeShaped) is var time && timeShaped
            ? DateProblem(s.Slice(0, 10)) ?? time
            : null;

    /// <summary>Which part of a text shaped <c>YYYY-MM-DD</c> is not on the calendar; null otherwise.</summary>
    public static string? DateProblem(ReadOnlySpan<char> s)
    {
        if (s.Length != 10 || s[4] != '-' || s[7] != '-' || !Digits(s, 0, 4, out int year) || !Digits(s, 5, 2, out int month) || !Digits(s, 8, 2, out int day))
        {
            return null;
        }

        if (year < 1)
        {
            return "year 0000 does not exist (the first is 0001)";
        }

        if (month is < 1 or > 12)
        {
            return $"month {Two(month)} does not exist (01 to 12)";
        }

        int days = DateTime.DaysInMonth(year, month);
        return day < 1 || day > days ? $"{MonthNames[month - 1]} {year:D4} has {days} days, so day {Two(day)} does not exist" : null;
    }

    /// <summary>Which part of a text shaped <c>HH:MM:SS[.frac](Z|±HH:MM)</c> does not exist; null otherwise.</summary>
    public static string? TimeProblem(ReadOnlySpan<char> s) => TimeProblem(s, out _);

    private static string? TimeProblem(ReadOnlySpan<char> s, out bool shaped)
    {
        shaped = false;
        if (s.Length < 9 || s[2] != ':' || s[5] != ':' || !Digits(s, 0, 2, out int hour) || !Digits(s, 3, 2, out int minute) || !Digits(s, 6, 2, out int second))
        {
            return null;
        }

        int i = 8;
        if (s[i] == '.')
        {
            int start = ++i;
            while (i < s.Length && s[i] is >= '0' and <= '9')
            {
                i++;
            }

            if (i == start)
            {
                return null;
            }
        }

        ReadOnlySpan<char> offset = s.Slice(i);
        int offsetHour = 0, offsetMinute = 0, sign = 1;
        if (offset.Length == 6 && offset[0] is '+' or '-' && offset[3] == ':' && Digits(offset, 1, 2, out offsetHour) && Digits(offset, 4, 2, out offsetMinute))
        {
            sign = offset[0] == '+' ? 1 : -1;
        }
        else if (!(offset.Length == 1 && offset[0] is 'Z' or 'z'))
        {
            return null;
        }

        shaped = true;
        int utcMinutes = ((((hour * 60) + minute - (sign * ((offsetHour * 60) + offsetMinute))) % 1440) + 1440) % 1440;
        return hour > 23 ? $"hour {Two(hour)} does not exist (00 to 23)"
            : minute > 59 ? $"minute {Two(minute)} does not exist (00 to 59)"
            : second > 60 ? $"second {Two(second)} does not exist (00 to 59, or 60 for a leap second)"
            : offsetHour > 23 ? $"the offset's hour {Two(offsetHour)} does not exist (00 to 23)"
            : offsetMinute > 59 ? $"the offset's minute {Two(offsetMinute)} does not exist (00 to 59)"
            : second == 60 && utcMinutes != (23 * 60) + 59 ? "second 60 is a leap second, which only 23:59:60 UTC has"
            : null;
    }

    private static string Two(int value) => value.ToString("D2", System.Globalization.CultureInfo.InvariantCulture);

    private static bool Digits(ReadOnlySpan<char> s, int at, int count, out int value)
    {
        value = 0;
        if (at + count > s.Length)
        {
            return false;
        }

        for (int i = at; i < at + count; i++)
        {
            if (s[i] is not (>= '0' and <= '9'))
            {
                return false;
            }

            value = (value * 10) + (s[i] - '0');
        }

        return true;
    }
}
