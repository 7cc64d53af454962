using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Attributes;
using Insights.Contracts.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Insights.Contracts.Benchmarks;

/// <summary>
/// The generator's own cost, through CSharpGeneratorDriver as the compiler runs it: a full run over
/// the Insights schemas and over synthetic schemas of 100 and 1,000 properties (the cost should
/// grow linearly), and an incremental re-run after an unrelated C# edit (should be near zero).
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private AdditionalText[] _insights = [];
    private AdditionalText[] _properties100 = [];
    private AdditionalText[] _properties1000 = [];
    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _editedCompilation = null!;
    private GeneratorDriver _warmDriver = null!;
    private bool _flip;

    [GlobalSetup]
    public void Setup()
    {
        _insights = Directory.GetFiles(Path.Combine(Payloads.RepositoryRoot, "schema"), "*.schema.json")
            .Select(path => (AdditionalText)new SchemaText(path, File.ReadAllText(path)))
            .ToArray();
        _properties100 = [new SchemaText("/s/wide100.schema.json", Synthetic(100))];
        _properties1000 = [new SchemaText("/s/wide1000.schema.json", Synthetic(1000))];
        _compilation = CSharpCompilation.Create("bench", [CSharpSyntaxTree.ParseText("class UserCode { }")]);
        _editedCompilation = _compilation.ReplaceSyntaxTree(_compilation.SyntaxTrees[0], CSharpSyntaxTree.ParseText("class UserCode { int _edited; }"));
        _warmDriver = CreateDriver(_insights).RunGenerators(_compilation);
    }

    [Benchmark(Baseline = true, Description = "Insights schemas, full run")]
    public GeneratorDriver Insights() => CreateDriver(_insights).RunGenerators(_compilation);

    [Benchmark(Description = "synthetic, 100 properties")]
    public GeneratorDriver Properties100() => CreateDriver(_properties100).RunGenerators(_compilation);

    [Benchmark(Description = "synthetic, 1,000 properties")]
    public GeneratorDriver Properties1000() => CreateDriver(_properties1000).RunGenerators(_compilation);

    [Benchmark(Description = "Insights, re-run after unrelated edit")]
    public GeneratorDriver IncrementalAfterUnrelatedEdit()
    {
        // Alternate between two versions of the user's C# so every run sees an edit.
        _flip = !_flip;
        _warmDriver = _warmDriver.RunGenerators(_flip ? _editedCompilation : _compilation);
        return _warmDriver;
    }

    public static string Synthetic(int properties)
    {
        var builder = new StringBuilder("""{"type": "object", "required": ["p0"], "properties": {""");
        for (int i = 0; i < properties; i++)
        {
            string type = (i % 4) switch
            {
                0 => """{"type": "string", "minLength": 1, "description": "A text member."}""",
                1 => """{"type": "integer", "minimum": 0, "maximum": 1000}""",
                2 => """{"type": "string", "format": "date"}""",
                _ => """{"type": "array", "items": {"type": "string", "format": "uuid"}}""",
            };
            builder.Append(i == 0 ? "" : ",").Append($"\"p{i}\": ").Append(type);
        }

        return builder.Append("}}").ToString();
    }

    internal static GeneratorDriver CreateDriver(AdditionalText[] schemas) =>
        CSharpGeneratorDriver.Create([new ContractGenerator().AsSourceGenerator()], additionalTexts: schemas);

    internal sealed class SchemaText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path { get; } = path;

        public override SourceText GetText(System.Threading.CancellationToken cancellationToken = default) => _text;
    }
}
