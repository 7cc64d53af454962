using System;
using Insights.Contracts.Generator.Diagnostics;
using Xunit;

namespace Insights.Contracts.Generator.Tests;

/// <summary>The edit distance behind "did you mean" in diagnostics.</summary>
public class SuggestionsTests
{
    private static readonly string[] Keywords = ["type", "required", "properties", "minLength", "maxLength", "minimum", "maximum", "pattern", "items", "enum"];
    private static readonly string[] Formats = ["date", "date-time", "time", "uuid", "email", "ipv4", "ipv6", "uri"];
    private static readonly string[] Types = ["null", "boolean", "object", "array", "number", "string", "integer"];

    [Theory]
    [InlineData("", "", 0)]
    [InlineData("", "abc", 3)]
    [InlineData("abc", "", 3)]
    [InlineData("same", "same", 0)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("requried", "required", 1)]   // one transposition
    [InlineData("ab", "ba", 1)]
    [InlineData("ca", "abc", 3)]              // optimal string alignment: a transposed pair is not edited again
    [InlineData("minLenght", "minLength", 1)]
    [InlineData("MinLength", "minLength", 1)] // case counts
    [InlineData("e-mail", "email", 1)]
    public void Edit_distance(string a, string b, int expected)
    {
        Assert.Equal(expected, Suggestions.EditDistance(a, b));
        Assert.Equal(expected, Suggestions.EditDistance(b, a));
    }

    [Theory]
    [InlineData("requried", "required")]
    [InlineData("minLenght", "minLength")]
    [InlineData("propertes", "properties")]
    [InlineData("Type", "type")]
    [InlineData("maximun", "maximum")]
    public void A_misspelt_keyword_gets_the_keyword(string typo, string expected)
    {
        Assert.Equal(expected, Suggestions.Closest(typo, Keywords));
    }

    [Theory]
    [InlineData("e-mail", "email")]
    [InlineData("datetime", "date-time")]
    [InlineData("uuid4", "uuid")]
    [InlineData("ipv5", "ipv4")] // a tie with ipv6: the first candidate wins, every time
    public void A_misspelt_format_gets_the_format(string typo, string expected)
    {
        Assert.Equal(expected, Suggestions.Closest(typo, Formats));
    }

    [Theory]
    [InlineData("strng", "string")]
    [InlineData("int", null)] // three edits from the nearest: not a typo of anything here
    [InlineData("bool", null)]
    [InlineData("interger", "integer")]
    public void A_misspelt_type_gets_the_type(string typo, string? expected)
    {
        Assert.Equal(expected, Suggestions.Closest(typo, Types));
    }

    [Theory]
    [InlineData("x-vendor")]
    [InlineData("description2x")]
    [InlineData("a")]
    [InlineData("")]
    public void A_word_far_from_every_candidate_gets_nothing(string word)
    {
        Assert.Null(Suggestions.Closest(word, Keywords));
    }

    [Fact]
    public void The_word_itself_is_never_suggested()
    {
        Assert.Null(Suggestions.Closest("type", ["type"]));
        Assert.Equal("types", Suggestions.Closest("type", ["type", "types"]));
    }

    [Fact]
    public void Did_you_mean_ends_a_message_only_when_something_is_close()
    {
        Assert.Equal("; did you mean 'email'?", Suggestions.DidYouMean("e-mail", Formats));
        Assert.Equal(string.Empty, Suggestions.DidYouMean("color", Formats));
    }

    [Fact]
    public void A_ref_target_suggests_the_nearest_definition()
    {
        Assert.Equal("reviewers", Suggestions.Closest("reviewer", ["author", "reviewers", "review"]));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(3, 1)]
    [InlineData(5, 1)]
    [InlineData(6, 2)]
    [InlineData(9, 3)]
    public void Longer_words_allow_more_edits(int length, int expected)
    {
        Assert.Equal(expected, Suggestions.MaxDistance(new string('a', length)));
    }
}
