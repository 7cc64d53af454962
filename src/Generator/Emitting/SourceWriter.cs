using System.Text;

namespace Insights.Contracts.Generator.Emitting;

/// <summary>Builds C# source with consistent four-space indentation and \n line endings.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _builder = new();
    private int _indent;

    public void Line(string text = "")
    {
        if (text.Length > 0)
        {
            _builder.Append(' ', _indent * 4);
        }

        _builder.Append(text).Append('\n');
    }

    /// <summary>Writes <paramref name="header"/> (if any) and <c>{</c>, then indents.</summary>
    public void Open(string? header = null)
    {
        if (header is not null)
        {
            Line(header);
        }

        Line("{");
        _indent++;
    }

    /// <summary>Unindents and writes <c>}</c> plus <paramref name="suffix"/>.</summary>
    public void Close(string suffix = "")
    {
        _indent--;
        Line("}" + suffix);
    }

    /// <summary>XML documentation from schema text: escaped, one <c>///</c> line per source line.</summary>
    public void Doc(string tag, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        Line($"/// <{tag}>");
        foreach (string line in text!.Replace("\r\n", "\n").Split('\n'))
        {
            Line("/// " + EscapeXml(line.TrimEnd()));
        }

        Line($"/// </{tag}>");
    }

    /// <summary>
    /// Schema text for a <c>///</c> comment: XML-escaped, and with control and line-break characters
    /// (which C# also ends a comment on: U+0085, U+2028, U+2029) written as <c>\uXXXX</c>, so a
    /// member named <c>"a\nb"</c> cannot end the comment and turn the rest of its line into code.
    /// </summary>
    public static string EscapeXml(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            bool pair = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            _ = c switch
            {
                '&' => builder.Append("&amp;"),
                '<' => builder.Append("&lt;"),
                '>' => builder.Append("&gt;"),
                // A lone surrogate is not XML (CS1570 where documentation is checked): shown as its code.
                < ' ' or '\u0085' or '\u2028' or '\u2029' or >= '\uD800' and <= '\uDFFF' when !pair && !(char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(text[i - 1]))
                    => builder.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture)),
                _ => builder.Append(c),
            };
        }

        return builder.ToString();
    }

    /// <summary>Writes text captured by another writer (see <see cref="Capture"/>), each line at this writer's indentation.</summary>
    public void Lines(string block)
    {
        if (block.Length == 0)
        {
            return;
        }

        foreach (string line in block.TrimEnd('\n').Split('\n'))
        {
            Line(line);
        }
    }

    /// <summary>What <paramref name="write"/> writes, at indentation zero; empty when it writes nothing.</summary>
    public static string Capture(System.Action<SourceWriter> write)
    {
        var writer = new SourceWriter();
        write(writer);
        return writer.ToString();
    }

    public override string ToString() => _builder.ToString();
}
