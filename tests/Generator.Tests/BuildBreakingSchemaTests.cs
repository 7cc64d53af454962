using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Insights.Contracts.Runtime;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Insights.Contracts.Generator.Tests;

/// <summary>
/// Schemas that real builds met and that broke them: a stack overflow in the generator, an
/// exception out of it, generated code that did not compile, and types whose static constructor
/// threw. Each must now generate, compile, and judge documents right.
/// </summary>
public class BuildBreakingSchemaTests
{
    [Fact]
    public void A_recursive_union_of_a_string_and_a_map_of_itself_generates_and_judges_documents()
    {
        const string schema = """
            {"$schema":"http://json-schema.org/draft-07/schema#","$defs":{"ColorValue":{"oneOf":[{"type":"string"},{"type":"object","additionalProperties":{"$ref":"#/$defs/ColorValue"}}]}},"type":"object","properties":{"colors":{"$ref":"#/$defs/ColorValue"}}}
            """;
        Assembly assembly = Generate(("/schemas/theme.schema.json", schema));
        AssertValid(assembly, "Theme", """{"colors":{"editor":"#fff","panel":{"border":"#000","nested":{"deep":"red"}}}}""");
        AssertValid(assembly, "Theme", """{"colors":"plain"}""");
        AssertInvalid(assembly, "Theme", """{"colors":{"editor":1}}""", "/colors");
        AssertInvalid(assembly, "Theme", """{"colors":{"a":{"b":{"c":[]}}}}""", "/colors");
    }

    [Theory]
    [InlineData("array", """{"type":"array","items":{"$ref":"#/$defs/Node"}}""")]
    [InlineData("allOf", """{"allOf":[{"$ref":"#/$defs/Node"}]}""")]
    [InlineData("anyOf", """{"anyOf":[{"type":"integer"},{"type":"array","items":{"$ref":"#/$defs/Node"}}]}""")]
    [InlineData("self", """{"$ref":"#/$defs/Node"}""")]
    [InlineData("not", """{"not":{"$ref":"#/$defs/Node"}}""")]
    public void A_definition_that_reaches_itself_through_any_applicator_generates(string through, string node)
    {
        string schema = """{"$defs":{"Node":""" + node + """},"type":"object","properties":{"root":{"$ref":"#/$defs/Node"}}}""";
        GeneratorOutput output = GeneratorHarness.Run(($"/schemas/cycle-{through}.schema.json", schema));
        Assert.DoesNotContain(output.GeneratorDiagnostics, d => d.Id == "ICG999");
        GeneratorHarness.Load(output);
    }

