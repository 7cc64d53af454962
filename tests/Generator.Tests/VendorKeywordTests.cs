using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using Insights.Contracts.Runtime;
using Insights.Contracts.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Insights.Contracts.Generator.Tests;

/// <summary>
/// What real-world schemas carry besides JSON Schema: editors' and OpenAPI's annotation keywords,
/// a project's own vendor keywords (<c>JsonSchemaAnnotationKeywords</c>), OpenAPI's number formats,
/// and wire names that differ only in punctuation or case. None of it is noise a build must
/// silence; what does matter (a typo, <c>nullable</c> that lets no null through, two members that
/// want one C# name) is still said.
/// </summary>
public class VendorKeywordTests
{
    private const string Path = "/schemas/settings.schema.json";

    private static GeneratorOutput Run(string schema, string? annotationKeywords = null)
    {
        var global = new Dictionary<string, string> { ["build_property.RootNamespace"] = GeneratorHarness.TestNamespace };
        if (annotationKeywords is not null)
        {
            global["build_property.JsonSchemaAnnotationKeywords"] = annotationKeywords;
        }

        return GeneratorHarness.Run(
            GeneratorHarness.CreateDriver([new InMemoryAdditionalText(Path, schema)], new TestOptionsProvider(global)),
            GeneratorHarness.CreateCompilation());
    }

    private static string Message(Diagnostic diagnostic) => diagnostic.GetMessage(CultureInfo.InvariantCulture);

    [Fact]
    public void Editor_and_OpenAPI_annotations_are_no_warning()
    {
        const string schema = """
            {
              "type": "object",
              "allowComments": true,
              "allowTrailingCommas": true,
              "properties": {
                "editor.fontSize": {
                  "type": "integer", "minimum": 6, "default": 14, "scope": "resource", "order": 2, "tags": ["display"],
                  "markdownDescription": "The **font** size.", "deprecationMessage": "Use font.size", "markdownDeprecationMessage": "Use `font.size`",
                  "errorMessage": "A size in pixels", "doNotSuggest": false, "suggestSortText": "a", "completionDetail": "px",
                  "defaultSnippets": [{ "body": 12 }], "editPresentation": "singlelineText", "ignoreSync": true
                },
                "editor.mode": {
                  "type": "string", "enum": ["insert", "overwrite"], "enumDescriptions": ["Inserts", "Overwrites"],
                  "markdownEnumDescriptions": ["*Inserts*", "*Overwrites*"], "enumItemLabels": ["Insert", "Overwrite"],
                  "enumSortTexts": ["a", "b"], "enumDetails": ["i", "o"]
                },
                "editor.pattern": { "type": "string", "pattern": "^[a-z]+$", "patternErrorMessage": "Lower-case letters" },
                "owner": {
                  "type": "string", "example": "ada", "xml": { "name": "owner" }, "externalDocs": { "url": "https://example.com" },
                  "nullable": false, "readOnly": true, "deprecated": false, "x-order": 1, "$comment": "kept"
                }
              }
            }
            """;

        GeneratorOutput output = Run(schema);

        Assert.Empty(output.GeneratorDiagnostics);
        Assert.NotEmpty(output.Sources);
    }

    [Theory]
    [InlineData("requried", "'requried' is not a JSON Schema keyword and is ignored; correct its spelling, start a vendor extension with 'x-', or list it in JsonSchemaAnnotationKeywords; did you mean 'required'?")]
    [InlineData("markdownDescripton", "'markdownDescripton' is not a JSON Schema keyword and is ignored; correct its spelling, start a vendor extension with 'x-', or list it in JsonSchemaAnnotationKeywords; did you mean 'markdownDescription'?")]
    [InlineData("javaType", "'javaType' is not a JSON Schema keyword and is ignored; correct its spelling, start a vendor extension with 'x-', or list it in JsonSchemaAnnotationKeywords")]
    public void A_typo_or_an_undeclared_vendor_keyword_still_warns(string key, string expected)
    {
        Diagnostic diagnostic = Assert.Single(Run($$"""{"type": "object", "{{key}}": ["a"]}""").GeneratorDiagnostics);

        Assert.Equal(("ICG010", DiagnosticSeverity.Warning), (diagnostic.Id, diagnostic.Severity));
        Assert.Equal(expected, Message(diagnostic));
    }

