using System.Text.RegularExpressions;
using Insights.Contracts.Generator.Shared;
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
    [InlineData("^\\s$", "\uFEFF", true)]        // ZERO WIDTH NO-BREAK SPACE is white space in ECMA-262, not in .NET
    [InlineData("^\\s$", "\u0085", false)]       // NEXT LINE is white space in .NET, not in ECMA-262
    [InlineData("^\\S$", "\uFEFF", false)]
    [InlineData("^[\\s]$", "\uFEFF", true)]
    [InlineData("^\U0001F432*$", "", true)]      // a quantifier repeats the whole code point
    [InlineData("^\U0001F432*$", "\U0001F432\U0001F432", true)]
    [InlineData("^.$", "\U0001F432", true)]       // '.' is one code point
    [InlineData("^..$", "\U0001F432", false)]
    [InlineData("^a[]b$", "ab", false)]            // the empty class matches nothing (.NET would read "[]b$" as a class)
    [InlineData("^[^]$", "\n", true)]              // the negated empty class matches anything
    [InlineData("^[^]$", "\U0001F432", true)]      // ... one code point
    [InlineData("^[[]$", "[", true)]                // '[' in a class is a character
    [InlineData("^[-[a]$", "[", true)]              // not .NET class subtraction
    [InlineData("^\\u{1F432}$", "\U0001F432", true)] // \u{...} is a code point
    [InlineData("^\\u{41}+$", "AA", true)]
    public void Translated_pattern_matches_like_ecma262(string pattern, string input, bool matches)
    {
        var regex = new Regex(EcmaPattern.ToDotNet(pattern), RegexOptions.CultureInvariant);

        Assert.Equal(matches, regex.IsMatch(input));
    }

    [Theory]
    [InlineData("^[a-z]+$")]
    [InlineData("(?<year>\\d{4})-\\k<year>")]
    [InlineData("(?<=a+)b")]
    [InlineData("\\p{Letter}\\P{gc=Nd}")]
    [InlineData("[\\b\\-\\]]")]
    [InlineData("\\cA\\0\\x41\\/")]
    public void Ecma262_patterns_have_no_syntax_error(string pattern)
    {
        Assert.Null(EcmaPattern.SyntaxError(pattern));
    }

    [Theory]
    [InlineData("(?i)a", "'(?' must start (?:, (?=, (?!, (?<=, (?<! or a named group (?<name>")]
    [InlineData("\\a", "'\\a' is not an ECMA-262 escape")]
    [InlineData("a{", "'{' must start a quantifier {n}, {n,} or {n,m}")]
    [InlineData("a]", "a lone ']' (write \\] for the character)")]
    [InlineData("(a", "an unclosed '('")]
    [InlineData("a)", "an unmatched ')'")]
    [InlineData("[a", "an unclosed '['")]
    [InlineData("\\2(a)", "\\2 refers to a group the pattern does not have")]
    [InlineData("\\p{IsGreek}", "\\p{IsGreek} is not a Unicode General_Category (scripts and binary properties have no .NET equivalent)")]
    public void Non_ecma262_patterns_are_named_with_the_reason(string pattern, string error)
    {
        Assert.Equal(error, EcmaPattern.SyntaxError(pattern));
    }
}
