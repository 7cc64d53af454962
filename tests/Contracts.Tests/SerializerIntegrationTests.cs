using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Insights.Contracts.Runtime;
using Xunit;

namespace Insights.Contracts.Tests;

/// <summary>JsonSerializer finds the generated [JsonConverter]s and gets the same bytes and the same errors as Parse.</summary>
public class SerializerIntegrationTests
{
    private static byte[] Example(string file) => Repository.ReadBytes("schema", "examples", file);

    public sealed record Envelope(string Id, InsightsFlowRequest Request);

    [Theory]
    [InlineData("request-account-selection.json")]
    [InlineData("request-all-accounts.json")]
    [InlineData("request-given-accounts.json")]
    public void Serialize_with_default_options_writes_the_same_bytes_as_ToUtf8Json(string file)
    {
        InsightsFlowRequest request = AssertErrors.Valid(InsightsFlowRequest.Parse(Example(file)));

        Assert.Equal(request.ToUtf8Json(), JsonSerializer.SerializeToUtf8Bytes(request));
        Assert.Equal(request.ToJson(), JsonSerializer.Serialize(request));
    }

    [Fact]
    public void Serialize_response_writes_the_same_bytes_as_ToUtf8Json()
    {
        InsightsFlowResponse response = AssertErrors.Valid(InsightsFlowResponse.Parse(Example("response-finished.json")));

        Assert.Equal(response.ToUtf8Json(), JsonSerializer.SerializeToUtf8Bytes(response));
    }

    [Fact]
    public void Naming_policies_do_not_change_the_wire_names()
    {
        InsightsFlowRequest request = AssertErrors.Valid(InsightsFlowRequest.Parse(Example("request-all-accounts.json")));
        var options = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, DictionaryKeyPolicy = JsonNamingPolicy.KebabCaseUpper };

