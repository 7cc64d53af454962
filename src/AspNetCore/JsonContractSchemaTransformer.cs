using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Insights.Contracts.Runtime;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Insights.Contracts.AspNetCore;

/// <summary>
/// Shows a generated contract in the OpenAPI document as the JSON Schema it was generated from
/// (<see cref="IJsonContract{TSelf}.JsonSchemaText"/>), not as a schema guessed from the C# type.
/// OpenAPI 3.1 schema objects are JSON Schema 2020-12, so the schema goes in unchanged; its
/// <c>$id</c> (one is added where it has none) keeps its <c>$ref</c>s to its own <c>$defs</c> resolving within it. The schema
/// transformer only marks a contract's schema: the document generator resolves every <c>$ref</c>
/// it meets against the document, where a schema's own <c>#/$defs/...</c> is not, so the original
/// goes in through a document transformer once the generator is done.
/// </summary>
internal sealed class JsonContractSchemaTransformer : IOpenApiSchemaTransformer, IOpenApiDocumentTransformer
{
    private const string ContractKey = "insights-contract";

    public static JsonContractSchemaTransformer Instance { get; } = new();

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        Type type = context.JsonTypeInfo.Type;
        if (JsonContractInfo.Find(type)?.JsonSchemaText is { } text)
        {
            (schema.Metadata ??= new Dictionary<string, object>())[ContractKey] = WithId(text, type);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// The schema with an <c>$id</c>: one without its own would have its <c>#/$defs/...</c>
    /// references resolve against the OpenAPI document, where they point at nothing. The one it
    /// gets names the contract type (<c>urn:insights-contracts:Shop.Contracts.Order</c>).
    /// </summary>
    internal static string WithId(string schemaText, Type type)
    {
        if (JsonNode.Parse(schemaText) is not JsonObject schema || schema.ContainsKey("$id"))
        {
            return schemaText;
        }

        var withId = new JsonObject();
        if (schema["$schema"] is { } dialect)
        {
            withId["$schema"] = dialect.DeepClone();
        }

        withId["$id"] = "urn:insights-contracts:" + type.FullName;
        foreach ((string name, JsonNode? value) in schema)
        {
            if (name != "$schema")
            {
                withId[name] = value?.DeepClone();
            }
        }

        return withId.ToJsonString();
    }

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        if (document.Components?.Schemas is { } components)
        {
            foreach ((string name, IOpenApiSchema schema) in components.ToList())
            {
                if (Original(schema) is { } original)
                {
                    components[name] = original;
                }
            }
        }

        foreach (OpenApiMediaType media in BodyMediaTypes(document))
        {
            if (Original(media.Schema) is { } original)
            {
                media.Schema = original;
            }
        }

        return Task.CompletedTask;
    }

    private static OriginalJsonSchema? Original(IOpenApiSchema? schema) =>
        schema is OpenApiSchema { Metadata: { } metadata } && metadata.TryGetValue(ContractKey, out object? text) ? new OriginalJsonSchema((string)text) : null;

    private static IEnumerable<OpenApiMediaType> BodyMediaTypes(OpenApiDocument document)
    {
        foreach (IOpenApiPathItem path in document.Paths?.Values ?? Enumerable.Empty<IOpenApiPathItem>())
        {
            foreach (OpenApiOperation operation in path.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>())
            {
                foreach (OpenApiMediaType media in operation.RequestBody?.Content?.Values ?? Enumerable.Empty<OpenApiMediaType>())
                {
                    yield return media;
                }

                foreach (IOpenApiResponse response in operation.Responses?.Values ?? Enumerable.Empty<IOpenApiResponse>())
                {
                    foreach (OpenApiMediaType media in response.Content?.Values ?? Enumerable.Empty<OpenApiMediaType>())
                    {
                        yield return media;
                    }
                }
            }
        }
    }

    /// <summary>
    /// A schema written out exactly as the contract's JSON Schema: Microsoft.OpenApi's object model
    /// does not carry every 2020-12 keyword faithfully (it rewrites <c>$ref</c>s into <c>$defs</c>
    /// and turns a boolean <c>const</c> into a string), so the text is written as it is.
    /// </summary>
    private sealed class OriginalJsonSchema(string json) : OpenApiSchema
    {
        public override void SerializeAsV31(IOpenApiWriter writer) => writer.WriteRaw(json);

        public override void SerializeAsV3(IOpenApiWriter writer) => writer.WriteRaw(json);
    }
}
