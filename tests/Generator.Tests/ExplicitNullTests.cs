using System;
using System.Reflection;
using Xunit;

namespace Insights.Contracts.Generator.Tests;

/// <summary>
/// An optional member whose schema allows null keeps JSON <c>null</c> apart from absent:
/// <c>{"note": null}</c> and <c>{}</c> are different documents (JSON Merge Patch, PATCH endpoints),
/// so each round-trips as itself, compares unequal to the other, and code says which it means.
/// </summary>
public class ExplicitNullTests
{
    private const string Schema = """
        {
          "type": "object",
          "required": ["id"],
          "properties": {
            "id": { "type": "string" },
            "note": { "type": ["string", "null"] },
            "count": { "type": ["integer", "null"] },
            "tag": { "type": "string" }
          }
        }
        """;

    private const string UserCode = """
        namespace Test.Contracts;

        public static class Scenario
        {
            public static string RoundTrip(string json) => Patch.Parse(json).GetValueOrThrow().ToJson();

            public static bool SameDocument(string a, string b) => Patch.Parse(a).GetValueOrThrow() == Patch.Parse(b).GetValueOrThrow();

            public static string InCode() => string.Join(" | ",
                new Patch { Id = "p" }.ToJson(),
                new Patch { Id = "p", Note = null, Count = 3 }.ToJson(),
                (new Patch { Id = "p", Note = "x" } with { Note = null }).ToJson(),
                (Patch.Parse("{\"id\":\"p\",\"note\":null}").GetValueOrThrow() with { Note = "y" }).ToJson(),
                (Patch.Parse("{\"id\":\"p\",\"note\":null}").GetValueOrThrow() with { Count = 1 }).ToJson());
        }
        """;

    private static readonly Lazy<Assembly> Generated = new(() =>
        GeneratorHarness.Load(GeneratorHarness.Run(
            GeneratorHarness.CreateDriver([new InMemoryAdditionalText("/s/patch.schema.json", Schema)]),
            GeneratorHarness.CreateCompilation(UserCode))));

    private static object Call(string method, params object[] arguments) =>
        Generated.Value.GetType("Test.Contracts.Scenario", throwOnError: true)!.GetMethod(method)!.Invoke(null, arguments)!;

    [Theory]
    [InlineData("""{"id":"p","note":null}""")]
    [InlineData("""{"id":"p"}""")]
    [InlineData("""{"id":"p","note":null,"count":null}""")]
    [InlineData("""{"id":"p","note":"n","count":null}""")]
    [InlineData("""{"id":"p","count":0}""")]
    public void A_document_round_trips_as_itself(string json) =>
        Assert.Equal(json, Call("RoundTrip", json));

    [Fact]
    public void Null_and_absent_are_different_values()
    {
        Assert.False((bool)Call("SameDocument", """{"id":"p","note":null}""", """{"id":"p"}"""));
        Assert.True((bool)Call("SameDocument", """{"id":"p","note":null}""", """{"note":null,"id":"p"}"""));
    }

    [Fact]
    public void Code_that_sets_a_member_to_null_writes_null_and_code_that_leaves_it_out_writes_nothing() =>
        Assert.Equal(
            """{"id":"p"} | {"id":"p","note":null,"count":3} | {"id":"p","note":null} | {"id":"p","note":"y"} | {"id":"p","note":null,"count":1}""",
            Call("InCode"));
}
