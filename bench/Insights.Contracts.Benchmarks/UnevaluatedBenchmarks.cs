using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Insights.Contracts.Runtime;

namespace Insights.Contracts.Benchmarks;

/// <summary>
/// What <c>unevaluatedProperties</c> and <c>unevaluatedItems</c> cost: three pairs of schemas under
/// bench/schemas (uneval-*.schema.json), each pair accepting exactly the same documents (checked by
/// <see cref="SanityChecks"/>), one closed without an unevaluated* keyword (the baseline of its
/// category) and one with it:
/// (a) accounts closed by <c>additionalProperties: false</c> against accounts extending a base
/// <c>$ref</c> through <c>allOf</c> closed by <c>unevaluatedProperties: false</c>, over the Insights
/// flow response; (b) tuples of <c>prefixItems</c> closed by <c>items: false</c> against
/// <c>unevaluatedItems: false</c>; (c) a <c>oneOf</c> of two closed objects against one shared member
/// beside a <c>oneOf</c> of two open objects closed once by <c>unevaluatedProperties: false</c>, which
/// must collect what the matching branch evaluated. Each is measured parsed (bytes to a validated
/// value) as a typed record and as a JSON-backed value (GenerateAs="JsonValue"), and validated when
/// already built and valid.
/// (c) has no typed Validate() of the unevaluated variant: the typed record of the unevaluatedProperties schema holds only
/// the shared <c>id</c> (ICG021; the oneOf branches' members are checked on the JSON, then dropped),
/// so Validate() of a value it parsed fails the oneOf, and its parse row builds less than the
/// baseline's union of two records.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)]
[CategoriesColumn]
public class UnevaluatedBenchmarks
{
    private const string ObjectsTypedParse = "a objects, typed parse";
    private const string ObjectsJsonParse = "a objects, JSON-backed parse";
    private const string ObjectsTypedValidate = "a objects, typed Validate()";
    private const string ObjectsJsonValidate = "a objects, JSON-backed Validate()";
    private const string TuplesTypedParse = "b tuples, typed parse";
    private const string TuplesJsonParse = "b tuples, JSON-backed parse";
    private const string TuplesTypedValidate = "b tuples, typed Validate()";
    private const string TuplesJsonValidate = "b tuples, JSON-backed Validate()";
    private const string UnionTypedParse = "c oneOf, typed parse";
    private const string UnionJsonParse = "c oneOf, JSON-backed parse";
    private const string UnionTypedValidate = "c oneOf, typed Validate()";
    private const string UnionJsonValidate = "c oneOf, JSON-backed Validate()";

    private byte[] _response = [];
    private byte[] _ledger = [];
    private byte[] _methods = [];

    private Unevaluated.ClosedAccounts.ClosedAccountsResponse _closedAccounts = null!;
    private Unevaluated.ExtendedAccounts.ExtendedAccountsResponse _extendedAccounts = null!;
    private UnevaluatedJson.ClosedAccounts.ClosedAccountsResponse _closedAccountsJson = null!;
    private UnevaluatedJson.ExtendedAccounts.ExtendedAccountsResponse _extendedAccountsJson = null!;
    private Unevaluated.TupleItems.TupleItemsLedger _tupleItems = null!;
    private Unevaluated.TupleUnevaluated.TupleUnevaluatedLedger _tupleUnevaluated = null!;
    private UnevaluatedJson.TupleItems.TupleItemsLedger _tupleItemsJson = null!;
    private UnevaluatedJson.TupleUnevaluated.TupleUnevaluatedLedger _tupleUnevaluatedJson = null!;
    private Unevaluated.UnionClosed.ClosedPaymentMethods _unionClosed = null!;
    private UnevaluatedJson.UnionClosed.ClosedPaymentMethods _unionClosedJson = null!;
    private UnevaluatedJson.UnionUnevaluated.UnevaluatedPaymentMethods _unionUnevaluatedJson = null!;

