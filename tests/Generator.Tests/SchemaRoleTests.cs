using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace Insights.Contracts.Generator.Tests;

/// <summary>
/// Which AdditionalFiles are schemas: a JsonSchema item always (the package's .targets give it
/// JsonSchemaRole=Schema), a JsonSchemaReference item never, any other file by its .schema.json ending.
/// </summary>
public class SchemaRoleTests
{
    private const string Invoice = """{"type": "object", "properties": {"total": {"type": "integer"}}}""";

    private static GeneratorOutput Run(string path, string text, params (string Key, string Value)[] metadata)
    {
        var options = new TestOptionsProvider(
            new Dictionary<string, string> { ["build_property.RootNamespace"] = GeneratorHarness.TestNamespace },
            new Dictionary<string, IReadOnlyDictionary<string, string>>
            {
                [path] = metadata.ToDictionary(m => "build_metadata.AdditionalFiles." + m.Key, m => m.Value),
            });
        return GeneratorHarness.Run(GeneratorHarness.CreateDriver([new InMemoryAdditionalText(path, text)], options), GeneratorHarness.CreateCompilation());
    }

    [Fact]
    public void A_JsonSchema_item_not_named_schema_json_is_a_schema()
    {
        GeneratorOutput output = Run("/p/invoice.json", Invoice, ("JsonSchemaRole", "Schema"));

        Assert.Empty(output.GeneratorDiagnostics);
        Assert.Contains("public sealed partial record Invoice", output.Source("invoice.Invoice.g.cs"), System.StringComparison.Ordinal);
        GeneratorHarness.AssertCompilesCleanly(output.Compilation);
    }

    [Fact]
    public void Another_additional_file_not_named_schema_json_is_not_a_schema()
    {
        GeneratorOutput output = Run("/p/invoice.json", Invoice);

        Assert.Empty(output.Sources);
        Assert.Empty(output.GeneratorDiagnostics);
    }

    [Fact]
    public void A_file_named_schema_json_is_a_schema_without_metadata_too()
    {
        Assert.Single(Run("/p/invoice.schema.json", Invoice).Sources);
    }

    [Fact]
    public void A_JsonSchemaReference_item_named_schema_json_generates_nothing()
    {
        GeneratorOutput output = Run("/p/common.schema.json", Invoice, ("JsonSchemaRole", "Reference"), ("JsonSchemaUri", "https://example.com/common.json"));

        Assert.Empty(output.Sources);
        Assert.Empty(output.GeneratorDiagnostics);
    }
}
