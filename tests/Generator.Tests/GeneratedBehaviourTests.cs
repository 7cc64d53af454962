using System;
using System.Linq;
using System.Reflection;
using Insights.Contracts.Runtime;
using Xunit;

namespace Insights.Contracts.Generator.Tests;

/// <summary>
/// The generator works for any user's schema, not only ours: a schema full of awkward names and
/// shapes is generated, compiled with warnings as errors, loaded and exercised.
/// </summary>
public class GeneratedBehaviourTests
{
    private const string Schema = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "description": "A shipment <with> & characters that need escaping in XML docs.",
          "type": "object",
          "required": ["class", "2fa", "weight"],
          "additionalProperties": false,
          "properties": {
            "class": { "type": "string", "maxLength": 3, "description": "A C# keyword as a JSON name." },
            "2fa": { "type": "boolean" },
            "iban-number": { "type": "string" },
            "iban_number": { "type": "string" },
            "Validate": { "type": "integer" },
            "weight": { "type": "number", "exclusiveMinimum": 0, "multipleOf": 0.5 },
            "count": { "type": "integer" },
            "note": { "type": ["string", "null"] },
            "grid": { "type": "array", "items": { "type": "array", "items": { "type": "integer", "maximum": 9 } } },
            "dimensions": {
              "type": "object",
              "required": ["unit"],
              "properties": {
                "unit": { "enum": ["cm", "in", "mixed-case Value"] },
                "sides": { "type": "integer", "const": 4 }
              }
            },
            "priority": { "type": "number", "enum": [1, 2.5, 3] },
            "shipped_on": { "type": "string", "format": "date", "default": "2024-01-01" }
          }
        }
        """;

    private static readonly Lazy<Assembly> Generated = new(() =>
    {
        GeneratorOutput output = GeneratorHarness.Run(("/s/shipment.schema.json", Schema));

        // 'iban-number' and 'iban_number' both want the name IbanNumber: the later one is numbered, and says so.
        Assert.Equal(["ICG008"], output.GeneratorDiagnostics.Select(d => d.Id));
        GeneratorHarness.AssertCompilesCleanly(output.Compilation);
        return GeneratorHarness.Load(output);
    });

    private static (object? Value, string[] Errors) Parse(string json)
    {
        var (value, errors) = GeneratorHarness.Parse(Generated.Value, "Shipment", json);
        return (value, errors.Select(e => $"{e.Path} {e.Keyword}").ToArray());
    }

    [Fact]
    public void Awkward_names_become_valid_distinct_members_with_wire_names_kept()
    {
        Type shipment = Generated.Value.GetType("Test.Contracts.Shipment")!;
        string[] properties = shipment.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name).ToArray();

        Assert.Contains("Class", properties);
        Assert.Contains("_2fa", properties);
        Assert.Contains("IbanNumber", properties);
        Assert.Contains("IbanNumber2", properties);
        Assert.Contains("ValidateValue", properties); // does not hide Validate()
        Assert.Equal(typeof(long), shipment.GetProperty("Count")!.PropertyType.GetGenericArguments().Single()); // unbounded integer: long
        Assert.Equal(typeof(DateOnly), shipment.GetProperty("ShippedOn")!.PropertyType); // has a default: never null

        var (value, errors) = Parse("""{"class":"a","2fa":true,"iban-number":"x","iban_number":"y","Validate":3,"weight":1.5}""");
        Assert.Empty(errors);
        Assert.Equal("x", shipment.GetProperty("IbanNumber")!.GetValue(value));
        Assert.Equal("y", shipment.GetProperty("IbanNumber2")!.GetValue(value));
        Assert.Equal(new DateOnly(2024, 1, 1), shipment.GetProperty("ShippedOn")!.GetValue(value));
        string json = (string)shipment.GetMethod("ToJson")!.Invoke(value, null)!;
        Assert.Equal("""{"class":"a","2fa":true,"iban-number":"x","iban_number":"y","Validate":3,"weight":1.5,"shipped_on":"2024-01-01"}""", json);
    }

    [Theory]
    [InlineData("""{"class":"abcd","2fa":true,"weight":1}""", "/class maxLength")]
    [InlineData("""{"class":"😀😀😀","2fa":true,"weight":1}""", "")] // three code points, six UTF-16 units: valid
    [InlineData("""{"class":"a","2fa":true,"weight":0}""", "/weight exclusiveMinimum")]
    [InlineData("""{"class":"a","2fa":true,"weight":0.7}""", "/weight multipleOf")]
    [InlineData("""{"class":"a","2fa":true,"weight":1,"note":null}""", "")]
    [InlineData("""{"class":"a","2fa":true,"weight":1,"note":5}""", "/note type")]
    [InlineData("""{"class":"a","2fa":true,"weight":1,"grid":[[1,2],[3,10]]}""", "/grid/1/1 maximum")]
    [InlineData("""{"class":"a","2fa":true,"weight":1,"grid":[[1],"x"]}""", "/grid/1 type")]
    [InlineData("""{"class":"a","2fa":true,"weight":1,"dimensions":{"unit":"mixed-case Value","sides":4}}""", "")]
    [InlineData("""{"class":"a","2fa":true,"weight":1,"dimensions":{"unit":"mm"}}""", "/dimensions/unit enum")]
    [InlineData("""{"class":"a","2fa":true,"weight":1,"dimensions":{"unit":"cm","sides":3}}""", "/dimensions/sides const")]
    [InlineData("""{"class":"a","2fa":true,"weight":1,"dimensions":{"sides":4}}""", "/dimensions/unit required")]
    [InlineData("""{"class":"a","2fa":true,"weight":1,"priority":2.5}""", "")]
    [InlineData("""{"class":"a","2fa":true,"weight":1,"priority":2}""", "/priority enum")]
    [InlineData("""{"class":"a","2fa":true,"weight":1,"count":9223372036854775808}""", "/count maximum")]
    [InlineData("""{"class":"a","2fa":true,"weight":1,"shipped_on":"2024-02-30"}""", "/shipped_on format")]
    [InlineData("""{"class":"a","2fa":true,"weight":1,"extra":1}""", "/extra additionalProperties")]
    [InlineData("""{"2fa":"yes","weight":"heavy"}""", "/2fa type|/weight type|/class required")]
    public void Generated_validation_follows_the_schema(string json, string expected)
    {
        var (value, errors) = Parse(json);

        Assert.Equal(expected.Length == 0 ? [] : expected.Split('|'), errors);
        Assert.Equal(expected.Length == 0, value is not null);
    }

    [Fact]
    public void Per_file_namespace_and_type_name_options_are_honoured()
    {
        var options = new TestOptionsProvider(
            new System.Collections.Generic.Dictionary<string, string> { ["build_property.RootNamespace"] = "Fallback" },
            new System.Collections.Generic.Dictionary<string, System.Collections.Generic.IReadOnlyDictionary<string, string>>
            {
                ["/s/a.schema.json"] = new System.Collections.Generic.Dictionary<string, string>
                {
                    ["build_metadata.AdditionalFiles.Namespace"] = "Custom.Space",
                    ["build_metadata.AdditionalFiles.TypeName"] = "Renamed",
                },
            });
        GeneratorOutput output = GeneratorHarness.Run(
            GeneratorHarness.CreateDriver(
                [new InMemoryAdditionalText("/s/a.schema.json", """{"type":"object"}"""), new InMemoryAdditionalText("/s/b.schema.json", """{"type":"object"}""")],
                options),
            GeneratorHarness.CreateCompilation());

        GeneratorHarness.AssertCompilesCleanly(output.Compilation);
        Assert.NotNull(output.Compilation.GetTypeByMetadataName("Custom.Space.Renamed"));
        Assert.NotNull(output.Compilation.GetTypeByMetadataName("Fallback.B"));
    }

    [Fact]
    public void A_schema_that_refers_to_itself_becomes_a_recursive_record()
    {
        const string tree = """
            {"type": "object", "required": ["name"], "properties": {
              "name": {"type": "string", "minLength": 1},
              "parent": {"$ref": "#"},
              "children": {"type": "array", "items": {"$ref": "#"}}}}
            """;
        Assembly assembly = GeneratorHarness.Load(GeneratorHarness.RunAndCompile(("/s/node.schema.json", tree)));

        var (value, errors) = GeneratorHarness.Parse(assembly, "Node", """{"name":"a","parent":{"name":"b"},"children":[{"name":"c","children":[{"name":""}]}]}""");

        Assert.Null(value);
        Assert.Equal("/children/0/children/0/name minLength", Assert.Single(errors.Select(e => $"{e.Path} {e.Keyword}")));
        Assert.Empty(GeneratorHarness.Parse(assembly, "Node", """{"name":"a","parent":{"name":"b","parent":{"name":"c"}}}""").Errors);
    }

    [Theory]
    [InlineData("""{"at":"2024-02-29T22:59:60Z"}""", "/at format")]         // a leap second only at 23:59:60 UTC
    [InlineData("""{"at":"1998-12-31T23:59:60Z"}""", "")]
    [InlineData("""{"at":"2024-01-01 10:00:00Z"}""", "/at format")]
    [InlineData("""{"mail":"joe.bloggs@example.com","ip":"192.168.0.1","ip6":"::1","home":"https://example.com/a?b#c","opens":"08:30:00+01:00"}""", "")]
    [InlineData("""{"mail":"joe..bloggs@example.com"}""", "/mail format")]
    [InlineData("""{"ip":"192.168.0.01"}""", "/ip format")]
    [InlineData("""{"ip6":"1::2::3"}""", "/ip6 format")]
    [InlineData("""{"home":"example.com/no-scheme"}""", "/home format")]
    [InlineData("""{"opens":"08:30:00"}""", "/opens format")]
    public void String_formats_are_validated(string json, string expected)
    {
        const string schema = """
            {"type": "object", "properties": {
              "at": {"type": "string", "format": "date-time"}, "mail": {"type": "string", "format": "email"},
              "ip": {"type": "string", "format": "ipv4"}, "ip6": {"type": "string", "format": "ipv6"},
              "home": {"type": "string", "format": "uri"}, "opens": {"type": "string", "format": "time"}}}
            """;
        Assembly assembly = GeneratorHarness.Load(GeneratorHarness.RunAndCompile(("/s/contact.schema.json", schema)));

        var (_, errors) = GeneratorHarness.Parse(assembly, "Contact", json);

        Assert.Equal(expected.Length == 0 ? [] : [expected], errors.Select(e => $"{e.Path} {e.Keyword}"));
    }

    private const string ConditionalSchema = """
        {"type": "object",
         "properties": {
           "kind": {"enum": ["card", "transfer"]},
           "card_number": {"type": "string", "pattern": "^[0-9]{16}$"},
           "iban": {"type": "string"},
           "bic": {"type": "string"},
           "amount": {"type": "integer", "minimum": 0}},
         "dependentRequired": {"iban": ["bic"]},
         "if": {"properties": {"kind": {"const": "card"}}, "required": ["kind"]},
         "then": {"title": "Card payment", "required": ["card_number"]},
         "else": {"title": "Other payment", "not": {"required": ["card_number"]}},
         "anyOf": [
           {"title": "Small", "properties": {"amount": {"maximum": 100}}},
           {"title": "Checked", "dependentRequired": {"amount": ["iban"]}, "if": {"required": ["amount"]}, "then": {"required": ["kind"]}}]}
        """;

    [Theory]
    [InlineData("""{"kind":"card","card_number":"1234567812345678"}""", "")]
    [InlineData("""{"kind":"card"}""", "/card_number required")]                   // then's own error, as JSON-backed values report it
    [InlineData("""{"kind":"transfer","card_number":"1234567812345678"}""", "(root) not")] // else's own error
    [InlineData("""{"card_number":"1234567812345678"}""", "(root) not")]
    [InlineData("""{"iban":"DE89370400440532013000"}""", "/bic dependentRequired")]
    [InlineData("""{"iban":"DE89370400440532013000","bic":"COBADEFFXXX"}""", "")]
    [InlineData("""{"amount":50}""", "")]
    [InlineData("""{"amount":500}""", "(root) anyOf")]                            // not small, and the checked branch needs iban and kind
    [InlineData("""{"amount":500,"iban":"X","bic":"Y","kind":"transfer"}""", "")]
    [InlineData("""{"amount":500,"iban":"X","bic":"Y"}""", "(root) anyOf")]        // the checked branch's if/then needs kind
    public void Dependent_required_and_if_then_else_hold_at_the_top_and_inside_branches(string json, string expected)
    {
        Assembly assembly = GeneratorHarness.Load(GeneratorHarness.RunAndCompile(("/s/payment.schema.json", ConditionalSchema)));

        var (_, errors) = GeneratorHarness.Parse(assembly, "Payment", json);

        Assert.Equal(expected.Length == 0 ? [] : [expected], errors.Select(e => $"{(e.Path.Length == 0 ? "(root)" : e.Path)} {e.Keyword}"));
    }

    /// <summary>Found by the conformance run: a wire name with a newline ended its doc comment, and the rest became code.</summary>
    [Theory]
    [InlineData("""{"type": "object", "properties": {"a": {"enum": ["foo\nbar", "foo\rbar", "x\u2028y"]}}}""")]
    [InlineData("""{"type": "object", "properties": {"a\nb": {"type": "string"}, "c\u0085d": {"type": "integer"}}}""")]
    [InlineData("""{"properties": {"a\nb": {"const": 1}}, "oneOf": [{"title": "x\ny"}, {"title": "z"}]}""")]
    public void Schema_text_with_line_breaks_stays_inside_comments(string schema)
    {
        GeneratorOutput output = GeneratorHarness.Run(("/s/escapes.schema.json", schema));

        Assert.All(output.GeneratorDiagnostics, d => Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Info, d.Severity));
        GeneratorHarness.AssertCompilesCleanly(output.Compilation);
    }
}