    [Fact]
    public void A_project_declares_its_own_annotation_keywords_by_name_or_prefix()
    {
        const string schema = """{"type": "object", "javaType": "com.example.Order", "ui:widget": "textarea", "properties": {"a": {"type": "string", "tsType": "string"}}}""";

        Assert.Equal(3, Run(schema).GeneratorDiagnostics.Count(d => d.Id == "ICG010"));
        Assert.Empty(Run(schema, "javaType;tsType, ui:*").GeneratorDiagnostics);

        // A misspelling of a declared keyword is still a typo, and the declared name is suggested.
        Diagnostic typo = Assert.Single(Run("""{"type": "object", "javaTyp": "x"}""", "javaType").GeneratorDiagnostics);
        Assert.EndsWith("did you mean 'javaType'?", Message(typo), System.StringComparison.Ordinal);
    }

    [Fact]
    public void OpenAPI_nullable_is_reported_only_where_it_would_have_let_null_through()
    {
        const string schema = """{"type": "object", "properties": {"sentAt": {"type": "string", "nullable": true}}}""";

        Diagnostic diagnostic = Assert.Single(Run(schema).GeneratorDiagnostics);

        Assert.Equal("ICG010", diagnostic.Id);
        Assert.Equal(schema.IndexOf("\"nullable\"", System.StringComparison.Ordinal), diagnostic.Location.SourceSpan.Start);
        Assert.Equal("'nullable' is OpenAPI 3.0's, not a JSON Schema keyword, and is ignored; null is not valid here: to allow it, add \"null\" to 'type'", Message(diagnostic));
        Assert.Empty(Run("""{"type": "object", "properties": {"sentAt": {"type": ["string", "null"], "nullable": true}}}""").GeneratorDiagnostics);
        Assert.Empty(Run("""{"type": "object", "properties": {"sentAt": {"nullable": true}}}""").GeneratorDiagnostics.Where(d => d.Id == "ICG010"));
    }

    /// <summary>
    /// OpenAPI's number formats are annotations, as every format the generator does not check: no
    /// warning, and no narrower C# type that would reject a number the schema accepts.
    /// </summary>
    [Fact]
    public void OpenAPI_number_formats_are_no_warning_and_assert_nothing()
    {
        const string schema = """
            {"type": "object", "properties": {
              "count": {"type": "integer", "format": "int32"},
              "total": {"type": "integer", "format": "int64"},
              "ratio": {"type": "number", "format": "float"},
              "share": {"type": "number", "format": "double"},
              "secret": {"type": "string", "format": "password"},
              "blob": {"type": "string", "format": "byte"}
            }}
            """;

        GeneratorOutput output = Run(schema);
        Assert.Empty(output.GeneratorDiagnostics);
        GeneratorHarness.AssertCompilesCleanly(output.Compilation);
        Assembly assembly = GeneratorHarness.Load(output);

        (object? parsed, IReadOnlyList<ValidationError> errors) = GeneratorHarness.Parse(assembly, "Settings", """{"count": 3000000000, "ratio": 1e300}""");
        Assert.Empty(errors);
        Assert.Equal(3_000_000_000L, parsed!.GetType().GetProperty("Count")!.GetValue(parsed));
    }

    [Theory]
    [InlineData("""{"type": "string", "format": "int32"}""", "ICG009")] // a number format on a string is a mistake
    [InlineData("""{"type": "integer", "format": "email"}""", "ICG006")]
    [InlineData("""{"type": "integer", "format": "int23"}""", "ICG006")]
    public void A_format_out_of_place_still_warns(string schema, string id)
    {
        Assert.Contains(Run(schema).GeneratorDiagnostics, d => d.Id == id);
    }

