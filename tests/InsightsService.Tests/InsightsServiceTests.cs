using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Insights.Client;
using Insights.Contracts.Runtime;
using Xunit;

namespace Insights.Contracts.InsightsService.Tests;

/// <summary>samples/InsightsService on a real Kestrel, called through samples/InsightsClient and as raw HTTP.</summary>
public class InsightsServiceTests
{
    private static InsightsFlowRequest Request(RefreshFlowAccounts? accounts, string? consumer = "consumer-1") => new()
    {
        IntendedReports = [IntendedReport.Transactions],
        FromDate = new DateOnly(2024, 1, 1),
        ToDate = new DateOnly(2024, 3, 31),
        Accounts = accounts,
        InsightsConsumerId = consumer,
    };

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task Each_accounts_scenario_through_the_client_gets_its_accounts(string environment)
    {
        await using LoopbackServer service = await InsightsServiceApps.StartAsync(environment);
        using var http = new HttpClient { BaseAddress = service.Address };
        var client = new InsightsFlowClient(http);

        FlowOutcome selection = await client.StartFlowAsync(Request(null));
        FlowOutcome all = await client.StartFlowAsync(Request(new RefreshFlowAccounts { All = true }, consumer: null));
        FlowOutcome given = await client.StartFlowAsync(Request(new RefreshFlowAccounts { Ibans = ["GB82WEST12345698765432", "DE02120300000000202051"] }));

        Assert.Equal(HttpStatusCode.OK, selection.Status);
        Assert.Equal("consumer-1", selection.Response!.Data.Result!.InsightsConsumerId);
        Assert.Equal(["DE89370400440532013000"], selection.Response.Data.Result.Accounts.Select(a => a.Iban));
        Assert.Equal(3, all.Response!.Data.Result!.Accounts.Count);
        Assert.True(Guid.TryParse(all.Response.Data.Result.InsightsConsumerId, out _), "a new consumer id is generated");
        Assert.Equal(["GB82WEST12345698765432"], given.Response!.Data.Result!.Accounts.Select(a => a.Iban));
    }

    [Fact]
    public async Task An_invalid_request_gets_every_error_by_pointer_and_an_invalid_built_one_is_never_sent()
    {
        await using LoopbackServer service = await InsightsServiceApps.StartAsync();
        using var http = new HttpClient { BaseAddress = service.Address };
        var client = new InsightsFlowClient(http);

        FlowOutcome rejected = await client.StartFlowAsync("""{"intended_reports":["risk","risk"],"from_date":"2024-01-01","to_date":"2024-01-31","accounts":{"all":true,"ibans":["DE89370400440532013000"]},"insights_consumer_id":""" + "\"" + new string('x', 128) + "\"}");
        JsonContractException notSent = await Assert.ThrowsAsync<JsonContractException>(() => client.StartFlowAsync(Request(new RefreshFlowAccounts { All = true, Ids = [Guid.Empty] })));

        Assert.Equal(HttpStatusCode.BadRequest, rejected.Status);
        Assert.Equal(
            [("/intended_reports", "uniqueItems"), ("/accounts", "oneOf"), ("/insights_consumer_id", "maxLength")],
            rejected.Problem!.Errors.Select(e => (e.Path, e.Keyword)));
        Assert.Equal("/accounts", Assert.Single(notSent.Errors).Path);
    }

    /// <summary>One HTTP/1.1 request written by hand on a socket; returns the status line, the headers and the body.</summary>
    private static async Task<(string StatusLine, string Headers, string Body)> RawAsync(Uri address, string contentType, string body)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(address.Host, address.Port);
        await using NetworkStream stream = tcp.GetStream();
        byte[] content = Encoding.UTF8.GetBytes(body);
        string head = $"POST /flows HTTP/1.1\r\nHost: {address.Authority}\r\nContent-Type: {contentType}\r\nContent-Length: {content.Length}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        await stream.WriteAsync(content);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        string response = await reader.ReadToEndAsync();
        int split = response.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        string headers = response[..split];
        string payload = response[(split + 4)..];
        return (headers[..headers.IndexOf("\r\n", StringComparison.Ordinal)], headers, headers.Contains("Transfer-Encoding: chunked") ? Dechunk(payload) : payload);
    }

    /// <summary>The body of a chunked HTTP/1.1 response (size line in hex, data, CRLF; a 0 size ends it).</summary>
    private static string Dechunk(string chunked)
    {
        var body = new StringBuilder();
        int at = 0;
        while (true)
        {
            int lineEnd = chunked.IndexOf("\r\n", at, StringComparison.Ordinal);
            int size = Convert.ToInt32(chunked[at..lineEnd], 16);
            if (size == 0)
            {
                return body.ToString();
            }

            // The test bodies are ASCII, so a chunk's byte count is its character count.
            body.Append(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
    }

    [Fact]
    public async Task Raw_http_valid_malformed_and_not_json()
    {
        await using LoopbackServer service = await InsightsServiceApps.StartAsync();

        var valid = await RawAsync(service.Address, "application/json", """{"intended_reports":["income"],"from_date":"2024-01-01","to_date":"2024-01-31","accounts":{"all":true},"insights_consumer_id":"raw"}""");
        var malformed = await RawAsync(service.Address, "application/json", """{"intended_reports":["income"]""");
        var notJson = await RawAsync(service.Address, "text/plain", "intended_reports=income");

        Assert.Equal("HTTP/1.1 200 OK", valid.StatusLine);
        InsightsFlowResponse response = InsightsFlowResponse.Parse(valid.Body).GetValueOrThrow();
        Assert.Equal("raw", response.Data.Result!.InsightsConsumerId);

        Assert.Equal("HTTP/1.1 400 Bad Request", malformed.StatusLine);
        Assert.Contains("Content-Type: application/problem+json", malformed.Headers);
        Assert.Equal("syntax", (string)JsonNode.Parse(malformed.Body)!["errors"]![""]![0]!["keyword"]!);

        Assert.Equal("HTTP/1.1 415 Unsupported Media Type", notJson.StatusLine);
        Assert.Equal("contentType", (string)JsonNode.Parse(notJson.Body)!["errors"]![""]![0]!["keyword"]!);
    }
}
