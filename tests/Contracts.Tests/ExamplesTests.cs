using System.IO;
using Insights.Contracts.Runtime;
using Xunit;

namespace Insights.Contracts.Tests;

public class ExamplesTests
{
    public static TheoryData<string> ValidRequests() => [.. Repository.Files("schema/examples", "request-*.json")];

    public static TheoryData<string> ValidResponses() => [.. Repository.Files("schema/examples", "response-*.json")];

    public static TheoryData<string> InvalidRequests() => [.. Repository.Files("schema/examples/invalid", "request-*.json")];

    public static TheoryData<string> InvalidResponses() => [.. Repository.Files("schema/examples/invalid", "response-*.json")];

    [Theory]
    [MemberData(nameof(ValidRequests))]
    public void Valid_request_examples_parse(string path)
    {
        var result = InsightsFlowRequest.Parse(File.ReadAllBytes(path));
        Assert.True(result.IsValid, result.ToString());
    }

    [Theory]
    [MemberData(nameof(ValidResponses))]
    public void Valid_response_examples_parse(string path)
    {
        var result = InsightsFlowResponse.Parse(File.ReadAllBytes(path));
        Assert.True(result.IsValid, result.ToString());
    }

    [Theory]
    [MemberData(nameof(ValidRequests))]
    public void Valid_request_examples_validate_after_parsing(string path)
    {
        InsightsFlowRequest request = InsightsFlowRequest.Parse(File.ReadAllBytes(path)).GetValueOrThrow();
        Assert.Same(ValidationResult.Valid, request.Validate());
    }

    [Theory]
    [MemberData(nameof(InvalidRequests))]
    public void Invalid_request_examples_are_rejected_without_a_value(string path)
    {
        var result = InsightsFlowRequest.Parse(File.ReadAllBytes(path));
        Assert.False(result.IsValid);
        Assert.Null(result.Value);
        Assert.NotEmpty(result.Errors);
    }

    [Theory]
    [MemberData(nameof(InvalidResponses))]
    public void Invalid_response_examples_are_rejected_without_a_value(string path)
    {
        var result = InsightsFlowResponse.Parse(File.ReadAllBytes(path));
        Assert.False(result.IsValid);
        Assert.Null(result.Value);
        Assert.NotEmpty(result.Errors);
    }
}
