using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using Xunit.Sdk;

namespace Insights.Contracts.Generator.Tests;

/// <summary>The checks every generator run goes through can fail: a badly built generator trips both.</summary>
public class PipelineAssertionsTests
{
    /// <summary>A non-equatable step output that holds a syntax tree, under one of the generator's step names.</summary>
    private sealed class LeakyGenerator : IIncrementalGenerator
    {
        private sealed class Holder(SyntaxTree tree)
        {
            public SyntaxTree Tree { get; } = tree;
        }

        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            IncrementalValuesProvider<Holder> leaky = context.CompilationProvider
                .SelectMany(static (compilation, _) => compilation.SyntaxTrees.Select(t => new Holder(t)))
                .WithTrackingName(TrackingNames.Model);
            context.RegisterSourceOutput(leaky, static (output, holder) => output.AddSource("leak.g.cs", "// " + holder.Tree.Length));
        }
    }

    private static GeneratorDriver Run(out CSharpCompilation compilation)
    {
        compilation = GeneratorHarness.CreateCompilation("class A { }");
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new LeakyGenerator().AsSourceGenerator()],
            parseOptions: GeneratorHarness.ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        return driver.RunGenerators(compilation);
    }

    [Fact]
    public void A_step_output_holding_syntax_is_caught()
    {
        GeneratorDriver driver = Run(out _);

        var failure = Assert.ThrowsAny<XunitException>(() => PipelineAssertions.NoForbiddenObjectsInSteps(driver.GetRunResult()));
        Assert.Contains("SyntaxTree", failure.Message);
    }

    [Fact]
    public void A_step_that_re_runs_on_unchanged_input_is_caught()
    {
        GeneratorDriver driver = Run(out CSharpCompilation compilation);

        // A new compilation object with the same trees: equatable outputs would be Unchanged, these are Modified.
        CSharpCompilation same = compilation.WithOptions(compilation.Options.WithDeterministic(!compilation.Options.Deterministic));
        var failure = Assert.ThrowsAny<XunitException>(() => PipelineAssertions.EveryStepCached(driver.RunGenerators(same).GetRunResult()));
        Assert.Contains("re-ran on unchanged input", failure.Message);
    }
}
