using System;
using Insights.Contracts.Runtime;
using Xunit;

namespace Insights.Contracts.Tests;

/// <summary>Text set in code that JSON cannot carry is reported, not silently replaced on the wire.</summary>
public class UnicodeTests
{
    private static InsightsFlowRequest Request(string consumer, string report = "risk") => new()
    {
        IntendedReports = [new IntendedReport(report)],
        FromDate = new DateOnly(2024, 1, 1),
        ToDate = new DateOnly(2024, 1, 2),
        InsightsConsumerId = consumer,
    };

    // The strings are built in the test: xUnit would turn a lone surrogate in InlineData into U+FFFD.
    [Theory]
    [InlineData("a", 0xD800, "b", 1)]
    [InlineData("", 0xDC00, "", 0)]
    [InlineData("ok", 0xD83D, "", 2)]
    public void An_unpaired_surrogate_is_a_unicode_error(string before, int surrogate, string after, int index)
    {
        string consumer = before + (char)surrogate + after;

        ValidationError error = Assert.Single(Request(consumer).Validate().Errors);

        Assert.Equal(("/insights_consumer_id", "unicode"), (error.Path, error.Keyword));
        Assert.Contains($"at index {index}", error.Message);
    }

    [Fact]
    public void Unpaired_surrogates_are_found_in_array_items_and_open_enums_too()
    {
        var errors = Request("fine", report: "r" + (char)0xDFFF).Validate().Errors;

        Assert.Equal(("/intended_reports/0", "unicode"), (Assert.Single(errors).Path, errors[0].Keyword));
    }

    [Fact]
    public void Surrogate_pairs_are_fine_and_round_trip()
    {
        InsightsFlowRequest request = Request("emoji 😀 and 𝟏");

        Assert.True(request.Validate().IsValid);
        Assert.Equal(request, InsightsFlowRequest.Parse(request.ToUtf8Json()).Value);
    }
}
