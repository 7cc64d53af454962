using Insights.Contracts.Runtime;
using Xunit;

namespace Insights.Contracts.Tests;

/// <summary>The documented limits, tested exactly at the boundary.</summary>
public class LimitsTests
{
    private static string ResponseNestedTo(int depth)
    {
        // The root object and "data" are two levels; an ignored unknown member holds the rest.
        int arrays = depth - 2;
        return "{\"data\":{\"state\":\"F\",\"x\":" + new string('[', arrays) + new string(']', arrays) + "}}";
    }

    [Fact]
    public void A_document_exactly_at_the_maximum_depth_is_accepted()
    {
        Assert.Equal(64, JsonContract.MaxDepth);

        ParseResult<InsightsFlowResponse> result = InsightsFlowResponse.Parse(ResponseNestedTo(JsonContract.MaxDepth));

        Assert.True(result.IsValid, result.ToString());
    }

    [Fact]
    public void One_level_beyond_the_maximum_depth_is_a_syntax_error_at_the_member()
    {
        ParseResult<InsightsFlowResponse> result = InsightsFlowResponse.Parse(ResponseNestedTo(JsonContract.MaxDepth + 1));

        ValidationError error = Assert.Single(result.Errors);
        Assert.Equal(("/data", "syntax"), (error.Path, error.Keyword));
        Assert.Contains("depth", error.Message);
    }
}
