using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Insights.Contracts.Generator.Parsing;

/// <summary>Turns schema names (snake_case, kebab-case, titles, wire values) into C# identifiers.</summary>
internal static class Naming
{
    /// <summary><c>insights_account_id</c> → <c>InsightsAccountId</c>; <c>2fa</c> → <c>_2fa</c>; empty → <c>Value</c>.</summary>
    public static string ToPascalCase(string name)
    {
        var builder = new StringBuilder(name.Length);
        bool startOfWord = true;
        char previous = '\0';
        foreach (char c in name)
        {
            if (!char.IsLetterOrDigit(c))
            {
                startOfWord = true;
                previous = c;
                continue;
            }

            // A lower-to-upper change (camelCase input) also starts a word, so its casing is kept.
            if (char.IsUpper(c) && char.IsLower(previous))
            {
                startOfWord = true;
            }

            builder.Append(startOfWord ? char.ToUpperInvariant(c) : c);
            startOfWord = false;
            previous = c;
        }

        if (builder.Length == 0)
        {
            return "Value";
        }

        return char.IsDigit(builder[0]) ? "_" + builder : builder.ToString();
    }

    /// <summary>Returns <paramref name="name"/>, or it with a number appended if it is taken.</summary>
    public static string MakeUnique(string name, ISet<string> taken)
    {
        string candidate = name;
        for (int i = 2; !taken.Add(candidate); i++)
        {
            candidate = name + i.ToString(CultureInfo.InvariantCulture);
        }

        return candidate;
    }

    /// <summary>A C# string literal for <paramref name="value"/>.</summary>
    public static string ToLiteral(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c < 0x20 || char.IsSurrogate(c) || c is '\u2028' or '\u2029' or '\u0085')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>A schema file name without folders and the <c>.schema.json</c> ending.</summary>
    public static string FileStem(string path)
    {
        int slash = path.LastIndexOfAny(['/', '\\']);
        string file = path.Substring(slash + 1);
        foreach (string ending in new[] { ".schema.json", ".json" })
        {
            if (file.EndsWith(ending, System.StringComparison.OrdinalIgnoreCase))
            {
                return file.Substring(0, file.Length - ending.Length);
            }
        }

        return file;
    }

    /// <summary>Only characters Roslyn accepts in a hint name.</summary>
    public static string ToHintName(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            builder.Append(char.IsLetterOrDigit(c) && c < 0x80 || c is '.' or '_' or '-' ? c : '_');
        }

        return builder.ToString();
    }
}
