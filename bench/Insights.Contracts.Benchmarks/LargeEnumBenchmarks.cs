using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using Insights.Contracts.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Insights.Contracts.Benchmarks;

/// <summary>
/// What a large string enum costs a user's build: generating the code for a schema whose member is
/// an enum of 250 or 2,500 strings (<see cref="LargeEnumSchema"/>), and generating plus compiling
/// it (CSharpCompilation.Emit, as the compiler does in a build). 2,500 values should cost about ten
/// times 250, not more. The baseline is generation alone for the same count. One operation is a
/// whole compilation, seconds long, so each is measured a few times rather than in a tight loop.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByParams)]
public class LargeEnumBenchmarks
{
    private AdditionalText[] _closed = [];
    private AdditionalText[] _open = [];
    private CSharpCompilation _compilation = null!;

    [Params(250, 2_500)]
    public int Values { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _closed = [new GeneratorBenchmarks.SchemaText("/s/regions.schema.json", LargeEnumSchema.Closed(Values))];
        _open = [new GeneratorBenchmarks.SchemaText("/s/regions.schema.json", LargeEnumSchema.Open(Values))];
        _compilation = CSharpCompilation.Create(
            "LargeEnum",
            [CSharpSyntaxTree.ParseText("class UserCode { }")],
            References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        // A compilation that fails stops early: time only code that compiles, and say how big it is.
        foreach ((string shape, AdditionalText[] schema) in new[] { ("closed", _closed), ("open", _open) })
        {
            Compilation output = Generate(schema);
            using var stream = new MemoryStream();
            var emit = output.Emit(stream);
            if (!emit.Success || emit.Diagnostics.Any(d => d.Severity >= DiagnosticSeverity.Warning))
            {
                throw new InvalidOperationException($"The generated {shape} enum does not compile cleanly:\n" + string.Join("\n", emit.Diagnostics));
            }

            long characters = output.SyntaxTrees.Skip(1).Sum(tree => (long)tree.Length);
            Console.WriteLine($"// {shape} enum of {Values} values: {characters:N0} generated characters");
        }
    }

    [Benchmark(Baseline = true, Description = "closed enum: generate")]
    public Compilation GenerateClosed() => Generate(_closed);

    [Benchmark(Description = "closed enum: generate + compile")]
    public bool CompileClosed() => Compile(_closed);

    [Benchmark(Description = "open enum: generate + compile")]
    public bool CompileOpen() => Compile(_open);

    private bool Compile(AdditionalText[] schema)
    {
        using var stream = new MemoryStream();
        return Generate(schema).Emit(stream).Success;
    }

    private Compilation Generate(AdditionalText[] schema)
    {
        GeneratorBenchmarks.CreateDriver(schema).RunGeneratorsAndUpdateCompilation(_compilation, out Compilation output, out _);
        return output;
    }

    /// <summary>What a net10.0 project compiles against: the running runtime's assemblies plus the contracts runtime.</summary>
    private static MetadataReference[] References() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(path) is "mscorlib.dll" or "netstandard.dll")
            .Append(typeof(Runtime.ValidationError).Assembly.Location)
            .Distinct()
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToArray();
}
