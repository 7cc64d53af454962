using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace Insights.Contracts.Generator.Parsing;

internal enum JsonNodeKind
{
    Object,
    Array,
    String,
    Number,
    True,
    False,
    Null,
}

/// <summary>A parsed JSON value that remembers where it stands in the schema text, for diagnostics.</summary>
internal sealed class JsonNode(JsonNodeKind kind, TextSpan span)
{
    public JsonNodeKind Kind { get; } = kind;

    public TextSpan Span { get; } = span;

    /// <summary>The unescaped value of a string, or the literal text of a number.</summary>
    public string? Text { get; init; }

    public IReadOnlyList<JsonMember> Members { get; init; } = [];

    public IReadOnlyList<JsonNode> Items { get; init; } = [];

    public bool IsBoolean => Kind is JsonNodeKind.True or JsonNodeKind.False;

    public string KindName => Kind switch
    {
        JsonNodeKind.True or JsonNodeKind.False => "boolean",
        _ => Kind.ToString().ToLowerInvariant(),
    };

    /// <summary>The first member named <paramref name="name"/> (duplicates are diagnosed by the reader).</summary>
    public JsonMember? Member(string name)
    {
        foreach (JsonMember member in Members)
        {
            if (member.Name == name)
            {
                return member;
            }
        }

        return null;
    }

    public JsonNode? this[string name] => Member(name)?.Value;

    /// <summary>
    /// The value as compact JSON, members in document order. What generated code embeds as the
    /// schema: layout-free, so reformatting a schema changes no generated code.
    /// </summary>
    public string ToCompactJson()
    {
        var builder = new StringBuilder();
        Write(builder);
        return builder.ToString();
    }

    private void Write(StringBuilder builder)
    {
        switch (Kind)
        {
            case JsonNodeKind.Object:
                builder.Append('{');
                for (int i = 0; i < Members.Count; i++)
                {
                    builder.Append(i == 0 ? "" : ",");
                    WriteString(builder, Members[i].Name);
                    builder.Append(':');
                    Members[i].Value.Write(builder);
                }

                builder.Append('}');
                break;
            case JsonNodeKind.Array:
                builder.Append('[');
                for (int i = 0; i < Items.Count; i++)
                {
                    builder.Append(i == 0 ? "" : ",");
                    Items[i].Write(builder);
                }

                builder.Append(']');
                break;
            case JsonNodeKind.String:
                WriteString(builder, Text!);
                break;
            case JsonNodeKind.Number:
                builder.Append(Text);
                break;
            default:
                builder.Append(Kind == JsonNodeKind.True ? "true" : Kind == JsonNodeKind.False ? "false" : "null");
                break;
        }
    }

    private static void WriteString(StringBuilder builder, string value)
    {
        builder.Append('"');
        foreach (char c in value)
        {
            _ = c switch
            {
                '"' => builder.Append("\\\""),
                '\\' => builder.Append("\\\\"),
                < ' ' => builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => builder.Append(c),
            };
        }

        builder.Append('"');
    }
}

internal sealed class JsonMember(string name, TextSpan nameSpan, JsonNode value)
{
    public string Name { get; } = name;

    public TextSpan NameSpan { get; } = nameSpan;

    public JsonNode Value { get; } = value;
}
