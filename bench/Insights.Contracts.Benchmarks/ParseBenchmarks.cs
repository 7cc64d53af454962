using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Insights.Contracts.Runtime;
using NJsonSchema;

namespace Insights.Contracts.Benchmarks;

/// <summary>
/// Reading a flow response of 1, 100 and 10,000 accounts: every competitor reads the same bytes,
/// and each is reported as a ratio to the floor, a bare Utf8JsonReader loop (the baseline).
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByParams)]
public class ParseResponseBenchmarks
{
    private byte[] _utf8 = [];
    private JsonSchema _schema = null!;

    [Params(1, 100, 10_000)]
    public int Accounts { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _utf8 = Payloads.Response(Accounts);
        _schema = NJsonSchemaPeer.LoadResponseSchema();
    }

    /// <summary>(a) The floor: read every token, decode nothing.</summary>
    [Benchmark(Baseline = true, Description = "(a) Utf8JsonReader floor")]
    public int Floor() => Competitors.CountTokens(_utf8);

    /// <summary>(b) Ours: parse and validate every schema rule.</summary>
    [Benchmark(Description = "(b) generated parse+validate")]
    public InsightsFlowResponse Ours() => InsightsFlowResponse.Parse(_utf8).GetValueOrThrow();

    /// <summary>(c) System.Text.Json source generation into plain records (validates nothing).</summary>
    [Benchmark(Description = "(c) STJ source-gen (no validation)")]
    public PlainResponse StjSourceGenerated() => JsonSerializer.Deserialize(_utf8, PlainJsonContext.Default.PlainResponse)!;

    /// <summary>(d) System.Text.Json reflection into plain records (validates nothing).</summary>
    [Benchmark(Description = "(d) STJ reflection (no validation)")]
    public PlainResponse StjReflection() => JsonSerializer.Deserialize<PlainResponse>(_utf8, PlainJson.Reflection)!;

    /// <summary>(e) NJsonSchema: validate against the same schema, then deserialize its generated classes.</summary>
    [Benchmark(Description = "(e) NJsonSchema validate+deserialize")]
    public NJsonSchemaResponse.NjResponse NJsonSchema()
    {
        string json = Encoding.UTF8.GetString(_utf8);
        ICollection<NJsonSchema.Validation.ValidationError> errors = _schema.Validate(json);
        return errors.Count == 0
            ? Newtonsoft.Json.JsonConvert.DeserializeObject<NJsonSchemaResponse.NjResponse>(json)!
            : throw new System.InvalidOperationException("invalid");
    }
}

/// <summary>Reading a request for each accounts scenario.</summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByParams)]
public class ParseRequestBenchmarks
{
    private byte[] _utf8 = [];

    [ParamsSource(nameof(ScenarioNames))]
    public string Scenario { get; set; } = "";

    public static IEnumerable<string> ScenarioNames => Payloads.Scenarios;

    [GlobalSetup]
    public void Setup() => _utf8 = Payloads.Request(Scenario);

    [Benchmark(Baseline = true, Description = "(a) Utf8JsonReader floor")]
    public int Floor() => Competitors.CountTokens(_utf8);

    [Benchmark(Description = "(b) generated parse+validate")]
    public InsightsFlowRequest Ours() => InsightsFlowRequest.Parse(_utf8).GetValueOrThrow();

    [Benchmark(Description = "(c) STJ source-gen (no validation)")]
    public PlainRequest StjSourceGenerated() => JsonSerializer.Deserialize(_utf8, PlainJsonContext.Default.PlainRequest)!;
}

/// <summary>Writing a response: ours against System.Text.Json source generation.</summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByParams)]
public class SerializeBenchmarks
{
    private InsightsFlowResponse _ours = null!;
    private PlainResponse _plain = null!;

    [Params(100, 10_000)]
    public int Accounts { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        byte[] utf8 = Payloads.Response(Accounts);
        _ours = InsightsFlowResponse.Parse(utf8).GetValueOrThrow();
        _plain = JsonSerializer.Deserialize(utf8, PlainJsonContext.Default.PlainResponse)!;
    }

    [Benchmark(Baseline = true, Description = "STJ source-gen serialize")]
    public byte[] StjSourceGenerated() => JsonSerializer.SerializeToUtf8Bytes(_plain, PlainJsonContext.Default.PlainResponse);

    [Benchmark(Description = "generated ToUtf8Json")]
    public byte[] Ours() => _ours.ToUtf8Json();
}

/// <summary>Validating objects that are already built and valid: time, and allocation (target 0 bytes).</summary>
[MemoryDiagnoser]
public class ValidateBenchmarks
{
    private InsightsFlowResponse _response = null!;
    private InsightsFlowRequest _request = null!;

    [GlobalSetup]
    public void Setup()
    {
        _response = InsightsFlowResponse.Parse(Payloads.Response(10_000)).GetValueOrThrow();
        _request = InsightsFlowRequest.Parse(Payloads.Request("GivenAccounts")).GetValueOrThrow();
    }

    [Benchmark(Description = "Validate() request (given accounts)")]
    public ValidationResult Request() => _request.Validate();

    [Benchmark(Description = "Validate() response (10,000 accounts)")]
    public ValidationResult Response() => _response.Validate();
}

public static class Competitors
{
    /// <summary>The floor: what any reader has to do at least, touching every token once.</summary>
    public static int CountTokens(byte[] utf8)
    {
        var reader = new Utf8JsonReader(utf8, JsonContract.ReaderOptions);
        int tokens = 0;
        while (reader.Read())
        {
            tokens++;
        }

        return tokens;
    }
}
