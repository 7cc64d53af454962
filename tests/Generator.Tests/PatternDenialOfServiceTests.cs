using System;
using System.Linq;
using System.Reflection;
using Xunit;

namespace Insights.Contracts.Generator.Tests;

/// <summary>A schema pattern meets values from anyone: a crafted value must not take exponential time.</summary>
public class PatternDenialOfServiceTests
{
    private static readonly string Evil = new string('a', 5_000) + "!";

    [Theory]
    [InlineData("""{"type": "object", "properties": {"a": {"type": "string", "pattern": "^(a+)+$"}}}""", "Typed")]
    [InlineData("""{"properties": {"a": {"pattern": "^(a+)+$"}}}""", "JsonBacked")]
    [InlineData("""{"patternProperties": {"^(a+)+$": false}}""", "PatternProperties")]
    [InlineData("""{"properties": {"a": {"pattern": "^(a+)+\\1$"}}}""", "Backreference")]
    public async System.Threading.Tasks.Task A_catastrophic_pattern_rejects_a_crafted_value_quickly(string schema, string name)
    {
        Assembly assembly = GeneratorHarness.Load(GeneratorHarness.Run(($"/s/{name}.schema.json", schema)));
        string json = name == "PatternProperties" ? $"{{\"{Evil}\": 1}}" : $"{{\"a\": \"{Evil}\"}}";

        var run = System.Threading.Tasks.Task.Run(() => GeneratorHarness.Parse(assembly, name, json));
        var finished = await System.Threading.Tasks.Task.WhenAny(run, System.Threading.Tasks.Task.Delay(TimeSpan.FromSeconds(20)));
        Assert.True(finished == run, "the pattern check did not finish");
        // The name does not match ^(a+)+$, so patternProperties does not apply to it: valid, and found out quickly.
        var errors = (await run).Errors;
        Assert.True(name == "PatternProperties" ? errors.Count == 0 : errors.Any(e => e.Keyword == "pattern"), string.Join("\n", errors));
    }
}
