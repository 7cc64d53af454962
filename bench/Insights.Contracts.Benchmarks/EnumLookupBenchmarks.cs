using System.Linq;
using System.Text.Json;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Insights.Contracts.Runtime;
using Insights.Contracts.Runtime.CompilerServices;
using Insights.Contracts.Testing;

namespace Insights.Contracts.Benchmarks;

/// <summary>
/// Finding an enum's value from the JSON string a reader is on: comparing with each value in turn
/// (the baseline: what generated enums did, one <c>ValueTextEquals</c> per value) against
/// <see cref="WireNames"/> (what they do now). The value read is the last one listed that JSON
/// holds without escapes, the worst case for comparing in turn; 2 and 5 values are the sizes of the
/// Insights enums, and 16 values or fewer are compared in turn by WireNames too.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByParams)]
public class EnumLookupBenchmarks
{
    private byte[][] _utf8Values = [];
    private WireNames _wireNames = null!;
    private byte[] _json = [];
    private int _expected;

    [Params(2, 5, 16, 17, 2_500)]
    public int Values { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        string[] values = LargeEnumSchema.Values(Values);
        _utf8Values = values.Select(Encoding.UTF8.GetBytes).ToArray();
        _wireNames = new WireNames(values);
        _expected = System.Array.FindLastIndex(values, v => v.All(c => c is >= ' ' and <= '~' and not '"' and not '\\'));
        _json = Encoding.UTF8.GetBytes("\"" + values[_expected] + "\"");
        if (InTurn() != _expected || Table() != _expected)
        {
            throw new System.InvalidOperationException("both lookups must find the same value");
        }
    }

    [Benchmark(Baseline = true, Description = "(a) ValueTextEquals with each value in turn")]
    public int InTurn()
    {
        var reader = new Utf8JsonReader(_json);
        reader.Read();
        for (int i = 0; i < _utf8Values.Length; i++)
        {
            if (reader.ValueTextEquals(_utf8Values[i]))
            {
                return i;
            }
        }

        return -1;
    }

    [Benchmark(Description = "(b) WireNames.TryFind")]
    public int Table()
    {
        var reader = new Utf8JsonReader(_json);
        reader.Read();
        return _wireNames.TryFind(ref reader, out int index) ? index : -1;
    }
}
