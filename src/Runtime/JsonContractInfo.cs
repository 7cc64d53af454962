using System;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Insights.Contracts.Runtime;

/// <summary>
/// A generated contract seen through its <see cref="Type"/>, for frameworks that only know the type
/// at run time (a web framework binding a handler parameter, an OpenAPI generator). Every operation
/// is the contract's own generated code; finding the contract for a type reads the
/// <c>[JsonConverter]</c> attribute every contract carries, so it is trimming- and NativeAOT-safe.
/// </summary>
public abstract class JsonContractInfo
{
    private static readonly ConcurrentDictionary<Type, JsonContractInfo?> s_byType = new();

    private protected JsonContractInfo()
    {
    }

    /// <summary>The generated contract type.</summary>
    public abstract Type Type { get; }

    /// <summary>The contract's name as errors and messages use it (the type name).</summary>
    public string Name => Type.Name;

    /// <summary>The schema file's text on a schema's root type; see <see cref="IJsonContract{TSelf}.JsonSchemaText"/>.</summary>
    public abstract string? JsonSchemaText { get; }

    /// <summary>The contract of <paramref name="type"/>, or null when it is not a generated contract.</summary>
    public static JsonContractInfo? Find(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return s_byType.GetOrAdd(type, static t =>
            t.GetCustomAttribute<JsonConverterAttribute>(inherit: false)?.ConverterType is { } converterType
            && typeof(IJsonContractConverter).IsAssignableFrom(converterType)
            && Activator.CreateInstance(converterType) is IJsonContractConverter converter
            && converter.Contract.Type == t
                ? converter.Contract
                : null);
    }

    /// <summary>Parses and validates a buffered document; see <see cref="JsonContract.Parse{T}(Utf8JsonBuffer)"/>.</summary>
    public abstract ParseResult<object> Parse(Utf8JsonBuffer utf8Json);

    /// <summary>Serializer metadata for the contract (its own reader and writer), for <paramref name="options"/>.</summary>
    public abstract JsonTypeInfo CreateTypeInfo(JsonSerializerOptions options);
}

/// <summary>The <see cref="JsonContractInfo"/> of <typeparamref name="T"/>.</summary>
public sealed class JsonContractInfo<T> : JsonContractInfo where T : class, IJsonContract<T>
{
    private JsonContractInfo()
    {
    }

    /// <summary>The one instance for <typeparamref name="T"/>.</summary>
    public static JsonContractInfo<T> Instance { get; } = new();

    /// <inheritdoc/>
    public override Type Type => typeof(T);

    /// <inheritdoc/>
    public override string? JsonSchemaText => T.JsonSchemaText;

    /// <inheritdoc/>
    public override ParseResult<object> Parse(Utf8JsonBuffer utf8Json) => JsonContract.Parse<T>(utf8Json).AsObject();

    /// <inheritdoc/>
    public override JsonTypeInfo CreateTypeInfo(JsonSerializerOptions options) => JsonContract.GetTypeInfo<T>(options);
}
