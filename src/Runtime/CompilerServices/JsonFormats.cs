using System;
using System.ComponentModel;

namespace Insights.Contracts.Runtime.CompilerServices;

/// <summary>
/// Strict checks for the JSON Schema formats: exactly the grammar of the RFC each format names, no
/// culture, no surrounding whitespace, and non-ASCII characters only where that RFC allows them
/// (IRIs, internationalized host names and mailboxes; never other scripts' digits). The lenient BCL
/// parsers (<see cref="System.Net.IPAddress"/>, <see cref="System.Uri"/>, <see cref="DateTimeOffset"/>,
/// <see cref="System.Globalization.IdnMapping"/>) accept forms these RFCs do not, and reject leap seconds.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class JsonFormats
{
    /// <summary>True when <paramref name="value"/> is valid for <paramref name="format"/>.</summary>
    public static bool IsValid(string value, JsonFormat format) => format switch
    {
        JsonFormat.DateTime => IsDateTime(value),
        JsonFormat.Time => IsTime(value),
        JsonFormat.Email => IsEmail(value),
        JsonFormat.IPv4 => IsIPv4(value),
        JsonFormat.IPv6 => IsIPv6(value),
        JsonFormat.Uri => IsUri(value),
        JsonFormat.Date => IsoDate.TryParse(value, out _) == IsoDate.DateProblem.None,
        JsonFormat.Uuid => IsUuid(value),
        JsonFormat.UriReference => IsUriReference(value),
        JsonFormat.Iri => IsIri(value),
        JsonFormat.IriReference => IsIriReference(value),
        JsonFormat.UriTemplate => IsUriTemplate(value),
        JsonFormat.Hostname => IsHostname(value),
        JsonFormat.IdnHostname => IsIdnHostname(value),
        JsonFormat.IdnEmail => IsIdnEmail(value),
        JsonFormat.JsonPointer => IsJsonPointer(value),
        JsonFormat.RelativeJsonPointer => IsRelativeJsonPointer(value),
        JsonFormat.Regex => IsRegex(value),
        JsonFormat.Duration => IsDuration(value),
        _ => false,
    };

    /// <summary>RFC 3339 <c>date-time</c>: <c>full-date "T" full-time</c>, T and Z in either case.</summary>
    public static bool IsDateTime(string value) => Rfc3339DateTime.TryParse(value, out _, out _);

    /// <summary>RFC 3339 <c>full-time</c>: <c>HH:MM:SS[.frac](Z|±HH:MM)</c>; second 60 only at 23:59 UTC.</summary>
    public static bool IsTime(string value) => Rfc3339DateTime.TryParseTime(value, out _, out _);

    /// <summary>RFC 9562 UUID text: 8-4-4-4-12 hexadecimal digits, either case, nothing around them.</summary>
    public static bool IsUuid(string value) => IsUuid(value.AsSpan());

    /// <summary><see cref="IsUuid(string)"/> over UTF-8 text (a UUID is ASCII: one byte per character).</summary>
    public static bool IsUuid(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length != 36)
        {
            return false;
        }

        Span<char> chars = stackalloc char[36];
        for (int i = 0; i < chars.Length; i++)
        {
            chars[i] = (char)utf8[i];
        }

        return IsUuid(chars);
    }

    private static bool IsUuid(ReadOnlySpan<char> value)
    {
        if (value.Length != 36)
        {
            return false;
        }

        for (int i = 0; i < value.Length; i++)
        {
            bool ok = i is 8 or 13 or 18 or 23 ? value[i] == '-' : IsHex(value[i]);
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>RFC 2673 dotted quad: four decimal octets 0-255, no leading zeros, nothing else.</summary>
    public static bool IsIPv4(string value) => IsIPv4(value.AsSpan());

    /// <summary>RFC 4291 text form: eight groups of 1-4 hex digits, one <c>::</c> at most, an optional trailing IPv4.</summary>
    public static bool IsIPv6(string value) => IsIPv6(value.AsSpan());

    private static bool IsIPv6(ReadOnlySpan<char> s)
    {
        if (s.Length < 2 || s.Length > 45)
        {
            return false;
        }

        int groups = 0;
        bool compressed = false;
        int i = 0;
        if (s.StartsWith("::"))
        {
            compressed = true;
            i = 2;
            if (i == s.Length)
            {
                return true;
            }
        }
        else if (s[0] == ':')
        {
            return false;
        }

        while (i < s.Length)
        {
            int start = i;
            while (i < s.Length && IsHex(s[i]) && i - start < 5)
            {
                i++;
            }

            if (i < s.Length && s[i] == '.')
            {
                // An embedded IPv4 takes the place of the last two groups.
                return IsIPv4(s.Slice(start)) && (compressed ? groups <= 5 : groups == 6);
            }

            int length = i - start;
            if (length is 0 or > 4)
            {
                return false;
            }

            groups++;
            if (i == s.Length)
            {
                break;
            }

            if (s[i] != ':')
            {
                return false;
            }

            i++;
            if (i < s.Length && s[i] == ':')
            {
                if (compressed)
                {
                    return false;
                }

                compressed = true;
                i++;
                if (i == s.Length)
                {
                    break;
                }
            }
            else if (i == s.Length)
            {
                return false; // a single trailing colon
            }
        }

        return compressed ? groups <= 7 : groups == 8;
    }

    private static bool IsIPv4(ReadOnlySpan<char> s)
    {
        int parts = 0;
        int i = 0;
        while (parts < 4)
        {
            int start = i;
            int octet = 0;
            while (i < s.Length && IsDigit(s[i]) && i - start < 3)
            {
                octet = (octet * 10) + (s[i] - '0');
                i++;
            }

            int length = i - start;
            if (length == 0 || octet > 255 || (length > 1 && s[start] == '0'))
            {
                return false;
            }

            parts++;
            if (parts < 4)
            {
                if (i >= s.Length || s[i] != '.')
                {
                    return false;
                }

                i++;
            }
        }

        return i == s.Length;
    }

    /// <summary>
    /// ISO 8601 duration as RFC 3339 Appendix A writes it: <c>"P" (dur-date / dur-time / dur-week)</c>.
    /// Units in order (Y M D, then "T" H M S), none skipped inside a run (<c>P1Y2D</c> and
    /// <c>PT1H2S</c> are not in the grammar), weeks alone, whole numbers only, no sign.
    /// </summary>
    public static bool IsDuration(string value)
    {
        ReadOnlySpan<char> s = value;
        if (s.Length < 3 || s[0] != 'P')
        {
            return false;
        }

        s = s.Slice(1);
        if (s[0] != 'T')
        {
            int time = s.IndexOf('T');
            ReadOnlySpan<char> date = time >= 0 ? s.Slice(0, time) : s;
            bool weeks = date.Length > 1 && date[date.Length - 1] == 'W';
            if (weeks ? time >= 0 || !IsDurationRun(date, "W") : !IsDurationRun(date, "YMD"))
            {
                return false;
            }

            if (time < 0)
            {
                return true;
            }

            s = s.Slice(time);
        }

        return s.Length > 1 && IsDurationRun(s.Slice(1), "HMS");
    }

    /// <summary>
    /// One or more <c>1*DIGIT unit</c> elements whose units are consecutive letters of
    /// <paramref name="units"/> (the grammar nests them: a year may be followed by a month, not a day).
    /// </summary>
    private static bool IsDurationRun(ReadOnlySpan<char> s, string units)
    {
        int previous = -1;
        int i = 0;
        while (i < s.Length)
        {
            int start = i;
            while (i < s.Length && IsDigit(s[i]))
            {
                i++;
            }

            int unit = i < s.Length ? units.IndexOf(s[i]) : -1;
            if (i == start || unit < 0 || (previous >= 0 && unit != previous + 1))
            {
                return false;
            }

            previous = unit;
            i++;
        }

        return previous >= 0;
    }

    /// <summary>RFC 6901: empty, or <c>"/"</c>-prefixed reference tokens where <c>~</c> only starts <c>~0</c> or <c>~1</c>.</summary>
    public static bool IsJsonPointer(string value) => IsJsonPointer(value.AsSpan());

    private static bool IsJsonPointer(ReadOnlySpan<char> s)
    {
        if (!s.IsEmpty && s[0] != '/')
        {
            return false;
        }

        for (int i = 0; i < s.Length; i++)
        {
            if (s[i] == '~' && (++i == s.Length || s[i] is not ('0' or '1')))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Relative JSON Pointer (draft-handrews-relative-json-pointer): a non-negative integer without
    /// leading zeros, then <c>#</c> or a JSON Pointer.
    /// </summary>
    public static bool IsRelativeJsonPointer(string value)
    {
        ReadOnlySpan<char> s = value;
        int digits = 0;
        while (digits < s.Length && IsDigit(s[digits]))
        {
            digits++;
        }

        if (digits == 0 || (digits > 1 && s[0] == '0'))
        {
            return false;
        }

        ReadOnlySpan<char> rest = s.Slice(digits);
        return rest.SequenceEqual("#") || IsJsonPointer(rest);
    }

    /// <summary>
    /// An ECMA-262 regular expression (with the u flag, as JSON Schema's <c>pattern</c> reads it) that
    /// translates to a .NET pattern meaning the same: the rules the generator applies to <c>pattern</c>.
    /// ECMA-262 constructs .NET cannot express (script and binary Unicode properties, a range of
    /// characters outside the BMP in a class) are refused.
    /// </summary>
    public static bool IsRegex(string value) => EcmaPattern.IsValid(value);

    private static bool AllDigits(ReadOnlySpan<char> s)
    {
        foreach (char c in s)
        {
            if (!IsDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsDigit(char c) => c is >= '0' and <= '9';

    private static bool IsHex(char c) => IsDigit(c) || c is (>= 'a' and <= 'f') or (>= 'A' and <= 'F');

    private static bool IsAsciiLetter(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z');

    internal static string Describe(JsonFormat format) => format switch
    {
        JsonFormat.DateTime => "an RFC 3339 date-time (YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM))",
        JsonFormat.Time => "an RFC 3339 time (HH:MM:SS[.frac](Z|±HH:MM))",
        JsonFormat.Email => "an e-mail address",
        JsonFormat.IPv4 => "an IPv4 address",
        JsonFormat.IPv6 => "an IPv6 address",
        JsonFormat.Date => "an ISO 8601 date (YYYY-MM-DD)",
        JsonFormat.Uuid => "a UUID (8-4-4-4-12 hexadecimal digits)",
        JsonFormat.Uri => "an RFC 3986 absolute URI",
        JsonFormat.UriReference => "an RFC 3986 URI reference",
        JsonFormat.Iri => "an RFC 3987 absolute IRI",
        JsonFormat.IriReference => "an RFC 3987 IRI reference",
        JsonFormat.UriTemplate => "an RFC 6570 URI template",
        JsonFormat.Hostname => "an RFC 1123 host name",
        JsonFormat.IdnHostname => "an internationalized host name (IDNA2008)",
        JsonFormat.IdnEmail => "an RFC 6531 internationalized e-mail address",
        JsonFormat.JsonPointer => "an RFC 6901 JSON Pointer",
        JsonFormat.RelativeJsonPointer => "a relative JSON Pointer",
        JsonFormat.Regex => "an ECMA-262 regular expression",
        JsonFormat.Duration => "an ISO 8601 duration (P1Y2M3DT4H5M6S or P2W)",
        _ => format.ToString(),
    };
}
