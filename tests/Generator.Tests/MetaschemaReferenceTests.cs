using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Insights.Contracts.Generator.Metaschemas;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Insights.Contracts.Generator.Tests;

/// <summary>
/// A <c>$ref</c> to a draft metaschema resolves to the copy embedded in the generator, and the
/// generated contract validates schema documents against it, as the suite's "remote ref,
/// containing refs itself" and "validate definition against metaschema" groups ask.
/// </summary>
public class MetaschemaReferenceTests
{
    private const string Path = "/schemas/meta.schema.json";
    private const string TypeName = "Meta";

    public static TheoryData<string> EveryUri()
    {
        var data = new TheoryData<string>();
        foreach (string uri in EmbeddedMetaschemas.Uris)
        {
            data.Add(uri);
            data.Add(uri + "#");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryUri))]
    public void A_reference_to_any_embedded_metaschema_resolves(string uri)
    {
        GeneratorOutput output = GeneratorHarness.Run((Path, Reference(uri)));

        Assert.DoesNotContain(output.GeneratorDiagnostics, d => d.Id == "ICG002");
        Assert.DoesNotContain(output.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.NotEmpty(output.Sources);
    }

    [Theory]
    [InlineData("http://json-schema.org/draft-04/schema#")]
    [InlineData("http://json-schema.org/draft-06/schema#")]
    [InlineData("http://json-schema.org/draft-07/schema#")]
    [InlineData("https://json-schema.org/draft-07/schema#")]
    [InlineData("http://json-schema.org/draft-07/schema")]
    public void The_metaschemas_up_to_draft_07_accept_schemas_and_reject_bad_ones(string uri)
    {
        Assembly generated = Generate(uri, out IReadOnlyList<Diagnostic> diagnostics);

        Assert.DoesNotContain(diagnostics, d => d.Severity >= DiagnosticSeverity.Warning); // each is read in its own draft
        Assert.Empty(Errors(generated, """{"minLength": 1}"""));
        Assert.Empty(Errors(generated, """{"definitions": {"foo": {"type": "integer"}}}"""));
        Assert.Empty(Errors(generated, """{"type": ["string", "null"], "properties": {"a": {"items": [{}, {"maxItems": 2}]}}, "required": ["a"]}"""));
        Assert.Equal(["/minLength"], Errors(generated, """{"minLength": -1}"""));
        Assert.Equal(["/definitions/foo/type"], Errors(generated, """{"definitions": {"foo": {"type": 1}}}"""));
        Assert.Equal(["/type"], Errors(generated, """{"type": 1}"""));
        // "items" is a schema or an array of schemas (anyOf), so the error is reported at "items" itself.
        Assert.Equal(["/properties/a/items"], Errors(generated, """{"properties": {"a": {"items": [{}, {"maxItems": -2}]}}}"""));
        Assert.Equal(["/required"], Errors(generated, """{"required": "a"}"""));
        Assert.NotEmpty(Errors(generated, "\"a schema is an object\""));
    }

    [Theory]
    [InlineData("http://json-schema.org/draft-06/schema#")]
    [InlineData("http://json-schema.org/draft-07/schema#")]
    public void Boolean_schemas_are_schemas_from_draft_06_on(string uri)
    {
        Assembly generated = Generate(uri, out _);

        Assert.Empty(Errors(generated, "true"));
        Assert.Empty(Errors(generated, """{"not": false, "items": true}"""));
    }

    [Theory]
    [InlineData("https://json-schema.org/draft/2019-09/schema")]
    [InlineData("https://json-schema.org/draft/2020-12/schema")]
    public void The_2019_09_and_2020_12_metaschemas_check_what_their_vocabularies_say_directly(string uri)
    {
        Assembly generated = Generate(uri, out _);

        // The dialect's allOf of its vocabulary metaschemas, and the $refs inside them, are followed.
        Assert.Empty(Errors(generated, """{"minLength": 1}"""));
        Assert.Empty(Errors(generated, """{"$defs": {"foo": {"type": "integer"}}, "$comment": "c"}"""));
        Assert.Equal(["/minLength"], Errors(generated, """{"minLength": -1}"""));
        Assert.Equal(["/type"], Errors(generated, """{"type": 1}"""));
        Assert.Equal(["/$comment"], Errors(generated, """{"$comment": 1}"""));
        Assert.NotEmpty(Errors(generated, "1"));
    }

    // Subschemas (in $defs, properties, items...) are checked through $recursiveRef (2019-09) or
    // $dynamicRef (2020-12): the dynamic scope sends them back to the dialect's metaschema.
    [Theory]
    [InlineData("https://json-schema.org/draft/2019-09/schema")]
    [InlineData("https://json-schema.org/draft/2020-12/schema")]
    public void The_2019_09_and_2020_12_metaschemas_check_subschemas(string uri)
    {
        Assembly generated = Generate(uri, out _);

        Assert.Equal(["/$defs/foo/type"], Errors(generated, """{"$defs": {"foo": {"type": 1}}}"""));
        Assert.Equal(["/properties/a/minLength"], Errors(generated, """{"properties": {"a": {"minLength": -1}}}"""));
    }

    [Theory]
    [InlineData("https://json-schema.org/draft/2019-09/schema")]
    [InlineData("https://json-schema.org/draft/2020-12/schema")]
    public void Nothing_in_them_goes_unenforced(string uri)
    {
        Generate(uri, out IReadOnlyList<Diagnostic> diagnostics);

        Assert.DoesNotContain(diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
    }

    [Fact]
    public void A_reference_document_with_the_metaschema_uri_is_used_instead_of_the_embedded_one()
    {
        const string uri = "http://json-schema.org/draft-07/schema";
        var perFile = new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["/schemas/own-draft-07.json"] = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.JsonSchemaUri"] = uri },
        };
        GeneratorOutput output = GeneratorHarness.Run(
            GeneratorHarness.CreateDriver(
                [new InMemoryAdditionalText(Path, Reference(uri + "#")), new InMemoryAdditionalText("/schemas/own-draft-07.json", """{"type": "string"}""")],
                new TestOptionsProvider(new Dictionary<string, string> { ["build_property.RootNamespace"] = GeneratorHarness.TestNamespace }, perFile)),
            GeneratorHarness.CreateCompilation());
        Assembly generated = GeneratorHarness.Load(output);

        Assert.Empty(Errors(generated, "\"a string\""));
        Assert.NotEmpty(Errors(generated, """{"minLength": 1}"""));
    }

    private static string Reference(string uri) => "{\"$ref\": \"" + uri + "\"}";

    private static Assembly Generate(string uri, out IReadOnlyList<Diagnostic> diagnostics)
    {
        GeneratorOutput output = GeneratorHarness.Run((Path, Reference(uri)));
        diagnostics = output.GeneratorDiagnostics;
        Assert.DoesNotContain(output.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        return GeneratorHarness.Load(output);
    }

    private static string[] Errors(Assembly generated, string json) =>
        GeneratorHarness.Parse(generated, TypeName, json).Errors.Select(e => e.Path).ToArray();
}
