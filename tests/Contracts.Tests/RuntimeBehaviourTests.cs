using System;
using System.Linq;
using Insights.Contracts.Runtime;
using Xunit;

namespace Insights.Contracts.Tests;

/// <summary>Runtime mechanics behind the contracts: pooled buffers and contexts, allocation-free validation, long lists.</summary>
public class RuntimeBehaviourTests
{
    private static InsightsFlowRequest ValidRequest() => InsightsFlowRequest.Parse(Repository.ReadBytes("schema", "examples", "request-given-accounts.json")).GetValueOrThrow();

    private static InsightsFlowResponse ValidResponse() => InsightsFlowResponse.Parse(Repository.ReadBytes("schema", "examples", "response-finished.json")).GetValueOrThrow();

    [Fact]
    public void Validating_a_valid_object_allocates_nothing()
    {
        InsightsFlowRequest request = ValidRequest();
        InsightsFlowResponse response = ValidResponse();
        Assert.True(request.Validate().IsValid); // warm up: type initialisers, compiled regexes, the thread's context
        Assert.True(response.Validate().IsValid);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            Assert.Same(ValidationResult.Valid, request.Validate());
            Assert.Same(ValidationResult.Valid, response.Validate());
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void A_context_reused_after_errors_starts_clean()
    {
        Assert.False(InsightsFlowRequest.Parse("""{"intended_reports":[]}""").IsValid);
        Assert.False((ValidRequest() with { DataRetentionMinutes = 0 }).Validate().IsValid);

        Assert.True(InsightsFlowRequest.Parse(Repository.ReadBytes("schema", "examples", "request-all-accounts.json")).IsValid);
        Assert.True(ValidRequest().Validate().IsValid);
    }

    [Fact]
    public void Errors_in_a_long_array_keep_their_indexes_past_the_pooled_buffer_growth()
    {
        string[] ids = Enumerable.Range(0, 40).Select(i => Guid.NewGuid().ToString()).ToArray();
        ids[20] = "not-a-uuid";
        ids[35] = "";
        string json = """{"intended_reports":["income"],"from_date":"2024-01-01","to_date":"2024-01-02","accounts":{"ids":["""
            + string.Join(",", ids.Select(i => $"\"{i}\"")) + "]}}";

        var result = InsightsFlowRequest.Parse(json);

        Assert.Equal(["/accounts/ids/20", "/accounts/ids/35"], result.Errors.Select(e => e.Path));
    }

    [Fact]
    public void A_long_array_is_read_whole()
    {
        string accounts = string.Join(",", Enumerable.Range(0, 1000).Select(i => $$"""{"insights_account_id":"{{Guid.NewGuid()}}","iban":"DE{{i % 90 + 10}}370400440532{{i:000000}}"}"""));
        string json = """{"data":{"state":"FINISHED","result":{"type":"insights_refresh","accounts":["""
            + accounts + """],"insights_consumer_id":"c"}}}""";

        var result = InsightsFlowResponse.Parse(json);

        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(1000, result.Value.Data.Result!.Accounts.Count);
        Assert.Equal("DE10370400440532000000", result.Value.Data.Result.Accounts[0].Iban);
        Assert.Equal("DE19370400440532000999", result.Value.Data.Result.Accounts[999].Iban);
    }

    [Theory]
    [InlineData(5)]    // pairwise path
    [InlineData(500)]  // hash path
    public void Duplicates_are_found_with_both_indexes_in_short_and_long_lists(int length)
    {
        Guid[] ids = Enumerable.Range(0, length).Select(_ => Guid.NewGuid()).ToArray();
        ids[length - 1] = ids[length / 2];
        var accounts = new RefreshFlowAccounts { Ids = [.. ids] };

        ValidationError error = Assert.Single(accounts.Validate().Errors);

        Assert.Equal(("/ids", "uniqueItems"), (error.Path, error.Keyword));
        Assert.Equal($"items must be unique, but items {length / 2} and {length - 1} are equal", error.Message);
    }
}
