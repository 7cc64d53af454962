using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Insights.Contracts.Runtime;

/// <summary>
/// A JSON value held as it is, compared by JSON equality (numbers by value, object members in any
/// order): the C# type of a member whose schema has no exact typed shape (a union of types, a
/// schema without <c>type</c>...). The generated contract has already checked it against that schema;
/// read it through <see cref="Element"/>.
/// </summary>
[JsonConverter(typeof(JsonValueConverter))]
public readonly struct JsonValue : IEquatable<JsonValue>
{
    /// <summary>Wraps <paramref name="element"/> (clone it first if its document will be disposed).</summary>
    public JsonValue(JsonElement element) => Element = element;

    /// <summary>The JSON value.</summary>
    public JsonElement Element { get; }

    /// <summary>The kind of JSON value (<see cref="JsonValueKind.Undefined"/> for <c>default</c>).</summary>
    public JsonValueKind ValueKind => Element.ValueKind;

    /// <summary>A value from JSON text (kept independent of any document).</summary>
    public static JsonValue Parse(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        return new JsonValue(document.RootElement.Clone());
    }

    /// <summary>Wraps an element.</summary>
    public static implicit operator JsonValue(JsonElement element) => new(element);

    /// <summary>JSON equality.</summary>
    public bool Equals(JsonValue other) =>
        ValueKind == JsonValueKind.Undefined || other.ValueKind == JsonValueKind.Undefined
            ? ValueKind == other.ValueKind
            : JsonValueCheck.DeepEquals(Element, other.Element);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is JsonValue other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => ValueKind == JsonValueKind.Undefined ? 0 : JsonValueCheck.GetDeepHashCode(Element);

    /// <summary>The JSON text (empty for <c>default</c>).</summary>
    public override string ToString() => ValueKind == JsonValueKind.Undefined ? string.Empty : Element.GetRawText();

    /// <summary>JSON equality.</summary>
    public static bool operator ==(JsonValue left, JsonValue right) => left.Equals(right);

    /// <summary>JSON inequality.</summary>
    public static bool operator !=(JsonValue left, JsonValue right) => !left.Equals(right);

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

/// <summary>Reads and writes <see cref="JsonValue"/> as the JSON it holds.</summary>
public sealed class JsonValueConverter : JsonConverter<JsonValue>
{
    /// <inheritdoc/>
    public override JsonValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(JsonElement.ParseValue(ref reader));

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, JsonValue value, JsonSerializerOptions options) => value.WriteTo(writer);
}
