using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Insights.Contracts.Generator.Tests;

/// <summary>
/// The incremental cache only works if the model compares by value: these tests prove that work is
/// redone exactly when its input changed, through the step tracking Roslyn offers.
/// </summary>
public class IncrementalityTests
{
    private const string OrderPath = "/s/order.schema.json";
    private const string CustomerPath = "/s/customer.schema.json";

    private const string Order = """
        {
          "type": "object",
          "required": ["id", "lines"],
          "properties": {
            "id": { "type": "string", "format": "uuid" },
            "lines": { "type": "array", "items": { "type": "integer", "minimum": 1 }, "minItems": 1 },
            "status": { "enum": ["open", "closed"] }
          }
        }
        """;

    private const string Customer = """
        { "type": "object", "properties": { "name": { "type": "string", "minLength": 1 } } }
        """;

    private static readonly string[] TrackedSteps = [TrackingNames.SchemaFiles, TrackingNames.Parsed, TrackingNames.Decided, TrackingNames.Model, TrackingNames.Diagnostics];

    private static (GeneratorDriver Driver, CSharpCompilation Compilation) FirstRun()
    {
        GeneratorDriver driver = GeneratorHarness.CreateDriver(
            [new InMemoryAdditionalText(OrderPath, Order), new InMemoryAdditionalText(CustomerPath, Customer)],
            trackSteps: true);
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation("class UserCode { }");
        driver = driver.RunGenerators(compilation);
        return (driver, compilation);
    }

