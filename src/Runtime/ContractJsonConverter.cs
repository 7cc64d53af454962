using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Insights.Contracts.Runtime;

/// <summary>
/// The System.Text.Json converter of every generated contract: reads with full validation (throwing
/// <see cref="JsonContractException"/> with every error, as converters must) and writes in schema
/// order. Generic over the contract through its static interface members, so it needs no reflection.
/// </summary>
public class ContractJsonConverter<T> : JsonConverter<T>, IJsonContractConverter where T : class, IJsonContract<T>
{
    JsonContractInfo IJsonContractConverter.Contract => JsonContractInfo<T>.Instance;

    /// <inheritdoc/>
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonContract.ReadForSerializer<T>(ref reader);

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(value);
        value.WriteJson(writer);
    }
}

/// <summary>
/// Implemented by <see cref="ContractJsonConverter{T}"/>: the <c>[JsonConverter]</c> attribute every
/// generated contract carries leads from a <see cref="Type"/> to its contract without reflecting over members.
/// </summary>
internal interface IJsonContractConverter
{
    JsonContractInfo Contract { get; }
}

public static partial class JsonContract
{
    /// <summary>
    /// Serializer metadata for a contract, built without reflection: use it with
    /// <see cref="JsonSerializer"/> where reflection-based serialization is off (trimmed or NativeAOT
    /// apps). The System.Text.Json source generator cannot do this for generated contracts, because
    /// one source generator never sees the types another one emits.
    /// </summary>
    public static JsonTypeInfo<T> GetTypeInfo<T>(JsonSerializerOptions? options = null) where T : class, IJsonContract<T> =>
        options is null ? DefaultTypeInfo<T>.Value : JsonMetadataServices.CreateValueInfo<T>(options, new ContractJsonConverter<T>());

    /// <summary>
    /// Serializer metadata for every generated contract, found by type at run time without
    /// reflection over members: put it first in a <see cref="JsonSerializerOptions.TypeInfoResolverChain"/>
    /// where reflection-based serialization is off (a NativeAOT web service's JSON options, for example).
    /// </summary>
    public static IJsonTypeInfoResolver TypeInfoResolver { get; } = new ContractTypeInfoResolver();

    private sealed class ContractTypeInfoResolver : IJsonTypeInfoResolver
    {
        public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options) => JsonContractInfo.Find(type)?.CreateTypeInfo(options);
    }

    private static class DefaultTypeInfo<T> where T : class, IJsonContract<T>
    {
        public static readonly JsonTypeInfo<T> Value = JsonMetadataServices.CreateValueInfo<T>(
            new JsonSerializerOptions { TypeInfoResolver = JsonTypeInfoResolver.Combine() }, new ContractJsonConverter<T>());
    }
}
