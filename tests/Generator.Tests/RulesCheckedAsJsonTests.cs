using System;
using System.Linq;
using System.Reflection;
using Xunit;

namespace Insights.Contracts.Generator.Tests;

/// <summary>
/// A record whose object rules are checked on its JSON (ICG021): a oneOf branch that requires
/// members the record does not declare. The record keeps those members in its
/// <c>AdditionalProperties</c>, so what it parsed is written back whole and validates again.
/// </summary>
public class RulesCheckedAsJsonTests
{
    private const string PaymentSchema = """
        {
          "type": "object",
          "required": ["id"],
          "properties": { "id": { "type": "string" } },
          "oneOf": [
            { "required": ["kind", "last4"], "properties": { "kind": { "const": "card" }, "last4": { "type": "string", "pattern": "^[0-9]{4}$" } } },
            { "required": ["kind", "iban"], "properties": { "kind": { "const": "bank" }, "iban": { "type": "string" } } }
          ]
        }
        """;

    private const string UserCode = """
        using System.Linq;
        using Insights.Contracts.Runtime;

        namespace Test.Contracts;

        public static class Scenario
        {
            public static string RoundTrip(string json)
            {
                var result = Payment.Parse(json);
                if (result.Value is not { } payment)
                {
                    return "invalid: " + string.Join("; ", result.Errors.Select(e => $"{e.Path} {e.Keyword}"));
                }

                string kept = string.Join(",", payment.AdditionalProperties.Select(e => $"{e.Key}={e.Value.Element.GetRawText()}"));
                return $"{payment.Id} [{kept}] {payment.Validate().IsValid} {payment.ToJson()}";
            }

            public static string BuiltInCode()
            {
                var card = new Payment { Id = "p1", AdditionalProperties = [new("kind", JsonAny.Parse("\"card\"")), new("last4", JsonAny.Parse("\"42\""))] };
                return string.Join("; ", card.Validate().Errors.Select(e => $"{e.Path} {e.Keyword}"));
            }
        }
        """;

    private static readonly Lazy<Assembly> Generated = new(() =>
    {
        GeneratorOutput output = GeneratorHarness.Run(
            GeneratorHarness.CreateDriver([new InMemoryAdditionalText("/s/payment.schema.json", PaymentSchema)]),
            GeneratorHarness.CreateCompilation(UserCode));
        Assert.Equal(["ICG021"], output.GeneratorDiagnostics.Select(d => d.Id));
        return GeneratorHarness.Load(output);
    });

    private static string Call(string method, params object[] arguments) =>
        (string)Generated.Value.GetType("Test.Contracts.Scenario", throwOnError: true)!.GetMethod(method)!.Invoke(null, arguments)!;

    [Theory]
    [InlineData("""{"id": "p1", "kind": "card", "last4": "4242"}""", """p1 [kind="card",last4="4242"] True {"id":"p1","kind":"card","last4":"4242"}""")]
    [InlineData("""{"kind": "bank", "iban": "DE89", "id": "p2", "note": {"a": [1]}}""", """p2 [kind="bank",iban="DE89",note={"a": [1]}] True {"id":"p2","kind":"bank","iban":"DE89","note":{"a":[1]}}""")]
    [InlineData("""{"id": "p3", "kind": "card", "last4": "42"}""", "invalid:  oneOf")]
    [InlineData("""{"id": "p4", "kind": "card", "iban": "DE89"}""", "invalid:  oneOf")]
    public void Members_the_rules_name_are_kept_written_back_and_validate_again(string json, string expected) =>
        Assert.Equal(expected, Call("RoundTrip", json));

    [Fact]
    public void A_value_built_in_code_is_checked_with_its_kept_members() =>
        Assert.Equal(" oneOf", Call("BuiltInCode"));
}
