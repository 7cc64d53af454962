using System;
using System.Collections.Generic;
using System.Linq;
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

    /// <summary>
    /// Every validation or applicator keyword: the JSON types it acts on (<see cref="JsonSchemaTypes.None"/>:
    /// every type), the typed values whose C# checks enforce it (a keyword about their JSON type
    /// that is not checked there leaves a schema without an exact C# shape), and whether it is
    /// worth a warning (ICG006) where the schema's own <c>type</c> excludes its JSON type.
    /// </summary>
    private static readonly Dictionary<string, Entry> Validation = new(StringComparer.Ordinal)
    {
        ["type"] = new(JsonSchemaTypes.None, TypedValues.None),
        ["enum"] = new(JsonSchemaTypes.None, TypedValues.Text | TypedValues.Number | TypedValues.Boolean),
        ["const"] = new(JsonSchemaTypes.None, TypedValues.Text | TypedValues.Number | TypedValues.Boolean),
        ["$ref"] = new(JsonSchemaTypes.None, TypedValues.None),
        ["$dynamicRef"] = new(JsonSchemaTypes.None, TypedValues.None),
        ["$vocabulary"] = new(JsonSchemaTypes.None, TypedValues.None),
        ["allOf"] = new(JsonSchemaTypes.None, TypedValues.None),
        ["anyOf"] = new(JsonSchemaTypes.None, TypedValues.None),
        ["oneOf"] = new(JsonSchemaTypes.None, TypedValues.None),
        ["not"] = new(JsonSchemaTypes.None, TypedValues.None),
        ["if"] = new(JsonSchemaTypes.None, TypedValues.None),
        ["then"] = new(JsonSchemaTypes.None, TypedValues.None),
        ["else"] = new(JsonSchemaTypes.None, TypedValues.None),
        ["minLength"] = new(JsonSchemaTypes.String, TypedValues.Text, Warns: true),
        ["maxLength"] = new(JsonSchemaTypes.String, TypedValues.Text, Warns: true),
        ["pattern"] = new(JsonSchemaTypes.String, TypedValues.Text, Warns: true),
        ["format"] = new(JsonSchemaTypes.String, TypedValues.Text | TypedValues.Format, Warns: true),
        ["minimum"] = new(Numbers, TypedValues.Number, Warns: true),
        ["maximum"] = new(Numbers, TypedValues.Number, Warns: true),
        ["exclusiveMinimum"] = new(Numbers, TypedValues.Number, Warns: true),
        ["exclusiveMaximum"] = new(Numbers, TypedValues.Number, Warns: true),
        ["multipleOf"] = new(Numbers, TypedValues.Number, Warns: true),
        ["items"] = new(JsonSchemaTypes.Array, TypedValues.Array),
        ["minItems"] = new(JsonSchemaTypes.Array, TypedValues.Array, Warns: true),
        ["maxItems"] = new(JsonSchemaTypes.Array, TypedValues.Array, Warns: true),
        ["uniqueItems"] = new(JsonSchemaTypes.Array, TypedValues.Array, Warns: true),
        ["prefixItems"] = new(JsonSchemaTypes.Array, TypedValues.None),
        ["contains"] = new(JsonSchemaTypes.Array, TypedValues.None),
        ["minContains"] = new(JsonSchemaTypes.Array, TypedValues.None),
        ["maxContains"] = new(JsonSchemaTypes.Array, TypedValues.None),
        ["unevaluatedItems"] = new(JsonSchemaTypes.Array, TypedValues.None),

        // About objects: a record checks its own set of these (ShapeDecider.RecordKeywords).
        ["properties"] = new(JsonSchemaTypes.Object, TypedValues.None),
        ["patternProperties"] = new(JsonSchemaTypes.Object, TypedValues.None),
        ["additionalProperties"] = new(JsonSchemaTypes.Object, TypedValues.None),
        ["propertyNames"] = new(JsonSchemaTypes.Object, TypedValues.None),
        ["required"] = new(JsonSchemaTypes.Object, TypedValues.None),
        ["dependentRequired"] = new(JsonSchemaTypes.Object, TypedValues.None),
        ["dependentSchemas"] = new(JsonSchemaTypes.Object, TypedValues.None),
        ["dependencies"] = new(JsonSchemaTypes.Object, TypedValues.None),
        ["minProperties"] = new(JsonSchemaTypes.Object, TypedValues.None),
        ["maxProperties"] = new(JsonSchemaTypes.Object, TypedValues.None),
        ["unevaluatedProperties"] = new(JsonSchemaTypes.Object, TypedValues.None),
    };

    /// <summary>The groups of C# values a typed record holds, as far as keyword checks go.</summary>
    [Flags]
    private enum TypedValues
    {
        None = 0,

        /// <summary>A string, open enum or enum (checked by its wire name).</summary>
        Text = 1,

        /// <summary>An int, long or double.</summary>
        Number = 2,

        Boolean = 4,

        /// <summary>An <c>EquatableArray</c>.</summary>
        Array = 8,

        /// <summary>A <c>DateOnly</c> or <c>Guid</c>: the format is its type, and it holds nothing else.</summary>
        Format = 16,
    }

    private sealed record Entry(JsonSchemaTypes AppliesTo, TypedValues CheckedOn, bool Warns = false);

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
        if (!Validation.TryGetValue(keyword, out Entry? entry))
        {
            return false;
        }

        if (type == JsonSchemaTypes.Integer)
        {
            type |= JsonSchemaTypes.Number;
        }

        return entry.AppliesTo == JsonSchemaTypes.None || (entry.AppliesTo & type) != 0;
    }

    /// <summary>
    /// Whether a typed value of <paramref name="kind"/> is checked against <paramref name="keyword"/>:
    /// the shape decision refuses a C# type for a schema with any other keyword about its JSON
    /// type, and the emitters write a check for each of these.
    /// </summary>
    public static bool IsCheckedOn(string keyword, ValueKind kind)
    {
        TypedValues values = kind switch
        {
            ValueKind.String or ValueKind.OpenEnum or ValueKind.Enum => TypedValues.Text,
            ValueKind.Int32 or ValueKind.Int64 or ValueKind.Double => TypedValues.Number,
            ValueKind.Boolean => TypedValues.Boolean,
            ValueKind.Array => TypedValues.Array,
            ValueKind.Date or ValueKind.Guid => TypedValues.Format,
            _ => TypedValues.None,
        };
        return Validation.TryGetValue(keyword, out Entry? entry) && (entry.CheckedOn & values) != 0;
    }

    /// <summary>The value keywords worth a warning (ICG006) on a schema whose own <c>type</c> excludes their JSON type.</summary>
    public static IEnumerable<string> TypeSpecific => Validation.Where(e => e.Value.Warns).Select(e => e.Key);
}