    /// <summary>
    /// When two members fix a value in every branch, OpenAPI's <c>discriminator.propertyName</c> says
    /// which one tells the branches apart: an unknown value of it is the discriminator's error.
    /// </summary>
    [Fact]
    public void OpenAPI_discriminator_chooses_the_member_a_union_dispatches_on()
    {
        const string schema = """
            {
              "type": "object",
              "required": ["event"],
              "properties": {
                "event": {
                  "oneOf": [{ "$ref": "#/$defs/opened" }, { "$ref": "#/$defs/closed" }],
                  "discriminator": { "propertyName": "eventType" }
                }
              },
              "$defs": {
                "opened": { "type": "object", "required": ["version", "eventType"], "properties": { "version": { "const": "v1" }, "eventType": { "const": "opened" } } },
                "closed": { "type": "object", "required": ["version", "eventType"], "properties": { "version": { "const": "v2" }, "eventType": { "const": "closed" } } }
              }
            }
            """;

        GeneratorOutput output = Run(schema);
        Assert.Empty(output.GeneratorDiagnostics);
        Assembly assembly = GeneratorHarness.Load(output);

        ValidationError error = Assert.Single(GeneratorHarness.Parse(assembly, "Settings", """{"event": {"version": "v1", "eventType": "paused"}}""").Errors);
        Assert.Equal("/event", error.Path);
        Assert.Equal(ErrorMessages.UnknownDiscriminator("eventType", ErrorMessages.Render("paused"), ["opened", "closed"]), error.Message);
        Assert.Empty(GeneratorHarness.Parse(assembly, "Settings", """{"event": {"eventType": "closed", "version": "v2"}}""").Errors);
    }

    [Fact]
    public void Wire_names_that_map_to_one_CSharp_name_all_become_members_and_each_later_one_is_ICG008()
    {
        const string schema = """
            {
              "type": "object",
              "properties": {
                "type": { "type": "string" },
                "@type": { "type": "string" },
                "productID": { "type": "integer" },
                "product_id": { "type": "integer" },
                "a-b": { "type": "boolean" },
                "a_b": { "type": "boolean" }
              }
            }
            """;

        GeneratorOutput output = Run(schema);

        Diagnostic[] collisions = output.GeneratorDiagnostics.OrderBy(d => d.Location.SourceSpan.Start).ToArray();
        Assert.All(collisions, d => Assert.Equal(("ICG008", DiagnosticSeverity.Warning), (d.Id, d.Severity)));
        Assert.Equal(
            [schema.IndexOf("\"@type\"", System.StringComparison.Ordinal), schema.IndexOf("\"product_id\"", System.StringComparison.Ordinal), schema.IndexOf("\"a_b\"", System.StringComparison.Ordinal)],
            collisions.Select(d => d.Location.SourceSpan.Start));
        Assert.Equal(
            "Properties 'type' and '@type' of 'Settings' both map to the C# name 'Type': 'type' is generated as 'Type', '@type' as 'Type2'; rename one of them in the schema to choose the names",
            Message(collisions[0]));
        Assert.Equal(
            "Properties 'productID' and 'product_id' of 'Settings' map to C# names that differ only in case ('ProductID', 'ProductId'): 'productID' is generated as 'ProductID', 'product_id' as 'ProductId2'; rename one of them in the schema to choose the names",
            Message(collisions[1]));

        GeneratorHarness.AssertCompilesCleanly(output.Compilation);
        Assembly assembly = GeneratorHarness.Load(output);
        (object? parsed, IReadOnlyList<ValidationError> errors) = GeneratorHarness.Parse(
            assembly, "Settings", """{"type": "t", "@type": "at", "productID": 1, "product_id": 2, "a-b": true, "a_b": false}""");
        Assert.Empty(errors);
        System.Type type = parsed!.GetType();
        Assert.Equal(
            ["t", "at", 1L, 2L, true, false],
            new[] { "Type", "Type2", "ProductID", "ProductId2", "AB", "AB2" }.Select(name => type.GetProperty(name)!.GetValue(parsed)));
    }
}
