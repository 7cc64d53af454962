using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Insights.Contracts.Runtime;
using Xunit;
using Xunit.Abstractions;

namespace Insights.Contracts.InsightsService.Tests;

/// <summary>
/// A bounded load on the sample service (20,000 requests, 32 at a time, valid and invalid mixed):
/// every request must get its own correct answer and none may be lost. The figures are recorded
/// (bench/RESULTS.md), not asserted: a timed assertion would fail on a busy machine, not on a slow service.
/// The baseline is a plain minimal API on the same machine in the same run, binding the same bodies
/// to plain records with reflection-based System.Text.Json and validating nothing.
/// </summary>
public class LoadTests(ITestOutputHelper output)
{
    private const int Total = 20_000;
    private const int Concurrency = 32;
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    /// <summary>Four kinds in turn: all accounts, given IBANs, a bad date (schema error), cut-off JSON (syntax error).</summary>
    private static string Body(int i) => (i % 4) switch
    {
        0 => $$"""{"intended_reports":["transactions","income"],"from_date":"2024-01-01","to_date":"2024-03-31","accounts":{"all":true},"insights_consumer_id":"load-{{i}}"}""",
        1 => $$"""{"intended_reports":["risk"],"from_date":"2024-01-01","to_date":"2024-01-31","accounts":{"ibans":["GB82WEST12345698765432"]},"insights_consumer_id":"load-{{i}}","data_retention_minutes":60}""",
        2 => $$"""{"intended_reports":["balances"],"from_date":"2024-13-01","to_date":"2024-12-31","insights_consumer_id":"load-{{i}}"}""",
        _ => $$"""{"intended_reports":["balances"],"from_date":"2024-01-01","insights_consumer_id":"load-{{i}}" """,
    };

    private static LoadRequest ServiceRequest(int i) => new(Encoding.UTF8.GetBytes(Body(i)), (status, body) => (i % 4) switch
    {
        0 => ExpectFlow(status, body, $"load-{i}", ["DE89370400440532013000", "GB82WEST12345698765432", "NL91ABNA0417164300"]),
        1 => ExpectFlow(status, body, $"load-{i}", ["GB82WEST12345698765432"]),
        2 => ExpectProblem(status, body, "/from_date", "format"),
        _ => ExpectProblem(status, body, "", "syntax"),
    });

    private static string? ExpectFlow(HttpStatusCode status, string body, string consumer, string[] ibans)
    {
        if (status != HttpStatusCode.OK)
        {
            return $"status {(int)status}, expected 200";
        }

        ParseResult<InsightsFlowResponse> parsed = InsightsFlowResponse.Parse(body);
        return !parsed.IsValid ? $"invalid response: {parsed}"
            : parsed.Value.Data.Result!.InsightsConsumerId != consumer ? $"answer for {parsed.Value.Data.Result.InsightsConsumerId}, expected {consumer}"
            : !parsed.Value.Data.Result.Accounts.Select(a => a.Iban).SequenceEqual(ibans) ? "wrong accounts"
            : null;
    }

    private static string? ExpectProblem(HttpStatusCode status, string body, string pointer, string keyword)
    {
        if (status != HttpStatusCode.BadRequest)
        {
            return $"status {(int)status}, expected 400";
        }

        JsonObject errors = JsonNode.Parse(body)!["errors"]!.AsObject();
        return errors.Count == 1 && errors[pointer] is JsonArray { Count: 1 } list && (string?)list[0]!["keyword"] == keyword
            ? null
            : $"errors {errors.ToJsonString()}, expected one {keyword} at '{pointer}'";
    }

    public sealed record PlainAccounts([property: JsonPropertyName("ids")] Guid[]? Ids, [property: JsonPropertyName("ibans")] string[]? Ibans, [property: JsonPropertyName("all")] bool? All);

    public sealed record PlainRequest(
        [property: JsonPropertyName("intended_reports")] string[] IntendedReports,
        [property: JsonPropertyName("from_date")] string FromDate,
        [property: JsonPropertyName("to_date")] string? ToDate,
        [property: JsonPropertyName("accounts")] PlainAccounts? Accounts,
        [property: JsonPropertyName("insights_consumer_id")] string? InsightsConsumerId);

    private static Task<LoopbackServer> StartBaselineAsync() =>
        LoopbackServer.StartAsync(
            "Production",
            _ => { },
            app => app.MapPost("/flows", (PlainRequest request) => new { data = new { state = "FINISHED", result = new { type = "insights_refresh", accounts = Array.Empty<object>(), insights_consumer_id = request.InsightsConsumerId } } }));

    private static LoadRequest BaselineRequest(int i) => new(Encoding.UTF8.GetBytes(Body(i)), (status, _) =>
        status == ((i % 4) == 3 ? HttpStatusCode.BadRequest : HttpStatusCode.OK) ? null : $"status {(int)status}");

    [Fact]
    public async Task Twenty_thousand_mixed_requests_32_at_a_time_each_get_their_own_correct_answer()
    {
        await using LoopbackServer baseline = await StartBaselineAsync();
        await using LoopbackServer service = await InsightsServiceApps.StartAsync();

        // Warm-up (JIT, connection pools), not measured.
        await LoadDriver.RunAsync(baseline.Address, "flows", 2_000, Concurrency, BaselineRequest, Limit);
        await LoadDriver.RunAsync(service.Address, "flows", 2_000, Concurrency, ServiceRequest, Limit);

        LoadOutcome plain = await LoadDriver.RunAsync(baseline.Address, "flows", Total, Concurrency, BaselineRequest, Limit);
        LoadOutcome contracts = await LoadDriver.RunAsync(service.Address, "flows", Total, Concurrency, ServiceRequest, Limit);

        string report = string.Join(
            Environment.NewLine,
            $"configuration: {(typeof(LoadTests).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyConfigurationAttribute), false).FirstOrDefault() as System.Reflection.AssemblyConfigurationAttribute)?.Configuration}, {Environment.ProcessorCount} cores, {Total} requests, {Concurrency} concurrent, client and server in one process",
            $"InsightsService (AddJsonContracts): {contracts}",
            $"baseline (plain records, no validation): {plain}",
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"throughput ratio service/baseline: {contracts.RequestsPerSecond / plain.RequestsPerSecond:F2}"));
        output.WriteLine(report);
        Directory.CreateDirectory(Repository.Path("artifacts", "load"));
        await File.WriteAllTextAsync(Repository.Path("artifacts", "load", "insights-service.txt"), report + Environment.NewLine);

        Assert.Equal(Total, contracts.Answered);
        Assert.Empty(contracts.Wrong.Take(10));
        Assert.Equal(Total, plain.Answered);
        Assert.Empty(plain.Wrong.Take(10));
    }
}
