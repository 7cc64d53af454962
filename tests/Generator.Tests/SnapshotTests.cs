using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;

namespace Insights.Contracts.Generator.Tests;

/// <summary>The generated code for the Insights schemas, as a reviewer reads it: any change shows up as a snapshot diff.</summary>
public class SnapshotTests
{
    private static GeneratorOutput GenerateInsights()
    {
        var schemas = Repository.Files("schema", "*.schema.json")
            .Select(path => (path, File.ReadAllText(path)))
            .ToArray();
        var options = new TestOptionsProvider(new Dictionary<string, string> { ["build_property.RootNamespace"] = "Insights.Contracts" });
        GeneratorOutput output = GeneratorHarness.Run(
            GeneratorHarness.CreateDriver(schemas.Select(s => new InMemoryAdditionalText(s.path, s.Item2)), options),
            GeneratorHarness.CreateCompilation());
        Assert.Empty(output.GeneratorDiagnostics);
        return output;
    }

    public static TheoryData<string> GeneratedFiles() => [.. GenerateInsights().Sources.Select(s => s.HintName)];

    /// <summary>
    /// Two schemas generated as JSON-backed values (see tests/Generator.Tests/Schemas): a root that is
    /// no object, and an object that asks for it (GenerateAs="JsonValue") since its members would
    /// otherwise be typed.
    /// </summary>
    internal static GeneratorOutput GenerateJsonValueSamples()
    {
        var schemas = Repository.Files(Path.Combine("tests", "Generator.Tests", "Schemas"), "*.schema.json")
            .Select(path => new InMemoryAdditionalText(path, File.ReadAllText(path)))
            .ToArray();
        var jsonValue = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.GenerateAs"] = "JsonValue" };
        var options = new TestOptionsProvider(
            new Dictionary<string, string> { ["build_property.RootNamespace"] = GeneratorHarness.TestNamespace },
            schemas.Where(s => s.Path.EndsWith("flow-labels.schema.json", System.StringComparison.Ordinal))
                .ToDictionary(s => s.Path, _ => (IReadOnlyDictionary<string, string>)jsonValue));
        GeneratorOutput output = GeneratorHarness.Run(GeneratorHarness.CreateDriver(schemas, options), GeneratorHarness.CreateCompilation());
        Assert.All(output.GeneratorDiagnostics, d => Assert.Equal("ICG016", d.Id));
        GeneratorHarness.AssertCompilesCleanly(output.Compilation);
        return output;
    }

    public static TheoryData<string> JsonValueFiles() => [.. GenerateJsonValueSamples().Sources.Select(s => s.HintName)];

    /// <summary>
    /// A representative few of the real-world corpus (tests/Generator.Tests/RealWorld), as a user
    /// reads what their schema became: maps and members of several types (build-pipeline), a union
    /// of objects extending a base by allOf with OpenAPI keywords (openapi-pets), and nullable
    /// members (user-account).
    /// </summary>
    private static readonly string[] RealWorldSnapshots = ["build-pipeline", "openapi-pets", "user-account"];

    internal static GeneratorOutput GenerateRealWorldSamples()
    {
        var schemas = RealWorldSnapshots
            .Select(name => Path.Combine(Repository.Path("tests", "Generator.Tests", "RealWorld"), name, name + ".schema.json"))
            .Select(path => new InMemoryAdditionalText(path, File.ReadAllText(path)))
            .ToArray();
        var options = new TestOptionsProvider(
            new Dictionary<string, string> { ["build_property.RootNamespace"] = GeneratorHarness.TestNamespace },
            schemas.ToDictionary(
                s => s.Path,
                s => (IReadOnlyDictionary<string, string>)new Dictionary<string, string> { ["build_metadata.AdditionalFiles.Namespace"] = "RealWorld." + Parsing.Naming.ToPascalCase(Path.GetFileName(Path.GetDirectoryName(s.Path))!) }));
        GeneratorOutput output = GeneratorHarness.Run(GeneratorHarness.CreateDriver(schemas, options), GeneratorHarness.CreateCompilation());
        Assert.DoesNotContain(output.GeneratorDiagnostics, d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        GeneratorHarness.AssertCompilesCleanly(output.Compilation);
        return output;
    }

    public static TheoryData<string> RealWorldFiles() => [.. GenerateRealWorldSamples().Sources.Select(s => s.HintName)];

    [Theory]
    [MemberData(nameof(RealWorldFiles))]
    public void Generated_real_world_source_matches_snapshot(string hintName)
    {
        string source = GenerateRealWorldSamples().Source(hintName);
        Snapshot.Verify(source, Path.GetFileNameWithoutExtension(hintName));
    }

    [Theory]
    [MemberData(nameof(JsonValueFiles))]
    public void Generated_json_value_source_matches_snapshot(string hintName)
    {
        string source = GenerateJsonValueSamples().Source(hintName);
        Snapshot.Verify(source, Path.GetFileNameWithoutExtension(hintName));
    }

    [Theory]
    [MemberData(nameof(GeneratedFiles))]
    public void Generated_source_matches_snapshot(string hintName)
    {
        string source = GenerateInsights().Source(hintName);
        Snapshot.Verify(source, Path.GetFileNameWithoutExtension(hintName));
    }

    [Fact]
    public void Insights_schemas_generate_every_expected_type_and_compile_cleanly()
    {
        GeneratorOutput output = GenerateInsights();
        Assert.Equal(
            [
                "insights-flow-request.InsightsFlowRequest.g.cs",
                "insights-flow-request.IntendedReport.g.cs",
                "insights-flow-request.RefreshFlowAccounts.g.cs",
                "insights-flow-response.FlowData.g.cs",
                "insights-flow-response.FlowResult.g.cs",
                "insights-flow-response.FlowResultType.g.cs",
                "insights-flow-response.InsightsFlowResponse.g.cs",
                "insights-flow-response.RefreshFlowResponseAccount.g.cs",
            ],
            output.Sources.Select(s => s.HintName).OrderBy(n => n, System.StringComparer.Ordinal));
        GeneratorHarness.AssertCompilesCleanly(output.Compilation);
    }

    [Fact]
    public void Generated_sources_are_marked_generated_nullable_and_reflection_free()
    {
        foreach ((string hintName, string source) in GenerateInsights().Sources)
        {
            Assert.StartsWith("// <auto-generated/>", source);
            Assert.Contains("#nullable enable", source);
            Assert.DoesNotContain("System.Reflection", source);
            Assert.DoesNotContain("typeof(object)", source);
            Assert.DoesNotContain("JsonSerializer.Deserialize", source);
            Assert.True(source.Length > 0, hintName);
        }
    }

    [Fact]
    public void Generation_is_deterministic()
    {
        var first = GenerateInsights().Sources;
        var second = GenerateInsights().Sources;
        Assert.Equal(first, second);
    }
}