    /// <summary>Accounts, tuples or payment methods in the document.</summary>
    [Params(10_000)]
    public int Items { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _response = Payloads.Response(Items);
        _ledger = Payloads.Ledger(Items);
        _methods = Payloads.PaymentMethods(Items);
        _closedAccounts = ClosedAccountsTyped();
        _extendedAccounts = ExtendedAccountsTyped();
        _closedAccountsJson = ClosedAccountsJson();
        _extendedAccountsJson = ExtendedAccountsJson();
        _tupleItems = TupleItemsTyped();
        _tupleUnevaluated = TupleUnevaluatedTyped();
        _tupleItemsJson = TupleItemsJson();
        _tupleUnevaluatedJson = TupleUnevaluatedJson();
        _unionClosed = UnionClosedTyped();
        _unionClosedJson = UnionClosedJson();
        _unionUnevaluatedJson = UnionUnevaluatedJson();
    }

    [BenchmarkCategory(ObjectsTypedParse), Benchmark(Baseline = true, Description = "additionalProperties: false")]
    public Unevaluated.ClosedAccounts.ClosedAccountsResponse ClosedAccountsTyped() => Unevaluated.ClosedAccounts.ClosedAccountsResponse.Parse(_response).GetValueOrThrow();

    [BenchmarkCategory(ObjectsTypedParse), Benchmark(Description = "allOf $ref + unevaluatedProperties: false")]
    public Unevaluated.ExtendedAccounts.ExtendedAccountsResponse ExtendedAccountsTyped() => Unevaluated.ExtendedAccounts.ExtendedAccountsResponse.Parse(_response).GetValueOrThrow();

    [BenchmarkCategory(ObjectsJsonParse), Benchmark(Baseline = true, Description = "additionalProperties: false")]
    public UnevaluatedJson.ClosedAccounts.ClosedAccountsResponse ClosedAccountsJson() => UnevaluatedJson.ClosedAccounts.ClosedAccountsResponse.Parse(_response).GetValueOrThrow();

    [BenchmarkCategory(ObjectsJsonParse), Benchmark(Description = "allOf $ref + unevaluatedProperties: false")]
    public UnevaluatedJson.ExtendedAccounts.ExtendedAccountsResponse ExtendedAccountsJson() => UnevaluatedJson.ExtendedAccounts.ExtendedAccountsResponse.Parse(_response).GetValueOrThrow();

    [BenchmarkCategory(ObjectsTypedValidate), Benchmark(Baseline = true, Description = "additionalProperties: false")]
    public ValidationResult ClosedAccountsTypedValidate() => _closedAccounts.Validate();

    [BenchmarkCategory(ObjectsTypedValidate), Benchmark(Description = "allOf $ref + unevaluatedProperties: false")]
    public ValidationResult ExtendedAccountsTypedValidate() => _extendedAccounts.Validate();

    [BenchmarkCategory(ObjectsJsonValidate), Benchmark(Baseline = true, Description = "additionalProperties: false")]
    public ValidationResult ClosedAccountsJsonValidate() => _closedAccountsJson.Validate();

    [BenchmarkCategory(ObjectsJsonValidate), Benchmark(Description = "allOf $ref + unevaluatedProperties: false")]
    public ValidationResult ExtendedAccountsJsonValidate() => _extendedAccountsJson.Validate();

    [BenchmarkCategory(TuplesTypedParse), Benchmark(Baseline = true, Description = "prefixItems + items: false")]
    public Unevaluated.TupleItems.TupleItemsLedger TupleItemsTyped() => Unevaluated.TupleItems.TupleItemsLedger.Parse(_ledger).GetValueOrThrow();

    [BenchmarkCategory(TuplesTypedParse), Benchmark(Description = "prefixItems + unevaluatedItems: false")]
    public Unevaluated.TupleUnevaluated.TupleUnevaluatedLedger TupleUnevaluatedTyped() => Unevaluated.TupleUnevaluated.TupleUnevaluatedLedger.Parse(_ledger).GetValueOrThrow();

