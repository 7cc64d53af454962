using System.Collections.Generic;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using Insights.Contracts.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Insights.Contracts.Benchmarks;

/// <summary>
/// What the compatibility check (issue 20) adds to a full generator run over the real-world corpus
/// (tests/Generator.Tests/RealWorld, 44 schemas), a clean build's cost: the same run without
/// baselines; with every schema as shipped (its baseline has the same text, the usual case); and
/// with every baseline written differently (one more line break), so that every schema and baseline
/// is parsed and compared in full, the worst case. The goal is under 10% more.
/// </summary>
[MemoryDiagnoser]
public class CompatibilityBenchmarks
{
    private AdditionalText[] _schemas = [];
    private AdditionalText[] _withBaselines = [];
    private AdditionalText[] _withChangedBaselines = [];
    private BaselineOptions _options = null!;
    private CSharpCompilation _compilation = null!;

    [GlobalSetup]
    public void Setup()
    {
        string corpus = Path.Combine(Payloads.RepositoryRoot, "tests", "Generator.Tests", "RealWorld");
        _schemas = Directory.GetFiles(corpus, "*.schema.json", SearchOption.AllDirectories)
            .OrderBy(p => p, System.StringComparer.Ordinal)
            .Select(path => (AdditionalText)new GeneratorBenchmarks.SchemaText(path, File.ReadAllText(path)))
            .ToArray();
        AdditionalText[] baselines = _schemas
            .Select(s => (AdditionalText)new GeneratorBenchmarks.SchemaText("/baseline/" + Path.GetFileName(s.Path), s.GetText()!.ToString()))
            .ToArray();
        _withBaselines = [.. _schemas, .. baselines];
        _withChangedBaselines = [.. _schemas, .. baselines.Select(b => (AdditionalText)new GeneratorBenchmarks.SchemaText(b.Path, "\n" + b.GetText()!.ToString()))];
        _options = new BaselineOptions(baselines.Select(b => b.Path).ToHashSet());
        _compilation = CSharpCompilation.Create("bench", [CSharpSyntaxTree.ParseText("class UserCode { }")]);

        // Not a no-op: every schema must really have been paired with its baseline and compared.
        GeneratorRunResult tracked = CSharpGeneratorDriver.Create(
                [new ContractGenerator().AsSourceGenerator()],
                additionalTexts: _withChangedBaselines,
                optionsProvider: _options,
                driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true))
            .RunGenerators(_compilation).GetRunResult().Results.Single();
        int compared = tracked.TrackedSteps[TrackingNames.ParsedBaselines].SelectMany(s => s.Outputs)
            .Sum(o => ((System.Collections.IEnumerable)o.Value).Cast<object>().Count());
        if (compared != _schemas.Length)
        {
            throw new System.InvalidOperationException($"{compared} of {_schemas.Length} schemas were paired with a baseline");
        }
    }

    [Benchmark(Baseline = true, Description = "real-world corpus, no baselines")]
    public GeneratorDriver WithoutBaselines() =>
        CSharpGeneratorDriver.Create([new ContractGenerator().AsSourceGenerator()], additionalTexts: _schemas).RunGenerators(_compilation);

    [Benchmark(Description = "real-world corpus, every schema as shipped")]
    public GeneratorDriver WithBaselines() =>
        CSharpGeneratorDriver.Create([new ContractGenerator().AsSourceGenerator()], additionalTexts: _withBaselines, optionsProvider: _options).RunGenerators(_compilation);

    [Benchmark(Description = "real-world corpus, every baseline parsed and compared")]
    public GeneratorDriver WithChangedBaselines() =>
        CSharpGeneratorDriver.Create([new ContractGenerator().AsSourceGenerator()], additionalTexts: _withChangedBaselines, optionsProvider: _options).RunGenerators(_compilation);

    /// <summary>The options MSBuild gives a baseline file: JsonSchemaRole=Baseline; nothing else.</summary>
    private sealed class BaselineOptions(HashSet<string> baselines) : AnalyzerConfigOptionsProvider
    {
        private static readonly Options None = new(new Dictionary<string, string>());
        private static readonly Options Baseline = new(new Dictionary<string, string> { ["build_metadata.AdditionalFiles.JsonSchemaRole"] = "Baseline" });

        public override AnalyzerConfigOptions GlobalOptions => None;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => None;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => baselines.Contains(textFile.Path) ? Baseline : None;

        private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
        }
    }
}
