using System;
using System.Linq;
using System.Reflection;
using Xunit;

namespace Insights.Contracts.Generator.Tests;

/// <summary>
/// Members a schema describes by <c>additionalProperties</c> or <c>patternProperties</c> rather than
/// by name: a read-only dictionary that compares by value, beside the declared members, with
/// <c>propertyNames</c>, <c>minProperties</c> and <c>maxProperties</c> checked; through C# written
/// against the generated types.
/// </summary>
public class MapBehaviourTests
{
    private const string ServiceSchema = """
        {
          "type": "object",
          "required": ["image"],
          "minProperties": 2,
          "maxProperties": 4,
          "propertyNames": { "pattern": "^[a-z][a-z0-9_.-]*$" },
          "properties": {
            "image": { "type": "string" },
            "labels": { "type": "object", "additionalProperties": { "type": "string", "maxLength": 8 }, "maxProperties": 2 },
            "limits": { "type": "object", "additionalProperties": { "type": "integer", "minimum": 0 }, "default": { "cpu": 1 } }
          },
          "additionalProperties": { "type": "boolean" }
        }
        """;

    private const string ExtensibleSchema = """
        {
          "type": "object",
          "properties": { "name": { "type": "string" } },
          "patternProperties": { "^x-": { "type": "string" } },
          "additionalProperties": false
        }
        """;

    private const string UserCode = """
        using System.Collections.Generic;
        using System.Linq;
        using Insights.Contracts.Runtime;

        namespace Test.Contracts;

        public static class Scenario
        {
            public static string ReadService(string json)
            {
                var result = Service.Parse(json);
                if (result.Value is not { } service)
                {
                    return "invalid: " + string.Join("; ", result.Errors.Select(e => $"{e.Path} {e.Keyword}"));
                }

                string labels = string.Join(",", (service.Labels ?? default).Select(e => $"{e.Key}={e.Value}"));
                string flags = string.Join(",", service.AdditionalProperties.Select(e => $"{e.Key}={e.Value}"));
                return $"{service.Image} [{labels}] cpu={service.Limits["cpu"]} [{flags}] {service.ToJson()}";
            }

            public static string ReadExtensible(string json)
            {
                var result = Extensible.Parse(json);
                return result.Value is { } value
                    ? $"{value.Name} [{string.Join(",", value.AdditionalProperties.Keys)}] {value.ToJson()}"
                    : "invalid: " + string.Join("; ", result.Errors.Select(e => $"{e.Path} {e.Keyword}"));
            }

            public static string BuiltInCode()
            {
                var a = new Service { Image = "web", Labels = new Dictionary<string, string> { ["tier"] = "front", ["team"] = "a" }, AdditionalProperties = [new("debug", true)] };
                var b = new Service { Image = "web", Labels = new Dictionary<string, string> { ["team"] = "a", ["tier"] = "front" }, AdditionalProperties = [new("debug", true)] };
                var clash = new Service { Image = "web", AdditionalProperties = [new("image", true)] };
                var bad = new Service { Image = "web", Labels = new Dictionary<string, string> { ["tier"] = "much too long", ["b"] = "", ["c"] = "" }, AdditionalProperties = [new("Bad Name", false)] };
                var extensible = new Extensible { Name = "n", AdditionalProperties = [new("other", "v")] };
                string errors(ValidationResult result) => string.Join("; ", result.Errors.Select(e => $"{e.Path} {e.Keyword}"));
                return $"{a == b} {a.GetHashCode() == b.GetHashCode()} {a.Validate().IsValid} | {errors(clash.Validate())} | {errors(bad.Validate())} | {errors(extensible.Validate())}";
            }
        }
        """;

    private static readonly Lazy<Assembly> Generated = new(() =>
    {
        GeneratorOutput output = GeneratorHarness.Run(
            GeneratorHarness.CreateDriver(
            [
                new InMemoryAdditionalText("/s/service.schema.json", ServiceSchema),
                new InMemoryAdditionalText("/s/extensible.schema.json", ExtensibleSchema),
            ]),
            GeneratorHarness.CreateCompilation(UserCode));
        Assert.Empty(output.GeneratorDiagnostics);
        return GeneratorHarness.Load(output);
    });

    private static string Call(string method, params object[] arguments) =>
        (string)Generated.Value.GetType("Test.Contracts.Scenario", throwOnError: true)!.GetMethod(method)!.Invoke(null, arguments)!;

    [Theory]
    [InlineData("""{"image": "web", "labels": {"tier": "front"}, "debug": true}""", """web [tier=front] cpu=1 [debug=True] {"image":"web","labels":{"tier":"front"},"limits":{"cpu":1},"debug":true}""")]
    [InlineData("""{"verbose": false, "image": "db", "limits": {"cpu": 4, "mem": 512}, "debug": true}""", """db [] cpu=4 [verbose=False,debug=True] {"image":"db","limits":{"cpu":4,"mem":512},"verbose":false,"debug":true}""")]
    public void Members_without_a_name_in_the_schema_are_read_into_the_map_and_written_back(string json, string expected) =>
        Assert.Equal(expected, Call("ReadService", json));

    [Theory]
    [InlineData("""{"image": "web", "debug": "yes"}""", "/debug type")]
    [InlineData("""{"image": "web", "labels": {"tier": "frontend-web"}}""", "/labels/tier maxLength")]
    [InlineData("""{"image": "web", "labels": {"a": "1", "b": "2", "c": "3"}}""", "/labels maxProperties")]
    [InlineData("""{"image": "web", "limits": {"cpu": -1}}""", "/limits/cpu minimum")]
    [InlineData("""{"image": "web"}""", " minProperties")]
    [InlineData("""{"image": "web", "a": true, "b": true, "c": true, "d": true}""", " maxProperties")]
    [InlineData("""{"image": "web", "Debug": true}""", "/Debug propertyNames")]
    [InlineData("""{"image": "web", "debug": true, "debug": false}""", "/debug duplicateProperty")]
    public void Map_entries_names_and_counts_are_checked(string json, string expected) =>
        Assert.Equal("invalid: " + expected, Call("ReadService", json));

    [Theory]
    [InlineData("""{"name": "n", "x-owner": "ops", "x-team": "a"}""", """n [x-owner,x-team] {"name":"n","x-owner":"ops","x-team":"a"}""")]
    [InlineData("""{"name": "n", "owner": "ops"}""", "invalid: /owner additionalProperties")]
    [InlineData("""{"name": "n", "x-owner": 5}""", "invalid: /x-owner type")]
    public void Members_matching_the_pattern_are_the_map_and_others_are_rejected(string json, string expected) =>
        Assert.Equal(expected, Call("ReadExtensible", json));

    [Fact]
    public void Maps_compare_by_value_in_any_order_and_values_built_in_code_are_checked()
    {
        string[] parts = Call("BuiltInCode").Split(" | ");

        Assert.Equal("True True True", parts[0]);
        Assert.Equal("/image duplicateProperty", parts[1]);
        Assert.Equal("/labels/tier maxLength; /labels maxProperties; /Bad Name propertyNames", parts[2]);
        Assert.Equal("/other additionalProperties", parts[3]);
    }
}
