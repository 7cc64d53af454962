using System.Text.Json.Serialization;
using System.Text.Json;
using System;
using Insights.Contracts.Runtime.CompilerServices;

namespace Insights.Contracts.Runtime;

/// <summary>
/// A JSON value held as it is, compared by JSON equality (numbers by value, object members in any
/// order): the C# type of a member whose schema has no exact typed shape (a union of types, a
/// schema without <c>type</c>...). The generated contract has already checked it against that schema;
/// read it through <see cref="Element"/>.
/// </summary>
[JsonConverter(typeof(JsonAnyConverter))]
public readonly struct JsonAny : IEquatable<JsonAny>
{
    /// <summary>Wraps <paramref name="element"/> (clone it first if its document will be disposed).</summary>
    public JsonAny(JsonElement element) => Element = element;

    /// <summary>The JSON value.</summary>
    public JsonElement Element { get; }

    /// <summary>The kind of JSON value (<see cref="JsonValueKind.Undefined"/> for <c>default</c>).</summary>
    public JsonValueKind ValueKind => Element.ValueKind;

    /// <summary>A value from JSON text (kept independent of any document).</summary>
    public static JsonAny Parse(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        return new JsonAny(document.RootElement.Clone());
    }

    /// <summary>Wraps an element.</summary>
    public static implicit operator JsonAny(JsonElement element) => new(element);

    /// <summary>JSON equality.</summary>
    public bool Equals(JsonAny other) =>
        ValueKind == JsonValueKind.Undefined || other.ValueKind == JsonValueKind.Undefined
            ? ValueKind == other.ValueKind
            : JsonValueCheck.DeepEquals(Element, other.Element);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is JsonAny other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => ValueKind == JsonValueKind.Undefined ? 0 : JsonValueCheck.GetDeepHashCode(Element);

    /// <summary>The JSON text (empty for <c>default</c>).</summary>
    public override string ToString() => ValueKind == JsonValueKind.Undefined ? string.Empty : Element.GetRawText();

    /// <summary>JSON equality.</summary>
    public static bool operator ==(JsonAny left, JsonAny right) => left.Equals(right);

    /// <summary>JSON inequality.</summary>
    public static bool operator !=(JsonAny left, JsonAny right) => !left.Equals(right);

    /// <summary>Writes the value (JSON <c>null</c> for <c>default</c>).</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (ValueKind == JsonValueKind.Undefined)
        {
            writer.WriteNullValue();
            return;
        }

        Element.WriteTo(writer);
    }
}

/// <summary>Reads and writes <see cref="JsonAny"/> as the JSON it holds.</summary>
public sealed class JsonAnyConverter : JsonConverter<JsonAny>
{
    /// <inheritdoc/>
    public override JsonAny Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(JsonElement.ParseValue(ref reader));

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, JsonAny value, JsonSerializerOptions options) => value.WriteTo(writer);
}
