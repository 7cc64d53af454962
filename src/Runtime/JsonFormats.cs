using System;

namespace Insights.Contracts.Runtime;

/// <summary>
/// Strict checks for the JSON Schema formats: exactly the grammar of the RFC each format names,
/// ASCII only (no culture, no full-width or other scripts' digits), no surrounding whitespace. The
/// lenient BCL parsers (<see cref="System.Net.IPAddress"/>, <see cref="System.Uri"/>,
/// <see cref="DateTimeOffset"/>) accept forms these RFCs do not, and reject leap seconds.
/// </summary>
public static class JsonFormats
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
        _ => false,
    };

    /// <summary>RFC 3339 <c>date-time</c>: <c>full-date "T" full-time</c>, T and Z in either case.</summary>
    public static bool IsDateTime(string value) =>
        value.Length > 11 && (value[10] is 'T' or 't')
        && IsoDate.TryParse(value.Substring(0, 10), out _) == IsoDate.DateProblem.None
        && IsTime(value.Substring(11));

    /// <summary>RFC 3339 <c>full-time</c>: <c>HH:MM:SS[.frac](Z|±HH:MM)</c>; second 60 only at 23:59 UTC.</summary>
    public static bool IsTime(string value)
    {
        ReadOnlySpan<char> s = value;
        if (s.Length < 9 || s[2] != ':' || s[5] != ':'
            || !TwoDigits(s, 0, out int hour) || !TwoDigits(s, 3, out int minute) || !TwoDigits(s, 6, out int second)
            || hour > 23 || minute > 59 || second > 60)
        {
            return false;
        }

        int i = 8;
        if (i < s.Length && s[i] == '.')
        {
            int start = ++i;
            while (i < s.Length && IsDigit(s[i]))
            {
                i++;
            }

            if (i == start)
            {
                return false;
            }
        }

        int offsetMinutes;
        ReadOnlySpan<char> offset = s.Slice(i);
        if (offset.Length == 1 && offset[0] is 'Z' or 'z')
        {
            offsetMinutes = 0;
        }
        else if (offset.Length == 6 && offset[0] is '+' or '-' && offset[3] == ':'
            && TwoDigits(offset, 1, out int offsetHour) && TwoDigits(offset, 4, out int offsetMinute) && offsetHour <= 23 && offsetMinute <= 59)
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
            return utcMinutes == (23 * 60) + 59;
        }

        return true;
    }

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
    public static bool IsIPv6(string value)
    {
        ReadOnlySpan<char> s = value;
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

    /// <summary>RFC 5321 mailbox: a dot-atom or quoted local part, then a domain name or an address literal.</summary>
    public static bool IsEmail(string value)
    {
        int at = value.LastIndexOf('@');
        if (at <= 0 || at == value.Length - 1)
        {
            return false;
        }

        ReadOnlySpan<char> local = value.AsSpan(0, at);
        ReadOnlySpan<char> domain = value.AsSpan(at + 1);
        return (IsDotAtom(local) || IsQuotedString(local)) && IsMailDomain(domain);
    }

    /// <summary>RFC 3986 absolute URI: <c>scheme ":" hier-part ["?" query] ["#" fragment]</c>.</summary>
    public static bool IsUri(string value)
    {
        ReadOnlySpan<char> s = value;
        int colon = s.IndexOf(':');
        if (colon <= 0 || !IsAsciiLetter(s[0]))
        {
            return false;
        }

        foreach (char c in s.Slice(1, colon - 1))
        {
            if (!(IsAsciiLetter(c) || IsDigit(c) || c is '+' or '-' or '.'))
            {
                return false;
            }
        }

        ReadOnlySpan<char> rest = s.Slice(colon + 1);
        int fragment = rest.IndexOf('#');
        if (fragment >= 0)
        {
            if (!AllUriChars(rest.Slice(fragment + 1), "/?:@"))
            {
                return false;
            }

            rest = rest.Slice(0, fragment);
        }

        int query = rest.IndexOf('?');
        if (query >= 0)
        {
            if (!AllUriChars(rest.Slice(query + 1), "/?:@"))
            {
                return false;
            }

            rest = rest.Slice(0, query);
        }

        if (rest.StartsWith("//"))
        {
            ReadOnlySpan<char> afterSlashes = rest.Slice(2);
            int pathStart = afterSlashes.IndexOf('/');
            ReadOnlySpan<char> authority = pathStart >= 0 ? afterSlashes.Slice(0, pathStart) : afterSlashes;
            ReadOnlySpan<char> path = pathStart >= 0 ? afterSlashes.Slice(pathStart) : default;
            return IsAuthority(authority) && AllUriChars(path, "/:@");
        }

        return AllUriChars(rest, "/:@");
    }

    private static bool IsAuthority(ReadOnlySpan<char> authority)
    {
        int at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            if (!AllUriChars(authority.Slice(0, at), ":"))
            {
                return false;
            }

            authority = authority.Slice(at + 1);
        }

        ReadOnlySpan<char> host = authority;
        if (authority.StartsWith("["))
        {
            int close = authority.IndexOf(']');
            if (close < 0)
            {
                return false;
            }

            host = authority.Slice(1, close - 1);
            ReadOnlySpan<char> afterHost = authority.Slice(close + 1);
            return (IsIPv6(host.ToString()) || IsIPvFuture(host)) && (afterHost.IsEmpty || (afterHost[0] == ':' && AllDigits(afterHost.Slice(1))));
        }

        int portColon = authority.LastIndexOf(':');
        if (portColon >= 0)
        {
            if (!AllDigits(authority.Slice(portColon + 1)))
            {
                return false;
            }

            host = authority.Slice(0, portColon);
        }

        return AllUriChars(host, string.Empty);
    }

    private static bool IsIPvFuture(ReadOnlySpan<char> host) =>
        host.Length > 3 && host[0] is 'v' or 'V' && host.IndexOf('.') > 1 && AllUriChars(host.Slice(host.IndexOf('.') + 1), ":");

    /// <summary>Every character is unreserved, a sub-delimiter, one of <paramref name="extra"/>, or a valid %XX escape.</summary>
    private static bool AllUriChars(ReadOnlySpan<char> text, string extra)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '%')
            {
                if (i + 2 >= text.Length || !IsHex(text[i + 1]) || !IsHex(text[i + 2]))
                {
                    return false;
                }

                i += 2;
                continue;
            }

            bool unreserved = IsAsciiLetter(c) || IsDigit(c) || c is '-' or '.' or '_' or '~';
            bool subDelimiter = c is '!' or '$' or '&' or '\'' or '(' or ')' or '*' or '+' or ',' or ';' or '=';
            if (!unreserved && !subDelimiter && extra.IndexOf(c) < 0)
            {
                return false;
            }
        }

        return true;
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

    private static bool IsDotAtom(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty || s[0] == '.' || s[s.Length - 1] == '.' || s.IndexOf("..") >= 0)
        {
            return false;
        }

        foreach (char c in s)
        {
            bool atext = IsAsciiLetter(c) || IsDigit(c) || "!#$%&'*+-/=?^_`{|}~.".IndexOf(c) >= 0;
            if (!atext)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsQuotedString(ReadOnlySpan<char> s)
    {
        if (s.Length < 2 || s[0] != '"' || s[s.Length - 1] != '"')
        {
            return false;
        }

        for (int i = 1; i < s.Length - 1; i++)
        {
            char c = s[i];
            if (c == '\\')
            {
                if (++i >= s.Length - 1 || s[i] < 0x20 || s[i] > 0x7E)
                {
                    return false;
                }
            }
            else if (c < 0x20 || c > 0x7E || c == '"')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsMailDomain(ReadOnlySpan<char> s)
    {
        if (s.Length > 2 && s[0] == '[' && s[s.Length - 1] == ']')
        {
            ReadOnlySpan<char> literal = s.Slice(1, s.Length - 2);
            return literal.StartsWith("IPv6:", StringComparison.OrdinalIgnoreCase)
                ? IsIPv6(literal.Slice(5).ToString())
                : IsIPv4(literal);
        }

        if (s.Length > 253)
        {
            return false;
        }

        foreach (Range range in s.Split('.'))
        {
            ReadOnlySpan<char> label = s[range];
            if (label.IsEmpty || label.Length > 63 || label[0] == '-' || label[label.Length - 1] == '-')
            {
                return false;
            }

            foreach (char c in label)
            {
                if (!(IsAsciiLetter(c) || IsDigit(c) || c == '-'))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool TwoDigits(ReadOnlySpan<char> s, int at, out int value)
    {
        value = 0;
        if (at + 2 > s.Length || !IsDigit(s[at]) || !IsDigit(s[at + 1]))
        {
            return false;
        }

        value = ((s[at] - '0') * 10) + (s[at + 1] - '0');
        return true;
    }

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
        _ => "an absolute URI",
    };
}