    [BenchmarkCategory(TuplesJsonParse), Benchmark(Baseline = true, Description = "prefixItems + items: false")]
    public UnevaluatedJson.TupleItems.TupleItemsLedger TupleItemsJson() => UnevaluatedJson.TupleItems.TupleItemsLedger.Parse(_ledger).GetValueOrThrow();

    [BenchmarkCategory(TuplesJsonParse), Benchmark(Description = "prefixItems + unevaluatedItems: false")]
    public UnevaluatedJson.TupleUnevaluated.TupleUnevaluatedLedger TupleUnevaluatedJson() => UnevaluatedJson.TupleUnevaluated.TupleUnevaluatedLedger.Parse(_ledger).GetValueOrThrow();

    [BenchmarkCategory(TuplesTypedValidate), Benchmark(Baseline = true, Description = "prefixItems + items: false")]
    public ValidationResult TupleItemsTypedValidate() => _tupleItems.Validate();

    [BenchmarkCategory(TuplesTypedValidate), Benchmark(Description = "prefixItems + unevaluatedItems: false")]
    public ValidationResult TupleUnevaluatedTypedValidate() => _tupleUnevaluated.Validate();

    [BenchmarkCategory(TuplesJsonValidate), Benchmark(Baseline = true, Description = "prefixItems + items: false")]
    public ValidationResult TupleItemsJsonValidate() => _tupleItemsJson.Validate();

    [BenchmarkCategory(TuplesJsonValidate), Benchmark(Description = "prefixItems + unevaluatedItems: false")]
    public ValidationResult TupleUnevaluatedJsonValidate() => _tupleUnevaluatedJson.Validate();

    [BenchmarkCategory(UnionTypedParse), Benchmark(Baseline = true, Description = "oneOf of closed objects")]
    public Unevaluated.UnionClosed.ClosedPaymentMethods UnionClosedTyped() => Unevaluated.UnionClosed.ClosedPaymentMethods.Parse(_methods).GetValueOrThrow();

    [BenchmarkCategory(UnionTypedParse), Benchmark(Description = "oneOf + unevaluatedProperties: false")]
    public Unevaluated.UnionUnevaluated.UnevaluatedPaymentMethods UnionUnevaluatedTyped() => Unevaluated.UnionUnevaluated.UnevaluatedPaymentMethods.Parse(_methods).GetValueOrThrow();

    [BenchmarkCategory(UnionJsonParse), Benchmark(Baseline = true, Description = "oneOf of closed objects")]
    public UnevaluatedJson.UnionClosed.ClosedPaymentMethods UnionClosedJson() => UnevaluatedJson.UnionClosed.ClosedPaymentMethods.Parse(_methods).GetValueOrThrow();

    [BenchmarkCategory(UnionJsonParse), Benchmark(Description = "oneOf + unevaluatedProperties: false")]
    public UnevaluatedJson.UnionUnevaluated.UnevaluatedPaymentMethods UnionUnevaluatedJson() => UnevaluatedJson.UnionUnevaluated.UnevaluatedPaymentMethods.Parse(_methods).GetValueOrThrow();

    /// <summary>Alone in its category: see the class summary.</summary>
    [BenchmarkCategory(UnionTypedValidate), Benchmark(Baseline = true, Description = "oneOf of closed objects")]
    public ValidationResult UnionClosedTypedValidate() => _unionClosed.Validate();

    [BenchmarkCategory(UnionJsonValidate), Benchmark(Baseline = true, Description = "oneOf of closed objects")]
    public ValidationResult UnionClosedJsonValidate() => _unionClosedJson.Validate();

    [BenchmarkCategory(UnionJsonValidate), Benchmark(Description = "oneOf + unevaluatedProperties: false")]
    public ValidationResult UnionUnevaluatedJsonValidate() => _unionUnevaluatedJson.Validate();
}
