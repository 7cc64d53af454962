using System;
using System.Buffers;
using System.ComponentModel;
using System.Text;
using System.Text.Json;
using Insights.Contracts.Runtime.CompilerServices;

namespace Insights.Contracts.Runtime;

/// <summary>
/// Parsing and writing for any generated contract. Parsing never throws for bad input: malformed
/// JSON, wrong types, bad formats and schema violations all come back as <see cref="ValidationError"/>s.
/// </summary>
public static partial class JsonContract
{
    /// <summary>The deepest nesting a document may have; deeper input is a <c>syntax</c> error, not a stack overflow.</summary>
    public const int MaxDepth = 64;

    /// <summary>The keyword of an error in the JSON text itself (not well-formed, empty, nested deeper than <see cref="MaxDepth"/>).</summary>
    public const string SyntaxKeyword = "syntax";

    /// <summary>Strict RFC 8259: no comments, no trailing commas.</summary>
    public static JsonReaderOptions ReaderOptions { get; } = new()
    {
        MaxDepth = MaxDepth,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
    };

    private static ReadOnlySpan<byte> Utf8ByteOrderMark => [0xEF, 0xBB, 0xBF];

    /// <summary>Parses and validates UTF-8 JSON.</summary>
    public static ParseResult<T> Parse<T>(ReadOnlySpan<byte> utf8Json) where T : class, IJsonContract<T>
    {
        ValidationContext context = ValidationContext.Rent();
        try
        {
            T? value = ReadDocument<T>(utf8Json, context);
            return context.HasErrors ? ParseResult<T>.Failure(context.Errors) : ParseResult<T>.Success(value!);
        }
        finally
        {
            ValidationContext.Return(context);
        }
    }

