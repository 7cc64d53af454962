using System;
using System.Buffers;
using System.Text.Json;
using Insights.Contracts.Runtime;
using Xunit;

namespace Insights.Contracts.Tests;

/// <summary>The flow response: the seed's example, forward compatibility, the result type enum, required members.</summary>
public class ResponseTests
{
    private static byte[] FinishedExample => Repository.ReadBytes("schema", "examples", "response-finished.json");

    [Fact]
    public void Seed_example_parses_into_the_expected_values()
    {
        InsightsFlowResponse response = AssertErrors.Valid(InsightsFlowResponse.Parse(FinishedExample));

        Assert.Equal("FINISHED", response.Data.State);
        FlowResult result = Assert.IsType<FlowResult>(response.Data.Result);
        Assert.Equal(FlowResultType.InsightsRefresh, result.Type);
        Assert.Equal(Documents.Guid2, result.InsightsConsumerId);
        RefreshFlowResponseAccount account = Assert.Single(result.Accounts);
        Assert.Equal(Build.Id1, account.InsightsAccountId);
        Assert.Equal(Documents.Iban1, account.Iban);
    }

    [Fact]
    public void Seed_example_round_trips_to_identical_compact_bytes()
    {
        byte[] input = FinishedExample;
        InsightsFlowResponse response = AssertErrors.Valid(InsightsFlowResponse.Parse(input));

        Assert.Equal(Compact(input), response.ToUtf8Json());
    }

    [Fact]
    public void Code_built_response_writes_the_same_bytes_as_the_seed_example()
    {
        Assert.Equal(Compact(FinishedExample), Build.Response(Build.Result()).ToUtf8Json());
    }

    [Theory]
    [InlineData("""{"data":{"state":"FINISHED","result":{"type":"insights_refresh","accounts":[{"insights_account_id":"8ed4ac35-04b0-4c4f-a283-41b6e387c422","iban":"DE89370400440532013000"}],"insights_consumer_id":"3dbd396b-f8ef-4ab6-9cd8-c5426eafb212"}},"version":2}""")]
    [InlineData("""{"data":{"flow_id":"f-1","state":"FINISHED","result":{"type":"insights_refresh","accounts":[{"insights_account_id":"8ed4ac35-04b0-4c4f-a283-41b6e387c422","iban":"DE89370400440532013000"}],"insights_consumer_id":"3dbd396b-f8ef-4ab6-9cd8-c5426eafb212"}}}""")]
    [InlineData("""{"data":{"state":"FINISHED","result":{"expires":{"at":[1,{"x":null}]},"type":"insights_refresh","accounts":[{"insights_account_id":"8ed4ac35-04b0-4c4f-a283-41b6e387c422","iban":"DE89370400440532013000"}],"insights_consumer_id":"3dbd396b-f8ef-4ab6-9cd8-c5426eafb212","more":true}}}""")]
    [InlineData("""{"data":{"state":"FINISHED","result":{"type":"insights_refresh","accounts":[{"bank":"X","insights_account_id":"8ed4ac35-04b0-4c4f-a283-41b6e387c422","iban":"DE89370400440532013000","nick":null}],"insights_consumer_id":"3dbd396b-f8ef-4ab6-9cd8-c5426eafb212"}}}""")]
    public void Unknown_members_are_ignored_at_every_level(string json)
    {
        InsightsFlowResponse response = AssertErrors.Valid(InsightsFlowResponse.Parse(json));

        Assert.Equal(AssertErrors.Valid(InsightsFlowResponse.Parse(FinishedExample)), response);
        Assert.Equal(Compact(FinishedExample), response.ToUtf8Json());
    }

