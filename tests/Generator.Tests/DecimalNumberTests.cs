using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Insights.Contracts.Generator.Tests;

/// <summary>
/// <c>number</c> as <c>decimal</c>: by the <c>NumberType</c> metadata (or <c>JsonSchemaNumberType</c>
/// property), and without any setting where <c>multipleOf</c> is a decimal fraction (money in cents),
/// through C# written against the generated types: exact reads (a number a decimal cannot hold is a
/// located error, never rounded), exact <c>minimum</c>/<c>maximum</c>/<c>multipleOf</c>, defaults,
/// round trips, and agreement with the JSON-backed shape.
/// </summary>
public class DecimalNumberTests
{
    private const string PriceSchema = """
        {
          "type": "object",
          "required": ["amount"],
          "properties": {
            "amount": { "type": "number", "multipleOf": 0.01, "minimum": 0, "maximum": 0.3 },
            "fee": { "type": "number", "multipleOf": 0.01, "default": 9.99 },
            "step": { "type": "number", "multipleOf": 0.5 },
            "rate": { "type": "number", "exclusiveMinimum": 0.1 },
            "tier": { "type": "number", "enum": [0.1, 0.25] },
            "count": { "type": "integer", "multipleOf": 2 },
            "total": { "type": "number" }
          },
          "additionalProperties": false
        }
        """;

    private const string UserCode = """
        using System.Linq;

        namespace Auto
        {
            public static class Scenario
            {
                public static string Read(string json)
                {
                    var result = Price.Parse(json);
                    if (result.Value is not { } price)
                    {
                        return "invalid: " + string.Join("; ", result.Errors.Select(x => $"{x.Path} {x.Keyword}"));
                    }

                    decimal amount = price.Amount;
                    decimal fee = price.Fee;
                    return $"{amount + fee} {price.ToJson()}";
                }

                public static string BuiltInCode(decimal amount)
                {
                    var price = new Price { Amount = amount, Step = 1.5m };
                    string json = price.ToJson();
                    var read = Price.Parse(json).Value;
                    string errors = string.Join("; ", price.Validate().Errors.Select(x => $"{x.Path} {x.Keyword}"));
                    return $"{read == price} {read?.ToJson() == json} {json} [{errors}]";
                }
            }
        }

        namespace Opted
        {
            public static class Scenario
            {
                public static string Read(string json)
                {
                    var result = Price.Parse(json);
                    if (result.Value is not { } price)
                    {
                        return "invalid: " + string.Join("; ", result.Errors.Select(x => $"{x.Path} {x.Keyword}: {x.Message}"));
                    }

                    decimal? rate = price.Rate;
                    decimal? tier = price.Tier;
                    return $"{rate} {tier} {price.ToJson()}";
                }
            }
        }
        """;

