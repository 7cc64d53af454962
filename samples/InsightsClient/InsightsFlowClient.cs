using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Insights.Contracts;
using Insights.Contracts.Runtime;

namespace Insights.Client;

/// <summary>Calls the Insights flow service: requests are checked before they leave, responses when they arrive.</summary>
public sealed class InsightsFlowClient(HttpClient http)
{
    /// <summary>POSTs a request built in code; an invalid one throws <see cref="JsonContractException"/> and is never sent.</summary>
    public async Task<FlowOutcome> StartFlowAsync(InsightsFlowRequest request, CancellationToken cancellationToken = default)
    {
        using HttpResponseMessage response = await http.PostContractAsync("flows", request, cancellationToken);
        return await FlowOutcome.ReadAsync(response, cancellationToken);
    }

    /// <summary>POSTs JSON text as it is, to see what the service says about it.</summary>
    public async Task<FlowOutcome> StartFlowAsync(string json, string contentType = "application/json", CancellationToken cancellationToken = default)
    {
        using var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType) { CharSet = "utf-8" };
        using HttpResponseMessage response = await http.PostAsync("flows", content, cancellationToken);
        return await FlowOutcome.ReadAsync(response, cancellationToken);
    }
}

/// <summary>What the service answered: the flow's response, or the problem with the request.</summary>
public sealed record FlowOutcome(HttpStatusCode Status, InsightsFlowResponse? Response, Problem? Problem)
{
    public static async Task<FlowOutcome> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            // A response that breaks the contract throws here, listing every error.
            ParseResult<InsightsFlowResponse> parsed = await response.Content.ReadContractAsync<InsightsFlowResponse>(cancellationToken: cancellationToken);
            return new FlowOutcome(response.StatusCode, parsed.GetValueOrThrow(), null);
        }

        string body = await response.Content.ReadAsStringAsync(cancellationToken);
        return new FlowOutcome(response.StatusCode, null, response.Content.Headers.ContentType?.MediaType == "application/problem+json" ? Problem.Parse(body) : null);
    }
}

/// <summary>An RFC 9457 problem details body as the service writes it: errors by JSON Pointer.</summary>
public sealed record Problem(int Status, string Title, IReadOnlyList<ValidationError> Errors)
{
    public static Problem Parse(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        JsonElement root = document.RootElement;
        var errors = new List<ValidationError>();
        if (root.TryGetProperty("errors", out JsonElement byPointer))
        {
            foreach (JsonProperty pointer in byPointer.EnumerateObject())
            {
                foreach (JsonElement error in pointer.Value.EnumerateArray())
                {
                    errors.Add(new ValidationError(pointer.Name, error.GetProperty("keyword").GetString()!, error.GetProperty("message").GetString()!));
                }
            }
        }

        return new Problem(root.GetProperty("status").GetInt32(), root.GetProperty("title").GetString()!, errors);
    }
}
