using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using Microsoft.CodeAnalysis;

namespace Insights.Contracts.Benchmarks;

/// <summary>Every competitor must really read the same data (and NJsonSchema must really validate) before anything is timed.</summary>
public static class SanityChecks
{
    public static void Run()
    {
        foreach (int accounts in new[] { 1, 100, 10_000 })
        {
            byte[] utf8 = Payloads.Response(accounts);
            var ours = InsightsFlowResponse.Parse(utf8).GetValueOrThrow();
            var plain = JsonSerializer.Deserialize(utf8, PlainJsonContext.Default.PlainResponse)!;
            var reflected = JsonSerializer.Deserialize<PlainResponse>(utf8, PlainJson.Reflection)!;
            var bench = new ParseResponseBenchmarks { Accounts = accounts };
            bench.Setup();
            var nj = bench.NJsonSchema();
            Require(ours.Data.Result!.Accounts.Count == accounts, "ours");
            Require(plain.Data.Result!.Accounts.Count == accounts && plain.Data.Result.Accounts[^1].Iban == ours.Data.Result.Accounts[^1].Iban, "STJ source-gen");
            Require(reflected.Data.Result!.Accounts.Count == accounts && reflected.Data.Result.Accounts[^1].InsightsAccountId == ours.Data.Result.Accounts[^1].InsightsAccountId, "STJ reflection");
            Require(nj.Data.Result.Accounts.Count == accounts && nj.Data.Result.Accounts.Last().Iban == ours.Data.Result.Accounts[^1].Iban, "NJsonSchema");
            Require(Competitors.CountTokens(utf8) > accounts * 5, "floor");
            Require(JsonSerializer.SerializeToUtf8Bytes(plain, PlainJsonContext.Default.PlainResponse).AsSpan().SequenceEqual(ours.ToUtf8Json()), "serializers write the same bytes");
            var jsonBacked = JsonBacked.InsightsFlowResponse.Parse(utf8).GetValueOrThrow();
            Require(jsonBacked.Value.GetProperty("data").GetProperty("result").GetProperty("accounts").GetArrayLength() == accounts, "JSON-backed");
            Require(new JsonBackedResponseBenchmarks { Accounts = accounts } is { } jb && Setup(jb) && jb.NJsonSchemaValidate() == 0, "NJsonSchema validate only");
        }

        foreach (string scenario in Payloads.Scenarios)
        {
            byte[] utf8 = Payloads.Request(scenario);
            Require(InsightsFlowRequest.Parse(utf8).GetValueOrThrow().AccountsScenario?.ToString() == scenario, $"request {scenario}");
            Require(JsonSerializer.Deserialize(utf8, PlainJsonContext.Default.PlainRequest)!.IntendedReports.Count == 2, $"STJ request {scenario}");
        }

        // NJsonSchema must reject what the schema rejects, or (e) would be timing deserialization alone.
        string invalid = Encoding.UTF8.GetString(Payloads.Response(1)).Replace("insights_refresh", "nope", StringComparison.Ordinal);
        Require(NJsonSchemaPeer.LoadResponseSchema().Validate(invalid).Count > 0, "NJsonSchema validates");
        Require(!InsightsFlowResponse.Parse(invalid).IsValid, "ours validates");
        Require(!JsonBacked.InsightsFlowResponse.Parse(invalid).IsValid, "JSON-backed validates");

        var generator = new GeneratorBenchmarks();
        generator.Setup();
        Require(generator.Insights().GetRunResult().GeneratedTrees.Length == 8, "generator output");
        Require(generator.Properties1000().GetRunResult().Diagnostics.IsEmpty, "synthetic schema is clean");
        Console.WriteLine("sanity checks passed: every competitor reads the same data");
    }

    private static bool Setup(JsonBackedResponseBenchmarks benchmarks)
    {
        benchmarks.Setup();
        return true;
    }

    private static void Require(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"Sanity check failed: {what}");
        }
    }
}
