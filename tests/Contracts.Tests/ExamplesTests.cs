using System.IO;
using Xunit;

namespace Insights.Contracts.Tests;

public class ExamplesTests
{
    public static TheoryData<string> ValidRequests() => [.. Repository.Files("schema/examples", "request-*.json")];

    [Theory]
    [MemberData(nameof(ValidRequests))]
    public void Valid_request_examples_parse(string path)
    {
        var result = InsightsFlowRequest.Parse(File.ReadAllBytes(path));
        Assert.True(result.IsValid, result.ToString());
    }
}
