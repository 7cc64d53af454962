using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace Insights.Contracts.Generator.Tests;

/// <summary>
/// Every schema mistake is a diagnostic with its own ID at the exact token in the .json file.
/// Each case marks the expected span with [| |] in the schema text.
/// </summary>
public class DiagnosticTests
{
    private const string Path = "/schemas/order.schema.json";

    public static TheoryData<string, string, DiagnosticSeverity> Cases() => new()
    {
        // Malformed JSON
        { """{"type": "object",[|}|]""", "ICG001", DiagnosticSeverity.Error },
        { """{"type": "object", "properties": {"a": {"type": "string"}}[||]""", "ICG001", DiagnosticSeverity.Error },
        { """{"type": "object", [|/|]/ comment""", "ICG001", DiagnosticSeverity.Error },
        { """{"type": "object", "title": "x"} [|x|]""", "ICG001", DiagnosticSeverity.Error },
        { "[||]", "ICG001", DiagnosticSeverity.Error },
        // References
        { """{"type": "object", "properties": {"a": {"$ref": [|"#/$defs/Missing"|]}}}""", "ICG002", DiagnosticSeverity.Error },
        { """{"type": "object", "properties": {"a": {"$ref": [|"other.schema.json#/$defs/A"|]}}}""", "ICG002", DiagnosticSeverity.Error },
        // A cycle of references that never reaches a schema is ICG015, at the reference that closes it.
        { """{"type": "object", "properties": {"a": {"$ref": "#/$defs/A"}}, "$defs": {"A": {"$ref": "#/$defs/B"}, "B": {[|"$ref"|]: "#/$defs/A"}}}""", "ICG015", DiagnosticSeverity.Error },
        // Keywords the generator cannot enforce, or does not know
        { """{"type": "object", [|"requried"|]: ["a"]}""", "ICG010", DiagnosticSeverity.Warning },
        { """{"type": "object", "properties": {"a": {"type": "string", "format": [|"color"|]}}}""", "ICG009", DiagnosticSeverity.Warning },
        { """{"type": "object", "properties": {"a": {"type": "integer", "minLength": [|1|]}}}""", "ICG006", DiagnosticSeverity.Warning },
        // Wrong keyword values
        { """{"type": "object", "properties": {"a": {"type": "string", "minLength": [|-1|]}}}""", "ICG005", DiagnosticSeverity.Error },
        { """{"type": "object", "properties": {"a": {"type": "string", "pattern": [|"[a-"|]}}}""", "ICG005", DiagnosticSeverity.Error },
        { """{"type": "object", "required": [|"a"|], "properties": {"a": {"type": "string"}}}""", "ICG005", DiagnosticSeverity.Error },
        { """{"type": "object", "properties": {"a": {"type": [|"text"|]}}}""", "ICG005", DiagnosticSeverity.Error },
        // Constructs a typed record cannot represent: generated as a JSON-backed value instead (ICG016, at the reason)
        { """{"type": "object", "required": [[|"b"|]], "properties": {"a": {"type": "string"}}}""", "ICG016", DiagnosticSeverity.Info },
        { """{"type": "object", "properties": {"a": [|{"type": "array"}|]}}""", "ICG016", DiagnosticSeverity.Info },
        { """{"type": "object", "properties": {"a": {"type": [|["string", "integer"]|]}}}""", "ICG016", DiagnosticSeverity.Info },
        { """[|[1, 2]|]""", "ICG005", DiagnosticSeverity.Error },
        { """{"type": "object", "properties": {"a": {"$ref": "#/$defs/A", [|"minLength"|]: 2}}, "$defs": {"A": {"type": "string"}}}""", "ICG016", DiagnosticSeverity.Info },
        { """{"type": "object", "properties": {"a": {"type": "string"}}, "oneOf": [{"properties": {[|"b"|]: {"const": 1}}}]}""", "ICG016", DiagnosticSeverity.Info },
        { """{"type": "object", "properties": {"a": {"type": "string"}}, "anyOf": [{[|"patternProperties"|]: {}}]}""", "ICG016", DiagnosticSeverity.Info },
        { """{"type": "object", "additionalProperties": [|{"type": "string"}|]}""", "ICG016", DiagnosticSeverity.Info },
        // Defaults that do not fit their member
        { """{"type": "object", "properties": {"a": {"type": "string", "format": "date", "default": [|"2024-02-30"|]}}}""", "ICG016", DiagnosticSeverity.Info },
        { """{"type": "object", "properties": {"a": {"enum": ["x", "y"], "default": [|"z"|]}}}""", "ICG016", DiagnosticSeverity.Info },
        { """{"type": "object", "properties": {"a": {"type": "integer", "default": [|1.5|]}}}""", "ICG016", DiagnosticSeverity.Info },
        { """{"type": "object", [|"then"|]: {"required": []}}""", "ICG006", DiagnosticSeverity.Warning },
        { """{"type": "object", "properties": {"a": {"type": "string"}}, "dependentRequired": {"a": [[|"b"|]]}}""", "ICG016", DiagnosticSeverity.Info },
        { """{"type": "object", "properties": {"a": {"type": "string"}}, "dependentRequired": {[|"b"|]: ["a"]}}""", "ICG016", DiagnosticSeverity.Info },
        // Schemas generated as JSON-backed values
        { """{"type": "object", [|"patternProperties"|]: {"^x": {"type": "string"}}}""", "ICG016", DiagnosticSeverity.Info },
        { """{"$defs": {"A": {[|"$ref"|]: "#"}}, "$ref": "#/$defs/A"}""", "ICG015", DiagnosticSeverity.Error },
        { """{"allOf": [{"$ref": "#/$defs/A"}], "$defs": {"A": {"not": {[|"$ref"|]: "#"}}}}""", "ICG015", DiagnosticSeverity.Error },
        // Dialects: a draft-07 $ref replaces its schema; a keyword of another draft is no keyword here.
        { """{"$schema": "http://json-schema.org/draft-07/schema#", "properties": {"a": {"$ref": "#/definitions/s", [|"minLength"|]: 2}}, "definitions": {"s": {"type": "string"}}}""", "ICG017", DiagnosticSeverity.Warning },
        { """{"$schema": "http://json-schema.org/draft-07/schema#", "type": "array", [|"prefixItems"|]: [{"type": "string"}]}""", "ICG010", DiagnosticSeverity.Warning },
        { """{"$schema": "http://json-schema.org/draft/2020-12/schema", "type": "array", "items": [|[{"type": "string"}]|]}""", "ICG005", DiagnosticSeverity.Error },
        { """{"$schema": "http://json-schema.org/draft-04/schema#", "type": "number", "minimum": 1, "exclusiveMinimum": [|1|]}""", "ICG005", DiagnosticSeverity.Error },
        { """{"$schema": [|"https://example.com/custom-metaschema"|], "type": "integer"}""", "ICG014", DiagnosticSeverity.Warning },
        { """{"patternProperties": {[|"[a-"|]: true}}""", "ICG005", DiagnosticSeverity.Error },
        { """{"type": ["string", [|"text"|]]}""", "ICG005", DiagnosticSeverity.Error },
        { """{"multipleOf": [|0|]}""", "ICG005", DiagnosticSeverity.Error },
        { """{"minItems": [|1.5|]}""", "ICG005", DiagnosticSeverity.Error },
        { """{"items": {"$ref": [|"http://example.com/missing.json"|]}}""", "ICG002", DiagnosticSeverity.Error },
        { """{"items": {"$ref": [|"#/$defs/nowhere"|]}}""", "ICG002", DiagnosticSeverity.Error },
        { """{"items": {"$ref": [|"#missing-anchor"|]}}""", "ICG002", DiagnosticSeverity.Error },
        { """{"minimum": 1, "format": [|"color"|]}""", "ICG009", DiagnosticSeverity.Warning },
        { """{"minimum": 1, [|"requried"|]: ["a"]}""", "ICG010", DiagnosticSeverity.Warning },
        { """{"minimum": 1, "$defs": {"unused": {"pattern": [|"[a-"|]}}}""", "ICG005", DiagnosticSeverity.Error },
        { """{"minimum": 1, "$defs": {"unused": {[|"minLenght"|]: 1}}}""", "ICG010", DiagnosticSeverity.Warning },
        // A file with both a construct only a JSON-backed value can represent and a real mistake: the mistake alone
        { """{"type": "object", "properties": {"a": {"type": ["string", "integer"], "minLength": [|-1|]}}}""", "ICG005", DiagnosticSeverity.Error },
        // Duplicate keys
        { """{"type": "object", [|"type"|]: "object"}""", "ICG007", DiagnosticSeverity.Error },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_diagnostic_at_the_offending_token(string markedSchema, string id, DiagnosticSeverity severity)
    {
        (string schema, TextSpan expectedSpan) = ParseMarkup(markedSchema);

        GeneratorOutput output = GeneratorHarness.Run((Path, schema));

        Diagnostic diagnostic = Assert.Single(output.GeneratorDiagnostics, d => d.Id == id);
        Assert.Equal(severity, diagnostic.Severity);
        Assert.Equal(Path, diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(expectedSpan, diagnostic.Location.SourceSpan);
        Assert.False(string.IsNullOrWhiteSpace(diagnostic.GetMessage()));
        if (severity == DiagnosticSeverity.Error)
        {
            Assert.Empty(output.Sources); // A schema with an error generates nothing rather than half a contract.
        }
        else
        {
            Assert.NotEmpty(output.Sources);
            GeneratorHarness.AssertCompilesCleanly(output.Compilation);
        }
    }

    [Fact]
    public void Two_reference_documents_with_one_uri_make_a_reference_to_it_an_error()
    {
        var perFile = new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["/r/a.json"] = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.JsonSchemaUri"] = "https://example.com/x.json" },
            ["/r/b.json"] = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.JsonSchemaUri"] = "https://example.com/x.json" },
        };
        GeneratorOutput output = GeneratorHarness.Run(
            GeneratorHarness.CreateDriver(
                [new InMemoryAdditionalText(Path, """{"$ref": "https://example.com/x.json"}"""), new InMemoryAdditionalText("/r/a.json", "{}"), new InMemoryAdditionalText("/r/b.json", "true")],
                new TestOptionsProvider(new Dictionary<string, string>(), perFile)),
            GeneratorHarness.CreateCompilation());

        Diagnostic error = Assert.Single(output.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("ICG002", error.Id);
        Assert.Contains("/r/a.json, /r/b.json", error.GetMessage());
    }

    [Fact]
    public void Diagnostic_reports_line_and_column_in_the_json_file()
    {
        string schema = "{\n  \"type\": \"object\",\n  \"properties\": {\n    \"a\": { \"$ref\": \"#/$defs/Nope\" }\n  }\n}";

        Diagnostic diagnostic = Assert.Single(GeneratorHarness.Run((Path, schema)).GeneratorDiagnostics);

        FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
        Assert.Equal("ICG002", diagnostic.Id);
        Assert.Equal(3, span.StartLinePosition.Line);        // 0-based: line 4 in an editor
        Assert.Equal(19, span.StartLinePosition.Character);  // 0-based: the opening quote of the $ref value
        Assert.Contains("#/$defs/Nope", diagnostic.GetMessage());
    }

    [Fact]
    public void A_warning_still_generates_compiling_code_and_an_error_in_one_file_does_not_stop_another()
    {
        GeneratorOutput output = GeneratorHarness.Run(
            ("/s/good.schema.json", """{"type": "object", "x-vendor": 1, "minProperties": 1, "properties": {"a": {"type": "string"}}}"""),
            ("/s/bad.schema.json", """{"type": "object", "properties": {"a": {"$ref": "#/nowhere"}}}"""));

        Assert.Equal(["ICG002", "ICG016"], output.GeneratorDiagnostics.Select(d => d.Id).OrderBy(i => i));
        Assert.Equal(["good.Good.g.cs"], output.Sources.Select(s => s.HintName));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void Files_that_are_not_schemas_are_ignored()
    {
        GeneratorOutput output = GeneratorHarness.Run(("/s/appsettings.json", "{ not json"), ("/s/notes.txt", "hello"));

        Assert.Empty(output.GeneratorDiagnostics);
        Assert.Empty(output.Sources);
    }

    private static (string Text, TextSpan Span) ParseMarkup(string marked)
    {
        int start = marked.IndexOf("[|", System.StringComparison.Ordinal);
        int end = marked.IndexOf("|]", System.StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "Each case marks its span with [| |]");
        string text = marked.Remove(end, 2).Remove(start, 2);
        return (text, TextSpan.FromBounds(start, end - 2));
    }
}
