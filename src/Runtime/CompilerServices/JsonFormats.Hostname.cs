using System;

namespace Insights.Contracts.Runtime.CompilerServices;

// hostname and idn-hostname (RFC 1123, IDNA2008), email and idn-email (RFC 5321, RFC 6531).
public static partial class JsonFormats
{
    /// <summary>The longest host name, in octets of its ASCII form without a final dot (RFC 1034's 255 octets on the wire).</summary>
    private const int MaxHostNameLength = 253;

    /// <summary>
    /// RFC 1123 host name: dot-separated labels of letters, digits and hyphens (1-63 each, no hyphen
    /// first or last), at most 253 characters; an <c>xn--</c> label must be a valid IDNA2008 A-label.
    /// </summary>
    public static bool IsHostname(string value) => IsHostName(value, international: false);

    /// <summary>
    /// Internationalized host name (RFC 5890-5893): labels that are ASCII host name labels, A-labels
    /// or U-labels (IDNA2008 PVALID code points, the contextual rules, the Bidi rule), separated by
    /// the full stops UTS #46 reads as dots (U+002E, U+3002, U+FF0E, U+FF61); at most 253 octets
    /// once every label is in its ASCII form.
    /// </summary>
    public static bool IsIdnHostname(string value) => IsHostName(value, international: true);

    /// <summary>RFC 5321 mailbox: a dot-atom or quoted local part, then a host name or an address literal.</summary>
    public static bool IsEmail(string value) => IsMailbox(value, international: false);

    /// <summary>RFC 6531 mailbox: as <see cref="IsEmail"/>, with non-ASCII characters allowed in the local part and an internationalized host name.</summary>
    public static bool IsIdnEmail(string value) => IsMailbox(value, international: true);

    private static bool IsHostName(ReadOnlySpan<char> s, bool international)
    {
        var bidi = default(Idna.BidiState);
        int length = 0;
        while (true)
        {
            int dot = international ? s.IndexOfAny(".\u3002\uFF0E\uFF61") : s.IndexOf('.');
            if (!Idna.IsLabel(dot >= 0 ? s.Slice(0, dot) : s, international, ref bidi, out int labelLength))
            {
                return false;
            }

            length += labelLength;
            if (dot < 0)
            {
                return length <= MaxHostNameLength && bidi.Holds;
            }

            length++;
            s = s.Slice(dot + 1);
        }
    }

    private static bool IsMailbox(string value, bool international)
    {
        // A quoted local part may hold '@'; a domain never does.
        int at = value.LastIndexOf('@');
        if (at <= 0 || at == value.Length - 1)
        {
            return false;
        }

        ReadOnlySpan<char> local = value.AsSpan(0, at);
        ReadOnlySpan<char> domain = value.AsSpan(at + 1);
        return (IsDotAtom(local, international) || IsQuotedString(local, international)) && IsMailDomain(domain, international);
    }

    /// <summary><c>atext *("." atext)</c>; RFC 6531 adds every non-ASCII character to <c>atext</c>.</summary>
    private static bool IsDotAtom(ReadOnlySpan<char> s, bool international)
    {
        if (s[0] == '.' || s[s.Length - 1] == '.' || s.IndexOf("..") >= 0)
        {
            return false;
        }

        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            bool atext = c < 0x80
                ? IsAsciiLetter(c) || IsDigit(c) || "!#$%&'*+-/=?^_`{|}~.".IndexOf(c) >= 0
                : international && NextCodePoint(s, ref i, out _);
            if (!atext)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>RFC 5321 <c>Quoted-string</c>: printable ASCII or <c>\</c>-escaped pairs in quotes; RFC 6531 adds non-ASCII characters.</summary>
    private static bool IsQuotedString(ReadOnlySpan<char> s, bool international)
    {
        if (s.Length < 2 || s[0] != '"' || s[s.Length - 1] != '"')
        {
            return false;
        }

        s = s.Slice(1, s.Length - 2);
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            bool valid = c switch
            {
                '\\' => ++i < s.Length && s[i] is >= ' ' and <= '~',
                '"' => false,
                < ' ' => false,
                <= '~' => true,
                < '\x80' => false,
                _ => international && NextCodePoint(s, ref i, out _),
            };
            if (!valid)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A host name, or an address literal: <c>[IPv4]</c> or <c>[IPv6:address]</c>.</summary>
    private static bool IsMailDomain(ReadOnlySpan<char> s, bool international)
    {
        if (s.Length > 2 && s[0] == '[' && s[s.Length - 1] == ']')
        {
            ReadOnlySpan<char> literal = s.Slice(1, s.Length - 2);
            return literal.StartsWith("IPv6:", StringComparison.OrdinalIgnoreCase)
                ? IsIPv6(literal.Slice(5))
                : IsIPv4(literal);
        }

        return IsHostName(s, international);
    }
}
