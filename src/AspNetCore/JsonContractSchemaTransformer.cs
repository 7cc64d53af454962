using System;
using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Insights.Contracts.Runtime;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Insights.Contracts.AspNetCore;

/// <summary>
/// Shows a generated contract in the OpenAPI document as the JSON Schema it was generated from
/// (<see cref="IJsonContract{TSelf}.JsonSchemaText"/>), not as a schema guessed from the C# type.
/// OpenAPI 3.1 schema objects are JSON Schema 2020-12, so the schema goes in unchanged; its
/// <c>$id</c> keeps its <c>$ref</c>s to its own <c>$defs</c> resolving within it.
/// </summary>
internal sealed class JsonContractSchemaTransformer : IOpenApiSchemaTransformer
{
    private readonly ConcurrentDictionary<Type, OpenApiSchema?> _schemas = new();

    public static JsonContractSchemaTransformer Instance { get; } = new();

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (_schemas.GetOrAdd(context.JsonTypeInfo.Type, Read) is { } original)
        {
            CopyInto(schema, original);
        }

        return Task.CompletedTask;
    }

    private static OpenApiSchema? Read(Type type)
    {
        if (JsonContractInfo.Find(type)?.JsonSchemaText is not { } text)
        {
            return null;
        }

        return new OpenApiJsonReader().ReadFragment<OpenApiSchema>(JsonNode.Parse(text)!, OpenApiSpecVersion.OpenApi3_1, new OpenApiDocument(), out _);
    }

    /// <summary>Makes <paramref name="target"/> (the instance the document holds) say what <paramref name="source"/> says, keyword for keyword.</summary>
    private static void CopyInto(OpenApiSchema target, OpenApiSchema source)
    {
        target.Title = source.Title;
        target.Schema = source.Schema;
        target.Id = source.Id;
        target.Comment = source.Comment;
        target.Vocabulary = source.Vocabulary;
        target.DynamicRef = source.DynamicRef;
        target.DynamicAnchor = source.DynamicAnchor;
        target.Definitions = source.Definitions;
        target.Anchor = source.Anchor;
        target.ExclusiveMaximum = source.ExclusiveMaximum;
        target.ExclusiveMinimum = source.ExclusiveMinimum;
        target.Type = source.Type;
        target.Const = source.Const;
        target.Format = source.Format;
        target.Description = source.Description;
        target.Maximum = source.Maximum;
        target.Minimum = source.Minimum;
        target.MaxLength = source.MaxLength;
        target.MinLength = source.MinLength;
        target.Pattern = source.Pattern;
        target.MultipleOf = source.MultipleOf;
        target.Default = source.Default;
        target.ReadOnly = source.ReadOnly;
        target.WriteOnly = source.WriteOnly;
        target.AllOf = source.AllOf;
        target.OneOf = source.OneOf;
        target.AnyOf = source.AnyOf;
        target.Not = source.Not;
        target.Required = source.Required;
        target.Items = source.Items;
        target.MaxItems = source.MaxItems;
        target.MinItems = source.MinItems;
        target.UniqueItems = source.UniqueItems;
        target.Contains = source.Contains;
        target.MaxContains = source.MaxContains;
        target.MinContains = source.MinContains;
        target.Properties = source.Properties;
        target.PatternProperties = source.PatternProperties;
        target.MaxProperties = source.MaxProperties;
        target.MinProperties = source.MinProperties;
        target.AdditionalPropertiesAllowed = source.AdditionalPropertiesAllowed;
        target.AdditionalProperties = source.AdditionalProperties;
        target.Discriminator = source.Discriminator;
        target.Examples = source.Examples;
        target.Enum = source.Enum;
        target.UnevaluatedProperties = source.UnevaluatedProperties;
        target.UnevaluatedPropertiesSchema = source.UnevaluatedPropertiesSchema;
        target.ContentEncoding = source.ContentEncoding;
        target.ContentMediaType = source.ContentMediaType;
        target.ContentSchema = source.ContentSchema;
        target.PropertyNames = source.PropertyNames;
        target.DependentSchemas = source.DependentSchemas;
        target.If = source.If;
        target.Then = source.Then;
        target.Else = source.Else;
        target.ExternalDocs = source.ExternalDocs;
        target.Deprecated = source.Deprecated;
        target.Xml = source.Xml;
        target.Extensions = source.Extensions;
        target.UnrecognizedKeywords = source.UnrecognizedKeywords;
        target.Metadata = source.Metadata;
        target.DependentRequired = source.DependentRequired;
    }
}
