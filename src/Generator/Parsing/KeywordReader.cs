using System;
using System.Collections.Generic;
using Insights.Contracts.Generator.Model;

namespace Insights.Contracts.Generator.Parsing;

/// <summary>
/// Hands out a schema object's keywords, as the object's dialect has them, and remembers which were
/// used, so that every key the generator did not act on can be reported instead of silently ignored.
/// A key that is no keyword of the dialect (draft-07's <c>prefixItems</c>) is never handed out.
/// </summary>
/// <param name="declaredAnnotations">The project's own annotation keywords (<c>JsonSchemaAnnotationKeywords</c>).</param>
internal sealed class KeywordReader(JsonNode schema, SchemaDialect dialect, IReadOnlyList<string> declaredAnnotations)
{
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);

    public JsonNode Schema { get; } = schema;

    public SchemaDialect Dialect { get; } = dialect;

    /// <summary>The value of <paramref name="keyword"/> when the schema has it and it is a keyword of the dialect.</summary>
    public JsonNode? Take(string keyword)
    {
        if (!Vocabulary.IsKeyword(keyword, Dialect))
        {
            return null;
        }

        _taken.Add(keyword);
        return Schema[keyword];
    }

    public JsonMember? TakeMember(string keyword)
    {
        if (!Vocabulary.IsKeyword(keyword, Dialect))
        {
            return null;
        }

        _taken.Add(keyword);
        return Schema.Member(keyword);
    }

    public string? TakeString(string keyword) => Take(keyword) is { Kind: JsonNodeKind.String } node ? node.Text : null;

    /// <summary>Marks a keyword as dealt with (read elsewhere, or deliberately dropped and reported).</summary>
    public void Skip(string keyword) => _taken.Add(keyword);

    /// <summary>The keywords taken that the schema has, in the order of the schema text.</summary>
    public IEnumerable<string> Applied()
    {
        foreach (JsonMember member in Schema.Members)
        {
            if (_taken.Contains(member.Name) && Vocabulary.IsKeyword(member.Name, Dialect))
            {
                yield return member.Name;
            }
        }
    }

    /// <summary>
    /// The keys nobody took, and what they are: a keyword of a vocabulary the metaschema leaves out,
    /// a keyword only of other drafts, or no keyword at all. Annotations of any draft, <c>x-</c>
    /// vendor extensions, well-known vendor annotations and the project's own are never listed.
    /// </summary>
    public IEnumerable<(JsonMember Member, KeywordStatus Status)> Untaken()
    {
        foreach (JsonMember member in Schema.Members)
        {
            if (_taken.Contains(member.Name) || Vocabulary.IsAnnotation(member.Name, declaredAnnotations))
            {
                continue;
            }

            // Every keyword of the dialect is read by the reader; what is left belongs elsewhere.
            KeywordStatus status = Vocabulary.IsKeyword(member.Name, SchemaDialect.Of(Dialect.Draft)) ? KeywordStatus.VocabularyOff
                : Vocabulary.IsKnown(member.Name) ? KeywordStatus.OtherDraft
                : KeywordStatus.Unknown;
            yield return (member, status);
        }
    }
}

/// <summary>What an untaken key of a schema is.</summary>
internal enum KeywordStatus
{
    /// <summary>A keyword of the draft, in a vocabulary the schema's metaschema does not enable: deliberately inert.</summary>
    VocabularyOff,

    /// <summary>A keyword of another draft only (draft-07's <c>prefixItems</c>).</summary>
    OtherDraft,

    /// <summary>No keyword of any draft: often a typo.</summary>
    Unknown,
}
