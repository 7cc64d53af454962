using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading;
using Insights.Contracts.Runtime;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace Insights.Contracts.Generator.Tests;

/// <summary>An in-memory schema file handed to the generator as an AdditionalFile.</summary>
internal sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
{
    private readonly SourceText _text = SourceText.From(text);

    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

/// <summary>Per-file and global analyzer options, as MSBuild would pass them.</summary>
internal sealed class TestOptionsProvider(IReadOnlyDictionary<string, string> global, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? perFile = null)
    : AnalyzerConfigOptionsProvider
{
    public override AnalyzerConfigOptions GlobalOptions { get; } = new DictionaryOptions(global);

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new DictionaryOptions(new Dictionary<string, string>());

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        new DictionaryOptions(perFile is not null && perFile.TryGetValue(textFile.Path, out var options) ? options : new Dictionary<string, string>());

    private sealed class DictionaryOptions(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value)
        {
            bool found = values.TryGetValue(key, out string? found_);
            value = found_ ?? string.Empty;
            return found;
        }
    }
}

/// <summary>What one generator run produced.</summary>
internal sealed record GeneratorOutput(
    GeneratorDriver Driver,
    CSharpCompilation Compilation,
    ImmutableArray<Diagnostic> GeneratorDiagnostics,
    IReadOnlyList<(string HintName, string Source)> Sources)
{
    public string Source(string hintNameEnding) => Sources.Single(s => s.HintName.EndsWith(hintNameEnding, StringComparison.Ordinal)).Source;
}

/// <summary>Runs the generator the way the compiler does, in memory, and compiles or loads what it emits.</summary>
internal static class GeneratorHarness
{
    public const string TestNamespace = "Test.Contracts";

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        // The running runtime's own assemblies plus the contracts runtime: exactly what a net10.0 consumer compiles against.
        string[] platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return platform
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .Append(typeof(ValidationError).Assembly.Location)
            .Distinct()
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
    });

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    /// <summary>A driver for the generator; steps are always tracked, so every run can be checked for caching.</summary>
    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> schemas, AnalyzerConfigOptionsProvider? options = null, bool trackSteps = true) =>
        CSharpGeneratorDriver.Create(
            [new ContractGenerator().AsSourceGenerator()],
            additionalTexts: schemas,
            parseOptions: ParseOptions,
            optionsProvider: options ?? DefaultOptions(),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    public static TestOptionsProvider DefaultOptions() => new(new Dictionary<string, string> { ["build_property.RootNamespace"] = TestNamespace });

    public static CSharpCompilation CreateCompilation(params string[] sources) =>
        CSharpCompilation.Create(
            "GeneratedContracts" + Guid.NewGuid().ToString("N"),
            sources.Select(s => CSharpSyntaxTree.ParseText(s, ParseOptions)),
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                // Documentation comments are checked (DocumentationMode.Diagnose above), as in a project
                // with GenerateDocumentationFile: a cref that does not resolve is CS1574 there. A member
                // the schema does not describe has no comment, which such projects commonly allow.
                .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["CS1591"] = ReportDiagnostic.Suppress }));

    /// <summary>Runs the generator over schemas given as (path, text).</summary>
    public static GeneratorOutput Run(params (string Path, string Text)[] schemas) =>
        Run(CreateDriver(schemas.Select(s => new InMemoryAdditionalText(s.Path, s.Text))), CreateCompilation());

    /// <summary>
    /// Runs the generator, then runs it again on the same input: every generation in the tests
    /// also proves that each tracked step of the second run was served from the cache, and that no
    /// step output holds a Roslyn compilation, symbol or syntax, or a parser node (they would make
    /// the cache hold whole compilations, and compare by reference).
    /// </summary>
    public static GeneratorOutput Run(GeneratorDriver driver, CSharpCompilation compilation)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
        GeneratorDriverRunResult result = driver.GetRunResult();
        PipelineAssertions.NoForbiddenObjectsInSteps(result);
        PipelineAssertions.EveryStepCached(driver.RunGenerators(compilation).GetRunResult());
        var sources = result.Results.SelectMany(r => r.GeneratedSources).Select(s => (s.HintName, s.SourceText.ToString())).ToList();
        return new GeneratorOutput(driver, (CSharpCompilation)output, diagnostics, sources);
    }

    /// <summary>Runs the generator and asserts that it reports nothing and that its output compiles without warnings.</summary>
    public static GeneratorOutput RunAndCompile(params (string Path, string Text)[] schemas)
    {
        GeneratorOutput output = Run(schemas);
        Assert.Empty(output.GeneratorDiagnostics);
        AssertCompilesCleanly(output.Compilation);
        return output;
    }

    public static void AssertCompilesCleanly(Compilation compilation) => AssertNoWarnings(compilation.GetDiagnostics());

    private static void AssertNoWarnings(IEnumerable<Diagnostic> diagnostics)
    {
        var problems = diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, "The generated code does not compile cleanly:\n" + string.Join("\n", problems));
    }

    /// <summary>Compiles the generated code and loads it, so tests can run the contracts it defines.</summary>
    public static Assembly Load(GeneratorOutput output)
    {
        // Emit reports every diagnostic GetDiagnostics would, warnings included; binding the code
        // once instead of twice halves the time large generated sources take.
        using var stream = new MemoryStream();
        var emit = output.Compilation.Emit(stream);
        AssertNoWarnings(emit.Diagnostics);
        stream.Position = 0;
        return new AssemblyLoadContext(output.Compilation.AssemblyName, isCollectible: true).LoadFromStream(stream);
    }

    /// <summary>Calls the generated static <c>Parse(string)</c> of <paramref name="typeName"/>.</summary>
    public static (object? Value, IReadOnlyList<ValidationError> Errors) Parse(Assembly assembly, string typeName, string json)
    {
        Type type = assembly.GetType($"{TestNamespace}.{typeName}", throwOnError: true)!;
        object result = type.GetMethod("Parse", [typeof(string)])!.Invoke(null, [json])!;
        var errors = (IReadOnlyList<ValidationError>)result.GetType().GetProperty("Errors")!.GetValue(result)!;
        return (result.GetType().GetProperty("Value")!.GetValue(result), errors);
    }
}
