using System;
using System.Reflection;
using Insights.Contracts.Runtime;
using Xunit;

namespace Insights.Contracts.Generator.Tests;

/// <summary>Titled <c>anyOf</c>/<c>oneOf</c> branches of a typed record surface as its <c>Variant</c>.</summary>
public class TypedVariantTests
{
    private const string Contact = """
        {
          "type": "object",
          "properties": { "email": { "type": "string" }, "phone": { "type": "string" } },
          "anyOf": [
            { "title": "By email", "required": ["email"] },
            { "title": "By phone", "required": ["phone"] }
          ]
        }
        """;

    private static readonly Lazy<Assembly> Generated = new(() => GeneratorHarness.Load(GeneratorHarness.RunAndCompile(("/s/contact.schema.json", Contact))));

    [Theory]
    [InlineData("""{"email": "a@b.c"}""", "ByEmail")]
    [InlineData("""{"phone": "123"}""", "ByPhone")]
    [InlineData("""{"phone": "123", "email": "a@b.c"}""", "ByEmail")]
    public void The_first_matching_anyOf_branch_is_the_variant(string json, string variant)
    {
        var (value, errors) = GeneratorHarness.Parse(Generated.Value, "Contact", json);

        Assert.Empty(errors);
        Assert.Equal(variant, value!.GetType().GetProperty("Variant")!.GetValue(value)!.ToString());
    }

    [Fact]
    public void Matching_no_anyOf_branch_names_the_branches()
    {
        var (value, errors) = GeneratorHarness.Parse(Generated.Value, "Contact", "{}");

        Assert.Null(value);
        ValidationError error = Assert.Single(errors);
        Assert.Equal("anyOf", error.Keyword);
        Assert.Contains("By email", error.Message);
        Assert.Contains("By phone", error.Message);
    }
}
