using System;
using System.Collections.Generic;

namespace Insights.Contracts.Generator.Parsing;

/// <summary>
/// Hands out a schema object's keywords and remembers which were used, so that every keyword the
/// generator did not act on can be reported instead of silently ignored.
/// </summary>
internal sealed class KeywordReader(JsonNode schema)
{
    /// <summary>Keywords that only annotate; accepting them silently changes no validation result.</summary>
    private static readonly HashSet<string> Annotations = new(StringComparer.Ordinal)
    {
        "$schema", "$id", "$comment", "title", "description", "examples", "deprecated", "readOnly", "writeOnly", "default", "$defs", "definitions",
    };

    /// <summary>Every keyword of draft 2020-12 (and the legacy <c>definitions</c>/<c>dependencies</c>).</summary>
    private static readonly HashSet<string> Draft202012Keywords = new(StringComparer.Ordinal)
    {
        "$schema", "$id", "$ref", "$anchor", "$dynamicRef", "$dynamicAnchor", "$vocabulary", "$comment", "$defs", "definitions", "dependencies",
        "allOf", "anyOf", "oneOf", "not", "if", "then", "else", "dependentSchemas", "prefixItems", "items", "contains",
        "properties", "patternProperties", "additionalProperties", "propertyNames", "unevaluatedItems", "unevaluatedProperties",
        "type", "enum", "const", "multipleOf", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum", "maxLength", "minLength",
        "pattern", "maxItems", "minItems", "uniqueItems", "maxContains", "minContains", "maxProperties", "minProperties", "required",
        "dependentRequired", "title", "description", "default", "deprecated", "readOnly", "writeOnly", "examples", "format",
        "contentEncoding", "contentMediaType", "contentSchema",
    };

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
            if (_taken.Contains(member.Name) || Annotations.Contains(member.Name) || member.Name.StartsWith("x-", StringComparison.Ordinal))
            {
                continue;
            }

            yield return (member, Draft202012Keywords.Contains(member.Name));
        }
    }
}
