using Xunit;

namespace Insights.Contracts.Generator.Tests;

/// <summary>A contract's own name must never clash with the members the generator gives it.</summary>
public class ContractNameTests
{
    [Theory]
    [InlineData("Converter")]
    [InlineData("Value")]
    [InlineData("Variant")]
    [InlineData("Validate")]
    [InlineData("Parse")]
    [InlineData("From")]
    [InlineData("ToJson")]
    [InlineData("Schema0")]
    [InlineData("Pattern0")]
    [InlineData("OneOf0")]
    [InlineData("Const1")]
    [InlineData("VariantBranches")]
    public void Any_type_name_compiles_in_both_shapes(string typeName)
    {
        const string typed = """{"type": "object", "properties": {"a": {"type": "string", "pattern": "^a.*b"}}}""";
        const string jsonBacked = """{"oneOf": [{"title": "x", "const": 1, "pattern": "^a.*b"}, {"title": "y", "type": "string"}]}""";
        foreach (string schema in new[] { typed, jsonBacked })
        {
            var options = new TestOptionsProvider(
                new System.Collections.Generic.Dictionary<string, string> { ["build_property.RootNamespace"] = GeneratorHarness.TestNamespace },
                new System.Collections.Generic.Dictionary<string, System.Collections.Generic.IReadOnlyDictionary<string, string>>
                {
                    ["/s/named.schema.json"] = new System.Collections.Generic.Dictionary<string, string> { ["build_metadata.AdditionalFiles.TypeName"] = typeName },
                });
            GeneratorOutput output = GeneratorHarness.Run(
                GeneratorHarness.CreateDriver([new InMemoryAdditionalText("/s/named.schema.json", schema)], options),
                GeneratorHarness.CreateCompilation());

            Assert.DoesNotContain(output.GeneratorDiagnostics, d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
            GeneratorHarness.AssertCompilesCleanly(output.Compilation);
        }
    }
}
