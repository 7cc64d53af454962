using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Insights.Contracts.Generator.Tests.Compatibility;

/// <summary>
/// The compatibility check inside the generator: baselines arrive as AdditionalFiles with
/// JsonSchemaRole=Baseline, pair with the schema of the same file name, and each change the file's mode
/// protects is a warning at the changed token of the new schema, on a branch of the pipeline apart
/// from the sources.
/// </summary>
public class CompatibilityGeneratorTests
{
    private const string SchemaPath = "/p/schemas/order.schema.json";
    private const string BaselinePath = "/p/schemas.baseline/order.schema.json";

    private const string Shipped = """
        {
          "type": "object",
          "required": ["id"],
          "properties": {
            "id": { "type": "string" },
            "lines": { "type": "array", "items": { "type": "integer" }, "maxItems": 100 },
            "status": { "enum": ["open", "closed"], "default": "open" }
          }
        }
        """;

    private static GeneratorDriver Driver(string schema, string? baseline, string? fileMode = null, string? projectMode = null)
    {
        var global = new Dictionary<string, string> { ["build_property.RootNamespace"] = GeneratorHarness.TestNamespace };
        if (projectMode is not null)
        {
            global["build_property.JsonSchemaCompatibility"] = projectMode;
        }

        var schemaOptions = new Dictionary<string, string>();
        if (fileMode is not null)
        {
            schemaOptions["build_metadata.AdditionalFiles.Compatibility"] = fileMode;
        }

        var perFile = new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            [SchemaPath] = schemaOptions,
            [BaselinePath] = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.JsonSchemaRole"] = "Baseline" },
        };
        var files = new List<AdditionalText> { new InMemoryAdditionalText(SchemaPath, schema) };
        if (baseline is not null)
        {
            files.Add(new InMemoryAdditionalText(BaselinePath, baseline));
        }

