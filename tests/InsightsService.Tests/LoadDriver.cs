using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace Insights.Contracts.InsightsService.Tests;

/// <summary>One request of a load run and how to tell whether its answer is the right one.</summary>
internal sealed record LoadRequest(byte[] Body, Func<HttpStatusCode, string, string?> Check);

/// <summary>What a load run measured. Latency is from sending a request to having its whole answer.</summary>
internal sealed record LoadOutcome(int Total, int Answered, IReadOnlyList<string> Wrong, TimeSpan Elapsed, TimeSpan P50, TimeSpan P99)
{
    public double RequestsPerSecond => Answered / Elapsed.TotalSeconds;

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Answered}/{Total} answered, {Wrong.Count} wrong, {Elapsed.TotalSeconds:F2} s, {RequestsPerSecond:F0} requests/s, p50 {P50.TotalMilliseconds:F2} ms, p99 {P99.TotalMilliseconds:F2} ms");
}

/// <summary>
/// A bounded closed-loop load: <c>concurrency</c> workers each send the next request as soon as
/// their last one is answered, until <c>total</c> have been sent or the time limit passes. Answers
/// are kept and checked after the clock stops, so checking costs the measurement nothing.
/// </summary>
internal static class LoadDriver
{
    public static async Task<LoadOutcome> RunAsync(Uri address, string path, int total, int concurrency, Func<int, LoadRequest> requestFor, TimeSpan limit)
    {
        LoadRequest[] requests = Enumerable.Range(0, total).Select(requestFor).ToArray();
        var answers = new (HttpStatusCode Status, string Body)?[total];
        long[] latencies = new long[total];
        int next = -1;

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = concurrency };
        using var client = new HttpClient(handler) { BaseAddress = address, Timeout = limit };
        using var stop = new CancellationTokenSource(limit);
        var json = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };

        long started = Stopwatch.GetTimestamp();
        Task[] workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < total && !stop.IsCancellationRequested)
            {
                long sent = Stopwatch.GetTimestamp();
                using var content = new ByteArrayContent(requests[i].Body);
                content.Headers.ContentType = json;
                using HttpResponseMessage response = await client.PostAsync(path, content, stop.Token);
                string body = await response.Content.ReadAsStringAsync(stop.Token);
                latencies[i] = Stopwatch.GetTimestamp() - sent;
                answers[i] = (response.StatusCode, body);
            }
        })).ToArray();

        try
        {
            await Task.WhenAll(workers);
        }
        catch (OperationCanceledException)
        {
            // Over the time limit: the requests not answered are reported as lost below.
        }

        TimeSpan elapsed = Stopwatch.GetElapsedTime(started);
        var wrong = new List<string>();
        for (int i = 0; i < total; i++)
        {
            string? problem = answers[i] is { } answer ? requests[i].Check(answer.Status, answer.Body) : "no answer";
            if (problem is not null)
            {
                wrong.Add($"request {i}: {problem}");
            }
        }

        long[] answered = latencies.Where((_, i) => answers[i] is not null).Order().ToArray();
        return new LoadOutcome(
            total,
            answered.Length,
            wrong,
            elapsed,
            answered.Length == 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(0, answered[(int)(answered.Length * 0.50)]),
            answered.Length == 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(0, answered[Math.Min(answered.Length - 1, (int)(answered.Length * 0.99))]));
    }
}
