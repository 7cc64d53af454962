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
        // Object rules a record's members cannot check: checked on the JSON instead (ICG021, at the reason)
        { """{"type": "object", "required": [[|"b"|]], "properties": {"a": {"type": "string"}}}""", "ICG021", DiagnosticSeverity.Info },
        // Members without a C# type: a JsonAny checked against the member's schema (ICG019, at the reason)
        { """{"type": "object", "properties": {"a": {"type": [|["string", "integer"]|], "enum": ["a", 1]}}}""", "ICG019", DiagnosticSeverity.Info },
        // ...unless the schema asks for a C# type it does not get (one type, an enum of one type, a $ref to a type): ICG018, a warning
        { """{"type": "object", "properties": {"a": {"type": "array", [|"prefixItems"|]: [{"type": "string"}]}}}""", "ICG018", DiagnosticSeverity.Warning },
        { """{"type": "object", "properties": {"a": {"type": "boolean", [|"enum"|]: [true, null]}}}""", "ICG018", DiagnosticSeverity.Warning },
        { """{"type": "object", "properties": {"a": [|{"not": {"type": "string"}}|]}}""", "ICG019", DiagnosticSeverity.Info },
        // A string enum value its length bounds reject can never be valid (ICG030, at the value)
        { """{"type": "object", "properties": {"a": {"type": "string", "maxLength": 2, "enum": ["ab", [|"abc"|]]}}}""", "ICG030", DiagnosticSeverity.Warning },
        { """{"type": "object", "properties": {"a": {"$ref": "#/$defs/U", "type": "object", [|"minProperties"|]: 1}}, "$defs": {"U": {"oneOf": [{"type": "object", "properties": {"k": {"const": "x"}}, "required": ["k"]}, {"type": "object", "properties": {"k": {"const": "y"}}, "required": ["k"]}]}}}""", "ICG018", DiagnosticSeverity.Warning },
        { """{"allOf": [{"$ref": "#/$defs/Base"}, {"properties": {"id": {"type": [|"integer"|]}}}], "$defs": {"Base": {"type": "object", "properties": {"id": {"type": "string"}}}}}""", "ICG022", DiagnosticSeverity.Warning },
        { """[|[1, 2]|]""", "ICG005", DiagnosticSeverity.Error },
        { """{"type": "object", "properties": {"a": {"$ref": "#/$defs/U", [|"minProperties"|]: 1}}, "$defs": {"U": {"oneOf": [{"type": "object", "properties": {"k": {"const": "x"}}, "required": ["k"]}, {"type": "object", "properties": {"k": {"const": "y"}}, "required": ["k"]}]}}}""", "ICG018", DiagnosticSeverity.Warning },
        { """{"type": "object", "properties": {"a": {"type": "string"}}, "oneOf": [{"properties": {[|"b"|]: {"const": 1}}}]}""", "ICG021", DiagnosticSeverity.Info },
        { """{"type": "object", "properties": {"a": {"type": "string"}}, "anyOf": [{[|"patternProperties"|]: {}}]}""", "ICG021", DiagnosticSeverity.Info },
        { """{"type": "object", [|"patternProperties"|]: {"^a": {"type": "integer"}}, "additionalProperties": {"type": "string"}}""", "ICG021", DiagnosticSeverity.Info },
        { """{"type": "object", "properties": {"ab": {"type": "string"}}, [|"patternProperties"|]: {"^a": {"type": "string"}}}""", "ICG021", DiagnosticSeverity.Info },
        // Defaults that break their own schema: a warning at the default, and the member gets none (ICG024)
        { """{"type": "object", "properties": {"a": {"type": "string", "format": "date", "default": [|"2024-02-30"|]}}}""", "ICG024", DiagnosticSeverity.Warning },
        { """{"type": "object", "properties": {"a": {"enum": ["x", "y"], "default": [|"z"|]}}}""", "ICG024", DiagnosticSeverity.Warning },
        { """{"type": "object", "properties": {"a": {"type": "integer", "default": [|1.5|]}}}""", "ICG024", DiagnosticSeverity.Warning },
        { """{"type": "object", "properties": {"a": {"type": "string", "pattern": "^\\d+$", "default": [|""|]}}}""", "ICG024", DiagnosticSeverity.Warning },
        // A default the schema allows but the C# type cannot hold: not set, the member is nullable (ICG020)
        { """{"type": "object", "properties": {"a": {"type": "number", "default": [|1e400|]}}}""", "ICG020", DiagnosticSeverity.Info },
        { """{"type": "object", [|"then"|]: {"required": []}}""", "ICG006", DiagnosticSeverity.Warning },
        { """{"type": "object", "properties": {"a": {"type": "string"}}, "dependentRequired": {"a": [[|"b"|]]}}""", "ICG021", DiagnosticSeverity.Info },
        { """{"type": "object", "properties": {"a": {"type": "string"}}, "dependentRequired": {[|"b"|]: ["a"]}}""", "ICG021", DiagnosticSeverity.Info },
        // Schemas generated as JSON-backed values: a root that is not one object
        { """{"type": [|["object", "array"]|]}""", "ICG016", DiagnosticSeverity.Info },
        // A root that says it is an object but cannot be a record: a warning, as a member gets.
        { """{"type": [|["object", "null"]|], "properties": {"a": {"type": "string"}}}""", "ICG018", DiagnosticSeverity.Warning },
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
        // Misspellings with a "did you mean" (the messages are in Message_says_what_to_change): the span stays on the word
        { """{"type": "object", "properties": {"a": {"type": "string", "format": [|"e-mail"|]}}}""", "ICG009", DiagnosticSeverity.Warning },
        { """{"type": "object", "properties": {"a": {"type": [|"strng"|]}}}""", "ICG005", DiagnosticSeverity.Error },
        { """{"type": "object", "properties": {"a": {"$ref": [|"#/$defs/reviewer"|]}}, "$defs": {"reviewers": {"type": "string"}}}""", "ICG002", DiagnosticSeverity.Error },
        { """{"items": {"$ref": [|"#revewer"|]}, "$defs": {"r": {"$anchor": "reviewer", "type": "string"}}}""", "ICG002", DiagnosticSeverity.Error },
        { """{"type": "object", "properties": {"a": {"type": "string"}}, [|"additionalProperty"|]: false}""", "ICG010", DiagnosticSeverity.Warning },
    };

    /// <summary>
    /// Each message says what to change: a misspelt keyword, <c>$ref</c> target, format or type gets the
    /// nearest correct word ("did you mean"), a word far from every candidate gets none.
    /// </summary>
    public static TheoryData<string, string, string> Messages() => new()
    {
        // ICG010: the keywords of the schema's draft, annotations included
        {
            """{"type": "object", [|"requried"|]: ["a"], "properties": {"a": {"type": "string"}}}""", "ICG010",
            "'requried' is not a JSON Schema keyword and is ignored; correct its spelling, start a vendor extension with 'x-', or list it in JsonSchemaAnnotationKeywords; did you mean 'required'?"
        },
        {
            """{"type": "object", [|"descripton"|]: "An order"}""", "ICG010",
            "'descripton' is not a JSON Schema keyword and is ignored; correct its spelling, start a vendor extension with 'x-', or list it in JsonSchemaAnnotationKeywords; did you mean 'description'?"
        },
        {
            """{"type": "object", "properties": {"a": {"type": "string"}}, [|"additionalProperty"|]: false}""", "ICG010",
            "'additionalProperty' is not a JSON Schema keyword and is ignored; correct its spelling, start a vendor extension with 'x-', or list it in JsonSchemaAnnotationKeywords; did you mean 'additionalProperties'?"
        },
        {
            """{"$schema": "http://json-schema.org/draft-07/schema#", "type": "string", [|"minLenght"|]: 1}""", "ICG010",
            "'minLenght' is not a JSON Schema keyword and is ignored; correct its spelling, start a vendor extension with 'x-', or list it in JsonSchemaAnnotationKeywords; did you mean 'minLength'?"
        },
        {
            """{"type": "object", [|"colour"|]: "red"}""", "ICG010",
            "'colour' is not a JSON Schema keyword and is ignored; correct its spelling, start a vendor extension with 'x-', or list it in JsonSchemaAnnotationKeywords"
        },
        {
            // OpenAPI 3.0's nullable, where JSON Schema would still reject null
            """{"type": "object", [|"nullable"|]: true}""", "ICG010",
            "'nullable' is OpenAPI 3.0's, not a JSON Schema keyword, and is ignored; null is not valid here: to allow it, add \"null\" to 'type'"
        },
        {
            // 'prefixItems' is a keyword of 2020-12 only, and no draft-07 keyword is near it
            """{"$schema": "http://json-schema.org/draft-07/schema#", "type": "array", [|"prefixItems"|]: [{"type": "string"}]}""", "ICG010",
            "'prefixItems' is a keyword of draft 2020-12 and later, not of draft-07, and is ignored; declare draft 2020-12 or later in $schema to apply it"
        },

        // ICG002: the names at the point where the pointer found nothing, or the anchors of the resource
        {
            """{"type": "object", "properties": {"a": {"$ref": [|"#/$defs/reviewer"|]}}, "$defs": {"author": {"type": "string"}, "editor": {"type": "string"}, "reviewers": {"type": "string"}}}""", "ICG002",
            "$ref '#/$defs/reviewer' cannot be resolved: there is no 'reviewer' at that point of the document (it has: author, editor, reviewers); did you mean 'reviewers'?"
        },
        {
            """{"type": "object", "properties": {"a": {"$ref": [|"#/$defs/publisher"|]}}, "$defs": {"author": {"type": "string"}, "editor": {"type": "string"}}}""", "ICG002",
            "$ref '#/$defs/publisher' cannot be resolved: there is no 'publisher' at that point of the document (it has: author, editor); point the reference at a schema that exists"
        },
        {
            """{"type": "object", "properties": {"a": {"$ref": [|"#/defs/author"|]}}, "$defs": {"author": {"type": "string"}}}""", "ICG002",
            "$ref '#/defs/author' cannot be resolved: there is no 'defs' at that point of the document (it has: type, properties, $defs); did you mean '$defs'?"
        },
        {
            """{"items": {"$ref": [|"#/allOf/1"|]}, "allOf": [{"minItems": 1}]}""", "ICG002",
            "$ref '#/allOf/1' cannot be resolved: there is no '1' at that point of the document (an array with indexes 0 to 0); point the reference at a schema that exists"
        },
        {
            """{"items": {"$ref": [|"#revewer"|]}, "$defs": {"a": {"$anchor": "author", "type": "string"}, "r": {"$anchor": "reviewer", "type": "string"}}}""", "ICG002",
            "$ref '#revewer' cannot be resolved: there is no $anchor 'revewer' in the document (it has: author, reviewer); did you mean 'reviewer'?"
        },
        {
            """{"items": {"$ref": [|"#missing-anchor"|]}}""", "ICG002",
            "$ref '#missing-anchor' cannot be resolved: there is no $anchor 'missing-anchor' in the document (it declares none); declare it with \"$anchor\": \"missing-anchor\" in the schema it names, or point the reference at a schema that exists"
        },
        {
            """{"$schema": "http://json-schema.org/draft-07/schema#", "items": {"$ref": [|"#missing-anchor"|]}}""", "ICG002",
            "$ref '#missing-anchor' cannot be resolved: there is no $anchor 'missing-anchor' in the document (it declares none); declare it with \"$id\": \"#missing-anchor\" in the schema it names, or point the reference at a schema that exists"
        },
        {
            """{"items": {"$ref": [|"http://example.com/missing.json"|]}}""", "ICG002",
            "$ref 'http://example.com/missing.json' cannot be resolved: no schema document has the URI http://example.com/missing.json; declare that document as a JsonSchemaReference item with JsonSchemaUri=\"http://example.com/missing.json\", or point the reference at a schema that exists"
        },

        // ICG009: the formats the generator checks
        {
            """{"type": "string", "format": [|"e-mail"|]}""", "ICG009",
            "Format 'e-mail' is not validated by the generator; the value is treated as a plain string (checked formats: " + CheckedFormats + "; use a pattern for anything else); did you mean 'email'?"
        },
        {
            """{"type": "string", "format": [|"datetime"|]}""", "ICG009",
            "Format 'datetime' is not validated by the generator; the value is treated as a plain string (checked formats: " + CheckedFormats + "; use a pattern for anything else); did you mean 'date-time'?"
        },
        {
            """{"type": "string", "format": [|"color"|]}""", "ICG009",
            "Format 'color' is not validated by the generator; the value is treated as a plain string (checked formats: " + CheckedFormats + "; use a pattern for anything else)"
        },

        // ICG005 for type: the seven type names
        {
            """{"type": "object", "properties": {"a": {"type": [|"strng"|]}}}""", "ICG005",
            "Keyword 'type' has 'strng', which is not a type: use one of object, array, string, integer, number, boolean, null, or an array of them; did you mean 'string'?"
        },
        {
            """{"type": ["null", [|"interger"|]]}""", "ICG005",
            "Keyword 'type' has 'interger', which is not a type: use one of object, array, string, integer, number, boolean, null, or an array of them; did you mean 'integer'?"
        },
        {
            """{"type": [|"text"|]}""", "ICG005",
            "Keyword 'type' has 'text', which is not a type: use one of object, array, string, integer, number, boolean, null, or an array of them"
        },
        {
            """{"type": [|5|]}""", "ICG005",
            "Keyword 'type' must be one of object, array, string, integer, number, boolean, null, or an array of them"
        },
    };

    private const string CheckedFormats =
        "date, date-time, time, duration, email, idn-email, hostname, idn-hostname, ipv4, ipv6, uri, uri-reference, iri, iri-reference, uuid, uri-template, json-pointer, relative-json-pointer, regex";

    [Theory]
    [MemberData(nameof(Messages))]
    public void Message_says_what_to_change(string markedSchema, string id, string expectedMessage)
    {
        (string schema, TextSpan expectedSpan) = ParseMarkup(markedSchema);

        Diagnostic diagnostic = Assert.Single(GeneratorHarness.Run((Path, schema)).GeneratorDiagnostics, d => d.Id == id);

        Assert.Equal(expectedSpan, diagnostic.Location.SourceSpan);
        Assert.Equal(expectedMessage, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_long_list_of_definitions_is_cut_short_but_the_suggestion_looks_at_all_of_them()
    {
        string definitions = string.Join(", ", Enumerable.Range(1, 30).Select(i => $"\"type{i:00}\": {{\"type\": \"string\"}}"));
        string schema = """{"items": {"$ref": "#/$defs/type29x"}, "$defs": {""" + definitions + "}}";

        Diagnostic diagnostic = Assert.Single(GeneratorHarness.Run((Path, schema)).GeneratorDiagnostics, d => d.Id == "ICG002");

        string listed = string.Join(", ", Enumerable.Range(1, 20).Select(i => $"type{i:00}"));
        Assert.Equal(
            $"$ref '#/$defs/type29x' cannot be resolved: there is no 'type29x' at that point of the document (it has: {listed} and 10 more); did you mean 'type29'?",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

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
            ("/s/good.schema.json", """{"type": "object", "x-vendor": 1, "minProperties": 1, "properties": {"a": {"type": "string", "minimum": 1}}}"""),
            ("/s/bad.schema.json", """{"type": "object", "properties": {"a": {"$ref": "#/nowhere"}}}"""));

        Assert.Equal(["ICG002", "ICG006"], output.GeneratorDiagnostics.Select(d => d.Id).OrderBy(i => i));
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
