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

    public static string EscapeXml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    public override string ToString() => _builder.ToString();
}
