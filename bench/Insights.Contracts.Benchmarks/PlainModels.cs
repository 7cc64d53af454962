using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Insights.Contracts.Benchmarks;

// What a user writes by hand without the generator: plain records, no validation at all.
public sealed record PlainResponse(PlainData Data);

public sealed record PlainData(string State, PlainResult? Result);

public sealed record PlainResult(string Type, List<PlainAccount> Accounts, string InsightsConsumerId);

public sealed record PlainAccount(System.Guid InsightsAccountId, string Iban);

public sealed record PlainRequest(
    List<string> IntendedReports,
    System.DateOnly FromDate,
    System.DateOnly ToDate,
    PlainAccounts? Accounts,
    string? InsightsConsumerId,
    int DataRetentionMinutes = 10);

public sealed record PlainAccounts(List<System.Guid>? Ids, List<string>? Ibans, bool? All);

/// <summary>(c) System.Text.Json source-generated metadata.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(PlainResponse))]
[JsonSerializable(typeof(PlainRequest))]
public sealed partial class PlainJsonContext : JsonSerializerContext;

public static class PlainJson
{
    /// <summary>(d) System.Text.Json reflection-based metadata.</summary>
    public static readonly JsonSerializerOptions Reflection = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
}
