using System;

namespace Insights.Contracts.Runtime.CompilerServices;

// uri, uri-reference, iri, iri-reference (RFC 3986 / RFC 3987) and uri-template (RFC 6570).
public static partial class JsonFormats
{
    /// <summary>RFC 3986 absolute URI: <c>scheme ":" hier-part ["?" query] ["#" fragment]</c>, ASCII only.</summary>
    public static bool IsUri(string value) => IsReference(value, iri: false, absolute: true);

    /// <summary>RFC 3986 <c>URI-reference</c>: an absolute URI or a relative reference (<c>//host/p</c>, <c>/p</c>, <c>p</c>, <c>?q</c>, <c>#f</c>, empty).</summary>
    public static bool IsUriReference(string value) => IsReference(value, iri: false, absolute: false);

    /// <summary>RFC 3987 absolute IRI: a URI whose parts may also hold the non-ASCII characters RFC 3987 allows.</summary>
    public static bool IsIri(string value) => IsReference(value, iri: true, absolute: true);

    /// <summary>RFC 3987 <c>IRI-reference</c>: an absolute IRI or a relative reference.</summary>
    public static bool IsIriReference(string value) => IsReference(value, iri: true, absolute: false);

    /// <summary>
    /// RFC 6570 template: literals and <c>{operator varspec,...}</c> expressions of any level. The
    /// operators the RFC reserves for future extensions (<c>= , ! @ |</c>) are refused: no processor
    /// can expand them.
    /// </summary>
    public static bool IsUriTemplate(string value)
    {
        ReadOnlySpan<char> s = value;
        while (!s.IsEmpty)
        {
            int open = s.IndexOf('{');

            // RFC 6570 literals: what an IRI query may hold, and the other gen-delims "#[]"; so not
            // space, " % (but for %XX) < > \ ^ ` { | }. The apostrophe is a sub-delimiter, so allowed,
            // though the RFC's list of exclusions names it.
            if (!IsUriText(open >= 0 ? s.Slice(0, open) : s, "#/:?@[]", iri: true, privateUse: true))
            {
                return false;
            }

            if (open < 0)
            {
                return true;
            }

            s = s.Slice(open + 1);
            int close = s.IndexOf('}');
            if (close < 0 || !IsTemplateExpression(s.Slice(0, close)))
            {
                return false;
            }

            s = s.Slice(close + 1);
        }

        return true;
    }

    /// <summary>
    /// The RFC 3986 grammar (RFC 3987's when <paramref name="iri"/>), split as RFC 3986 §3 does:
    /// fragment at the first <c>#</c>, query at the first <c>?</c>, scheme, then
    /// <c>"//" authority path-abempty</c> or a path.
    /// </summary>
    private static bool IsReference(ReadOnlySpan<char> s, bool iri, bool absolute)
    {
        int fragment = s.IndexOf('#');
        if (fragment >= 0)
        {
            if (!IsUriText(s.Slice(fragment + 1), "/?:@", iri, privateUse: false))
            {
                return false;
            }

            s = s.Slice(0, fragment);
        }

        int query = s.IndexOf('?');
        if (query >= 0)
        {
            // Only an IRI's query may hold private-use characters (RFC 3987 iquery).
            if (!IsUriText(s.Slice(query + 1), "/?:@", iri, privateUse: iri))
            {
                return false;
            }

            s = s.Slice(0, query);
        }

        int colon = s.IndexOf(':');
        if (colon > 0 && IsScheme(s.Slice(0, colon)))
        {
            s = s.Slice(colon + 1);
        }
        else if (absolute)
        {
            return false;
        }
        else
        {
            // A relative reference: a colon in its first segment would make that segment a scheme
            // (path-noscheme), so "1:b" is not one; "./1:b" is.
            int slash = s.IndexOf('/');
            if ((slash >= 0 ? s.Slice(0, slash) : s).IndexOf(':') >= 0)
            {
                return false;
            }
        }

        if (s.StartsWith("//"))
        {
            s = s.Slice(2);
            int pathStart = s.IndexOf('/');
            if (!IsAuthority(pathStart >= 0 ? s.Slice(0, pathStart) : s, iri))
            {
                return false;
            }

            s = pathStart >= 0 ? s.Slice(pathStart) : default;
        }

        return IsUriText(s, "/:@", iri, privateUse: false);
    }

    /// <summary><c>ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )</c>.</summary>
    private static bool IsScheme(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty || !IsAsciiLetter(s[0]))
        {
            return false;
        }

