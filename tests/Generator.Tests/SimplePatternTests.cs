using System;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Insights.Contracts.Generator.Parsing;
using Insights.Contracts.Generator.Shared;
using Xunit;

namespace Insights.Contracts.Generator.Tests;

/// <summary>Patterns matched by generated loops must accept exactly what the regex accepts.</summary>
public class SimplePatternTests
{
    private static readonly string[] Simple =
    [
        "^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$",
        "^[A-Z]{3}-[0-9]{4}$",
        "^[a-z_]+$",
        "^x?$",
        "^[0-9]{2}:[0-9]{2}[ab]*$",
        "^'q'[\"]{0,2}$",
    ];

    [Theory]
    [InlineData("^[A-Z]+[0-9]{2}$")]     // a variable part before the last: greedy could be wrong
    [InlineData("^(a|b)$")]
    [InlineData("^[^a]$")]
    [InlineData("^\\d{3}$")]
    [InlineData("[a-z]{3}")]               // not anchored
    [InlineData("^a.b$")]
    public void Patterns_that_need_a_regex_engine_are_not_simple(string pattern)
    {
        Assert.Null(SimplePattern.TryParse(pattern));
    }

    [Fact]
    public void Simple_patterns_are_recognised()
    {
        Assert.All(Simple, p => Assert.NotNull(SimplePattern.TryParse(p)));
    }

    [Fact]
    public void Generated_matchers_agree_with_the_regex_on_random_strings()
    {
        string properties = string.Join(",", Simple.Select((p, i) => $"\"p{i}\": {{\"type\": \"string\", \"pattern\": {System.Text.Json.JsonSerializer.Serialize(p)}}}"));
        Assembly assembly = GeneratorHarness.Load(GeneratorHarness.RunAndCompile(("/s/codes.schema.json", $"{{\"type\": \"object\", \"properties\": {{{properties}}}}}")));
        Assert.Equal(Simple.Length, assembly.GetType("Test.Contracts.Codes")!.GetMethods(BindingFlags.NonPublic | BindingFlags.Static).Count(m => m.Name.StartsWith("MatchesPattern", StringComparison.Ordinal)));

        var random = new Random(20261124);
        const string alphabet = "AZaz09_-:'\"xbq é\n";
        int checkedCases = 0;
        for (int index = 0; index < Simple.Length; index++)
        {
            var regex = new Regex(EcmaPattern.ToDotNet(Simple[index]));
            for (int n = 0; n < 2_000; n++)
            {
                string candidate = n % 2 == 0 ? Mutate(Example(index), random, alphabet) : RandomString(random, alphabet);
                string json = $"{{\"p{index}\": {System.Text.Json.JsonSerializer.Serialize(candidate)}}}";
                var (_, errors) = GeneratorHarness.Parse(assembly, "Codes", json);
                Assert.True(regex.IsMatch(candidate) == (errors.Count == 0), $"{Simple[index]} on '{candidate}'");
                checkedCases++;
            }
        }

        Assert.Equal(Simple.Length * 2_000, checkedCases);
    }

    private static string Example(int index) => index switch
    {
        0 => "DE89370400440532013000",
        1 => "ABC-1234",
        2 => "snake_case",
        3 => "x",
        4 => "12:34abba",
        _ => "'q'\"",
    };

    private static string Mutate(string text, Random random, string alphabet)
    {
        var builder = new StringBuilder(text);
        switch (random.Next(4))
        {
            case 0 when builder.Length > 0: builder[random.Next(builder.Length)] = alphabet[random.Next(alphabet.Length)]; break;
            case 1: builder.Insert(random.Next(builder.Length + 1), alphabet[random.Next(alphabet.Length)]); break;
            case 2 when builder.Length > 0: builder.Remove(random.Next(builder.Length), 1); break;
            default: break; // unchanged: the valid example itself
        }

        return builder.ToString();
    }

    private static string RandomString(Random random, string alphabet) =>
        new(Enumerable.Range(0, random.Next(0, 40)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
}
