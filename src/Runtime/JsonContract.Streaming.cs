using System;
using System.Diagnostics.CodeAnalysis;
using System.Buffers;
using System.Globalization;
using System.IO;
using System.IO.Pipelines;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Insights.Contracts.Runtime;

public static partial class JsonContract
{
    /// <summary>
    /// The largest document <see cref="ParseAsync{T}(Stream, CancellationToken)"/> reads (4 MiB)
    /// unless told otherwise: a parse buffers the whole document, so an unbounded one lets a client
    /// make a server hold as much memory as it cares to send.
    /// </summary>
    public const long DefaultMaxDocumentBytes = 4 * 1024 * 1024;

    /// <summary>The keyword of the error for a document larger than the limit it was read with.</summary>
    public const string SizeKeyword = "size";

    /// <summary>Parses and validates UTF-8 JSON held in one or more segments (a pipe's buffer, for example).</summary>
    public static ParseResult<T> Parse<T>(ReadOnlySequence<byte> utf8Json) where T : class, IJsonContract<T>
    {
        if (utf8Json.IsSingleSegment)
        {
            return Parse<T>(utf8Json.FirstSpan);
        }

        ValidationContext context = ValidationContext.Rent();
        try
        {
            if (StartsWithByteOrderMark(utf8Json))
            {
                utf8Json = utf8Json.Slice(Utf8ByteOrderMark.Length);
            }

            var reader = new Utf8JsonReader(utf8Json, ReaderOptions);
            T? value = ReadDocument<T>(ref reader, context);
            return context.HasErrors ? ParseResult<T>.Failure(context.Errors) : ParseResult<T>.Success(value!);
        }
        finally
        {
            ValidationContext.Return(context);
        }
    }

    /// <summary>
    /// Reads a whole UTF-8 JSON document from <paramref name="utf8Json"/> (up to
    /// <see cref="DefaultMaxDocumentBytes"/>) and parses and validates it. The stream is read into
    /// pooled buffers, never copied into one new array, and is left open.
    /// </summary>
    [SuppressMessage("ApiDesign", "RS0026", Justification = ApiDesign.OptionalCancellation)]
    public static ValueTask<ParseResult<T>> ParseAsync<T>(Stream utf8Json, CancellationToken cancellationToken = default) where T : class, IJsonContract<T> =>
        ParseAsync<T>(utf8Json, DefaultMaxDocumentBytes, cancellationToken);

    /// <summary>
    /// Reads a whole UTF-8 JSON document of at most <paramref name="maxBytes"/> bytes from
    /// <paramref name="utf8Json"/> and parses and validates it; a longer one is a
    /// <see cref="SizeKeyword"/> error (reading stops at the limit). The stream is left open.
    /// </summary>
    [SuppressMessage("ApiDesign", "RS0026", Justification = ApiDesign.OptionalCancellation)]
    public static async ValueTask<ParseResult<T>> ParseAsync<T>(Stream utf8Json, long maxBytes, CancellationToken cancellationToken = default) where T : class, IJsonContract<T>
    {
        using Utf8JsonBuffer buffer = await Utf8JsonBuffer.ReadAsync(utf8Json, maxBytes, cancellationToken).ConfigureAwait(false);
        return Parse<T>(buffer);
    }

    /// <summary>
    /// Reads a whole UTF-8 JSON document of at most <paramref name="maxBytes"/> bytes from
    /// <paramref name="utf8Json"/> (an HTTP request body, for example) into pooled segments and
    /// parses and validates it; a longer one is a <see cref="SizeKeyword"/> error and reading
    /// stops at the limit. The reader is advanced past what was read, not completed.
    /// </summary>
    [SuppressMessage("ApiDesign", "RS0026", Justification = ApiDesign.OptionalCancellation)]
    public static async ValueTask<ParseResult<T>> ParseAsync<T>(PipeReader utf8Json, long maxBytes = DefaultMaxDocumentBytes, CancellationToken cancellationToken = default) where T : class, IJsonContract<T>
    {
        using Utf8JsonBuffer buffer = await Utf8JsonBuffer.ReadAsync(utf8Json, maxBytes, cancellationToken).ConfigureAwait(false);
        return Parse<T>(buffer);
    }

    /// <summary>Parses and validates a buffered document; one larger than its cap is its <see cref="Utf8JsonBuffer.SizeError"/>.</summary>
    public static ParseResult<T> Parse<T>(Utf8JsonBuffer utf8Json) where T : class, IJsonContract<T>
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        return utf8Json.SizeError is { } tooLarge ? ParseResult<T>.Failure([tooLarge]) : Parse<T>(utf8Json.Utf8Json);
    }

    /// <summary>The error for a document larger than <paramref name="maxBytes"/>.</summary>
    internal static ValidationError TooLarge(long maxBytes) =>
        new(string.Empty, SizeKeyword, string.Create(CultureInfo.InvariantCulture, $"the document is larger than the limit of {maxBytes} bytes"));

    private static bool StartsWithByteOrderMark(ReadOnlySequence<byte> utf8Json)
    {
        if (utf8Json.Length < Utf8ByteOrderMark.Length)
        {
            return false;
        }

        Span<byte> start = stackalloc byte[3];
        utf8Json.Slice(0, start.Length).CopyTo(start);
        return start.SequenceEqual(Utf8ByteOrderMark);
    }
}