    /// <summary>Parses and validates JSON text.</summary>
    public static ParseResult<T> Parse<T>(string json) where T : class, IJsonContract<T>
    {
        ArgumentNullException.ThrowIfNull(json);
        byte[] rented = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(json.Length));
        try
        {
            int length = Encoding.UTF8.GetBytes(json, rented);
            return Parse<T>(rented.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Validates a value built in code; every error, each with its JSON Pointer.</summary>
    public static ValidationResult Validate<T>(T value) where T : class, IJsonContract<T>
    {
        ArgumentNullException.ThrowIfNull(value);
        ValidationContext context = ValidationContext.Rent();
        try
        {
            T.ValidateJson(value, context);
            return context.ToResult();
        }
        finally
        {
            ValidationContext.Return(context);
        }
    }

    /// <summary>Writes <paramref name="value"/> as compact UTF-8 JSON.</summary>
    public static byte[] SerializeToUtf8Bytes<T>(T value) where T : class, IJsonContract<T>
    {
        ArgumentNullException.ThrowIfNull(value);

        // The buffer and the writer are reused per thread; a nested call (a custom WriteJson that
        // serializes another contract) gets fresh ones.
        (PooledBufferWriter buffer, Utf8JsonWriter writer) = t_serializer ?? CreateSerializer();
        t_serializer = null;
        try
        {
            writer.Reset(buffer);
            value.WriteJson(writer);
            writer.Flush();
            return buffer.WrittenSpan.ToArray();
        }
        finally
        {
            buffer.Reset();
            t_serializer = (buffer, writer);
        }
    }

    [ThreadStatic]
    private static (PooledBufferWriter Buffer, Utf8JsonWriter Writer)? t_serializer;

    private static (PooledBufferWriter, Utf8JsonWriter) CreateSerializer()
    {
        var buffer = new PooledBufferWriter();
        return (buffer, new Utf8JsonWriter(buffer));
    }

    /// <summary>
    /// A contract as a JSON element, for checking a value built in code against rules only a JSON
    /// validator applies (a record whose schema has keywords its members cannot hold).
    /// </summary>
    public static JsonElement ToElement<T>(T value) where T : class, IJsonContract<T>
    {
        using JsonDocument document = JsonDocument.Parse(SerializeToUtf8Bytes(value), new JsonDocumentOptions { MaxDepth = MaxDepth + 1 });
        return document.RootElement.Clone();
    }

    /// <summary>
    /// The value of a schema's <c>default</c> for a member of contract type <typeparamref name="T"/>,
    /// read once into the generated record's static field. The generator checked the default against
    /// its schema and reported one that breaks it (ICG024) instead of using it; this never throws,
    /// since an exception here would make the record's type unusable: a default that still does not
    /// read gives null.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)] // called by generated code only
    public static T ParseDefault<T>(string json) where T : class, IJsonContract<T> => Parse<T>(json).Value!;

    /// <summary>Writes <paramref name="value"/> as compact JSON text.</summary>
    public static string Serialize<T>(T value) where T : class, IJsonContract<T> =>
        Encoding.UTF8.GetString(SerializeToUtf8Bytes(value));

    /// <summary>
    /// For generated <c>JsonConverter</c>s: reads and validates one value from the serializer's
    /// reader, throwing <see cref="JsonContractException"/> with every error, as the converter
    /// contract requires.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)] // called by generated code only
    public static T ReadForSerializer<T>(ref Utf8JsonReader reader) where T : class, IJsonContract<T>
    {
        ValidationContext context = ValidationContext.Rent();
        try
        {
            T? value = T.ReadJson(ref reader, context);
            return context.HasErrors ? throw new JsonContractException(typeof(T).Name, context.Errors) : value!;
        }
        finally
        {
            ValidationContext.Return(context);
        }
    }

    /// <summary>
    /// For generated converters of enums and other values: reads one value with
    /// <paramref name="read"/>, throwing <see cref="JsonContractException"/> if it reports an error.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)] // called by generated code only
    public static T ReadValueForSerializer<T>(ref Utf8JsonReader reader, JsonValueReader<T> read, string contractName)
    {
        ArgumentNullException.ThrowIfNull(read);
        ValidationContext context = ValidationContext.Rent();
        try
        {
            return read(ref reader, context, out T value) ? value : throw new JsonContractException(contractName, context.Errors);
        }
        finally
        {
            ValidationContext.Return(context);
        }
    }

    private static T? ReadDocument<T>(ReadOnlySpan<byte> utf8Json, ValidationContext context) where T : class, IJsonContract<T>
    {
        // RFC 8259 lets a parser ignore a UTF-8 byte order mark; editors on Windows add one.
        if (utf8Json.StartsWith(Utf8ByteOrderMark))
        {
            utf8Json = utf8Json.Slice(Utf8ByteOrderMark.Length);
        }

        // Utf8JsonReader throws for input without a token, with a sentence about its own buffers
        // ("... when isFinalBlock is true"); say what is wrong with the document instead.
        if (utf8Json.Trim(" \t\r\n"u8).IsEmpty)
        {
            context.AddError(SyntaxKeyword, "the document is empty; expected a JSON value");
            return null;
        }

        var reader = new Utf8JsonReader(utf8Json, ReaderOptions);
        return ReadDocument<T>(ref reader, context);
    }

    private static T? ReadDocument<T>(ref Utf8JsonReader reader, ValidationContext context) where T : class, IJsonContract<T>
    {
        try
        {
            if (!reader.Read())
            {
                context.AddError(SyntaxKeyword, "the document is empty; expected a JSON value");
                return null;
            }

            T? value = T.ReadJson(ref reader, context);

            // Utf8JsonReader reports content after the top-level value when asked for the next token.
            reader.Read();
            return value;
        }
        catch (JsonException e)
        {
            context.AddError(SyntaxKeyword, DescribeSyntaxError(e));
        }
        catch (InvalidOperationException e)
        {
            // The reader raises this for text it cannot transcode (invalid UTF-8 inside a string).
            context.AddError(SyntaxKeyword, $"invalid JSON text: {e.Message}");
        }

        return null;
    }

    private static string DescribeSyntaxError(JsonException e)
    {
        // Utf8JsonReader's message ends with its own 0-based position; give a 1-based one instead.
        string message = e.Message;
        int cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut > 0)
        {
            message = message.Substring(0, cut);
        }

        return e.LineNumber is long line && e.BytePositionInLine is long column
            ? $"invalid JSON at line {line + 1}, byte {column + 1}: {message.TrimEnd()}"
            : $"invalid JSON: {message.TrimEnd()}";
    }
}
