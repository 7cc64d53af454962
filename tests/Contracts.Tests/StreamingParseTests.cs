using System;
using System.IO;
using System.IO.Pipelines;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Insights.Contracts.Runtime;
using Xunit;

namespace Insights.Contracts.Tests;

/// <summary>ParseAsync from a Stream or a PipeReader: the same outcome as Parse on the bytes, whatever the chunking, and a size cap.</summary>
public class StreamingParseTests
{
    /// <summary>A valid request of about <paramref name="approximateBytes"/> bytes (many distinct open-enum reports).</summary>
    private static string LargeRequest(int approximateBytes)
    {
        int count = approximateBytes / 24;
        string reports = string.Join(",", Enumerable.Range(0, count).Select(i => $"\"report_{i:D12}\""));
        return Documents.Request(("intended_reports", "[" + reports + "]"));
    }

    /// <summary>A stream that hands out at most <c>chunk</c> bytes per read, as a slow network does.</summary>
    private sealed class TrickleStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, chunk)], cancellationToken);
    }

    public static TheoryData<string, int> Documents_and_chunk_sizes()
    {
        var data = new TheoryData<string, int>();
        foreach (string json in new[] { Documents.MinimalRequest, "\uFEFF" + Documents.MinimalRequest, Documents.Request(("from_date", "\"2023-02-29\"")), "{\"intended_reports\":[", "", LargeRequest(200_000) })
        {
            foreach (int chunk in new[] { 1, 7, 4096, int.MaxValue })
            {
                if (json.Length > 10_000 && chunk < 4096)
                {
                    continue; // a byte at a time over 200 kB adds time, not coverage
                }

                data.Add(json, chunk);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Documents_and_chunk_sizes))]
    public async Task ParseAsync_from_a_stream_gives_what_Parse_gives_on_the_bytes(string json, int chunk)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(json);
        ParseResult<InsightsFlowRequest> expected = InsightsFlowRequest.Parse(bytes);

        ParseResult<InsightsFlowRequest> actual = await JsonContract.ParseAsync<InsightsFlowRequest>(new TrickleStream(bytes, chunk));

        Assert.Equal(expected.Value, actual.Value);
        Assert.Equal(expected.Errors, actual.Errors);
    }

    /// <summary>
    /// A body in segments (as a PipeReader hands it out) split at every byte: each token that spans
    /// the split (a date, an undeclared member's text, valid UTF-8 or not) is read as it is in one piece.
    /// </summary>
    [Theory]
    [InlineData("request", "", "/to_date: '2024-1-05' is not an ISO 8601 date")]
    [InlineData("response", "\"note\":\"café\",\"extra\":{\"deep\":[\"été\"]}", "valid")]
    [InlineData("response", "\"note\":\"cafX\"", "(root): an undeclared member contains text that is not valid UTF-8")]
    public void Parse_of_a_sequence_split_anywhere_gives_what_Parse_gives_on_the_bytes(string kind, string members, string outcome)
    {
        // The request's dates are its own members (a valid from_date, an invalid to_date); the response gets undeclared ones.
        string json = kind == "request" ? Documents.Request(("to_date", "\"2024-1-05\"")) : Documents.Response().Insert(1, members + ",");
        byte[] bytes = Encoding.UTF8.GetBytes(json);
        int lone = Array.IndexOf(bytes, (byte)'X');
        if (lone >= 0)
        {
            bytes[lone] = 0xC3; // a lead byte with no continuation: not UTF-8
        }

        string Outcome<T>(ParseResult<T> result) where T : class =>
            result.IsValid ? "valid" : string.Join("; ", result.Errors.Select(e => e.ToString()));
        string expected = kind == "request" ? Outcome(InsightsFlowRequest.Parse(bytes)) : Outcome(InsightsFlowResponse.Parse(bytes));
        Assert.StartsWith(outcome, expected, StringComparison.Ordinal); // the case is what it claims to be
        for (int split = 1; split < bytes.Length; split++)
        {
            var sequence = SplitSequence.At(bytes, split);
            string actual = kind == "request"
                ? Outcome(JsonContract.Parse<InsightsFlowRequest>(sequence))
                : Outcome(JsonContract.Parse<InsightsFlowResponse>(sequence));
            Assert.True(expected == actual, $"split at {split}: expected {expected}, got {actual}");
        }
    }

    [Fact]
    public async Task ParseAsync_from_a_pipe_written_in_pieces_while_it_reads()
    {
        byte[] bytes = Encoding.UTF8.GetBytes(LargeRequest(300_000));
        var pipe = new Pipe();
        Task writing = Task.Run(async () =>
        {
            for (int offset = 0; offset < bytes.Length; offset += 1000)
            {
                await pipe.Writer.WriteAsync(bytes.AsMemory(offset, Math.Min(1000, bytes.Length - offset)));
            }

            await pipe.Writer.CompleteAsync();
        });

        ParseResult<InsightsFlowRequest> result = await JsonContract.ParseAsync<InsightsFlowRequest>(pipe.Reader);
        await writing;

        Assert.Equal(AssertErrors.Valid(InsightsFlowRequest.Parse(bytes)), AssertErrors.Valid(result));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(30_000)]
    [InlineData(100_000)] // several pooled segments
    public async Task A_document_one_byte_over_the_cap_is_a_size_error_at_the_root(int padding)
    {
        string json = padding == 0 ? Documents.MinimalRequest : LargeRequest(padding);
        byte[] bytes = Encoding.UTF8.GetBytes(json);

        ParseResult<InsightsFlowRequest> over = await JsonContract.ParseAsync<InsightsFlowRequest>(new TrickleStream(bytes, 4096), bytes.Length - 1);
        ParseResult<InsightsFlowRequest> exact = await JsonContract.ParseAsync<InsightsFlowRequest>(new TrickleStream(bytes, 4096), bytes.Length);

        ValidationError error = AssertErrors.Single(over.Errors, "", JsonContract.SizeKeyword);
        Assert.Equal($"the document is larger than the limit of {bytes.Length - 1} bytes", error.Message);
        Assert.True(exact.IsValid);
    }

    [Fact]
    public async Task A_stream_longer_than_the_cap_is_not_read_to_its_end()
    {
        var endless = new EndlessStream();

        ParseResult<InsightsFlowRequest> result = await JsonContract.ParseAsync<InsightsFlowRequest>(endless, maxBytes: 1_000_000);

        AssertErrors.Single(result.Errors, "", JsonContract.SizeKeyword);
        Assert.InRange(endless.Served, 1_000_001, 1_200_000);
    }

    [Fact]
    public async Task Cancellation_stops_a_read_that_waits_for_more()
    {
        var pipe = new Pipe();
        await pipe.Writer.WriteAsync(Encoding.UTF8.GetBytes("{\"intended_reports\":"));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await JsonContract.ParseAsync<InsightsFlowRequest>(pipe.Reader, cancellationToken: cancel.Token));
    }

    [Fact]
    public async Task The_stream_is_left_open()
    {
        var stream = new MemoryStream(Documents.Utf8(Documents.MinimalRequest));

        await JsonContract.ParseAsync<InsightsFlowRequest>(stream);

        Assert.True(stream.CanRead);
    }

    /// <summary>Serves '[' forever, counting what it served.</summary>
    private sealed class EndlessStream : Stream
    {
        public long Served { get; private set; }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => Served; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            buffer.AsSpan(offset, count).Fill((byte)'[');
            Served += count;
            return count;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
