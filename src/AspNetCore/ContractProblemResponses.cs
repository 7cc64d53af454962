using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Insights.Contracts.Runtime;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Insights.Contracts.AspNetCore;

/// <summary>
/// Lists, on every operation whose request body is a generated contract, the answers this package
/// gives before the endpoint runs: 400 (malformed or invalid body), 413 (body larger than
/// <see cref="JsonContractsOptions"/> allows) and 415 (not JSON), each <c>application/problem+json</c>
/// with the <c>errors</c> object keyed by JSON Pointer (<see cref="ContractProblem"/>). Without them
/// the OpenAPI document lists only the success responses, and a generated client has no type for
/// the problem details it will receive.
/// </summary>
internal sealed class ContractProblemResponses : IOpenApiOperationTransformer
{
    public static ContractProblemResponses Instance { get; } = new();

    private static readonly (int Status, string Description)[] Answers =
    [
        (StatusCodes.Status400BadRequest, "The body is not valid JSON or breaks the contract; errors lists each problem by JSON Pointer."),
        (StatusCodes.Status413PayloadTooLarge, "The body is larger than the service accepts."),
        (StatusCodes.Status415UnsupportedMediaType, "The body's Content-Type is not JSON."),
    ];

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        bool contractBody = context.Description.ParameterDescriptions.Any(p =>
            p.Source == BindingSource.Body && p.Type is { } type && JsonContractInfo.Find(type) is not null);
        if (!contractBody)
        {
            return Task.CompletedTask;
        }

        operation.Responses ??= new OpenApiResponses();
        foreach ((int status, string description) in Answers)
        {
            string code = status.ToString(CultureInfo.InvariantCulture);
            if (!operation.Responses.ContainsKey(code))
            {
                operation.Responses[code] = new OpenApiResponse
                {
                    Description = description,
                    Content = new Dictionary<string, OpenApiMediaType> { [ContractProblem.ContentType] = new() { Schema = ProblemSchema() } },
                };
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>The problem details <see cref="ContractProblem"/> writes (RFC 9457 plus <c>errors</c> and <c>traceId</c>).</summary>
    private static OpenApiSchema ProblemSchema()
    {
        static OpenApiSchema Of(JsonSchemaType type) => new() { Type = type };
        var error = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Required = new HashSet<string> { "keyword", "message" },
            Properties = new Dictionary<string, IOpenApiSchema> { ["keyword"] = Of(JsonSchemaType.String), ["message"] = Of(JsonSchemaType.String) },
        };
        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Required = new HashSet<string> { "type", "title", "status", "errors" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = Of(JsonSchemaType.String),
                ["title"] = Of(JsonSchemaType.String),
                ["status"] = Of(JsonSchemaType.Integer),
                ["detail"] = Of(JsonSchemaType.String),
                ["instance"] = Of(JsonSchemaType.String),
                ["errors"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Description = "The errors, keyed by the JSON Pointer of the value each is about (\"\" is the whole body).",
                    AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = error },
                },
                ["traceId"] = Of(JsonSchemaType.String),
            },
        };
    }
}
