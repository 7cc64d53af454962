using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Insights.Contracts.Generator.Tests;

/// <summary>
/// A mistake in a referenced document is reported at the <c>$ref</c> that led there (its own span
/// means nothing in the schema file), so the message names the document and the schema in it.
/// </summary>
public class ReferencedDocumentDiagnosticTests
{
    private const string Order = """{"type": "object", "properties": {"note": {"$ref": "https://example.com/common.json#/$defs/note"}, "code": {"$ref": "https://example.com/common.json#/$defs/code"}}}""";

    private const string Common = """{"$defs": {"note": "text", "code": {"type": "string", "minLength": -1}}}""";

    [Fact]
    public void A_refused_schema_in_a_referenced_document_names_the_document_and_the_pointer()
    {
        var options = new TestOptionsProvider(
            new Dictionary<string, string> { ["build_property.RootNamespace"] = GeneratorHarness.TestNamespace },
            new Dictionary<string, IReadOnlyDictionary<string, string>>
            {
                ["/p/common.json"] = new Dictionary<string, string>
                {
                    ["build_metadata.AdditionalFiles.JsonSchemaRole"] = "Reference",
                    ["build_metadata.AdditionalFiles.JsonSchemaUri"] = "https://example.com/common.json",
                },
            });
        GeneratorOutput output = GeneratorHarness.Run(
            GeneratorHarness.CreateDriver([new InMemoryAdditionalText("/p/order.schema.json", Order), new InMemoryAdditionalText("/p/common.json", Common)], options),
            GeneratorHarness.CreateCompilation());

        Assert.Equal(
            [
                ("ICG005", "Keyword '(schema)' must be an object or a boolean, found string (in https://example.com/common.json#/$defs/note)", "\"https://example.com/common.json#/$defs/note\""),
                ("ICG005", "Keyword 'minLength' must be a non-negative integer (in https://example.com/common.json#/$defs/code)", "\"https://example.com/common.json#/$defs/code\""),
            ],
            output.GeneratorDiagnostics.Select(d => (d.Id, d.GetMessage(), Order.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length))));
    }
}
