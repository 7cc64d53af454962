using System.Text;

namespace Insights.Contracts.Generator.Parsing;

/// <summary>
/// JSON Schema patterns are ECMA-262 regular expressions; .NET's dialect reads a few common
/// constructs differently. This rewrites those so the generated <c>Regex</c> means what the
/// schema says: <c>$</c> is the end of input (in .NET it also matches before a final newline, so
/// <c>"DE89...\n"</c> would pass <c>^...$</c>), <c>\d</c> and <c>\w</c> are ASCII-only (in .NET they
/// match other scripts' digits and letters), and <c>.</c> matches no line terminator.
/// </summary>
internal static class EcmaPattern
{
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
                builder.Append((escaped, inClass) switch
                {
                    ('d', false) => "[0-9]",
                    ('d', true) => "0-9",
                    ('D', false) => "[^0-9]",
                    ('w', false) => "[a-zA-Z0-9_]",
                    ('w', true) => "a-zA-Z0-9_",
                    ('W', false) => "[^a-zA-Z0-9_]",
                    _ => "\\" + escaped,
                });
                continue;
            }

            if (inClass)
            {
                inClass = c != ']';
                builder.Append(c);
                continue;
            }

            switch (c)
            {
                case '[':
                    inClass = true;
                    builder.Append(c);
                    if (i + 1 < pattern.Length && pattern[i + 1] == '^')
                    {
                        builder.Append(pattern[++i]);
                    }

                    // ']' right after '[' or '[^' is a literal in .NET but closes the class in ECMA-262;
                    // both are rare, so it is copied and left to .NET.
                    break;
                case '$':
                    builder.Append("\\z");
                    break;
                case '.':
                    builder.Append("[^\\n\\r\\u2028\\u2029]");
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }
}