    [Fact]
    public void Definitions_whose_names_differ_only_in_case_get_distinct_types_and_hint_names()
    {
        const string schema = """
            {"$defs":{"dotnet":{"type":"object","properties":{"a":{"type":"string"}}},"dot-net":{"type":"object","properties":{"b":{"type":"integer"}}},"DotNet":{"type":"object","properties":{"c":{"type":"boolean"}}}},
             "type":"object","properties":{"x":{"$ref":"#/$defs/dotnet"},"y":{"$ref":"#/$defs/dot-net"},"z":{"$ref":"#/$defs/DotNet"}}}
            """;
        GeneratorOutput output = GeneratorHarness.Run(("/schemas/tools.schema.json", schema));
        Assert.DoesNotContain(output.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        var hints = output.Sources.Select(s => s.HintName).ToList();
        Assert.Equal(hints.Count, hints.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assembly assembly = GeneratorHarness.Load(output);
        AssertValid(assembly, "Tools", """{"x":{"a":"s"},"y":{"b":1},"z":{"c":true}}""");
        AssertInvalid(assembly, "Tools", """{"y":{"b":"s"}}""", "/y/b");
        AssertInvalid(assembly, "Tools", """{"z":{"c":1}}""", "/z/c");
    }

    [Fact]
    public void Schema_files_whose_names_and_namespaces_differ_only_in_case_both_generate()
    {
        const string schema = """{"type":"object","properties":{"id":{"type":"integer"}}}""";
        var perFile = new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["/a/Order.schema.json"] = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.Namespace"] = "Shop" },
            ["/b/order.schema.json"] = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.Namespace"] = "shop" },
        };
        GeneratorOutput output = GeneratorHarness.Run(
            GeneratorHarness.CreateDriver([new InMemoryAdditionalText("/a/Order.schema.json", schema), new InMemoryAdditionalText("/b/order.schema.json", schema)], new TestOptionsProvider(new Dictionary<string, string>(), perFile)),
            GeneratorHarness.CreateCompilation());

        Assert.All(output.Driver.GetRunResult().Results, r => Assert.Null(r.Exception));
        Assert.Empty(output.GeneratorDiagnostics);
        Assert.Equal(2, output.Sources.Count);
        Assert.Equal(2, output.Sources.Select(s => s.HintName).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        GeneratorHarness.AssertCompilesCleanly(output.Compilation);
    }

    public static TheoryData<string> ReservedMemberNames() => new()
    {
        "clone", "Clone", "equals", "to_string", "get_hash_code", "deconstruct", "equality_contract", "print_members", "get_type",
        "member_wise_clone", "finalize", "parse", "validate", "to_json", "write_json", "read_json", "converter", "additional_properties",
        "value", "try_parse_json", "on_validate", "variant", "errors", "is_valid", "class", "string", "this", "__arglist", "record", "Thing",
    };

    [Theory]
    [MemberData(nameof(ReservedMemberNames))]
    public void A_member_whose_name_the_record_reserves_compiles_and_round_trips(string name)
    {
        string schema = """{"type":"object","properties":{"NAME":{"type":"string","minLength":2},"other":{"type":"object","properties":{"NAME":{"type":"integer"}}}},"required":["NAME"],"additionalProperties":{"type":"integer"}}"""
            .Replace("NAME", name, StringComparison.Ordinal);
        Assembly assembly = Generate(("/schemas/thing.schema.json", schema));
        AssertValid(assembly, "Thing", $$$"""{"{{{name}}}":"ok","other":{"{{{name}}}":3},"extra":1}""");
        AssertInvalid(assembly, "Thing", $$$"""{"{{{name}}}":"x"}""", "/" + name);
        AssertInvalid(assembly, "Thing", "{}", "");
        AssertInvalid(assembly, "Thing", $$$"""{"{{{name}}}":"ok","other":{"{{{name}}}":"s"}}""", $"/other/{name}");
    }

    [Fact]
    public void Members_named_like_the_generated_nested_types_compile()
    {
        const string schema = """
            {"type":"object","properties":{
              "kind":{"enum":["a","b"]},"Kind":{"type":"string"},"thing_kind":{"enum":["x","y"]},
              "converter":{"type":"object","properties":{"v":{"type":"string"}}},"Converter":{"type":"integer"},
              "variant":{"oneOf":[{"type":"object","properties":{"t":{"const":"a"}},"required":["t"]},{"type":"object","properties":{"t":{"const":"b"}},"required":["t"]}]}}}
            """;
        GeneratorOutput output = GeneratorHarness.Run(("/schemas/thing.schema.json", schema));
        Assert.All(output.GeneratorDiagnostics, d => Assert.Equal("ICG008", d.Id)); // kind/Kind and converter/Converter are one C# name each
        Assembly assembly = GeneratorHarness.Load(output);
        AssertValid(assembly, "Thing", """{"kind":"a","Kind":"k","thing_kind":"x","converter":{"v":"s"},"Converter":1,"variant":{"t":"b"}}""");
        AssertInvalid(assembly, "Thing", """{"Converter":"s"}""", "/Converter");
        AssertInvalid(assembly, "Thing", """{"variant":{"t":"c"}}""", "/variant");
    }

    [Fact]
    public void A_union_of_types_listing_integer_and_number_dispatches_each_value()
    {
        const string schema = """
            {"type":"object","patternProperties":{"[a-z]":{"anyOf":[{"type":"string"},{"type":"integer"},{"type":"boolean"},{"type":"number"}]}}}
            """;
        Assembly assembly = Generate(("/schemas/settings.schema.json", schema));
        AssertValid(assembly, "Settings", """{"a":"s","b":1,"c":true,"d":1.5,"e":-3,"f":1e300,"g":2.0}""");
        AssertInvalid(assembly, "Settings", """{"a":null}""", "/a");
        AssertInvalid(assembly, "Settings", """{"a":[1]}""", "/a");
    }

    [Theory]
    [InlineData("""{"type":["integer","number"]}""", "1", "2.5", "\"s\"")]
    [InlineData("""{"oneOf":[{"type":"integer"},{"type":"number","minimum":10}]}""", "3", "10.5", "12")]
    [InlineData("""{"anyOf":[{"type":"integer","maximum":3},{"type":"number","minimum":10}]}""", "2", "10.5", "5")]
    [InlineData("""{"anyOf":[{"type":"string","maxLength":2},{"type":"string","pattern":"^x"}]}""", "\"ab\"", "\"xyzzy\"", "\"abc\"")]
    [InlineData("""{"anyOf":[{"type":"array","items":{"type":"string"}},{"type":"array","items":{"type":"integer"}}]}""", "[\"a\"]", "[1]", "[\"a\",1]")]
    public void Type_unions_with_overlapping_json_types_judge_like_the_schema(string member, string valid1, string valid2, string invalid)
    {
        string schema = $$$"""{"type":"object","properties":{"v":{{{member}}}}}""";
        Assembly assembly = Generate(("/schemas/overlap.schema.json", schema));
        AssertValid(assembly, "Overlap", $$$"""{"v":{{{valid1}}}}""");
        AssertValid(assembly, "Overlap", $$$"""{"v":{{{valid2}}}}""");
        AssertInvalid(assembly, "Overlap", $$$"""{"v":{{{invalid}}}}""", "/v");
    }

    [Theory]
    [InlineData("""{"type":"string","format":"email","default":"not an e-mail"}""", "\"a@b.example\"", "\"nope\"")]
    [InlineData("""{"type":"string","pattern":"^\\d+$","default":""}""", "\"12\"", "\"a\"")]
    [InlineData("""{"type":"integer","minimum":5,"default":1}""", "6", "4")]
    [InlineData("""{"type":"string","enum":["a","b"],"default":"c"}""", "\"a\"", "\"c\"")]
    [InlineData("""{"type":"array","items":{"type":"integer"},"default":["x"]}""", "[1]", "[\"x\"]")]
    [InlineData("""{"type":"object","properties":{"n":{"type":"integer"}},"required":["n"],"default":{}}""", "{\"n\":1}", "{}")]
    [InlineData("""{"type":"string","format":"date","default":"2024-02-30"}""", "\"2024-02-28\"", "\"2024-02-30\"")]
    [InlineData("""{"type":"integer","default":"ten"}""", "10", "\"ten\"")]
    public void A_default_that_breaks_its_own_schema_is_a_warning_and_the_member_gets_none(string member, string valid, string invalid)
    {
        string schema = $$$"""{"type":"object","properties":{"v":{{{member}}}}}""";
        GeneratorOutput output = GeneratorHarness.Run(("/schemas/defaults.schema.json", schema));
        Diagnostic warning = Assert.Single(output.GeneratorDiagnostics, d => d.Id == "ICG024");
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Contains("/properties/v/default", warning.GetMessage(), StringComparison.Ordinal);
        int at = schema.IndexOf("\"default\"", StringComparison.Ordinal);
        Assert.Equal(at + "\"default\":".Length, warning.Location.SourceSpan.Start);
        Assembly assembly = GeneratorHarness.Load(output);
        AssertValid(assembly, "Defaults", "{}");
        AssertValid(assembly, "Defaults", $$$"""{"v":{{{valid}}}}""");
        AssertInvalid(assembly, "Defaults", $$$"""{"v":{{{invalid}}}}""", "/v");
    }

    [Fact]
    public void Const_under_draft_04_says_it_is_a_draft_06_keyword()
    {
        const string schema = """{"$schema":"http://json-schema.org/draft-04/schema#","type":"object","properties":{"v":{"const":"x"}}}""";
        GeneratorOutput output = GeneratorHarness.Run(("/schemas/old.schema.json", schema));
        Diagnostic diagnostic = Assert.Single(output.GeneratorDiagnostics);
        Assert.Equal("'const' is a keyword of draft-06 and later, not of draft-04, and is ignored; declare draft-06 or later in $schema to apply it", diagnostic.GetMessage());
    }

    internal static Assembly Generate((string Path, string Text) schema)
    {
        GeneratorOutput output = GeneratorHarness.Run(schema);
        Assert.True(!output.GeneratorDiagnostics.Any(d => d.Severity >= DiagnosticSeverity.Warning), string.Join("\n", output.GeneratorDiagnostics));
        return GeneratorHarness.Load(output);
    }

    internal static void AssertValid(Assembly assembly, string type, string json)
    {
        (object? value, IReadOnlyList<ValidationError> errors) = GeneratorHarness.Parse(assembly, type, json);
        Assert.True(errors.Count == 0, $"{json}: {string.Join("; ", errors)}");
        Assert.NotNull(value);
    }

    internal static void AssertInvalid(Assembly assembly, string type, string json, string pointerPrefix)
    {
        (object? value, IReadOnlyList<ValidationError> errors) = GeneratorHarness.Parse(assembly, type, json);
        Assert.True(errors.Count > 0, $"{json} was accepted");
        Assert.Null(value);
        Assert.True(errors.Any(e => e.Path.StartsWith(pointerPrefix, StringComparison.Ordinal)), $"{json}: {string.Join("; ", errors)}");
    }
}
