using System;
using System.Reflection;
using Xunit;

namespace Insights.Contracts.Generator.Tests;

/// <summary>
/// Values of one of several JSON types (<c>"type": [...]</c>, or a <c>oneOf</c>/<c>anyOf</c> of branches
/// of different types) as a small struct with <c>Is...</c>/<c>TryGet...</c> members, through C#
/// written against the generated types.
/// </summary>
public class TypeUnionBehaviourTests
{
    private const string Schema = """
        {
          "type": "object",
          "properties": {
            "tags": { "type": ["string", "array"], "minLength": 2, "items": { "type": "string" }, "maxItems": 2 },
            "target": {
              "oneOf": [
                { "type": "string", "pattern": "^v[0-9]+$" },
                { "title": "By engine", "type": "object", "required": ["engine"], "properties": { "engine": { "type": "string" } }, "additionalProperties": false }
              ],
              "default": "v1"
            },
            "limit": { "type": ["integer", "boolean", "null"], "minimum": 0 }
          }
        }
        """;

    private const string UserCode = """
        using System.Linq;
        using Insights.Contracts.Runtime;

        namespace Test.Contracts;

        public static class Scenario
        {
            public static string Read(string json)
            {
                var result = Config.Parse(json);
                if (result.Value is not { } config)
                {
                    return "invalid: " + string.Join("; ", result.Errors.Select(e => $"{e.Path} {e.Keyword}"));
                }

                string tags = config.Tags is not { } t ? "-" : t.TryGetString(out string? one) ? "one " + one : t.TryGetArray(out var many) ? "many " + string.Join("+", many) : "?";
                string target = config.Target.TryGetObject(out ConfigTargetObject? engine) ? "engine " + engine.Engine : config.Target.TryGetString(out string? version) ? "version " + version : "?";
                string limit = config.Limit is not { } l ? "-" : l.IsBoolean ? "flag " + l : "number " + l;
                return $"{tags} | {target} | {limit} | {config.ToJson()}";
            }

            public static string BuiltInCode()
            {
                var a = new Config { Tags = new EquatableArray<string>(), Target = new ConfigTargetObject { Engine = "x" }, Limit = 3L };
                var b = new Config { Tags = (ConfigTags)new EquatableArray<string>(), Target = new ConfigTargetObject { Engine = "x" }, Limit = 3L };
                var bad = new Config { Tags = "x", Target = "version-two", Limit = -1L };
                return $"{a == b} {a.Validate().IsValid} | {string.Join("; ", bad.Validate().Errors.Select(e => $"{e.Path} {e.Keyword}"))} | {new Config().Target}";
            }
        }
        """;

    private static readonly Lazy<Assembly> Generated = new(() =>
    {
        GeneratorOutput output = GeneratorHarness.Run(
            GeneratorHarness.CreateDriver([new InMemoryAdditionalText("/s/config.schema.json", Schema)]),
            GeneratorHarness.CreateCompilation(UserCode));
        Assert.Empty(output.GeneratorDiagnostics);
        return GeneratorHarness.Load(output);
    });

    private static string Call(string method, params object[] arguments) =>
        (string)Generated.Value.GetType("Test.Contracts.Scenario", throwOnError: true)!.GetMethod(method)!.Invoke(null, arguments)!;

    [Theory]
    [InlineData("""{"tags": "ab", "target": "v2", "limit": 5}""", """one ab | version v2 | number 5 | {"tags":"ab","target":"v2","limit":5}""")]
    [InlineData("""{"tags": ["a", "b"], "target": {"engine": "node"}, "limit": true}""", """many a+b | engine node | flag True | {"tags":["a","b"],"target":{"engine":"node"},"limit":true}""")]
    [InlineData("""{"limit": null}""", """- | version v1 | - | {"target":"v1","limit":null}""")]
    public void The_json_type_of_the_value_picks_the_alternative(string json, string expected) =>
        Assert.Equal(expected, Call("Read", json));

    [Theory]
    [InlineData("""{"tags": "a"}""", "/tags minLength")]
    [InlineData("""{"tags": ["a", "b", "c"]}""", "/tags maxItems")]
    [InlineData("""{"tags": 5}""", "/tags type")]
    [InlineData("""{"limit": -1}""", "/limit minimum")]
    [InlineData("""{"limit": 1.5}""", "/limit type")]
    [InlineData("""{"target": "latest"}""", "/target oneOf")]
    [InlineData("""{"target": {"engine": "node", "extra": 1}}""", "/target oneOf")]
    [InlineData("""{"target": 5}""", "/target oneOf")]
    public void A_value_its_alternative_rejects_fails_the_keyword_a_json_backed_value_reports(string json, string expected) =>
        Assert.Equal("invalid: " + expected, Call("Read", json));

    [Fact]
    public void Unions_compare_by_value_convert_implicitly_and_are_checked_when_built_in_code()
    {
        string[] parts = Call("BuiltInCode").Split(" | ");

        Assert.Equal("True True", parts[0]);
        Assert.Equal("/tags minLength; /target oneOf; /limit minimum", parts[1]);
        Assert.Equal("v1", parts[2]);
    }
}