    [Fact]
    public void Unknown_result_type_is_an_enum_error_listing_the_allowed_values()
    {
        ParseResult<InsightsFlowResponse> result = InsightsFlowResponse.Parse(Documents.Response(Documents.Result(type: "\"insights_report\"")));

        AssertErrors.Invalid(result, ("/data/result/type", "enum"));
        string message = result.Errors[0].Message;
        Assert.Contains("'insights_report'", message, StringComparison.Ordinal);
        Assert.Contains("'error'", message, StringComparison.Ordinal);
        Assert.Contains("'insights_refresh'", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Insights_Refresh")]
    [InlineData("INSIGHTS_REFRESH")]
    [InlineData("insights-refresh")]
    [InlineData("InsightsRefresh")]
    [InlineData("")]
    public void Result_type_is_matched_exactly(string type)
    {
        AssertErrors.Invalid(
            InsightsFlowResponse.Parse(Documents.Response(Documents.Result(type: $"\"{type}\""))),
            ("/data/result/type", "enum"));
    }

    [Theory]
    [InlineData("\"error\"", FlowResultType.Error)]
    [InlineData("\"insights_refresh\"", FlowResultType.InsightsRefresh)]
    [InlineData("\"\\u0065rror\"", FlowResultType.Error)]
    public void Both_result_types_parse(string raw, FlowResultType expected)
    {
        InsightsFlowResponse response = AssertErrors.Valid(InsightsFlowResponse.Parse(Documents.Response(Documents.Result(type: raw))));

        Assert.Equal(expected, response.Data.Result!.Type);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("null")]
    [InlineData("[\"error\"]")]
    public void Result_type_that_is_not_a_string_is_a_type_error(string raw)
    {
        AssertErrors.Invalid(
            InsightsFlowResponse.Parse(Documents.Response(Documents.Result(type: raw))),
            ("/data/result/type", "type"));
    }

    [Fact]
    public void Unknown_type_example_reports_all_three_problems()
    {
        AssertErrors.Invalid(
            InsightsFlowResponse.Parse(Repository.ReadBytes("schema", "examples", "invalid", "response-unknown-type.json")),
            ("/data/result/type", "enum"),
            ("/data/result/accounts/0/iban", "required"),
            ("/data/result/insights_consumer_id", "minLength"));
    }

    [Fact]
    public void Missing_iban_is_reported_at_the_account()
    {
        ParseResult<InsightsFlowResponse> result = InsightsFlowResponse.Parse(
            Documents.Response(Documents.Result(accountsRaw: $"[{{\"insights_account_id\":\"{Documents.Guid1}\"}}]")));

        AssertErrors.Invalid(result, ("/data/result/accounts/0/iban", "required"));
    }

    [Fact]
    public void Missing_members_of_the_second_account_are_reported_at_index_1()
    {
        AssertErrors.Invalid(
            InsightsFlowResponse.Parse(Documents.Response(Documents.Result(accountsRaw: "[" + Documents.Account() + ",{}]"))),
            ("/data/result/accounts/1/insights_account_id", "required"),
            ("/data/result/accounts/1/iban", "required"));
    }

    [Theory]
    [InlineData("\"not-a-uuid\"", "\"" + Documents.Iban1 + "\"", "/data/result/accounts/0/insights_account_id", "format")]
    [InlineData("\"" + Documents.Guid1 + "\"", "\"de89370400440532013000\"", "/data/result/accounts/0/iban", "pattern")]
    [InlineData("\"" + Documents.Guid1 + "\"", "42", "/data/result/accounts/0/iban", "type")]
    [InlineData("null", "\"" + Documents.Iban1 + "\"", "/data/result/accounts/0/insights_account_id", "type")]
    public void Bad_account_members_are_reported_at_the_member(string id, string iban, string path, string keyword)
    {
        AssertErrors.Invalid(
            InsightsFlowResponse.Parse(Documents.Response(Documents.Result(accountsRaw: "[" + Documents.Account(id, iban) + "]"))),
            (path, keyword));
    }

    [Fact]
    public void Response_iban_with_a_trailing_newline_is_a_pattern_error()
    {
        AssertErrors.Invalid(
            InsightsFlowResponse.Parse(Documents.Response(Documents.Result(accountsRaw: "[" + Documents.Account(iban: $"\"{Documents.Iban1}\\n\"") + "]"))),
            ("/data/result/accounts/0/iban", "pattern"));
    }

    [Fact]
    public void Result_absent_is_valid_with_state_only()
    {
        InsightsFlowResponse response = AssertErrors.Valid(InsightsFlowResponse.Parse("""{"data":{"state":"RUNNING"}}"""));

        Assert.Equal("RUNNING", response.Data.State);
        Assert.Null(response.Data.Result);
        Assert.Equal("""{"data":{"state":"RUNNING"}}""", response.ToJson());
    }

    [Fact]
    public void Result_null_is_a_type_error()
    {
        AssertErrors.Invalid(InsightsFlowResponse.Parse("""{"data":{"state":"FINISHED","result":null}}"""), ("/data/result", "type"));
    }

    [Fact]
    public void Empty_result_object_reports_all_three_required_members()
    {
        AssertErrors.Invalid(
            InsightsFlowResponse.Parse("""{"data":{"state":"FINISHED","result":{}}}"""),
            ("/data/result/type", "required"),
            ("/data/result/accounts", "required"),
            ("/data/result/insights_consumer_id", "required"));
    }

    [Fact]
    public void Empty_accounts_list_is_valid()
    {
        InsightsFlowResponse response = AssertErrors.Valid(InsightsFlowResponse.Parse(Documents.Response(Documents.Result(accountsRaw: "[]"))));

        Assert.True(response.Data.Result!.Accounts.IsEmpty);
    }

    [Theory]
    [InlineData("{}", "/data", "required")]
    [InlineData("""{"data":null}""", "/data", "type")]
    [InlineData("""{"data":[]}""", "/data", "type")]
    [InlineData("""{"data":{}}""", "/data/state", "required")]
    [InlineData("""{"data":{"state":null}}""", "/data/state", "type")]
    [InlineData("""{"data":{"state":""}}""", "/data/state", "minLength")]
    [InlineData("""{"data":{"state":"FINISHED","result":{"type":"error","accounts":{},"insights_consumer_id":"c"}}}""", "/data/result/accounts", "type")]
    [InlineData("""{"data":{"state":"FINISHED","result":{"type":"error","accounts":[],"insights_consumer_id":""}}}""", "/data/result/insights_consumer_id", "minLength")]
    [InlineData("""{"data":{"state":"FINISHED","result":{"type":"error","accounts":[],"insights_consumer_id":7}}}""", "/data/result/insights_consumer_id", "type")]
    [InlineData("""{"data":{"state":"A"},"data":{"state":"B"}}""", "/data", "duplicateProperty")]
    [InlineData("""{"data":{"state":"A","state":"B"}}""", "/data/state", "duplicateProperty")]
    public void Response_member_rules(string json, string path, string keyword)
    {
        AssertErrors.Invalid(InsightsFlowResponse.Parse(json), (path, keyword));
    }

    [Fact]
    public void Truncated_example_is_a_syntax_error()
    {
        ParseResult<InsightsFlowResponse> result = InsightsFlowResponse.Parse(
            Repository.ReadBytes("schema", "examples", "invalid", "response-truncated.json"));

        Assert.False(result.IsValid);
        ValidationError error = Assert.Single(result.Errors);
        Assert.Equal("syntax", error.Keyword);
    }

    [Fact]
    public void FlowResultType_wire_names()
    {
        Assert.Equal("error", FlowResultType.Error.ToWireName());
        Assert.Equal("insights_refresh", FlowResultType.InsightsRefresh.ToWireName());
        Assert.Throws<ArgumentOutOfRangeException>(() => ((FlowResultType)42).ToWireName());

        Assert.True(FlowResultTypeWire.TryParse("insights_refresh", out FlowResultType parsed));
        Assert.Equal(FlowResultType.InsightsRefresh, parsed);
        Assert.True(FlowResultTypeWire.TryParse("error", out parsed));
        Assert.Equal(FlowResultType.Error, parsed);
        Assert.False(FlowResultTypeWire.TryParse("Error", out _));
        Assert.False(FlowResultTypeWire.TryParse("InsightsRefresh", out _));
        Assert.False(FlowResultTypeWire.TryParse(null, out _));

        Assert.True(FlowResultTypeWire.IsDefined(FlowResultType.Error));
        Assert.True(FlowResultTypeWire.IsDefined(FlowResultType.InsightsRefresh));
        Assert.False(FlowResultTypeWire.IsDefined((FlowResultType)42));
    }

    /// <summary>The same document without insignificant whitespace, written by System.Text.Json itself.</summary>
    private static byte[] Compact(byte[] json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            document.WriteTo(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
