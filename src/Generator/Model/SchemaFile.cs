using System;
using System.Collections.Generic;

namespace Insights.Contracts.Generator.Model;

/// <summary>One schema file as the pipeline hands it to the parser.</summary>
/// <param name="BaseUri">The file's retrieval URI (its <c>JsonSchemaUri</c> metadata); a <c>file:</c> URI of the path when null.</param>
internal sealed record SchemaFileInput(string Path, string Text, string Namespace, string? TypeNameOverride)
{
    public string? BaseUri { get; init; }

    /// <summary>The dialect of a file without <c>$schema</c> (<c>JsonSchemaDialect</c>; draft 2020-12 unless set).</summary>
    public Dialect DefaultDialect { get; init; } = Dialect.Draft202012;

    /// <summary>The <c>JsonSchemaDialect</c> setting when it names no draft (reported, then the default is used).</summary>
    public string? UnknownDialectSetting { get; init; }

    /// <summary>Whether <c>format</c> is checked (the default) or only an annotation, as draft 2020-12 has it without the format-assertion vocabulary.</summary>
    public bool AssertFormats { get; init; } = true;

    /// <summary>
    /// The project's own annotation keywords (<c>JsonSchemaAnnotationKeywords</c>), sorted: accepted
    /// without ICG010, as <c>x-</c> extensions are; a name ending in <c>*</c> stands for every keyword starting with the rest.
    /// </summary>
    public ImmutableEquatableArray<string> AnnotationKeywords { get; init; } = ImmutableEquatableArray<string>.Empty;

    /// <summary>The file asked for a JSON-backed value (<c>GenerateAs="JsonValue"</c>) even where a typed record is possible.</summary>
    public bool ForceJsonValue { get; init; }

    /// <summary>The C# type of a <c>number</c> (<c>NumberType</c> / <c>JsonSchemaNumberType</c>).</summary>
    public NumberRepresentation Numbers { get; init; }

    /// <summary>The <c>NumberType</c> setting when it is neither <c>double</c> nor <c>decimal</c> (reported, then ignored).</summary>
    public string? UnknownNumberTypeSetting { get; init; }

    /// <summary>
    /// The compiler decoded the file as strict UTF-8, so every character is what the bytes say. When
    /// false it fell back to a lenient decoding (invalid bytes became U+FFFD) or another encoding.
    /// </summary>
    public bool DecodedExactly { get; init; } = true;

    /// <summary>The encoding the compiler fell back to, for the message when it is not UTF-8.</summary>
    public string? FallbackEncodingName { get; init; }

    /// <summary>Documents that <c>$ref</c> may point to, by URI (AdditionalFiles with <c>JsonSchemaUri</c> metadata).</summary>
    public ImmutableEquatableArray<ReferenceDocument> ReferenceDocuments { get; init; } = ImmutableEquatableArray<ReferenceDocument>.Empty;
}

/// <summary>A schema document that other schemas can <c>$ref</c> by its URI; it generates nothing itself.</summary>
internal sealed record ReferenceDocument(string Uri, string Text, string Path = "");

/// <summary>What the later stages need to know about the file itself.</summary>
/// <param name="RootTypeName">The root type's name as asked for (TypeName metadata or the file name), before collisions are resolved.</param>
internal sealed record SchemaFileSpec(string Path, string FileName, string HintPrefix, string Namespace, string RootTypeName, bool ForceJsonValue)
{
    /// <summary>The C# type of a <c>number</c>, as the file's options ask.</summary>
    public NumberRepresentation Numbers { get; init; }
}

/// <summary>The C# type a typed record gives a JSON Schema <c>number</c>.</summary>
internal enum NumberRepresentation
{
    /// <summary>No setting: <c>double</c>, or <c>decimal</c> where <c>multipleOf</c> is a decimal fraction.</summary>
    Automatic,

    /// <summary><c>NumberType="double"</c>: always <c>double</c>.</summary>
    Double,

    /// <summary><c>NumberType="decimal"</c>: always <c>decimal</c>.</summary>
    Decimal,
}

/// <summary>Stage 1's output: the model (null when the file has errors), where its text is, and what was wrong with it.</summary>
internal sealed record ParsedSchema(SchemaFileSpec File, SchemaModel? Model, SchemaSpans Spans, ImmutableEquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>Where each value of the schema file is, as plain values; kept beside the model, never in it.</summary>
/// <param name="Entries">Every JSON value of the file by its JSON Pointer (<c>#/properties/a/type</c>), with the span of its member name where it has one.</param>
/// <param name="Nodes">Per model node, where to report about it: the schema itself, or for a schema in another document the <c>$ref</c> that led there.</param>
internal sealed record SchemaSpans(string FilePath, ImmutableEquatableArray<SpanEntry> Entries, ImmutableEquatableArray<LocationInfo> Nodes)
{
    public static SchemaSpans Empty(string filePath) =>
        new(filePath, ImmutableEquatableArray<SpanEntry>.Empty, ImmutableEquatableArray<LocationInfo>.Empty);
}

internal sealed record SpanEntry(string Pointer, LocationInfo? Name, LocationInfo Value);

/// <summary>Finds the location of a node, a keyword of it, or a value inside that keyword.</summary>
internal sealed class SpanLocator
{
    private readonly SchemaSpans _spans;
    private readonly Dictionary<string, SpanEntry> _entries = new(StringComparer.Ordinal);

    public SpanLocator(SchemaSpans spans)
    {
        _spans = spans;
        foreach (SpanEntry entry in spans.Entries)
        {
            _entries[entry.Pointer] = entry;
        }
    }

    /// <summary>
    /// The span of <paramref name="node"/>, or of the value at <paramref name="path"/> inside it
    /// (<c>"type"</c>, <c>"required/0"</c>), or of that member's name when <paramref name="atName"/>.
    /// A place that cannot be found falls back to the node itself.
    /// </summary>
    public LocationInfo Locate(SchemaNode node, string? path = null, bool atName = false)
    {
        LocationInfo fallback = node.Id < _spans.Nodes.Count ? _spans.Nodes[node.Id] : new LocationInfo(_spans.FilePath, default, default);
        if (path is null || !node.Location.StartsWith("#", StringComparison.Ordinal))
        {
            return fallback;
        }

        if (!_entries.TryGetValue(node.Location + "/" + path, out SpanEntry? entry))
        {
            return fallback;
        }

        return atName ? entry.Name ?? entry.Value : entry.Value;
    }
}
