using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using Insights.Contracts.Generator.Diagnostics;
using Insights.Contracts.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Insights.Contracts.Generator.Parsing;

/// <summary>
/// Stage 1 of the pipeline, and the only schema parser: schema text to <see cref="SchemaModel"/>.
/// Walks the schema graph from the root and every definition (following <c>$ref</c> into embedded
/// <c>$id</c> resources and reference documents) and reads every keyword of every subschema once.
/// A keyword is either read into the model or reported; a file with an error has no model, so a
/// mistake in a schema is a compiler error pointing into the .json file, never half a contract.
/// </summary>
internal sealed partial class SchemaReader
{
    private readonly SchemaFileInput _input;
    private readonly SourceText _source;
    private readonly List<DiagnosticInfo> _diagnostics = [];
    private readonly List<SchemaNode?> _nodes = [];
    private readonly List<LocationInfo> _nodeSpans = [];
    private readonly Dictionary<JsonNode, int> _ids = [];
    private readonly Dictionary<int, string> _dynamicAnchorNames = [];
    private readonly List<SchemaResourceSpec?> _resourceSpecs = [];
    private readonly Dictionary<string, int> _resourceIndexes = new(StringComparer.Ordinal);
    private readonly SchemaResources _resources;
    private readonly string _fileUri;
    private bool _hasErrors;

    // In-place edges (same instance location) with the span that created them, to find $ref
    // cycles that would never end at validation time.
    private readonly List<(int From, int To, TextSpan Span)> _inPlaceEdges = [];

    // While walking a document other than the schema file, diagnostics point at the $ref that led there.
    private TextSpan? _foreignSpan;

    // Nodes that a $ref reserved, to read after the one being read (see VisitLater).
    private readonly Queue<(int Id, JsonNode Schema, string InheritedBase, TextSpan? ForeignSpan)> _pending = new();

    /// <summary>While a node of another document is read: its location (<c>other.json#/$defs/a</c>), for messages.</summary>
    private string? _foreignLocation;

    private SchemaReader(SchemaFileInput input)
    {
        _input = input;
        _source = SourceText.From(input.Text);
        _fileUri = input.BaseUri ?? FileUri(input.Path);
        _resources = new SchemaResources(input.ReferenceDocuments, SchemaDialect.Of(input.DefaultDialect));
    }

    public static ParsedSchema Read(SchemaFileInput input, CancellationToken cancellationToken)
    {
        string stem = Naming.FileStem(input.Path);
        var file = new SchemaFileSpec(
            input.Path,
            stem + ".schema.json",
            Naming.ToHintName(stem),
            input.Namespace,
            input.TypeNameOverride ?? Naming.ToPascalCase(stem),
            input.ForceJsonValue)
        {
            Numbers = input.Numbers,
        };

        var reader = new SchemaReader(input);
        SchemaModel? model = null;
        SchemaSpans spans = SchemaSpans.Empty(input.Path);
        try
        {
            if (reader.ReadFile(cancellationToken) is { } root)
            {
                spans = reader.IndexSpans(root);
                model = new SchemaModel(0, reader._nodes.Select(n => n!).ToImmutableEquatableArray())
                {
                    Text = JsonText.Write(root),
                    Resources = reader._resourceSpecs.Select(r => r!).ToImmutableEquatableArray(),
                };
            }
        }
        catch (JsonSyntaxException e)
        {
            reader.Report(DiagnosticDescriptors.InvalidJson, e.Span, e.Message);
        }
        catch (InsufficientExecutionStackException)
        {
            reader.Report(DiagnosticDescriptors.TooDeep, new TextSpan(0, 0), "The schema file");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A generator exception would only surface as warning CS8785 and silently drop every
            // contract; an error pointing at the schema is what a user can act on.
            reader.Report(DiagnosticDescriptors.InternalError, new TextSpan(0, 0), $"{e.GetType().Name}: {e.Message}");
        }

        return new ParsedSchema(file, reader._hasErrors ? null : model, spans, reader._diagnostics.ToImmutableEquatableArray());
    }

