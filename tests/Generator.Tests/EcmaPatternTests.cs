using System.Text.RegularExpressions;
using Insights.Contracts.Generator.Parsing;
using Xunit;

namespace Insights.Contracts.Generator.Tests;

/// <summary>JSON Schema patterns are ECMA-262; the translated .NET pattern must accept and reject the same strings.</summary>
public class EcmaPatternTests
{
    [Theory]
    [InlineData("^abc$", "abc", true)]
    [InlineData("^abc$", "abc\n", false)]          // .NET '$' alone would accept this
    [InlineData("^[0-9]+$", "12\n", false)]
    [InlineData("\\d", "٣", false)]                // ARABIC-INDIC DIGIT THREE is not \d in ECMA-262
    [InlineData("\\d", "3", true)]
    [InlineData("[\\d]", "٣", false)]
    [InlineData("\\D", "٣", true)]
    [InlineData("^\\w+$", "é", false)]             // \w is ASCII in ECMA-262
    [InlineData("^\\w+$", "a_1", true)]
    [InlineData("\\W", "é", true)]
    [InlineData("^a.b$", "a\u2028b", false)]       // '.' matches no line terminator
    [InlineData("^a.b$", "a-b", true)]
    [InlineData("[$]", "$", true)]                 // inside a class '$' stays a character
    [InlineData("\\$", "$", true)]
    [InlineData("^a\\.b$", "a.b", true)]
    [InlineData("^a\\.b$", "axb", false)]
    [InlineData("[^.]", "x", true)]
    [InlineData("^[\\]a]+$", "]a", true)]
    public void Translated_pattern_matches_like_ecma262(string pattern, string input, bool matches)
    {
        var regex = new Regex(EcmaPattern.ToDotNet(pattern), RegexOptions.CultureInvariant);

        Assert.Equal(matches, regex.IsMatch(input));
    }
}
