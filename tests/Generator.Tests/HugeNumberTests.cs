using System;
using System.Linq;
using System.Reflection;
using Xunit;

namespace Insights.Contracts.Generator.Tests;

/// <summary>JSON numbers have no size or precision limit: every numeric keyword judges them exactly and never throws.</summary>
public class HugeNumberTests
{
    private static readonly Lazy<Assembly> Generated = new(() => GeneratorHarness.Load(GeneratorHarness.Run(
        ("/s/bounded.schema.json", """{"minimum": 1, "maximum": 1e500}"""),
        ("/s/even.schema.json", """{"type": "integer", "multipleOf": 2}"""),
        ("/s/choice.schema.json", """{"enum": [1, 1e400], "const": 1e400}"""),
        ("/s/distinct.schema.json", """{"uniqueItems": true, "items": {"exclusiveMaximum": 1e999}}"""),
        ("/s/precise.schema.json", """{"const": 0.12345678901234567890123456789}"""),
        ("/s/positive.schema.json", """{"exclusiveMinimum": 0}"""),
        ("/s/hundred.schema.json", """{"enum": [100]}"""))));

    [Theory]
    [InlineData("Bounded", "1e400", true)]
    [InlineData("Bounded", "-1e400", false)]
    [InlineData("Bounded", "1e-400", false)]
    [InlineData("Bounded", "1e600", false)]
    [InlineData("Even", "1e400", true)]
    [InlineData("Even", "3e400", true)]
    [InlineData("Even", "12345678901234567890123456789012345678901", false)]
    [InlineData("Even", "1.5e400", true)]
    [InlineData("Choice", "1e400", true)]
    [InlineData("Choice", "1E+400", true)]
    [InlineData("Choice", "2e400", false)]
    [InlineData("Distinct", "[1e400, 10e399]", false)]
    [InlineData("Distinct", "[1e400, 1e401]", true)]
    [InlineData("Distinct", "[1e1000]", false)]
    [InlineData("Distinct", "[100, 1e2]", false)]
    [InlineData("Precise", "0.12345678901234567890123456789", true)]
    [InlineData("Precise", "0.123456789012345678901234567890000", true)]
    [InlineData("Precise", "0.12345678901234567890123456788", false)] // decimal.Parse rounds both to the same 28 digits
    [InlineData("Positive", "1e-30", true)]                            // decimal.Parse makes this 0
    [InlineData("Positive", "0.0000000000000000000000000000001", true)]
    [InlineData("Positive", "-0.0", false)]
    [InlineData("Hundred", "1e2", true)]
    [InlineData("Hundred", "100.000", true)]
    [InlineData("Hundred", "1.00000000000000000000000000000001e2", false)]
    public void Numbers_beyond_double_are_judged_not_thrown_on(string type, string json, bool valid)
    {
        var (value, errors) = GeneratorHarness.Parse(Generated.Value, type, json);

        Assert.True(valid == (value is not null), string.Join("\n", errors));
    }
}

/// <summary>A <c>const</c> may nest as deep as a schema file may (256 levels); its literal is parsed once at run time.</summary>
public class DeepLiteralTests
{
    [Fact]
    public void A_const_nested_deeper_than_documents_may_be_still_works()
    {
        string nested = string.Concat(Enumerable.Repeat("[", 100)) + string.Concat(Enumerable.Repeat("]", 100));
        Assembly assembly = GeneratorHarness.Load(GeneratorHarness.Run(("/s/deep.schema.json", $$"""{"const": {{nested}}}""")));

        var (_, errors) = GeneratorHarness.Parse(assembly, "Deep", "[]");

        Assert.Equal("const", Assert.Single(errors).Keyword);
    }
}
