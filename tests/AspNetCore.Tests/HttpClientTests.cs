using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Insights.Contracts.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Insights.Contracts.AspNetCore.Tests;

/// <summary>The HttpClient extensions against a real server: invalid values never leave, responses are checked.</summary>
public class HttpClientTests
{
    private const string ValidResponse = """{"data":{"state":"FINISHED","result":{"type":"insights_refresh","accounts":[],"insights_consumer_id":"c-1"}}}""";

    private sealed class Received
    {
        public int Count;
    }

    private static Task<LoopbackServer> StartAsync(Received received) =>
        LoopbackServer.StartAsync(
            "Production",
            builder => builder.Services.AddJsonContracts(),
            app =>
            {
                app.MapPost("/flows", (InsightsFlowRequest request) =>
                {
                    Interlocked.Increment(ref received.Count);
                    return request.InsightsConsumerId;
                });
                app.MapGet("/responses/valid", () => Results.Text(ValidResponse, "application/json"));
                app.MapGet("/responses/invalid", () => Results.Text("""{"data":{"state":"FINISHED","result":{"type":"nope"}}}""", "application/json"));
                app.MapGet("/responses/text", () => Results.Text(ValidResponse, "text/plain"));
                app.MapGet("/responses/missing", () => Results.NotFound());
            });

    private static InsightsFlowRequest Request(string? consumer) => new()
    {
        IntendedReports = [IntendedReport.Transactions],
        FromDate = new DateOnly(2024, 1, 1),
        ToDate = new DateOnly(2024, 3, 31),
        InsightsConsumerId = consumer,
    };

    [Fact]
    public async Task A_valid_value_is_sent_as_the_contract_writes_it()
    {
        var received = new Received();
        await using LoopbackServer server = await StartAsync(received);

        using HttpResponseMessage response = await server.Client.PostContractAsync("/flows", Request("c-7"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("c-7", await response.Content.ReadAsStringAsync());
        Assert.Equal(1, received.Count);
    }

    [Fact]
    public async Task An_invalid_value_throws_with_every_error_and_is_never_sent()
    {
        var received = new Received();
        await using LoopbackServer server = await StartAsync(received);
        InsightsFlowRequest invalid = Request("") with { ToDate = new DateOnly(2023, 1, 1) };

        JsonContractException thrown = await Assert.ThrowsAsync<JsonContractException>(() => server.Client.PostContractAsync("/flows", invalid));

        Assert.Equal(["/insights_consumer_id", "/to_date"], thrown.Errors.Select(e => e.Path).Order());
        Assert.StartsWith("The InsightsFlowRequest is not valid (2 errors):", thrown.Message);
        Assert.Equal(0, received.Count);
    }

    [Fact]
    public async Task A_response_is_read_into_a_contract_with_every_rule_checked()
    {
        await using LoopbackServer server = await StartAsync(new Received());

        InsightsFlowResponse valid = await server.Client.GetContractAsync<InsightsFlowResponse>("/responses/valid");
        JsonContractException invalid = await Assert.ThrowsAsync<JsonContractException>(() => server.Client.GetContractAsync<InsightsFlowResponse>("/responses/invalid"));
        await Assert.ThrowsAsync<HttpRequestException>(() => server.Client.GetContractAsync<InsightsFlowResponse>("/responses/missing"));
        using HttpResponseMessage text = await server.Client.GetAsync("/responses/text");
        ParseResult<InsightsFlowResponse> notJson = await text.Content.ReadContractAsync<InsightsFlowResponse>();

        Assert.Equal("c-1", valid.Data.Result!.InsightsConsumerId);
        Assert.Contains(invalid.Errors, e => e.Path == "/data/result/type");
        Assert.Equal("contentType", Assert.Single(notJson.Errors).Keyword);
    }
}
