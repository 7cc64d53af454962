using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace Insights.Contracts.Benchmarks;

/// <summary>
/// Reading a page of payment events, each a <c>oneOf</c> of four objects told apart by a const
/// <c>type</c>, with that discriminator first in every event and with it last. Every competitor
/// reads the same data (see <see cref="SanityChecks"/>); ratios are to the floor, a bare
/// Utf8JsonReader loop over the discriminator-last payload (both layouts are the same bytes
/// rearranged, the same length and the same tokens).
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByParams)]
public class UnionDispatchBenchmarks
{
    private byte[] _first = [];
    private byte[] _last = [];

    [Params(1, 1_000)]
    public int Events { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _first = Payloads.PaymentEvents(Events, discriminatorLast: false);
        _last = Payloads.PaymentEvents(Events, discriminatorLast: true);
    }

    /// <summary>(a) The floor: read every token, decode nothing.</summary>
    [Benchmark(Baseline = true, Description = "(a) Utf8JsonReader floor")]
    public int Floor() => Competitors.CountTokens(_last);

    /// <summary>(b) Ours, typed: parse and validate, the discriminator first in each event.</summary>
    [Benchmark(Description = "(b) generated typed, type first")]
    public Unions.PaymentEvents TypedFirst() => Unions.PaymentEvents.Parse(_first).GetValueOrThrow();

    /// <summary>(c) Ours, typed: parse and validate, the discriminator last, found by a look-ahead.</summary>
    [Benchmark(Description = "(c) generated typed, type last")]
    public Unions.PaymentEvents TypedLast() => Unions.PaymentEvents.Parse(_last).GetValueOrThrow();

    /// <summary>(d) Ours, JSON-backed (GenerateAs="JsonValue"): parse and validate, the discriminator last.</summary>
    [Benchmark(Description = "(d) generated JSON-backed, type last")]
    public JsonBackedUnions.PaymentEvents JsonBackedLast() => JsonBackedUnions.PaymentEvents.Parse(_last).GetValueOrThrow();

    /// <summary>(e) System.Text.Json source-generated polymorphic records (validates nothing), the discriminator first, as it requires by default.</summary>
    [Benchmark(Description = "(e) STJ source-gen, type first")]
    public PlainPaymentEvents StjFirst() => JsonSerializer.Deserialize(_first, PlainUnionJsonContext.Default.PlainPaymentEvents)!;

    /// <summary>(f) The same with AllowOutOfOrderMetadataProperties, the discriminator last.</summary>
    [Benchmark(Description = "(f) STJ source-gen out-of-order, type last")]
    public PlainPaymentEvents StjLast() => JsonSerializer.Deserialize(_last, PlainUnionOutOfOrderJsonContext.Default.PlainPaymentEvents)!;

    /// <summary>(g) AllowOutOfOrderMetadataProperties over the discriminator-first payload: what the option costs by itself.</summary>
    [Benchmark(Description = "(g) STJ source-gen out-of-order, type first")]
    public PlainPaymentEvents StjOutOfOrderFirst() => JsonSerializer.Deserialize(_first, PlainUnionOutOfOrderJsonContext.Default.PlainPaymentEvents)!;
}
