using System.Collections.Generic;
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
}

internal sealed class JsonMember(string name, TextSpan nameSpan, JsonNode value)
{
    public string Name { get; } = name;

    public TextSpan NameSpan { get; } = nameSpan;

    public JsonNode Value { get; } = value;
}
