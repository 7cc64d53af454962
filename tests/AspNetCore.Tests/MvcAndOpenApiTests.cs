using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Insights.Contracts.AspNetCore.Tests;

[ApiController]
[Route("mvc")]
public sealed class FlowsController : ControllerBase
{
    [HttpPost("flows")]
    public ActionResult<string> Start(InsightsFlowRequest request) => request.InsightsConsumerId ?? "no id";

    [HttpPost("explicit")]
    public ActionResult<string> Explicit([FromBody] InsightsFlowRequest request) => request.InsightsConsumerId ?? "no id";
}

/// <summary>MVC actions get the same reading and problem details; OpenAPI shows each contract's own schema.</summary>
public class MvcAndOpenApiTests
{
    private static Task<LoopbackServer> StartAsync() =>
        LoopbackServer.StartAsync(
            "Development",
            builder =>
            {
                builder.Services.AddJsonContracts();
                builder.Services.AddControllers().AddApplicationPart(typeof(FlowsController).Assembly);
                builder.Services.AddOpenApi();
            },
            app =>
            {
                app.MapControllers();
                app.MapOpenApi();
                app.MapPost("/widgets", (Widget widget) => widget.Name);
                app.MapPost("/flows", (InsightsFlowRequest request) => TypedResults.Ok(InsightsFlowResponse.Parse(
                    """{"data":{"state":"FINISHED"}}""").GetValueOrThrow()));
            });

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Theory]
    [InlineData("/mvc/flows")]
    [InlineData("/mvc/explicit")]
    public async Task An_mvc_action_taking_a_contract_gets_the_same_problem_details(string path)
    {
        await using LoopbackServer server = await StartAsync();

        using HttpResponseMessage invalid = await server.Client.PostAsync(path, Json("""{"intended_reports":["risk"],"from_date":"2024-01-01","to_date":"2023-01-01"}"""));
        using HttpResponseMessage notJson = await server.Client.PostAsync(path, new StringContent(ProblemDetailsTests.ValidRequest, Encoding.UTF8, "text/plain"));
        using HttpResponseMessage valid = await server.Client.PostAsync(path, Json(ProblemDetailsTests.ValidRequest));

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal("application/problem+json", invalid.Content.Headers.ContentType?.MediaType);
        JsonObject problem = JsonNode.Parse(await invalid.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal("dateRange", (string)problem["errors"]!["/to_date"]![0]!["keyword"]!);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notJson.StatusCode);
        Assert.Equal("application/problem+json", notJson.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        Assert.Contains("c-1", await valid.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_openapi_document_shows_the_contracts_own_json_schema()
    {
        await using LoopbackServer server = await StartAsync();

        JsonObject document = JsonNode.Parse(await server.Client.GetStringAsync("/openapi/v1.json"))!.AsObject();

        JsonNode expected = JsonNode.Parse(System.IO.File.ReadAllText(Repository.Path("schema", "insights-flow-request.schema.json")))!;
        foreach (string path in new[] { "/flows", "/mvc/flows" })
        {
            JsonNode schema = Resolve(document, document["paths"]![path]!["post"]!["requestBody"]!["content"]!["application/json"]!["schema"]!);
            Assert.True(JsonNode.DeepEquals(expected, schema), $"{path}: {schema.ToJsonString()}");
        }

        JsonNode response = Resolve(document, document["paths"]!["/flows"]!["post"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!);
        JsonNode expectedResponse = JsonNode.Parse(System.IO.File.ReadAllText(Repository.Path("schema", "insights-flow-response.schema.json")))!;
        Assert.True(JsonNode.DeepEquals(expectedResponse, response), response.ToJsonString());
    }

    [Fact]
    public async Task The_openapi_document_lists_the_problem_details_answers_of_a_contract_body()
    {
        await using LoopbackServer server = await StartAsync();

        JsonObject document = JsonNode.Parse(await server.Client.GetStringAsync("/openapi/v1.json"))!.AsObject();

        foreach (string path in new[] { "/flows", "/mvc/flows", "/widgets" })
        {
            JsonObject responses = document["paths"]![path]!["post"]!["responses"]!.AsObject();
            foreach (string status in new[] { "400", "413", "415" })
            {
                JsonNode schema = responses[status]?["content"]?["application/problem+json"]?["schema"]
                    ?? throw new Xunit.Sdk.XunitException($"{path} does not list {status} application/problem+json: {responses.ToJsonString()}");
                Assert.Equal("object", (string)schema["properties"]!["errors"]!["type"]!);
                Assert.Equal("array", (string)schema["properties"]!["errors"]!["additionalProperties"]!["type"]!);
            }

            Assert.Contains(responses, r => r.Key.StartsWith('2'));
        }
    }

    [Fact]
    public async Task A_schema_without_an_id_gets_one_so_its_own_refs_resolve_within_it()
    {
        await using LoopbackServer server = await StartAsync();

        JsonObject document = JsonNode.Parse(await server.Client.GetStringAsync("/openapi/v1.json"))!.AsObject();
        JsonNode schema = Resolve(document, document["paths"]!["/widgets"]!["post"]!["requestBody"]!["content"]!["application/json"]!["schema"]!);

        JsonObject expected = JsonNode.Parse(System.IO.File.ReadAllText(Repository.Path("tests", "AspNetCore.Tests", "Schemas", "widget.schema.json")))!.AsObject();
        expected["$id"] = "urn:insights-contracts:Insights.Contracts.AspNetCore.Tests.Widget";
        Assert.True(JsonNode.DeepEquals(expected, schema), schema.ToJsonString());
        Assert.Equal("$id", schema.AsObject().ElementAt(1).Key); // right after $schema, where a reader looks for it
    }

    private static JsonNode Resolve(JsonObject document, JsonNode schema) =>
        schema["$ref"] is { } reference && ((string)reference!).StartsWith("#/components/schemas/", System.StringComparison.Ordinal)
            ? document["components"]!["schemas"]![((string)reference!)["#/components/schemas/".Length..]]!
            : schema;
}