    /// <summary>Reads the whole file; returns its root, or null when it cannot be read at all.</summary>
    private JsonNode? ReadFile(CancellationToken cancellationToken)
    {
        // Where the compiler could not decode the file as UTF-8 it fell back to a lenient decoding:
        // invalid bytes became U+FFFD, or the text is in another encoding, and would then parse with
        // every non-ASCII character silently wrong. A file decoded exactly may hold U+FFFD itself.
        if (!_input.DecodedExactly)
        {
            if (_input.FallbackEncodingName is { } encoding && !encoding.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
            {
                Report(DiagnosticDescriptors.NotUtf8, new TextSpan(0, 0), $"it was read as {encoding}");
                return null;
            }

            // The compiler may hand over leniently decoded text even for a valid file (it does with a
            // byte-order mark), so a literal U+FFFD (a mis-encoded apostrophe in a description, say)
            // and an invalid byte look the same: a warning, and the text is read as it is.
            int replacement = _input.Text.IndexOf('\uFFFD');
            if (replacement >= 0)
            {
                Report(
                    DiagnosticDescriptors.MayNotBeUtf8,
                    new TextSpan(replacement, 1),
                    _input.Text.StartsWith("\uFEFF", StringComparison.Ordinal) ? "the file starts with a byte-order mark, so the compiler decoded it leniently" : "the compiler decoded the file leniently");
            }
        }

        if (_input.UnknownDialectSetting is { } setting)
        {
            Report(DiagnosticDescriptors.UnsupportedMetaschema, new TextSpan(0, 0), $"JsonSchemaDialect '{setting}'", "not a draft the generator knows (draft-04, draft-06, draft-07, 2019-09, 2020-12)", Dialects.Name(_input.DefaultDialect));
        }

        if (_input.UnknownNumberTypeSetting is { } numberType)
        {
            Report(DiagnosticDescriptors.UnknownSetting, new TextSpan(0, 0), "NumberType", numberType, "'double' or 'decimal'", "numbers are double, or decimal where multipleOf is a decimal fraction");
        }

        if (!IsValidNamespace(_input.Namespace))
        {
            Report(DiagnosticDescriptors.InvalidNamespace, new TextSpan(0, 0), _input.Namespace);
            return null;
        }

        JsonNode root = JsonTextReader.Parse(_input.Text, out IReadOnlyList<JsonMember> duplicates);
        foreach (JsonMember duplicate in duplicates)
        {
            Report(DiagnosticDescriptors.DuplicateKey, duplicate.NameSpan, duplicate.Name);
        }

        if (LoneSurrogate(root, "(schema)") is { } lone)
        {
            Report(DiagnosticDescriptors.InvalidKeywordValue, lone.Span, lone.Keyword, "holds a lone surrogate, which no UTF-8 JSON document can hold (a name or value with one could never match, and writing one throws); write the character it stands for as a surrogate pair, or remove it");
            return null;
        }

        _resources.AddDocument(root, _fileUri);
        Visit(root, _fileUri);
        ReadPending();
        cancellationToken.ThrowIfCancellationRequested();
        ReportInfiniteRecursion();
        return root;
    }

    /// <summary>
    /// The first name or string value with an unpaired surrogate (<c>"\udfff"</c>), which JSON text
    /// may escape but no UTF-8 document can hold: the runtime could neither match nor write it. Text
    /// that only documents (<c>description</c>, <c>title</c>, <c>$comment</c>, <c>examples</c>) may keep one.
    /// Bounded by <see cref="JsonTextReader.MaxDepth"/>.
    /// </summary>
    private static (TextSpan Span, string Keyword)? LoneSurrogate(JsonNode node, string keyword)
    {
        if (node.Kind == JsonNodeKind.String && HasLoneSurrogate(node.Text!))
        {
            return (node.Span, keyword);
        }

        foreach (JsonMember member in node.Members)
        {
            if (HasLoneSurrogate(member.Name))
            {
                return (member.NameSpan, keyword);
            }

            if (member.Name is not ("description" or "title" or "$comment" or "examples") && LoneSurrogate(member.Value, member.Name) is { } found)
            {
                return found;
            }
        }

        foreach (JsonNode item in node.Items)
        {
            if (LoneSurrogate(item, keyword) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static bool HasLoneSurrogate(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A <c>file:</c> URI for a path, as the base URI of a schema without <c>$id</c>.</summary>
    internal static string FileUri(string path)
    {
        string slashed = path.Replace('\\', '/');
        var builder = new StringBuilder("file://");
        if (!slashed.StartsWith("/", StringComparison.Ordinal))
        {
            builder.Append('/');
        }

        foreach (char c in slashed)
        {
            builder.Append(c is ' ' or '#' or '%' or '?' ? "%" + ((int)c).ToString("X2", CultureInfo.InvariantCulture) : c.ToString());
        }

        return builder.ToString();
    }

    /// <summary>The node for <paramref name="schema"/>, read on first sight; a schema reached twice is one node.</summary>
    private int Visit(JsonNode schema, string inheritedBase)
    {
        if (_ids.TryGetValue(schema, out int existing))
        {
            return existing;
        }

        int id = Reserve(schema);
        Read(id, schema, inheritedBase);
        return id;
    }

    /// <summary>
    /// The node a <c>$ref</c> leads to, read later: a chain of thousands of definitions, each
    /// referencing the next, is then read one after another instead of each inside the last (which
    /// overflowed the compiler's stack). A subschema nested in the text is read at once; its depth is
    /// bounded by <see cref="JsonTextReader.MaxDepth"/>.
    /// </summary>
    private int VisitLater(JsonNode schema, string inheritedBase)
    {
        if (_ids.TryGetValue(schema, out int existing))
        {
            return existing;
        }

        int id = Reserve(schema);
        _pending.Enqueue((id, schema, inheritedBase, _foreignSpan));
        return id;
    }

    /// <summary>Reads every node that references have reserved, and the ones they reserve in turn.</summary>
    private void ReadPending()
    {
        while (_pending.Count > 0)
        {
            (int id, JsonNode schema, string inheritedBase, TextSpan? foreignSpan) = _pending.Dequeue();
            _foreignSpan = foreignSpan;
            Read(id, schema, inheritedBase);
        }

        _foreignSpan = null;
    }

    private int Reserve(JsonNode schema)
    {
        int id = _nodes.Count;
        _nodes.Add(null);
        _ids[schema] = id;
        _nodeSpans.Add(Location(_foreignSpan ?? schema.Span));
        if (schema.Kind == JsonNodeKind.Object && _resources.DialectOf(schema).Draft == Dialect.Draft202012
            && schema["$dynamicAnchor"] is { Kind: JsonNodeKind.String, Text: { } dynamicAnchor })
        {
            _dynamicAnchorNames[id] = dynamicAnchor;
        }

        return id;
    }

    private void Read(int id, JsonNode schema, string inheritedBase)
    {
        StackGuard.Check();
        string? document = _resources.DocumentOf(schema);
        string pointer = _resources.PointerOf(schema);
        string location = document is null || document == _fileUri ? "#" + pointer : document + "#" + pointer;
        string baseUri = _resources.BaseUriOf(schema, inheritedBase);
        SchemaDialect dialect = _resources.DialectOf(schema);
        var node = new SchemaNode(id, location) { Resource = ResourceIndex(baseUri), IsResourceRoot = _resources.ResourceRoot(baseUri) == schema, Draft = dialect.Draft };
        if (schema.Kind is JsonNodeKind.True or JsonNodeKind.False)
        {
            _nodes[id] = node with { IsBoolean = true, IsFalse = schema.Kind == JsonNodeKind.False };
            return;
        }

        string? outerForeign = _foreignLocation;
        _foreignLocation = _foreignSpan is null ? null : location;
        try
        {
            if (schema.Kind != JsonNodeKind.Object)
            {
                Report(DiagnosticDescriptors.InvalidKeywordValue, schema.Span, "(schema)", $"must be an object or a boolean, found {schema.KindName}");
                _nodes[id] = node;
                return;
            }

            _nodes[id] = ReadKeywords(new KeywordReader(schema, dialect, _input.AnnotationKeywords), node, baseUri);
        }
        finally
        {
            _foreignLocation = outerForeign;
        }
    }

    /// <summary>
    /// The model's index for the resource <paramref name="uri"/>. A resource is registered with its
    /// dynamic anchors and recursive root read as nodes, so whichever of them a dynamic scope picks
    /// has a validator.
    /// </summary>
    private int ResourceIndex(string uri)
    {
        if (_resourceIndexes.TryGetValue(uri, out int index))
        {
            return index;
        }

        index = _resourceSpecs.Count;
        _resourceIndexes[uri] = index;
        _resourceSpecs.Add(null);
        var anchors = _resources.DynamicAnchorsOf(uri).Select(a => new NamedSchema(a.Name, VisitLater(a.Node, uri))).ToImmutableEquatableArray();
        int? recursiveRoot = _resources.HasRecursiveAnchor(uri) && _resources.ResourceRoot(uri) is { } root ? VisitLater(root, uri) : null;
        _resourceSpecs[index] = new SchemaResourceSpec(uri, anchors, recursiveRoot);
        return index;
    }

    /// <summary>A cycle of <c>$ref</c>s and in-place applicators that never moves into the instance would never end.</summary>
    private void ReportInfiniteRecursion()
    {
        var edges = _inPlaceEdges.ToLookup(e => e.From);
        var state = new byte[_nodes.Count]; // 0 new, 1 on the stack, 2 done
        var stack = new Stack<(int Node, IEnumerator<(int From, int To, TextSpan Span)> Next)>();
        for (int start = 0; start < _nodes.Count; start++)
        {
            if (state[start] != 0)
            {
                continue;
            }

            state[start] = 1;
            stack.Push((start, edges[start].GetEnumerator()));
            while (stack.Count > 0)
            {
                (int node, IEnumerator<(int From, int To, TextSpan Span)> next) = stack.Peek();
                if (!next.MoveNext())
                {
                    state[node] = 2;
                    stack.Pop();
                    continue;
                }

                (_, int to, TextSpan span) = next.Current;
                if (state[to] == 1)
                {
                    Report(DiagnosticDescriptors.InfiniteRecursion, span, _nodes[to]?.Location ?? "#");
                    return;
                }

                if (state[to] == 0)
                {
                    state[to] = 1;
                    stack.Push((to, edges[to].GetEnumerator()));
                }
            }
        }
    }

    /// <summary>Every value of the file by its JSON Pointer, so later stages can place diagnostics without the parser's nodes.</summary>
    private SchemaSpans IndexSpans(JsonNode root)
    {
        var entries = new List<SpanEntry>();
        void Add(JsonNode value, string pointer, TextSpan? name)
        {
            entries.Add(new SpanEntry(pointer, name is { } n ? Location(n) : null, Location(value.Span)));
            foreach (JsonMember member in value.Members)
            {
                Add(member.Value, pointer + "/" + SchemaResources.EscapePointer(member.Name), member.NameSpan);
            }

            for (int i = 0; i < value.Items.Count; i++)
            {
                Add(value.Items[i], pointer + "/" + i.ToString(CultureInfo.InvariantCulture), null);
            }
        }

        Add(root, "#", null);
        return new SchemaSpans(_input.Path, entries.ToImmutableEquatableArray(), _nodeSpans.ToImmutableEquatableArray());
    }

    private static bool IsValidNamespace(string ns) =>
        ns.Split('.').All(part => Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsValidIdentifier(part)
            && Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(part) == Microsoft.CodeAnalysis.CSharp.SyntaxKind.None);

    private LocationInfo Location(TextSpan span) => new(_input.Path, span, _source.Lines.GetLinePositionSpan(span));

    private void Report(DiagnosticDescriptor descriptor, TextSpan span, params string[] args)
    {
        // A span in another document means nothing in this file: point at the $ref that led there,
        // and say which document and which schema in it the problem is in.
        _hasErrors |= descriptor.DefaultSeverity == DiagnosticSeverity.Error;
        if (_foreignLocation is not null && args.Length > 0)
        {
            args[args.Length - 1] += $" (in {_foreignLocation})";
        }

        _diagnostics.Add(new DiagnosticInfo(descriptor, Location(_foreignSpan ?? span), args.ToImmutableEquatableArray()));
    }
}
