using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using NJsonSchema;

namespace Insights.Contracts.Benchmarks;

/// <summary>
/// The two generated shapes over the same flow response: the typed record, and the same schema
/// generated as a JSON-backed value (GenerateAs="JsonValue"). The baseline is JsonDocument.Parse
/// alone, the floor for anything that keeps a JsonElement; NJsonSchema's validation alone (no
/// deserialization) is the other schema validator a user would reach for.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByParams)]
public class JsonBackedResponseBenchmarks
{
    private byte[] _utf8 = [];
    private JsonSchema _schema = null!;

    [Params(100, 10_000)]
    public int Accounts { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _utf8 = Payloads.Response(Accounts);
        _schema = NJsonSchemaPeer.LoadResponseSchema();
    }

    /// <summary>(a) The floor for a JSON-backed value: parse into a JsonDocument, check nothing.</summary>
    [Benchmark(Baseline = true, Description = "(a) JsonDocument.Parse (floor)")]
    public int JsonDocumentFloor()
    {
        using JsonDocument document = JsonDocument.Parse(_utf8);
        return document.RootElement.GetPropertyCount();
    }

    /// <summary>(b) The typed record: parse and validate.</summary>
    [Benchmark(Description = "(b) typed record parse+validate")]
    public InsightsFlowResponse Typed() => InsightsFlowResponse.Parse(_utf8).GetValueOrThrow();

    /// <summary>(c) The JSON-backed value: parse and validate.</summary>
    [Benchmark(Description = "(c) JSON-backed parse+validate")]
    public JsonBacked.InsightsFlowResponse JsonBacked() => Benchmarks.JsonBacked.InsightsFlowResponse.Parse(_utf8).GetValueOrThrow();

    /// <summary>(d) NJsonSchema: validation only, from the text.</summary>
    [Benchmark(Description = "(d) NJsonSchema validate only")]
    public int NJsonSchemaValidate() => _schema.Validate(Encoding.UTF8.GetString(_utf8)).Count;
}