        foreach (char c in s)
        {
            if (!(IsAsciiLetter(c) || IsDigit(c) || c is '+' or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><c>[ userinfo "@" ] host [ ":" port ]</c>; the host is an IP literal in brackets or a reg-name (a dotted quad is one).</summary>
    private static bool IsAuthority(ReadOnlySpan<char> authority, bool iri)
    {
        int at = authority.IndexOf('@');
        if (at >= 0)
        {
            if (!IsUriText(authority.Slice(0, at), ":", iri, privateUse: false))
            {
                return false;
            }

            authority = authority.Slice(at + 1);
        }

        ReadOnlySpan<char> port;
        if (authority.StartsWith("["))
        {
            int close = authority.IndexOf(']');
            if (close < 0)
            {
                return false;
            }

            ReadOnlySpan<char> literal = authority.Slice(1, close - 1);
            if (!IsIPv6(literal) && !IsIPvFuture(literal))
            {
                return false;
            }

            port = authority.Slice(close + 1);
        }
        else
        {
            int colon = authority.IndexOf(':');
            if (!IsUriText(colon >= 0 ? authority.Slice(0, colon) : authority, string.Empty, iri, privateUse: false))
            {
                return false;
            }

            port = colon >= 0 ? authority.Slice(colon) : default;
        }

        return port.IsEmpty || (port[0] == ':' && AllDigits(port.Slice(1)));
    }

    /// <summary><c>"v" 1*HEXDIG "." 1*( unreserved / sub-delims / ":" )</c>, the 'v' in either case.</summary>
    private static bool IsIPvFuture(ReadOnlySpan<char> s)
    {
        int dot = s.IndexOf('.');
        if (dot < 2 || dot == s.Length - 1 || s[0] is not ('v' or 'V'))
        {
            return false;
        }

        foreach (char c in s.Slice(1, dot - 1))
        {
            if (!IsHex(c))
            {
                return false;
            }
        }

        ReadOnlySpan<char> rest = s.Slice(dot + 1);
        return rest.IndexOf('%') < 0 && IsUriText(rest, ":", iri: false, privateUse: false);
    }

    /// <summary>
    /// Every character is unreserved, a sub-delimiter, one of <paramref name="extra"/>, or a valid
    /// %XX escape; for an IRI also an RFC 3987 <c>ucschar</c> (and <c>iprivate</c> where
    /// <paramref name="privateUse"/>), read as code points.
    /// </summary>
    private static bool IsUriText(ReadOnlySpan<char> text, string extra, bool iri, bool privateUse)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '%')
            {
                if (!IsPercentEscape(text, i))
                {
                    return false;
                }

                i += 2;
            }
            else if (c < 0x80)
            {
                if (!IsUnreservedOrSubDelimiter(c) && extra.IndexOf(c) < 0)
                {
                    return false;
                }
            }
            else if (!iri || !NextCodePoint(text, ref i, out int codePoint) || !(IsUcsChar(codePoint) || (privateUse && IsIPrivate(codePoint))))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><c>pct-encoded</c> at <paramref name="i"/>: '%' and two hexadecimal digits.</summary>
    private static bool IsPercentEscape(ReadOnlySpan<char> s, int i) => i + 2 < s.Length && IsHex(s[i + 1]) && IsHex(s[i + 2]);

    private static bool IsUnreservedOrSubDelimiter(char c) =>
        IsAsciiLetter(c) || IsDigit(c) || c is '-' or '.' or '_' or '~'
        || c is '!' or '$' or '&' or '\'' or '(' or ')' or '*' or '+' or ',' or ';' or '=';

    /// <summary>RFC 3987 <c>ucschar</c>: the non-ASCII characters an IRI may hold anywhere (no controls, surrogates or noncharacters).</summary>
    private static bool IsUcsChar(int c) =>
        c is (>= 0xA0 and <= 0xD7FF) or (>= 0xF900 and <= 0xFDCF) or (>= 0xFDF0 and <= 0xFFEF) or (>= 0xE1000 and <= 0xEFFFD)
        || (c is >= 0x10000 and < 0xE0000 && (c & 0xFFFF) <= 0xFFFD);

    /// <summary>RFC 3987 <c>iprivate</c>: private-use characters, allowed in a query only.</summary>
    private static bool IsIPrivate(int c) => c is (>= 0xE000 and <= 0xF8FF) or (>= 0xF0000 and <= 0xFFFFD) or (>= 0x100000 and <= 0x10FFFD);

    /// <summary>The code point at <paramref name="i"/> (moved to its last UTF-16 unit); false for an unpaired surrogate.</summary>
    private static bool NextCodePoint(ReadOnlySpan<char> text, ref int i, out int codePoint)
    {
        char c = text[i];
        if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
        {
            codePoint = char.ConvertToUtf32(c, text[++i]);
            return true;
        }

        codePoint = c;
        return !char.IsSurrogate(c);
    }

    /// <summary><c>[ operator ] varspec *( "," varspec )</c>; a varspec is <c>varname [ ":" max-length / "*" ]</c>.</summary>
    private static bool IsTemplateExpression(ReadOnlySpan<char> s)
    {
        if (!s.IsEmpty && s[0] is '+' or '#' or '.' or '/' or ';' or '?' or '&')
        {
            s = s.Slice(1);
        }

        foreach (Range range in s.Split(','))
        {
            ReadOnlySpan<char> varspec = s[range];
            int modifier = varspec.IndexOfAny(':', '*');
            ReadOnlySpan<char> name = modifier >= 0 ? varspec.Slice(0, modifier) : varspec;
            if (!IsTemplateVariableName(name))
            {
                return false;
            }

            if (modifier < 0)
            {
                continue;
            }

            ReadOnlySpan<char> suffix = varspec.Slice(modifier);
            bool valid = suffix[0] == '*'
                ? suffix.Length == 1
                : suffix.Length is >= 2 and <= 5 && suffix[1] is >= '1' and <= '9' && AllDigits(suffix.Slice(1)); // 1-9999
            if (!valid)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><c>varchar *( ["."] varchar )</c>, a varchar being ALPHA, DIGIT, "_" or a %XX escape.</summary>
    private static bool IsTemplateVariableName(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty || s[0] == '.' || s[s.Length - 1] == '.')
        {
            return false;
        }

        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            bool valid = c == '%'
                ? IsPercentEscape(s, i)
                : IsAsciiLetter(c) || IsDigit(c) || c == '_' || (c == '.' && s[i - 1] != '.');
            if (!valid)
            {
                return false;
            }

            i += c == '%' ? 2 : 0;
        }

        return true;
    }
}
