using System;
using System.Collections.Generic;
using Insights.Contracts.Generator.Model;

namespace Insights.Contracts.Generator.Parsing;

/// <summary>
/// Hands out a schema object's keywords and remembers which were used, so that every keyword the
/// generator did not act on can be reported instead of silently ignored.
/// </summary>
internal sealed class KeywordReader(JsonNode schema)
{
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);

    public JsonNode Schema { get; } = schema;

    public JsonNode? Take(string keyword)
    {
        _taken.Add(keyword);
        return Schema[keyword];
    }

    public JsonMember? TakeMember(string keyword)
    {
        _taken.Add(keyword);
        return Schema.Member(keyword);
    }

    public string? TakeString(string keyword) => Take(keyword) is { Kind: JsonNodeKind.String } node ? node.Text : null;

    /// <summary>The keywords nobody took, excluding annotations and <c>x-</c> vendor extensions.</summary>
    public IEnumerable<(JsonMember Member, bool IsKnownKeyword)> Untaken()
    {
        foreach (JsonMember member in Schema.Members)
        {
            if (_taken.Contains(member.Name) || Vocabulary.IsAnnotation(member.Name))
            {
                continue;
            }

            yield return (member, Vocabulary.IsKnown(member.Name));
        }
    }
}
