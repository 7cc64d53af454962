using System;
using System.IO;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Insights.Contracts.Runtime;
using Xunit;

namespace Insights.Contracts.Tests;

/// <summary>A contract found from its Type (as a web framework knows it), and the schema it carries.</summary>
public class ContractInfoTests
{
    [Theory]
    [InlineData(typeof(InsightsFlowRequest), "insights-flow-request.schema.json")]
    [InlineData(typeof(InsightsFlowResponse), "insights-flow-response.schema.json")]
    public void A_root_contract_carries_its_schema_file_as_compact_json(Type type, string file)
    {
        JsonContractInfo contract = JsonContractInfo.Find(type)!;

        Assert.Equal(type, contract.Type);
        JsonNode expected = JsonNode.Parse(File.ReadAllText(Repository.Path("schema", file)))!;
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(contract.JsonSchemaText!)), contract.JsonSchemaText);
        Assert.DoesNotContain("\n", contract.JsonSchemaText);
    }

    [Fact]
    public void A_type_generated_from_part_of_a_schema_has_no_schema_of_its_own()
    {
        Assert.Null(JsonContractInfo.Find(typeof(RefreshFlowAccounts))!.JsonSchemaText);
        Assert.Null(JsonContractInfo.Find(typeof(FlowResult))!.JsonSchemaText);
    }

    [Theory]
    [InlineData(typeof(string))]
    [InlineData(typeof(FlowResultType))] // a generated enum: a value, not a contract
    [InlineData(typeof(IntendedReport))]
    public void A_type_that_is_not_a_contract_has_none(Type type) => Assert.Null(JsonContractInfo.Find(type));

    [Fact]
    public async Task Parse_through_the_descriptor_is_the_contracts_own()
    {
        JsonContractInfo contract = JsonContractInfo.Find(typeof(InsightsFlowRequest))!;
        using Utf8JsonBuffer valid = await Utf8JsonBuffer.ReadAsync(new MemoryStream(Documents.Utf8(Documents.MinimalRequest)), 1000);
        using Utf8JsonBuffer invalid = await Utf8JsonBuffer.ReadAsync(new MemoryStream(Documents.Utf8("{}")), 1000);
        using Utf8JsonBuffer tooLarge = await Utf8JsonBuffer.ReadAsync(new MemoryStream(Documents.Utf8(Documents.MinimalRequest)), 10);

        Assert.Equal(AssertErrors.Valid(InsightsFlowRequest.Parse(Documents.MinimalRequest)), contract.Parse(valid).Value);
        Assert.Equal(InsightsFlowRequest.Parse("{}").Errors, contract.Parse(invalid).Errors);
        Assert.Equal(JsonContract.SizeKeyword, Assert.Single(contract.Parse(tooLarge).Errors).Keyword);
        Assert.True(tooLarge.Utf8Json.IsEmpty);
    }

    [Fact]
    public void The_type_info_resolver_serves_contracts_without_reflection()
    {
        var options = new JsonSerializerOptions { TypeInfoResolver = JsonContract.TypeInfoResolver };

        InsightsFlowRequest? request = JsonSerializer.Deserialize<InsightsFlowRequest>(Documents.MinimalRequest, options);

        Assert.Equal(AssertErrors.Valid(InsightsFlowRequest.Parse(Documents.MinimalRequest)), request);
        Assert.Equal(request!.ToJson(), JsonSerializer.Serialize(request, options));
        Assert.Throws<JsonContractException>(() => JsonSerializer.Deserialize<InsightsFlowRequest>("{}", options));
        Assert.Throws<NotSupportedException>(() => JsonSerializer.Serialize(42, options));
    }
}