    private static IEnumerable<IncrementalStepRunReason> Reasons(GeneratorDriver driver, string step) =>
        driver.GetRunResult().Results.Single().TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason);

    private static IEnumerable<IncrementalStepRunReason> OutputReasons(GeneratorDriver driver) =>
        driver.GetRunResult().Results.Single().TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).Select(o => o.Reason);

    [Fact]
    public void First_run_produces_both_contracts()
    {
        (GeneratorDriver driver, _) = FirstRun();

        Assert.Equal(
            ["customer.Customer.g.cs", "order.Order.g.cs", "order.OrderStatus.g.cs"],
            driver.GetRunResult().Results.Single().GeneratedSources.Select(s => s.HintName).OrderBy(n => n, System.StringComparer.Ordinal));
        Assert.All(Reasons(driver, TrackingNames.Model), r => Assert.Equal(IncrementalStepRunReason.New, r));
    }

    [Fact]
    public void Rerun_with_nothing_changed_reuses_every_step()
    {
        (GeneratorDriver driver, CSharpCompilation compilation) = FirstRun();

        driver = driver.RunGenerators(compilation);

        foreach (string step in TrackedSteps)
        {
            Assert.All(Reasons(driver, step), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        }

        Assert.All(OutputReasons(driver), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
    }

    [Fact]
    public void Editing_unrelated_csharp_reuses_every_step_and_emits_nothing_new()
    {
        (GeneratorDriver driver, CSharpCompilation compilation) = FirstRun();

        CSharpCompilation edited = compilation.ReplaceSyntaxTree(
            compilation.SyntaxTrees.Single(),
            CSharpSyntaxTree.ParseText("class UserCode { int _added; }", GeneratorHarness.ParseOptions));
        driver = driver.RunGenerators(edited);

        foreach (string step in TrackedSteps)
        {
            Assert.All(Reasons(driver, step), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {r}"));
        }

        Assert.All(OutputReasons(driver), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
    }

    [Fact]
    public void Editing_one_schema_regenerates_only_that_schema()
    {
        (GeneratorDriver driver, CSharpCompilation compilation) = FirstRun();

        driver = driver.ReplaceAdditionalText(
            FindText(driver, CustomerPath),
            new InMemoryAdditionalText(CustomerPath, Customer.Replace("\"minLength\": 1", "\"minLength\": 2")));
        driver = driver.RunGenerators(compilation);

        var models = driver.GetRunResult().Results.Single().TrackedSteps[TrackingNames.Model]
            .SelectMany(s => s.Outputs)
            .Select(o => (Spec: (Model.ContractFileSpec)o.Value, o.Reason))
            .ToDictionary(x => x.Spec.File.FileName, x => x.Reason);
        Assert.Equal(IncrementalStepRunReason.Modified, models["customer.schema.json"]);
        Assert.True(models["order.schema.json"] is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged);
    }

    [Fact]
    public void Moving_schema_lines_without_changing_meaning_does_not_re_emit()
    {
        (GeneratorDriver driver, CSharpCompilation compilation) = FirstRun();

        // Same schema, shifted down two lines: text and parse results differ, the model does not.
        driver = driver.ReplaceAdditionalText(FindText(driver, OrderPath), new InMemoryAdditionalText(OrderPath, "\n\n" + Order));
        driver = driver.RunGenerators(compilation);

        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(driver, TrackingNames.SchemaFiles));
        Assert.All(Reasons(driver, TrackingNames.Model), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));
        Assert.All(OutputReasons(driver), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));
    }

    private const string RangePath = "/s/range.schema.json";
    private const string LimitsPath = "/refs/limits.json";

    // A JSON-backed contract whose minimum comes from a reference document.
    private const string Range = """{"type": ["integer", "null"], "$ref": "https://example.com/limits.json#/$defs/min"}""";

    private static (GeneratorDriver Driver, CSharpCompilation Compilation) FirstRunWithReference(string limits)
    {
        var perFile = new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            [LimitsPath] = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.JsonSchemaUri"] = "https://example.com/limits.json" },
        };
        GeneratorDriver driver = GeneratorHarness.CreateDriver(
            [new InMemoryAdditionalText(RangePath, Range), new InMemoryAdditionalText(OrderPath, Order), new InMemoryAdditionalText(LimitsPath, limits)],
            new TestOptionsProvider(new Dictionary<string, string>(), perFile),
            trackSteps: true);
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation("class UserCode { }");
        return (driver.RunGenerators(compilation), compilation);
    }

    private static Dictionary<string, IncrementalStepRunReason> ModelReasons(GeneratorDriver driver) =>
        driver.GetRunResult().Results.Single().TrackedSteps[TrackingNames.Model]
            .SelectMany(s => s.Outputs)
            .ToDictionary(o => ((Model.ContractFileSpec)o.Value).File.FileName, o => o.Reason);

    [Fact]
    public void A_json_backed_model_compares_by_value_across_runs()
    {
        (GeneratorDriver driver, CSharpCompilation compilation) = FirstRunWithReference("""{"$defs": {"min": {"minimum": 1}}}""");

        driver = driver.RunGenerators(compilation);

        Assert.All(ModelReasons(driver).Values, r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        Assert.All(OutputReasons(driver), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
    }

    [Fact]
    public void Editing_a_reference_document_regenerates_the_schema_that_uses_it_and_only_that()
    {
        (GeneratorDriver driver, CSharpCompilation compilation) = FirstRunWithReference("""{"$defs": {"min": {"minimum": 1}}}""");

        driver = driver.ReplaceAdditionalText(FindText(driver, LimitsPath), new InMemoryAdditionalText(LimitsPath, """{"$defs": {"min": {"minimum": 2}}}"""));
        driver = driver.RunGenerators(compilation);

        Dictionary<string, IncrementalStepRunReason> models = ModelReasons(driver);
        Assert.Equal(IncrementalStepRunReason.Modified, models["range.schema.json"]);
        Assert.True(models["order.schema.json"] is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged);
        Assert.Contains("2m", driver.GetRunResult().Results.Single().GeneratedSources.Single(s => s.HintName == "range.Range.g.cs").SourceText.ToString());
    }

    [Fact]
    public void Reformatting_a_reference_document_does_not_re_emit()
    {
        (GeneratorDriver driver, CSharpCompilation compilation) = FirstRunWithReference("""{"$defs": {"min": {"minimum": 1}}}""");

        driver = driver.ReplaceAdditionalText(FindText(driver, LimitsPath), new InMemoryAdditionalText(LimitsPath, "{\n  \"$defs\": { \"min\": { \"minimum\": 1 } }\n}"));
        driver = driver.RunGenerators(compilation);

        Assert.All(ModelReasons(driver).Values, r => Assert.True(r is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached, r.ToString()));
        Assert.All(OutputReasons(driver), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));
    }

    private static AdditionalText FindText(GeneratorDriver driver, string path) =>
        driver.GetRunResult().Results.Single().TrackedSteps[TrackingNames.SchemaFiles]
            .SelectMany(s => s.Inputs)
            .Select(i => i.Source)
            .SelectMany(Flatten)
            .Select(o => o.Value)
            .OfType<AdditionalText>()
            .First(t => t.Path == path);

    private static IEnumerable<(object Value, IncrementalStepRunReason Reason)> Flatten(IncrementalGeneratorRunStep step) =>
        step.Outputs.Select(o => (o.Value, o.Reason)).Concat(step.Inputs.SelectMany(i => Flatten(i.Source)));
}
