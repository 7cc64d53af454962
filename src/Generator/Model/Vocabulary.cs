using System;
using System.Collections.Generic;
using Insights.Contracts.Generator.Shared;

namespace Insights.Contracts.Generator.Model;

/// <summary>
/// The keywords of draft 2020-12 (plus the legacy <c>definitions</c> and <c>dependencies</c>), and
/// which JSON type each acts on. A keyword that acts on one type passes every value of another
/// type, so on a schema whose values are of another type it has no effect.
/// </summary>
internal static class Vocabulary
{
    /// <summary>Keywords that only annotate or organise a schema; accepting them changes no validation result.</summary>
    private static readonly HashSet<string> Annotations = new(StringComparer.Ordinal)
    {
        "$schema", "$id", "$anchor", "$dynamicAnchor", "$comment", "$defs", "definitions", "title", "description", "examples",
        "deprecated", "readOnly", "writeOnly", "default", "contentEncoding", "contentMediaType", "contentSchema",
    };

    /// <summary>Every validation or applicator keyword, with the JSON types it acts on (<see cref="JsonSchemaTypes.None"/>: every type).</summary>
    private static readonly Dictionary<string, JsonSchemaTypes> Validation = new(StringComparer.Ordinal)
    {
        ["type"] = JsonSchemaTypes.None, ["enum"] = JsonSchemaTypes.None, ["const"] = JsonSchemaTypes.None,
        ["$ref"] = JsonSchemaTypes.None, ["$dynamicRef"] = JsonSchemaTypes.None, ["$vocabulary"] = JsonSchemaTypes.None,
        ["allOf"] = JsonSchemaTypes.None, ["anyOf"] = JsonSchemaTypes.None, ["oneOf"] = JsonSchemaTypes.None, ["not"] = JsonSchemaTypes.None,
        ["if"] = JsonSchemaTypes.None, ["then"] = JsonSchemaTypes.None, ["else"] = JsonSchemaTypes.None,
        ["minLength"] = JsonSchemaTypes.String, ["maxLength"] = JsonSchemaTypes.String, ["pattern"] = JsonSchemaTypes.String,
        ["format"] = JsonSchemaTypes.String,
        ["minimum"] = Numbers, ["maximum"] = Numbers, ["exclusiveMinimum"] = Numbers, ["exclusiveMaximum"] = Numbers, ["multipleOf"] = Numbers,
        ["items"] = JsonSchemaTypes.Array, ["prefixItems"] = JsonSchemaTypes.Array, ["contains"] = JsonSchemaTypes.Array,
        ["minContains"] = JsonSchemaTypes.Array, ["maxContains"] = JsonSchemaTypes.Array, ["minItems"] = JsonSchemaTypes.Array,
        ["maxItems"] = JsonSchemaTypes.Array, ["uniqueItems"] = JsonSchemaTypes.Array, ["unevaluatedItems"] = JsonSchemaTypes.Array,
        ["properties"] = JsonSchemaTypes.Object, ["patternProperties"] = JsonSchemaTypes.Object, ["additionalProperties"] = JsonSchemaTypes.Object,
        ["propertyNames"] = JsonSchemaTypes.Object, ["required"] = JsonSchemaTypes.Object, ["dependentRequired"] = JsonSchemaTypes.Object,
        ["dependentSchemas"] = JsonSchemaTypes.Object, ["dependencies"] = JsonSchemaTypes.Object, ["minProperties"] = JsonSchemaTypes.Object,
        ["maxProperties"] = JsonSchemaTypes.Object, ["unevaluatedProperties"] = JsonSchemaTypes.Object,
    };

    private const JsonSchemaTypes Numbers = JsonSchemaTypes.Number | JsonSchemaTypes.Integer;

    /// <summary>A keyword of the dialect: a validation keyword, an applicator or an annotation.</summary>
    public static bool IsKnown(string keyword) => Validation.ContainsKey(keyword) || Annotations.Contains(keyword);

    /// <summary>An annotation, or a vendor extension (<c>x-</c>): never affects validation.</summary>
    public static bool IsAnnotation(string keyword) => Annotations.Contains(keyword) || keyword.StartsWith("x-", StringComparison.Ordinal);

    /// <summary>A keyword that can make a value invalid (it is known and not an annotation).</summary>
    public static bool Validates(string keyword) => Validation.ContainsKey(keyword);

    /// <summary>
    /// Whether <paramref name="keyword"/> can affect a value of the JSON type <paramref name="type"/>
    /// (an integer is a number too). False for annotations, unknown keywords, and keywords of other types.
    /// </summary>
    public static bool Affects(string keyword, JsonSchemaTypes type)
    {
        if (!Validation.TryGetValue(keyword, out JsonSchemaTypes appliesTo))
        {
            return false;
        }

        if (type == JsonSchemaTypes.Integer)
        {
            type |= JsonSchemaTypes.Number;
        }

        return appliesTo == JsonSchemaTypes.None || (appliesTo & type) != 0;
    }
}
