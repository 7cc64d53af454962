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

    private static readonly string[] TrackedSteps = [TrackingNames.SchemaFiles, TrackingNames.Parsed, TrackingNames.Model, TrackingNames.Diagnostics];

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
            .ToDictionary(x => x.Spec.SchemaFileName, x => x.Reason);
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
