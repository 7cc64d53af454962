using System;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Insights.Contracts.Generator.Tests;

/// <summary>
/// Keywords beside <c>$ref</c>: from draft 2019-09 on both apply, so a typed member keeps the
/// referenced shape and is checked against the keywords too (an object becomes one record over the
/// reference and the keywords); up to draft-07 <c>$ref</c> replaces its schema and the keywords are
/// dropped with a warning naming each.
/// </summary>
public class ReferenceSiblingTests
{
    private const string ProfileSchema = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "type": "object",
          "required": ["name", "home"],
          "properties": {
            "name": { "$ref": "#/$defs/text", "maxLength": 5 },
            "home": { "$ref": "#/$defs/address", "required": ["zip"], "properties": { "zip": { "type": "string", "pattern": "^[0-9]{5}$" } } },
            "work": { "$ref": "#/$defs/address", "type": "object" }
          },
          "$defs": {
            "text": { "type": "string", "minLength": 1 },
            "address": { "type": "object", "required": ["street"], "properties": { "street": { "type": "string" } } }
          }
        }
        """;

    private const string LegacySchema = """
        {
          "$schema": "http://json-schema.org/draft-07/schema#",
          "type": "object",
          "properties": { "name": { "$ref": "#/definitions/text", "maxLength": 5 } },
          "definitions": { "text": { "type": "string", "minLength": 1 } }
        }
        """;

    private const string UserCode = """
        using System.Linq;

        namespace Test.Contracts;

        public static class Scenario
        {
            public static string ReadProfile(string json)
            {
                var result = Profile.Parse(json);
                return result.Value is { } profile
                    ? $"{profile.Name} | {profile.Home.Street} {profile.Home.Zip} | {profile.Work?.Street}"
                    : "invalid: " + string.Join("; ", result.Errors.Select(e => $"{e.Path} {e.Keyword}"));
            }

            public static string ReadLegacy(string json)
            {
                var result = Legacy.Parse(json);
                return result.Value is { } legacy ? $"{legacy.Name}" : "invalid: " + string.Join("; ", result.Errors.Select(e => $"{e.Path} {e.Keyword}"));
            }
        }
        """;

    private static readonly Lazy<(Assembly Assembly, GeneratorOutput Output)> Generated = new(() =>
    {
        GeneratorOutput output = GeneratorHarness.Run(
            GeneratorHarness.CreateDriver(
            [
                new InMemoryAdditionalText("/s/profile.schema.json", ProfileSchema),
                new InMemoryAdditionalText("/s/legacy.schema.json", LegacySchema),
            ]),
            GeneratorHarness.CreateCompilation(UserCode));
        return (GeneratorHarness.Load(output), output);
    });

    private static string Call(string method, string json) =>
        (string)Generated.Value.Assembly.GetType("Test.Contracts.Scenario", throwOnError: true)!.GetMethod(method)!.Invoke(null, [json])!;

    [Fact]
    public void Only_the_draft_07_sibling_is_reported_and_every_member_is_typed()
    {
        Diagnostic only = Assert.Single(Generated.Value.Output.GeneratorDiagnostics);
        Assert.Equal("ICG017", only.Id);
        Assert.Contains("legacy.schema.json", only.Location.GetLineSpan().Path, StringComparison.Ordinal);
        Assert.Contains("'maxLength'", only.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"name": "Ada", "home": {"street": "Main", "zip": "12345"}, "work": {"street": "Dock"}}""", "Ada | Main 12345 | Dock")]
    [InlineData("""{"name": "Adaline", "home": {"street": "Main", "zip": "12345"}}""", "invalid: /name maxLength")]
    [InlineData("""{"name": "", "home": {"street": "Main", "zip": "12345"}}""", "invalid: /name minLength")]
    [InlineData("""{"name": "Ada", "home": {"street": "Main"}}""", "invalid: /home/zip required")]
    [InlineData("""{"name": "Ada", "home": {"zip": "12345"}}""", "invalid: /home/street required")]
    [InlineData("""{"name": "Ada", "home": {"street": "Main", "zip": "1"}}""", "invalid: /home/zip pattern")]
    [InlineData("""{"name": "Ada", "home": {"street": "Main", "zip": "12345"}, "work": null}""", "invalid: /work type")]
    public void Keywords_beside_a_reference_apply_with_it(string json, string expected) =>
        Assert.Equal(expected, Call("ReadProfile", json));

    [Theory]
    [InlineData("""{"name": "Adaline"}""", "Adaline")]
    [InlineData("""{"name": ""}""", "invalid: /name minLength")]
    public void Up_to_draft_07_the_reference_replaces_its_schema(string json, string expected) =>
        Assert.Equal(expected, Call("ReadLegacy", json));
}
