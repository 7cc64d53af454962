using Insights.Client;
using Insights.Contracts;
using Insights.Contracts.Runtime;

// dotnet run --project samples/InsightsClient -- http://127.0.0.1:5080
using var http = new HttpClient { BaseAddress = new Uri(args.Length > 0 ? args[0].TrimEnd('/') + "/" : "http://127.0.0.1:5080/") };
var client = new InsightsFlowClient(http);

var request = new InsightsFlowRequest
{
    IntendedReports = [IntendedReport.Transactions, IntendedReport.Income],
    FromDate = new DateOnly(2024, 1, 1),
    ToDate = new DateOnly(2024, 3, 31),
    Accounts = new RefreshFlowAccounts { All = true },
    InsightsConsumerId = "consumer-42",
};
FlowOutcome started = await client.StartFlowAsync(request);
Console.WriteLine($"valid request: {(int)started.Status}, consumer {started.Response!.Data.Result!.InsightsConsumerId}, {started.Response.Data.Result.Accounts.Count} accounts");

FlowOutcome rejected = await client.StartFlowAsync("""{"intended_reports":[],"from_date":"2024-02-30","accounts":{"all":true,"ids":["x"]}}""");
Console.WriteLine($"invalid request: {(int)rejected.Status} {rejected.Problem!.Title}");
foreach (ValidationError error in rejected.Problem.Errors)
{
    Console.WriteLine($"  {error.Path} [{error.Keyword}] {error.Message}");
}

try
{
    await client.StartFlowAsync(request with { ToDate = new DateOnly(2023, 12, 31) });
}
catch (JsonContractException e)
{
    Console.WriteLine($"not sent: {e.Message}");
}
