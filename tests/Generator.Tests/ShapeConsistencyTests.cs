using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Threading;
using Insights.Contracts.Runtime.CompilerServices;
using Microsoft.CodeAnalysis.Text;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Insights.Contracts.Generator.Tests;

/// <summary>
/// A keyword means the same in both shapes (typed record, JSON-backed value): each way they once
/// disagreed, pinned down, and the diagnostics every shape shares.
/// </summary>
public class ShapeConsistencyTests
{
    private const string Path = "/s/doc.schema.json";

    /// <summary>Runs the generator with per-file metadata (GenerateAs, FormatAssertion).</summary>
    private static GeneratorOutput Run(string schema, params (string Key, string Value)[] metadata)
    {
        var perFile = new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            [Path] = metadata.ToDictionary(m => "build_metadata.AdditionalFiles." + m.Key, m => m.Value),
        };
        var options = new TestOptionsProvider(new Dictionary<string, string> { ["build_property.RootNamespace"] = GeneratorHarness.TestNamespace }, perFile);
        return GeneratorHarness.Run(GeneratorHarness.CreateDriver([new InMemoryAdditionalText(Path, schema)], options), GeneratorHarness.CreateCompilation());
    }

    private static string[] Errors(GeneratorOutput output, string json) =>
        GeneratorHarness.Parse(GeneratorHarness.Load(output), "Doc", json).Errors.Select(e => $"{e.Path} {e.Keyword}: {e.Message}").ToArray();

    [Theory]
    [InlineData("number", "\"maximum\": 1e400", "1e300", true)]
    [InlineData("number", "\"minimum\": -1e400", "-1e300", true)]
    [InlineData("number", "\"exclusiveMaximum\": 1e400", "1", true)]
    [InlineData("integer", "\"maximum\": 1e400", "9000000000000000000", true)]
    [InlineData("integer", "\"minimum\": 1.5", "1", false)]
    [InlineData("integer", "\"maximum\": 1e30", "5", true)]
    public void A_number_bound_beyond_double_or_long_compiles_in_a_typed_record(string type, string bound, string value, bool valid)
    {
        // Was: JsonCheck.Maximum(readA, Infinityd, context), CS0103 in generated code and no diagnostic.
        GeneratorOutput output = GeneratorHarness.RunAndCompile((Path, "{\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"" + type + "\", " + bound + "}}}"));

        Assert.Contains("public sealed partial record Doc", output.Source("Doc.g.cs"));
        Assert.Equal(valid, Errors(output, $$"""{"a": {{value}}}""").Length == 0);
    }

    [Theory]
    [InlineData("#/properties/a")]
    [InlineData("#a")]
    public void A_fragment_only_id_does_not_replace_the_document_as_the_ref_base(string id)
    {
        // Was: the JSON-backed parser registered the subschema as the whole document, so every
        // #/definitions/... reference failed with a false ICG002.
        string schema = """
            {"type": "object", "patternProperties": {"^x-": {}},
             "properties": {"a": {"$id": "ID", "type": "object", "properties": {"b": {"$ref": "#/definitions/positive"}}}},
             "definitions": {"positive": {"type": "integer", "minimum": 1}}}
            """.Replace("ID", id, System.StringComparison.Ordinal);

        GeneratorOutput output = Run(schema);

        Assert.DoesNotContain(output.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Empty(Errors(output, """{"a": {"b": 3}}"""));
        Assert.Equal(["/a/b minimum: must be greater than or equal to 1, got 0"], Errors(output, """{"a": {"b": 0}}"""));
    }

    [Fact]
    public void A_plain_name_fragment_id_is_an_anchor_a_reference_can_name()
    {
        GeneratorOutput output = Run("""{"properties": {"a": {"$ref": "#positive"}}, "definitions": {"p": {"$id": "#positive", "minimum": 1}}}""");

        Assert.DoesNotContain(output.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(["/a minimum: must be greater than or equal to 1, got 0"], Errors(output, """{"a": 0}"""));
    }

    private const string Payment = """
        {"type": "object", "required": ["iban"],
         "properties": {
           "iban": {"type": "string", "pattern": "^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$"},
           "id": {"type": "string", "format": "uuid"},
           "on": {"type": "string", "format": "date"},
           "kind": {"enum": ["card", "bank_transfer"]},
           "method": {"type": "object", "properties": {"card": {"type": "string"}, "account": {"type": "string"}},
                      "oneOf": [{"title": "Card", "required": ["card"]}, {"title": "Account", "required": ["account"]}]}}}
        """;

    [Theory]
    [InlineData("""{"iban": "de89370400440532013000"}""")]
    [InlineData("""{"iban": "DE89370400440532013000", "id": "not-a-uuid"}""")]
    [InlineData("""{"iban": "DE89370400440532013000", "on": "2024-02-30"}""")]
    [InlineData("""{"iban": "DE89370400440532013000", "on": "2024-2-03"}""")]
    [InlineData("""{"iban": "DE89370400440532013000", "kind": "cash"}""")]
    [InlineData("""{"iban": "DE89370400440532013000", "kind": 7}""")]
    [InlineData("""{"iban": "DE89370400440532013000", "method": {}}""")]
    [InlineData("""{"iban": "DE89370400440532013000", "method": {"card": "c", "account": "a"}}""")]
    [InlineData("""{"iban": 42}""")]
    [InlineData("""{}""")]
    public void Both_shapes_report_the_same_errors_in_the_same_words(string json)
    {
        GeneratorOutput typed = Run(Payment);
        GeneratorOutput jsonBacked = Run(Payment, ("GenerateAs", "JsonValue"));
        Assert.DoesNotContain(typed.GeneratorDiagnostics, d => d.Id == "ICG016");

        string[] expected = Errors(typed, json);

        Assert.NotEmpty(expected);
        Assert.Equal(expected, Errors(jsonBacked, json));
    }

    [Fact]
    public void A_typed_oneOf_says_why_each_branch_failed()
    {
        // Was: "matches none of the allowed combinations: Card; Account", without a reason.
        string error = Assert.Single(Errors(Run(Payment), """{"iban": "DE89370400440532013000", "method": {}}"""));

        Assert.Equal("/method oneOf: matches none of the oneOf branches (Card: /method/card: required property 'card' is missing; Account: /method/account: required property 'account' is missing)", error);
    }

    [Fact]
    public void Both_shapes_match_a_simple_pattern_with_the_same_generated_loop()
    {
        // Was: a character loop in the typed record and a Regex in the JSON-backed value.
        foreach (GeneratorOutput output in new[] { Run(Payment), Run(Payment, ("GenerateAs", "JsonValue")) })
        {
            string source = output.Source("Doc.g.cs");
            Assert.Contains("private static bool MatchesPattern1(global::System.ReadOnlySpan<char> value)", source);
            Assert.DoesNotContain("Regex", source);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("JsonValue")]
    public void With_format_assertion_off_a_format_only_annotates_in_both_shapes(string generateAs)
    {
        (string, string)[] metadata = generateAs.Length == 0 ? [("FormatAssertion", "false")] : [("FormatAssertion", "false"), ("GenerateAs", generateAs)];
        GeneratorOutput output = Run(Payment, metadata);

        Assert.Empty(Errors(output, """{"iban": "DE89370400440532013000", "id": "not-a-uuid", "on": "2024-02-30"}"""));
        if (generateAs.Length == 0)
        {
            Assert.Contains("public string? On { get; init; }", output.Source("Doc.g.cs")); // a date that is not checked is no DateOnly
        }
    }

    [Theory]
    [InlineData("""{"type": "object", "properties": {"a": {"type": "string"}}}""")]
    [InlineData("""{"minimum": 1}""")]
    public void A_custom_metaschema_is_reported_in_both_shapes(string body)
    {
        string schema = "{\"$schema\": \"https://example.com/my-dialect\", " + body.Substring(1);

        Assert.Contains(Run(schema).GeneratorDiagnostics, d => d.Id == "ICG014");
    }

    [Fact]
    public void The_reason_for_rules_checked_as_json_says_what_a_record_cannot_hold_not_that_it_is_not_enforced()
    {
        // Was: "Keyword 'patternProperties' is not supported by the generator and is not enforced",
        // although the JSON-backed value enforces it.
        Diagnostic info = Assert.Single(Run("""{"type": "object", "properties": {"a": {"type": "string"}}, "dependentSchemas": {"a": {"required": ["b"]}}}""").GeneratorDiagnostics);

        Assert.Equal("ICG021", info.Id);
        Assert.Equal(
            "'Doc' is a typed record whose object rules are checked on its JSON before its members are read: 'dependentSchemas' has no check over a record's members",
            info.GetMessage());
    }

    [Fact]
    public void The_reason_for_a_default_that_breaks_its_schema_shows_the_default_and_the_rule()
    {
        // Was: "A default of array  is not supported", without the value; then ICG020, as if only C# could not hold it.
        Diagnostic warning = Assert.Single(Run("""{"type": "object", "properties": {"a": {"type": "array", "items": {"type": "integer"}, "default": ["x"]}}}""").GeneratorDiagnostics);

        Assert.Equal("The default at #/properties/a/default does not satisfy its own schema ('type': the string \"x\" is not Integer), so the member gets no default: it is absent (null) when the JSON leaves it out; correct the default, or remove it", warning.GetMessage());
    }

    [Fact]
    public void Every_declared_diagnostic_is_one_the_generator_reports()
    {
        // Was: ICG004 was declared (an error in the rule catalogue) but only ever steered the code.
        var reported = new HashSet<string>(DiagnosticTests.Cases().Select(row => (string)row[1]))
        {
            "ICG008", "ICG011", "ICG012", "ICG013", // reported in SchemaFileTests and ContractNameTests
            "ICG023", // an MSBuild setting's value, not a schema: reported in DecimalNumberTests
            "ICG025", // the stack running out: reported in HostileSchemaTests
            "ICG026", // a U+FFFD in leniently decoded text: reported in SchemaFileTests
            "ICG027", "ICG028", "ICG029", // a schema against its baseline: reported in Compatibility/CompatibilityGeneratorTests
            "ICG999", // an internal failure: reported when the generator itself throws, which no schema should provoke
        };
        var declared = typeof(ContractGenerator).Assembly.GetType("Insights.Contracts.Generator.Diagnostics.DiagnosticDescriptors")!
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => ((DiagnosticDescriptor)f.GetValue(null)!).Id);

        Assert.Empty(declared.Except(reported));
    }

    private sealed class StrictUtf8Text(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        // What the compiler does with a valid UTF-8 file: it decodes it with an encoding that throws on invalid bytes.
        public override SourceText GetText(CancellationToken cancellationToken = default)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(text);
            return SourceText.From(bytes, bytes.Length, new UTF8Encoding(false, throwOnInvalidBytes: true));
        }
    }

    [Fact]
    public void A_valid_utf8_file_may_hold_a_literal_replacement_character()
    {
        // Was: ICG011 for any U+FFFD, though only a lenient decoding of invalid bytes makes one up.
        GeneratorOutput output = GeneratorHarness.Run(
            GeneratorHarness.CreateDriver([new StrictUtf8Text(Path, "{\"type\": \"object\", \"description\": \"shown as \uFFFD when unknown\"}")]),
            GeneratorHarness.CreateCompilation());

        Assert.Empty(output.GeneratorDiagnostics);
        Assert.Contains("shown as \uFFFD when unknown", output.Source("Doc.g.cs"));
    }
}
