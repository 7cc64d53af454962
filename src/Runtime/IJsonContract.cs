using System.Text.Json;

namespace Insights.Contracts.Runtime;

/// <summary>
/// Implemented by every generated contract record. The static members let
/// <see cref="JsonContract"/> parse and validate any contract generically, without reflection.
/// Call them through <see cref="JsonContract"/> rather than directly.
/// </summary>
public interface IJsonContract<TSelf> where TSelf : class, IJsonContract<TSelf>
{
    /// <summary>
    /// Reads one value starting at the reader's current token and checks every schema rule as it
    /// goes (type, format, enum, required, unknown and duplicate members, value keywords, then the
    /// object-level rules once the object is complete), reporting each failure to
    /// <paramref name="context"/>; returns null when any was reported. Leaves the reader on the
    /// value's last token. A value it returns needs no further <see cref="ValidateJson"/>.
    /// </summary>
    static abstract TSelf? ReadJson(ref Utf8JsonReader reader, ValidationContext context);

    /// <summary>Checks every schema rule that the C# type alone does not enforce.</summary>
    static abstract void ValidateJson(TSelf value, ValidationContext context);

    /// <summary>Writes this value as JSON, members in schema order.</summary>
    void WriteJson(Utf8JsonWriter writer);

    /// <summary>
    /// The JSON Schema the contract was generated from (the schema file as compact JSON), on the type
    /// generated for the schema's root; null on types generated from a part of a schema (a <c>$defs</c> entry, an
    /// inline object). Lets a web service publish the contract's own schema (OpenAPI) instead of a
    /// guess reflected from the C# type.
    /// </summary>
    static virtual string? JsonSchemaText => null;
}
