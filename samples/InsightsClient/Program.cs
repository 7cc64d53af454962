using Insights.Client;
using Insights.Contracts;
using Insights.Contracts.Runtime;

// dotnet run --project samples/InsightsClient -- [service URL, default http://127.0.0.1:5080] [seconds to wait for it, default 10]
using var http = new HttpClient { BaseAddress = new Uri(args.Length > 0 ? args[0].TrimEnd('/') + "/" : "http://127.0.0.1:5080/") };
TimeSpan wait = TimeSpan.FromSeconds(args.Length > 1 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10);

// The service may still be starting (both samples are often started together): wait for it, and
// if it never answers, say what to start rather than dying with a connection stack trace.
if (!await ServiceAnswersAsync(http, wait))
{
    Console.Error.WriteLine($"Nothing answers at {http.BaseAddress} after {wait.TotalSeconds:0} s: start the service first (dotnet run --project samples/InsightsService), then run this again.");
    return 1;
}

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

return 0;

// Any HTTP answer (even 404) means the service listens; a refused connection is retried until the deadline.
static async Task<bool> ServiceAnswersAsync(HttpClient http, TimeSpan wait)
{
    DateTime deadline = DateTime.UtcNow + wait;
    while (true)
    {
        try
        {
            using HttpResponseMessage answer = await http.GetAsync("", HttpCompletionOption.ResponseHeadersRead);
            return true;
        }
        catch (HttpRequestException) when (DateTime.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
