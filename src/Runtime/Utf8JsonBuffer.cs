using System;
using System.Diagnostics.CodeAnalysis;
using System.Buffers;
using System.IO;
using System.IO.Pipelines;
using System.Threading;
using System.Threading.Tasks;

namespace Insights.Contracts.Runtime;

/// <summary>
/// A whole UTF-8 JSON document read from a pipe or stream into arrays rented from the shared pool
/// (never copied into one new array), up to a size cap. For code that parses a document and then
/// hands the same bytes on, as a web framework does with a request body; dispose it to return the arrays.
/// </summary>
public sealed class Utf8JsonBuffer : IDisposable
{
    private readonly PooledSegments _segments = new();

    private Utf8JsonBuffer(long maxBytes) => MaxBytes = maxBytes;

    /// <summary>The cap it was read with.</summary>
    public long MaxBytes { get; }

    /// <summary>The document's bytes; empty when <see cref="SizeError"/> is set.</summary>
    public ReadOnlySequence<byte> Utf8Json => SizeError is null ? _segments.Sequence : ReadOnlySequence<byte>.Empty;

    /// <summary>The <see cref="JsonContract.SizeKeyword"/> error when the document is longer than <see cref="MaxBytes"/> (reading stopped there).</summary>
    public ValidationError? SizeError { get; private set; }

    /// <summary>
    /// Reads <paramref name="utf8Json"/> to its end, or until it holds more than
    /// <paramref name="maxBytes"/> bytes. The reader is advanced past what was read, not completed.
    /// </summary>
    [SuppressMessage("ApiDesign", "RS0026", Justification = ApiDesign.OptionalCancellation)]
    public static async ValueTask<Utf8JsonBuffer> ReadAsync(PipeReader utf8Json, long maxBytes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        ArgumentOutOfRangeException.ThrowIfNegative(maxBytes);

        var buffer = new Utf8JsonBuffer(maxBytes);
        try
        {
            while (true)
            {
                ReadResult read = await utf8Json.ReadAsync(cancellationToken).ConfigureAwait(false);
                if (read.IsCanceled)
                {
                    throw new OperationCanceledException("The read of the JSON document was canceled.");
                }

                ReadOnlySequence<byte> data = read.Buffer;
                if (buffer._segments.Length + data.Length > maxBytes)
                {
                    utf8Json.AdvanceTo(data.End);
                    buffer.SizeError = JsonContract.TooLarge(maxBytes);
                    return buffer;
                }

                buffer._segments.Append(data);
                utf8Json.AdvanceTo(data.End);
                if (read.IsCompleted)
                {
                    return buffer;
                }
            }
        }
        catch
        {
            buffer.Dispose();
            throw;
        }
    }

    /// <summary>Reads <paramref name="utf8Json"/> (left open) to its end, or until it holds more than <paramref name="maxBytes"/> bytes.</summary>
    [SuppressMessage("ApiDesign", "RS0026", Justification = ApiDesign.OptionalCancellation)]
    public static async ValueTask<Utf8JsonBuffer> ReadAsync(Stream utf8Json, long maxBytes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        PipeReader reader = CreateReader(utf8Json);
        try
        {
            return await ReadAsync(reader, maxBytes, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await reader.CompleteAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Returns the rented arrays; <see cref="Utf8Json"/> must not be used after this.</summary>
    public void Dispose() => _segments.Dispose();

    internal static PipeReader CreateReader(Stream utf8Json) => PipeReader.Create(utf8Json, new StreamPipeReaderOptions(leaveOpen: true));
}