        return GeneratorHarness.CreateDriver(files, new TestOptionsProvider(global, perFile));
    }

    private static GeneratorOutput Run(string schema, string? baseline, string? fileMode = null, string? projectMode = null) =>
        GeneratorHarness.Run(Driver(schema, baseline, fileMode, projectMode), GeneratorHarness.CreateCompilation());

    [Fact]
    public void An_unchanged_schema_reports_nothing_and_the_baseline_generates_nothing()
    {
        GeneratorOutput output = Run(Shipped, Shipped);

        Assert.Empty(output.GeneratorDiagnostics);
        Assert.All(output.Sources, s => Assert.StartsWith("order.", s.HintName, StringComparison.Ordinal));
        Assert.Equal(Run(Shipped, null).Sources.Select(s => s.HintName), output.Sources.Select(s => s.HintName));
    }

    [Fact]
    public void Lowering_maxItems_is_a_warning_at_the_new_value_naming_the_documents_it_rejects()
    {
        string changed = Shipped.Replace("\"maxItems\": 100", "\"maxItems\": 10", StringComparison.Ordinal);
        GeneratorOutput output = Run(changed, Shipped);

        Diagnostic warning = Assert.Single(output.GeneratorDiagnostics);
        Assert.Equal("ICG027", warning.Id);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal(SchemaPath, warning.Location.GetLineSpan().Path);
        Assert.Equal("10", changed.Substring(warning.Location.SourceSpan.Start, warning.Location.SourceSpan.Length));
        Assert.Equal(
            "at /lines: maxItems 100 → 10 rejects arrays of 11–100 items that the baseline accepted [maxItems-tightened]; incompatible under Backward compatibility with the baseline order.schema.json: keep the documents the mode protects valid, or refresh the baseline (insights-contracts baseline) when the break is intended",
            warning.GetMessage());
        Assert.Equal(5, warning.Location.GetLineSpan().StartLinePosition.Line); // zero-based: the "lines" line
    }

    [Fact]
    public void The_mode_decides_which_changes_are_reported()
    {
        string widened = Shipped.Replace("\"maxItems\": 100", "\"maxItems\": 1000", StringComparison.Ordinal);

        Assert.Empty(Run(widened, Shipped).GeneratorDiagnostics); // Backward by default: accepting more is compatible
        Assert.Equal("ICG027", Assert.Single(Run(widened, Shipped, projectMode: "Forward").GeneratorDiagnostics).Id);
        Assert.Equal("ICG027", Assert.Single(Run(widened, Shipped, projectMode: "Full").GeneratorDiagnostics).Id);
        Assert.Empty(Run(widened, Shipped, fileMode: "backward", projectMode: "Forward").GeneratorDiagnostics); // the file's own mode wins
        Assert.Empty(Run(Shipped.Replace("\"maxItems\": 100", "\"maxItems\": 1", StringComparison.Ordinal), Shipped, fileMode: "None").GeneratorDiagnostics);
    }

    [Fact]
    public void A_changed_default_is_a_warning_of_its_own()
    {
        string changed = Shipped.Replace("\"default\": \"open\"", "\"default\": \"closed\"", StringComparison.Ordinal);

        Diagnostic warning = Assert.Single(Run(changed, Shipped).GeneratorDiagnostics);
        Assert.Equal("ICG028", warning.Id);
        Assert.Equal("\"closed\"", changed.Substring(warning.Location.SourceSpan.Start, warning.Location.SourceSpan.Length));
    }

    [Fact]
    public void An_unknown_mode_is_reported_and_Backward_is_used()
    {
        string required = Shipped.Replace("\"required\": [\"id\"]", "\"required\": [\"id\", \"lines\"]", StringComparison.Ordinal);
        GeneratorOutput output = Run(required, Shipped, fileMode: "Backwards");

        Assert.Contains(output.GeneratorDiagnostics, d => d.Id == "ICG023" && d.GetMessage().Contains("'Backwards'", StringComparison.Ordinal));
        Diagnostic warning = Assert.Single(output.GeneratorDiagnostics, d => d.Id == "ICG027");
        Assert.Contains("member 'lines' is now required", warning.GetMessage(), StringComparison.Ordinal);
        Assert.Equal("\"lines\"", required.Substring(warning.Location.SourceSpan.Start, warning.Location.SourceSpan.Length));
    }

    [Fact]
    public void A_baseline_that_does_not_parse_is_said_to_be_undecided_and_the_contract_still_generates()
    {
        GeneratorOutput output = Run(Shipped, "{ \"type\": ");

        Diagnostic warning = Assert.Single(output.GeneratorDiagnostics);
        Assert.Equal("ICG029", warning.Id);
        Assert.Contains("baseline cannot be read", warning.GetMessage(), StringComparison.Ordinal);
        Assert.NotEmpty(output.Sources);
    }

    [Fact]
    public void A_schema_with_errors_is_not_compared()
    {
        GeneratorOutput output = Run("""{"type": "object", "properties": {"a": {"$ref": "#/$defs/missing"}}}""", Shipped);

        Assert.DoesNotContain(output.GeneratorDiagnostics, d => d.Id is "ICG027" or "ICG028" or "ICG029" or "ICG999");
    }

    [Fact]
    public void Editing_only_the_baseline_re_runs_the_check_and_never_emit()
    {
        GeneratorDriver driver = Driver(Shipped, Shipped);
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation("class UserCode { }");
        driver = driver.RunGenerators(compilation);
        Assert.Empty(driver.GetRunResult().Diagnostics);

        AdditionalText baseline = driver.GetRunResult().Results.Single().TrackedSteps[TrackingNames.Baselines]
            .SelectMany(s => s.Inputs).SelectMany(i => Flatten(i.Source)).OfType<AdditionalText>().First(t => t.Path == BaselinePath);
        driver = driver.ReplaceAdditionalText(baseline, new InMemoryAdditionalText(BaselinePath, Shipped.Replace("\"maxItems\": 100", "\"maxItems\": 1000", StringComparison.Ordinal)));
        driver = driver.RunGenerators(compilation);

        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        Assert.Equal("ICG027", Assert.Single(result.Diagnostics).Id);
        Assert.Contains(result.TrackedSteps[TrackingNames.Compatibility].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        // Emit's inputs are the model, the collisions and the shared hint names: none of them ran again.
        foreach (string step in new[] { TrackingNames.SchemaFiles, TrackingNames.Parsed, TrackingNames.Decided, TrackingNames.Model, TrackingNames.Collisions, TrackingNames.SharedHintPrefixes })
        {
            Assert.NotEmpty(result.TrackedSteps[step]);
            Assert.All(result.TrackedSteps[step].SelectMany(s => s.Outputs), o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {o.Reason}"));
        }
    }

    [Fact]
    public void Rerun_with_a_baseline_and_nothing_changed_reuses_every_step()
    {
        GeneratorDriver driver = Driver(Shipped.Replace("100", "10", StringComparison.Ordinal), Shipped);
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation("class UserCode { }");
        driver = driver.RunGenerators(compilation).RunGenerators(compilation);

        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        foreach (string step in new[] { TrackingNames.Baselines, TrackingNames.CompatibilityTargets, TrackingNames.ParsedBaselines, TrackingNames.Compatibility })
        {
            Assert.All(result.TrackedSteps[step].SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        }

        Assert.Equal("ICG027", Assert.Single(result.Diagnostics).Id);
    }

    private static IEnumerable<object> Flatten(IncrementalGeneratorRunStep step) =>
        step.Outputs.Select(o => o.Value).Concat(step.Inputs.SelectMany(i => Flatten(i.Source)));
}

/// <summary>The real-world corpus against itself: no schema differs from an identical copy, whatever its unions and cycles.</summary>
public class CompatibilityRealWorldTests
{
    public static TheoryData<string> Schemas() => [.. Directory.GetFiles(Repository.Path("tests", "Generator.Tests", "RealWorld"), "*.schema.json", SearchOption.AllDirectories).Select(p => Path.GetFileName(p)!).Order()];

    [Theory]
    [MemberData(nameof(Schemas))]
    public void An_unchanged_schema_has_no_findings(string name)
    {
        string path = Directory.GetFiles(Repository.Path("tests", "Generator.Tests", "RealWorld"), name, SearchOption.AllDirectories).Single();
        Model.ParsedSchema before = Parsing.SchemaReader.Read(new Model.SchemaFileInput("/baseline/" + name, File.ReadAllText(path), "T", null), default);
        Model.ParsedSchema after = Parsing.SchemaReader.Read(new Model.SchemaFileInput(path, "\n" + File.ReadAllText(path), "T", null), default);
        if (before.Model is null)
        {
            return; // a schema of the corpus that is an error case has nothing to compare
        }

        Assert.Empty(Generator.Compatibility.SchemaComparer.Compare(before.Model, after.Model!));
    }
}