        Assert.Equal(request.ToUtf8Json(), JsonSerializer.SerializeToUtf8Bytes(request, options));
    }

    [Theory]
    [InlineData("request-account-selection.json")]
    [InlineData("request-all-accounts.json")]
    [InlineData("request-given-accounts.json")]
    public void Deserialize_gives_the_same_value_as_Parse(string file)
    {
        byte[] bytes = Example(file);

        InsightsFlowRequest? deserialized = JsonSerializer.Deserialize<InsightsFlowRequest>(bytes);

        Assert.Equal(AssertErrors.Valid(InsightsFlowRequest.Parse(bytes)), deserialized);
    }

    [Fact]
    public void Deserialize_response_gives_the_same_value_as_Parse()
    {
        byte[] bytes = Example("response-finished.json");

        Assert.Equal(AssertErrors.Valid(InsightsFlowResponse.Parse(bytes)), JsonSerializer.Deserialize<InsightsFlowResponse>(bytes));
    }

    [Fact]
    public void Deserialize_of_an_invalid_request_throws_JsonContractException_listing_every_error()
    {
        byte[] bytes = Repository.ReadBytes("schema", "examples", "invalid", "request-wrong-types.json");
        IReadOnlyList<ValidationError> expected = InsightsFlowRequest.Parse(bytes).Errors;

        JsonContractException e = Assert.Throws<JsonContractException>(() => JsonSerializer.Deserialize<InsightsFlowRequest>(bytes));

        Assert.Equal(7, e.Errors.Count);
        Assert.Equal(expected, e.Errors);
        Assert.IsAssignableFrom<JsonException>(e);
        Assert.Contains("(7 errors)", e.Message, StringComparison.Ordinal);
        foreach (ValidationError error in expected)
        {
            Assert.Contains(error.ToString(), e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Deserialize_of_an_invalid_response_throws_JsonContractException_listing_every_error()
    {
        byte[] bytes = Repository.ReadBytes("schema", "examples", "invalid", "response-unknown-type.json");

        JsonContractException e = Assert.Throws<JsonContractException>(() => JsonSerializer.Deserialize<InsightsFlowResponse>(bytes));

        Assert.Equal(
            [("/data/result/type", "enum"), ("/data/result/accounts/0/iban", "required"), ("/data/result/insights_consumer_id", "minLength")],
            e.Errors.Select(x => (x.Path, x.Keyword)));
    }

    [Fact]
    public void Deserialize_of_malformed_json_throws_a_JsonException()
    {
        byte[] bytes = Repository.ReadBytes("schema", "examples", "invalid", "response-truncated.json");

        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<InsightsFlowResponse>(bytes));
    }

    [Fact]
    public void GetValueOrThrow_throws_the_same_errors_as_Parse()
    {
        ParseResult<InsightsFlowRequest> result = InsightsFlowRequest.Parse("{}");

        JsonContractException e = Assert.Throws<JsonContractException>(() => result.GetValueOrThrow());

        Assert.Equal(result.Errors, e.Errors);
        ParseResult<InsightsFlowRequest> valid = InsightsFlowRequest.Parse(Documents.MinimalRequest);
        Assert.Same(valid.Value, valid.GetValueOrThrow());
    }

    [Fact]
    public void Contracts_nested_in_other_types_use_the_converter()
    {
        var envelope = new Envelope("e-1", AssertErrors.Valid(InsightsFlowRequest.Parse(Example("request-given-accounts.json"))));

        string json = JsonSerializer.Serialize(envelope);

        Assert.Equal("{\"Id\":\"e-1\",\"Request\":" + envelope.Request.ToJson() + "}", json);
        Assert.Equal(envelope, JsonSerializer.Deserialize<Envelope>(json));
    }

    [Fact]
    public void Invalid_contract_nested_in_another_type_throws_JsonContractException()
    {
        string json = "{\"Id\":\"e-1\",\"Request\":" + Documents.Request(("intended_reports", "[]")) + "}";

        JsonContractException e = Assert.Throws<JsonContractException>(() => JsonSerializer.Deserialize<Envelope>(json));

        Assert.Equal([("/intended_reports", "minItems")], e.Errors.Select(x => (x.Path, x.Keyword)));
    }

    [Fact]
    public void Lists_of_contracts_round_trip()
    {
        InsightsFlowRequest[] requests = new[] { "request-account-selection.json", "request-all-accounts.json" }
            .Select(f => AssertErrors.Valid(InsightsFlowRequest.Parse(Example(f))))
            .ToArray();

        string json = JsonSerializer.Serialize(requests);

        Assert.Equal(requests, JsonSerializer.Deserialize<InsightsFlowRequest[]>(json));
    }

    [Fact]
    public void Options_without_a_type_info_resolver_still_use_the_converter()
    {
        // With reflection enabled (the default here) a null resolver falls back to the reflection resolver,
        // which honours the generated [JsonConverter] attribute.
        var options = new JsonSerializerOptions { TypeInfoResolver = null };
        byte[] bytes = Example("request-all-accounts.json");
        InsightsFlowRequest request = AssertErrors.Valid(InsightsFlowRequest.Parse(bytes));

        Assert.Equal(request.ToUtf8Json(), JsonSerializer.SerializeToUtf8Bytes(request, options));
        Assert.Equal(request, JsonSerializer.Deserialize<InsightsFlowRequest>(bytes, options));
        Assert.Throws<JsonContractException>(() => JsonSerializer.Deserialize<InsightsFlowRequest>("{}", options));
    }

    [Fact]
    public void Enum_and_open_enum_converters_use_wire_names()
    {
        Assert.Equal("\"insights_refresh\"", JsonSerializer.Serialize(FlowResultType.InsightsRefresh));
        Assert.Equal("\"error\"", JsonSerializer.Serialize(FlowResultType.Error));
        Assert.Equal(FlowResultType.InsightsRefresh, JsonSerializer.Deserialize<FlowResultType>("\"insights_refresh\""));

        JsonContractException e = Assert.Throws<JsonContractException>(() => JsonSerializer.Deserialize<FlowResultType>("\"InsightsRefresh\""));
        Assert.Equal("enum", Assert.Single(e.Errors).Keyword);

        Assert.Equal("\"risk\"", JsonSerializer.Serialize(IntendedReport.Risk));
        Assert.Equal("\"future\"", JsonSerializer.Serialize(new IntendedReport("future")));
        Assert.Equal(IntendedReport.Income, JsonSerializer.Deserialize<IntendedReport>("\"income\""));
        Assert.Equal(new IntendedReport("future"), JsonSerializer.Deserialize<IntendedReport>("\"future\""));
        Assert.Equal("type", Assert.Single(Assert.Throws<JsonContractException>(() => JsonSerializer.Deserialize<IntendedReport>("1")).Errors).Keyword);
    }
}
