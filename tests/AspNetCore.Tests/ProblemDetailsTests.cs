using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Insights.Contracts.AspNetCore.Tests;

/// <summary>With AddJsonContracts, every way a contract body can be wrong is answered with RFC 9457 problem details, in every environment.</summary>
public class ProblemDetailsTests
{
    internal const string ValidRequest = """{"intended_reports":["transactions"],"from_date":"2024-01-01","to_date":"2024-03-31","insights_consumer_id":"c-1"}""";

    private sealed class Calls
    {
        public int Count;
    }

    private static Task<LoopbackServer> StartAsync(string environment, Calls calls, long maxBodyBytes = JsonContractsOptions.DefaultMaxBodyBytes) =>
        LoopbackServer.StartAsync(
            environment,
            builder => builder.Services.AddJsonContracts(options => options.MaxBodyBytes = maxBodyBytes),
            app =>
            {
                app.MapGet("/", () => "home");
                app.MapPost("/flows", (InsightsFlowRequest request) =>
                {
                    Interlocked.Increment(ref calls.Count);
                    return Results.Ok(new { consumer = request.InsightsConsumerId, days = request.ToDate.DayNumber - request.FromDate.DayNumber });
                });
                app.MapPost("/optional", (InsightsFlowRequest? request) => request is null ? "none" : request.InsightsConsumerId ?? "no id");
            });

    private static async Task<(HttpStatusCode Status, string? MediaType, JsonObject Body)> PostAsync(LoopbackServer server, string path, string body, string contentType = "application/json")
    {
        var (status, mediaType, text) = await PostTextAsync(server, path, body, contentType);
        return (status, mediaType, JsonNode.Parse(text)!.AsObject());
    }

    private static async Task<(HttpStatusCode Status, string? MediaType, string Body)> PostTextAsync(LoopbackServer server, string path, string body, string contentType = "application/json")
    {
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType) { CharSet = "utf-8" };
        using HttpResponseMessage response = await server.Client.PostAsync(path, content);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
    }

    /// <summary>(pointer, keyword) of every error in a problem details body, in order.</summary>
    private static (string Pointer, string Keyword)[] Errors(JsonObject problem) =>
        problem["errors"]!.AsObject()
            .SelectMany(entry => entry.Value!.AsArray().Select(e => (entry.Key, (string)e!["keyword"]!)))
            .ToArray();

    private static void AssertProblem(JsonObject problem, int status, params (string Pointer, string Keyword)[] errors)
    {
        Assert.Equal(status, (int)problem["status"]!);
        Assert.StartsWith("https://tools.ietf.org/html/rfc9110#section-15.5.", (string)problem["type"]!);
        Assert.False(string.IsNullOrEmpty((string?)problem["title"]));
        Assert.Equal("/flows", (string?)problem["instance"]);
        Assert.False(string.IsNullOrEmpty((string?)problem["traceId"]));
        Assert.Equal(errors, Errors(problem));
        Assert.All(problem["errors"]!.AsObject(), entry => Assert.All(entry.Value!.AsArray(), e => Assert.False(string.IsNullOrEmpty((string?)e!["message"]))));
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task An_invalid_body_is_a_400_listing_every_error_by_json_pointer(string environment)
    {
        var calls = new Calls();
        await using LoopbackServer server = await StartAsync(environment, calls);

        var (status, mediaType, problem) = await PostAsync(server, "/flows", """{"intended_reports":[],"from_date":"2024-02-30","insights_consumer_id":""}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", mediaType);
        AssertProblem(problem, 400, ("/intended_reports", "minItems"), ("/from_date", "format"), ("/insights_consumer_id", "minLength"), ("/to_date", "required"));
        Assert.Equal("The request body is not a valid InsightsFlowRequest.", (string)problem["title"]!);
        Assert.Equal(0, calls.Count);
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task Malformed_json_is_a_400_syntax_error_at_the_root(string environment)
    {
        await using LoopbackServer server = await StartAsync(environment, new Calls());

        var (status, _, problem) = await PostAsync(server, "/flows", """{"intended_reports":["transactions"],""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        AssertProblem(problem, 400, ("", "syntax"));
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task An_empty_body_is_a_400_syntax_error(string environment)
    {
        await using LoopbackServer server = await StartAsync(environment, new Calls());

        var (status, _, problem) = await PostAsync(server, "/flows", "");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        AssertProblem(problem, 400, ("", "syntax"));
        Assert.Contains("the document is empty", (string)problem["errors"]![""]![0]!["message"]!);
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task Nesting_past_the_depth_limit_is_a_400_syntax_error(string environment)
    {
        await using LoopbackServer server = await StartAsync(environment, new Calls());

        string deep = "{\"intended_reports\":" + new string('[', 70) + new string(']', 70) + "}";
        var (status, _, problem) = await PostAsync(server, "/flows", deep);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(400, (int)problem["status"]!);
        Assert.Contains(problem["errors"]!.AsObject().SelectMany(entry => entry.Value!.AsArray()), e =>
            (string)e!["keyword"]! == "syntax" && ((string)e["message"]!).Contains("depth", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("Development", "text/plain")]
    [InlineData("Production", "text/plain")]
    [InlineData("Production", "application/xml")]
    public async Task A_body_that_is_not_json_is_a_415(string environment, string contentType)
    {
        var calls = new Calls();
        await using LoopbackServer server = await StartAsync(environment, calls);

        var (status, mediaType, problem) = await PostAsync(server, "/flows", ValidRequest, contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
        Assert.Equal("application/problem+json", mediaType);
        AssertProblem(problem, 415, ("", "contentType"));
        Assert.StartsWith($"Content-Type '{contentType}; charset=utf-8' is not accepted", (string)problem["errors"]![""]![0]!["message"]!);
        Assert.Equal(0, calls.Count);
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task A_body_over_the_configured_size_is_a_413(string environment)
    {
        var calls = new Calls();
        await using LoopbackServer server = await StartAsync(environment, calls, maxBodyBytes: ValidRequest.Length - 1);

        var (status, _, problem) = await PostAsync(server, "/flows", ValidRequest);
        var (fits, _, _) = await PostAsync(server, "/flows", ValidRequest.Replace("c-1", "c"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        AssertProblem(problem, 413, ("", "size"));
        Assert.Equal(HttpStatusCode.OK, fits);
        Assert.Equal(1, calls.Count);
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task A_valid_body_reaches_the_handler_and_other_routes_are_untouched(string environment)
    {
        var calls = new Calls();
        await using LoopbackServer server = await StartAsync(environment, calls);

        var (status, mediaType, answer) = await PostAsync(server, "/flows", ValidRequest);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/json", mediaType);
        Assert.Equal("c-1", (string?)answer["consumer"]);
        Assert.Equal(90, (int)answer["days"]!);
        Assert.Equal(1, calls.Count);
        Assert.Equal("home", await server.Client.GetStringAsync("/"));
    }

    [Fact]
    public async Task An_optional_contract_body_may_be_left_out_but_not_be_invalid()
    {
        await using LoopbackServer server = await StartAsync("Production", new Calls());

        using HttpResponseMessage none = await server.Client.PostAsync("/optional", null);
        var (invalid, _, problem) = await PostAsync(server, "/optional", "{}");
        var (valid, _, id) = await PostTextAsync(server, "/optional", ValidRequest);

        Assert.Equal(HttpStatusCode.OK, none.StatusCode);
        Assert.Equal("none", await none.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, invalid);
        Assert.Equal(3, Errors(problem).Length);
        Assert.Equal(HttpStatusCode.OK, valid);
        Assert.Equal("c-1", id);
    }
}
