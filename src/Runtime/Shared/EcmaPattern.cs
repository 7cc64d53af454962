// Compiled into the runtime and linked into the generator: the generator translates a schema's
// `pattern` with it, and the runtime decides the `regex` format with the same rules.
using System.Globalization;
using System.Text;

#if INSIGHTS_GENERATOR
namespace Insights.Contracts.Generator.Shared;
#else
namespace Insights.Contracts.Runtime;
#endif

/// <summary>
/// JSON Schema patterns are ECMA-262 regular expressions; .NET's dialect reads a few common
/// constructs differently. This rewrites those so the generated <c>Regex</c> means what the
/// schema says: <c>$</c> is the end of input (in .NET it also matches before a final newline, so
/// <c>"DE89...\n"</c> would pass <c>^...$</c>), <c>\d</c> and <c>\w</c> are ASCII-only (in .NET they
/// match other scripts' digits and letters), <c>\s</c> is ECMA-262's white space, <c>.</c> matches
/// one code point but no line terminator, and a character outside the BMP is one unit for a quantifier.
/// </summary>
internal static partial class EcmaPattern
{
    /// <summary>ECMA-262 WhiteSpace and LineTerminator: .NET's <c>\s</c> lacks U+FEFF and adds U+0085.</summary>
    private const string EcmaWhiteSpace = "\\t\\n\\v\\f\\r\\p{Zs}\\u2028\\u2029\\uFEFF";

    public static string ToDotNet(string pattern)
    {
        var builder = new StringBuilder(pattern.Length + 16);
        bool inClass = false;
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                char escaped = pattern[++i];
                if (escaped is 'p' or 'P' && i + 1 < pattern.Length && pattern[i + 1] == '{' && pattern.IndexOf('}', i) is int close and > 0)
                {
                    string property = pattern.Substring(i + 2, close - i - 2);
                    builder.Append('\\').Append(escaped).Append('{').Append(UnicodeProperty(property)).Append('}');
                    i = close;
                    continue;
                }

                if (escaped == 'u' && i + 1 < pattern.Length && pattern[i + 1] == '{' && pattern.IndexOf('}', i) is int end and > 0
                    && int.TryParse(pattern.Substring(i + 2, end - i - 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int codePoint)
                    && codePoint <= 0x10FFFF)
                {
                    // \u{X...} (u flag): .NET knows only \uXXXX, so a character outside the BMP becomes its surrogate pair.
                    AppendCodePoint(builder, codePoint, inClass);
                    i = end;
                    continue;
                }

                builder.Append((escaped, inClass) switch
                {
                    ('d', false) => "[0-9]",
                    ('d', true) => "0-9",
                    ('D', false) => "[^0-9]",
                    ('w', false) => "[a-zA-Z0-9_]",
                    ('w', true) => "a-zA-Z0-9_",
                    ('W', false) => "[^a-zA-Z0-9_]",
                    ('s', false) => "[" + EcmaWhiteSpace + "]",
                    ('s', true) => EcmaWhiteSpace,
                    ('S', false) => "[^" + EcmaWhiteSpace + "]",
                    _ => "\\" + escaped,
                });
                continue;
            }

            if (inClass)
            {
                inClass = c != ']';

                // '[' inside a class is a character in ECMA-262; .NET could read "-[" as class subtraction.
                if (c == '[')
                {
                    builder.Append('\\');
                }

                builder.Append(c);
                continue;
            }

            switch (c)
            {
                case '[' when string.CompareOrdinal(pattern, i, "[]", 0, 2) == 0:
                    // The empty class matches nothing; .NET would read ']' as its first member.
                    builder.Append("(?!)");
                    i++;
                    break;
                case '[' when string.CompareOrdinal(pattern, i, "[^]", 0, 3) == 0:
                    // The negated empty class matches any one code point.
                    builder.Append("(?:[\\uD800-\\uDBFF][\\uDC00-\\uDFFF]|[\\s\\S])");
                    i += 2;
                    break;
                case '[':
                    inClass = true;
                    builder.Append(c);
                    if (i + 1 < pattern.Length && pattern[i + 1] == '^')
                    {
                        builder.Append(pattern[++i]);
                    }

                    break;
                case '$':
                    builder.Append("\\z");
                    break;
                case '.':
                    // One code point (a surrogate pair is one, never half of one), but no line terminator.
                    // Unpaired surrogates never reach a pattern: contracts reject them first.
                    builder.Append("(?:[\\uD800-\\uDBFF][\\uDC00-\\uDFFF]|[^\\n\\r\\u2028\\u2029\\uD800-\\uDFFF])");
                    break;
                case char high when char.IsHighSurrogate(high) && i + 1 < pattern.Length && char.IsLowSurrogate(pattern[i + 1]):
                    // A character outside the BMP is one unit in ECMA-262 (u flag): a quantifier after it repeats both halves.
                    builder.Append("(?:").Append(high).Append(pattern[++i]).Append(')');
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }

    private static void AppendCodePoint(StringBuilder builder, int codePoint, bool inClass)
    {
        if (codePoint <= 0xFFFF)
        {
            builder.Append("\\u").Append(codePoint.ToString("X4", CultureInfo.InvariantCulture));
            return;
        }

        string pair = char.ConvertFromUtf32(codePoint);
        builder.Append(inClass ? pair : "(?:" + pair + ")");
    }

    /// <summary>
    /// ECMA-262 (with the <c>u</c> flag, which JSON Schema implies) names general categories in long
    /// form (<c>\p{Letter}</c>, <c>\p{gc=Lu}</c>); .NET knows only the short names.
    /// </summary>
    private static string UnicodeProperty(string name)
    {
        int equals = name.IndexOf('=');
        if (equals > 0 && name.Substring(0, equals) is "General_Category" or "gc")
        {
            name = name.Substring(equals + 1);
        }

        return name switch
        {
            "Letter" => "L", "Uppercase_Letter" => "Lu", "Lowercase_Letter" => "Ll", "Titlecase_Letter" => "Lt",
            "Modifier_Letter" => "Lm", "Other_Letter" => "Lo", "Mark" or "Combining_Mark" => "M", "Nonspacing_Mark" => "Mn",
            "Spacing_Mark" => "Mc", "Enclosing_Mark" => "Me", "Number" => "N", "Decimal_Number" or "digit" => "Nd",
            "Letter_Number" => "Nl", "Other_Number" => "No", "Punctuation" or "punct" => "P", "Connector_Punctuation" => "Pc",
            "Dash_Punctuation" => "Pd", "Open_Punctuation" => "Ps", "Close_Punctuation" => "Pe", "Initial_Punctuation" => "Pi",
            "Final_Punctuation" => "Pf", "Other_Punctuation" => "Po", "Symbol" => "S", "Math_Symbol" => "Sm", "Currency_Symbol" => "Sc",
            "Modifier_Symbol" => "Sk", "Other_Symbol" => "So", "Separator" => "Z", "Space_Separator" => "Zs", "Line_Separator" => "Zl",
            "Paragraph_Separator" => "Zp", "Other" => "C", "Control" or "cntrl" => "Cc", "Format" => "Cf", "Surrogate" => "Cs",
            "Private_Use" => "Co", "Unassigned" => "Cn",
            _ => name,
        };
    }
}