    private static readonly Lazy<Assembly> Generated = new(() =>
    {
        var files = new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["/s/auto-price.schema.json"] = Options("Auto"),
            ["/s/opted-price.schema.json"] = Options("Opted", ("NumberType", "decimal")),
            ["/s/doubles-price.schema.json"] = Options("Doubles", ("NumberType", "Double")),
            ["/s/json-price.schema.json"] = Options("Json", ("GenerateAs", "JsonValue")),
        };
        GeneratorOutput output = GeneratorHarness.Run(
            GeneratorHarness.CreateDriver(files.Keys.Select(path => new InMemoryAdditionalText(path, PriceSchema)), new TestOptionsProvider(new Dictionary<string, string>(), files)),
            GeneratorHarness.CreateCompilation(UserCode));
        Assert.DoesNotContain(output.GeneratorDiagnostics, d => d.Severity > DiagnosticSeverity.Info);
        return GeneratorHarness.Load(output);
    });

    private static Dictionary<string, string> Options(string ns, params (string Name, string Value)[] metadata)
    {
        var options = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.Namespace"] = ns, ["build_metadata.AdditionalFiles.TypeName"] = "Price" };
        foreach ((string name, string value) in metadata)
        {
            options["build_metadata.AdditionalFiles." + name] = value;
        }

        return options;
    }

    private static string Call(string ns, string method, params object[] arguments) =>
        (string)Generated.Value.GetType(ns + ".Scenario", throwOnError: true)!.GetMethod(method)!.Invoke(null, arguments)!;

    private static Type MemberType(string ns, string member) =>
        Generated.Value.GetType(ns + ".Price", throwOnError: true)!.GetProperty(member)!.PropertyType;

    [Fact]
    public void A_decimal_fraction_multipleOf_makes_a_decimal_and_NumberType_decides_for_every_number()
    {
        Assert.Equal(
            [typeof(decimal), typeof(decimal), typeof(decimal?), typeof(double?), typeof(double?), typeof(long?)],
            new[] { "Amount", "Fee", "Step", "Rate", "Tier", "Count" }.Select(m => MemberType("Auto", m)));
        Assert.Equal(
            [typeof(decimal), typeof(decimal), typeof(decimal?), typeof(decimal?), typeof(decimal?), typeof(long?)],
            new[] { "Amount", "Fee", "Step", "Rate", "Tier", "Count" }.Select(m => MemberType("Opted", m)));
        Assert.Equal(
            [typeof(double), typeof(double), typeof(double?), typeof(double?), typeof(double?), typeof(long?)],
            new[] { "Amount", "Fee", "Step", "Rate", "Tier", "Count" }.Select(m => MemberType("Doubles", m)));
    }

    [Theory]
    [InlineData("""{"amount": 0.1}""", """10.09 {"amount":0.1,"fee":9.99}""")] // 0.1 + 9.99 is exactly 10.09 in decimal
    [InlineData("""{"amount": 0.30, "fee": 0.20}""", """0.50 {"amount":0.30,"fee":0.20}""")] // the scale written is the scale kept
    [InlineData("""{"amount": 3e-1, "fee": 1.000000000000000000000000000000}""", """1.3000000000000000000000000000 {"amount":0.3,"fee":1.0000000000000000000000000000}""")]
    [InlineData("""{"amount": 0.001}""", "invalid: /amount multipleOf")]
    [InlineData("""{"amount": 0.30000000000000000001}""", "invalid: /amount maximum; /amount multipleOf")] // a double would round it to 0.3
    [InlineData("""{"amount": -0.01}""", "invalid: /amount minimum")]
    [InlineData("""{"amount": 0.1, "step": 2.25}""", "invalid: /step multipleOf")]
    [InlineData("""{"amount": 0.1, "fee": 79228162514264337593543950336}""", "invalid: /fee maximum")]
    [InlineData("""{"amount": 0.1, "fee": -1e40}""", "invalid: /fee minimum")]
    [InlineData("""{"amount": 0.1, "fee": 1e-30}""", "invalid: /fee type")]
    [InlineData("""{"amount": "0.1"}""", "invalid: /amount type")]
    public void Decimal_members_are_read_exactly_and_checked_exactly(string json, string expected) =>
        Assert.Equal(expected, Call("Auto", "Read", json));

    [Theory]
    [InlineData("""{"amount": 0, "rate": 0.1000000000000000000001, "tier": 0.25}""", """0.1000000000000000000001 0.25 {"amount":0,"fee":9.99,"rate":0.1000000000000000000001,"tier":0.25}""")]
    [InlineData("""{"amount": 0, "rate": 0.1}""", "invalid: /rate exclusiveMinimum: must be greater than 0.1, got 0.1")]
    [InlineData("""{"amount": 0, "tier": 0.250}""", """ 0.250 {"amount":0,"fee":9.99,"tier":0.250}""")]
    [InlineData("""{"amount": 0, "tier": 0.3}""", "invalid: /tier enum: 0.3 is not one of the allowed values: 0.1, 0.25")]
    [InlineData("""{"amount": 0, "rate": 0.12345678901234567890123456789012}""", "invalid: /rate type: 0.12345678901234567890123456789012 has more digits than a decimal holds exactly (28 to 29 significant digits, at most 28 after the point)")]
    [InlineData("""{"amount": 0, "rate": 1e29}""", "invalid: /rate maximum: 1e29 is out of range for a decimal")]
    public void NumberType_decimal_makes_every_number_a_decimal_with_exact_checks(string json, string expected) =>
        Assert.Equal(expected, Call("Opted", "Read", json));

    [Theory]
    [InlineData("12.34", "False False {\"amount\":12.34,\"fee\":9.99,\"step\":1.5} [/amount maximum]")]
    [InlineData("0.005", "False False {\"amount\":0.005,\"fee\":9.99,\"step\":1.5} [/amount multipleOf]")]
    [InlineData("0.29", "True True {\"amount\":0.29,\"fee\":9.99,\"step\":1.5} []")]
    public void Decimals_built_in_code_are_checked_and_round_trip(string amount, string expected) =>
        Assert.Equal(expected, Call("Auto", "BuiltInCode", decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("79228162514264337593543950335")]
    [InlineData("-79228162514264337593543950335")]
    [InlineData("0.0000000000000000000000000001")]
    [InlineData("7.9228162514264337593543950335")]
    public void The_extremes_of_decimal_are_read_and_written_back_as_they_were(string number) =>
        Assert.Equal($$"""  {"amount":0,"fee":9.99,"total":{{number}}}""", Call("Opted", "Read", $$"""{"amount": 0, "total": {{number}}}"""));

    public static TheoryData<string> Documents() =>
    [
        """{"amount": 0.1}""",
        """{"amount": 0.3, "fee": 12.5, "step": 1.5, "rate": 0.11, "tier": 0.1, "count": 4}""",
        """{"amount": 0.29999999999999999999}""",
        """{"amount": 0.30000000000000000001}""",
        """{"amount": 1e-1}""",
        """{"amount": 0.015}""",
        """{"amount": 0.1, "fee": 0.001}""",
        """{"amount": 0.1, "step": 0.25}""",
        """{"amount": 0.1, "rate": 0.1}""",
        """{"amount": 0.1, "tier": 0.100}""",
        """{"amount": 0.1, "tier": 0.2}""",
        """{"amount": 0.1, "count": 3}""",
        """{"amount": -0}""",
        """{"amount": null}""",
        """{"fee": 1}""",
    ];

    [Theory]
    [MemberData(nameof(Documents))]
    public void Typed_decimal_shapes_and_the_json_backed_shape_agree(string document)
    {
        var json = DateTimeMemberTests.Parse(Generated.Value, "Json.Price", document);
        foreach (string ns in new[] { "Auto", "Opted" })
        {
            var typed = DateTimeMemberTests.Parse(Generated.Value, ns + ".Price", document);
            Assert.Equal(json.Value is not null, typed.Value is not null);
            Assert.Equal(json.Errors.Select(e => $"{e.Path} {e.Keyword}"), typed.Errors.Select(e => $"{e.Path} {e.Keyword}"));
        }
    }

    [Fact]
    public void An_unknown_NumberType_is_a_warning_and_numbers_stay_as_without_it()
    {
        var files = new Dictionary<string, IReadOnlyDictionary<string, string>> { ["/s/price.schema.json"] = Options("Odd", ("NumberType", "money")) };
        GeneratorOutput output = GeneratorHarness.Run(
            GeneratorHarness.CreateDriver([new InMemoryAdditionalText("/s/price.schema.json", PriceSchema)], new TestOptionsProvider(new Dictionary<string, string>(), files)),
            GeneratorHarness.CreateCompilation());

        Diagnostic warning = Assert.Single(output.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Warning);
        Assert.Equal("ICG023", warning.Id);
        Assert.Equal("The NumberType setting 'money' is not 'double' or 'decimal', so it is ignored and numbers are double, or decimal where multipleOf is a decimal fraction; set it to one of them", warning.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("/s/price.schema.json", warning.Location.GetLineSpan().Path);
        Assert.Contains("public required decimal Amount", output.Source("Price.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_project_property_JsonSchemaNumberType_applies_to_every_schema()
    {
        var global = new Dictionary<string, string> { ["build_property.JsonSchemaNumberType"] = "decimal", ["build_property.RootNamespace"] = "P" };
        GeneratorOutput output = GeneratorHarness.Run(
            GeneratorHarness.CreateDriver([new InMemoryAdditionalText("/s/price.schema.json", PriceSchema)], new TestOptionsProvider(global)),
            GeneratorHarness.CreateCompilation());

        Assert.Contains("public decimal? Rate", output.Source("Price.g.cs"), StringComparison.Ordinal);
    }
}
