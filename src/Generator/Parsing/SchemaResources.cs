using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Insights.Contracts.Generator.Diagnostics;
using Insights.Contracts.Generator.Metaschemas;
using Insights.Contracts.Generator.Model;

namespace Insights.Contracts.Generator.Parsing;

/// <summary>
/// Every schema resource the parser can reach: the file itself, the documents given as reference
/// AdditionalFiles, and each embedded <c>$id</c> (draft-04: <c>id</c>), <c>$anchor</c> and
/// <c>$dynamicAnchor</c>, with the base URI and the dialect each subschema has (lexically, from the
/// <c>$id</c>s and <c>$schema</c>s around it).
/// </summary>
internal sealed class SchemaResources(IReadOnlyList<ReferenceDocument> referenceDocuments, SchemaDialect defaultDialect)
{
    /// <summary>Keywords whose value is one subschema (or, for <c>items</c> before 2020-12, an array of them).</summary>
    internal static readonly string[] SchemaKeywords =
    [
        "items", "additionalItems", "contains", "additionalProperties", "propertyNames", "not", "if", "then", "else",
        "unevaluatedItems", "unevaluatedProperties", "contentSchema",
    ];

    /// <summary>Keywords whose value maps names to subschemas.</summary>
    internal static readonly string[] SchemaMapKeywords = ["$defs", "definitions", "properties", "patternProperties", "dependentSchemas", "dependencies"];

    /// <summary>Keywords whose value is an array of subschemas.</summary>
    internal static readonly string[] SchemaArrayKeywords = ["allOf", "anyOf", "oneOf", "prefixItems"];

    private readonly Dictionary<string, JsonNode> _resources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonNode> _anchors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonNode> _dynamicAnchors = new(StringComparer.Ordinal);
    private readonly HashSet<string> _recursiveAnchors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (SchemaDialect Dialect, string? Problem)> _customDialects = new(StringComparer.Ordinal);
    private readonly Dictionary<JsonNode, string> _baseUris = [];
    private readonly Dictionary<JsonNode, string> _documentOf = [];
    private readonly Dictionary<JsonNode, string> _pointers = [];
    private readonly Dictionary<JsonNode, SchemaDialect> _dialects = [];

    // The schema file itself, the first document added: messages call it "the document".
    private string? _mainDocument;

    /// <summary>Indexes a document retrieved from <paramref name="retrievalUri"/>.</summary>
    public void AddDocument(JsonNode root, string retrievalUri)
    {
        _mainDocument ??= retrievalUri;
        _resources[retrievalUri] = root;
        Index(root, retrievalUri, retrievalUri, string.Empty, defaultDialect);
    }

    /// <summary>Where <paramref name="schema"/> is written in its document, as a JSON Pointer (empty for the root).</summary>
    public string PointerOf(JsonNode schema) => _pointers.TryGetValue(schema, out string? pointer) ? pointer : string.Empty;

    /// <summary>The base URI in effect inside <paramref name="schema"/> (after its own <c>$id</c>): the resource it belongs to.</summary>
    public string BaseUriOf(JsonNode schema, string inherited)
    {
        if (!_baseUris.TryGetValue(schema, out string? uri))
        {
            // Reached through a pointer into a place that is not a known schema position: index it now.
            Index(schema, inherited, DocumentOf(schema) ?? inherited, PointerOf(schema), defaultDialect);
            uri = _baseUris[schema];
        }

        return uri;
    }

    /// <summary>The dialect <paramref name="schema"/> is read in (indexed by <see cref="BaseUriOf"/> first).</summary>
    public SchemaDialect DialectOf(JsonNode schema) => _dialects.TryGetValue(schema, out SchemaDialect dialect) ? dialect : defaultDialect;

    /// <summary>The retrieval URI of the document that holds <paramref name="schema"/>, when known.</summary>
    public string? DocumentOf(JsonNode schema) => _documentOf.TryGetValue(schema, out string? document) ? document : null;

    /// <summary>The root of the resource <paramref name="uri"/> (a document or an embedded <c>$id</c>).</summary>
    public JsonNode? ResourceRoot(string uri) => _resources.TryGetValue(uri, out JsonNode? root) ? root : null;

    /// <summary>The schema in resource <paramref name="resourceUri"/> that declares <c>$dynamicAnchor</c> <paramref name="name"/>.</summary>
    public JsonNode? DynamicAnchor(string resourceUri, string name) =>
        _dynamicAnchors.TryGetValue(resourceUri + "#" + name, out JsonNode? node) ? node : null;

    /// <summary>Every <c>$dynamicAnchor</c> of resource <paramref name="resourceUri"/>, by name.</summary>
    public IEnumerable<(string Name, JsonNode Node)> DynamicAnchorsOf(string resourceUri) =>
        _dynamicAnchors
            .Where(a => a.Key.Length > resourceUri.Length && a.Key[resourceUri.Length] == '#' && a.Key.StartsWith(resourceUri, StringComparison.Ordinal))
            .OrderBy(a => a.Key, StringComparer.Ordinal)
            .Select(a => (a.Key.Substring(resourceUri.Length + 1), a.Value));

    /// <summary>Whether the root of resource <paramref name="resourceUri"/> has <c>$recursiveAnchor: true</c> (draft 2019-09).</summary>
    public bool HasRecursiveAnchor(string resourceUri) => _recursiveAnchors.Contains(resourceUri);

    /// <summary>Why a <c>$schema</c> could not be read as a dialect (an unknown metaschema), or null.</summary>
    public string? MetaschemaProblem(string uri) => _customDialects.TryGetValue(uri, out var known) ? known.Problem : null;

    /// <summary>Finds the schema an absolute reference points to; <paramref name="problem"/> says why not.</summary>
    public JsonNode? Resolve(string absoluteReference, out string? problem)
    {
        (string resource, string fragment) = UriReference.SplitFragment(absoluteReference);
        if (!_resources.TryGetValue(resource, out JsonNode? target))
        {
            if (!TryLoad(resource, out problem))
            {
                return null;
            }

            target = _resources[resource];
        }

        problem = null;
        if (fragment.Length == 0)
        {
            return target;
        }

        if (!fragment.StartsWith("/", StringComparison.Ordinal))
        {
            if (_anchors.TryGetValue(resource + "#" + Unescape(fragment), out JsonNode? anchored))
            {
                return anchored;
            }

            string prefix = resource + "#";
            string[] anchors = _anchors.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).Select(k => k.Substring(prefix.Length)).ToArray();
            problem = $"there is no $anchor '{fragment}' in {(resource == _mainDocument ? "the document" : resource)}"
                + (anchors.Length == 0 ? " (it declares none)" : Listing(anchors))
                + Fix(Unescape(fragment), anchors, $"declare it with {AnchorDeclaration(DialectOf(target).Draft, Unescape(fragment))} in the schema it names, or point the reference at a schema that exists");
            return null;
        }

        string baseUri = _baseUris.TryGetValue(target, out string? known) ? known : resource;
        SchemaDialect dialect = DialectOf(target);
        JsonNode node = target;
        string pointer = PointerOf(target);
        foreach (string token in Unescape(fragment).Substring(1).Split('/'))
        {
            string name = token.Replace("~1", "/").Replace("~0", "~");
            JsonNode? next = node.Kind switch
            {
                JsonNodeKind.Object => node[name],
                JsonNodeKind.Array when int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out int index) && index < node.Items.Count && (name == "0" || name[0] != '0') => node.Items[index],
                _ => null,
            };
            if (next is null)
            {
                string document = (DocumentOf(target) ?? resource) == _mainDocument ? "the document" : resource;
                string[] names = node.Members.Select(m => m.Name).ToArray();
                problem = $"there is no '{name}' at that point of {document}"
                    + node.Kind switch
                    {
                        JsonNodeKind.Object => names.Length == 0 ? " (an empty object)" : Listing(names),
                        JsonNodeKind.Array => node.Items.Count == 0 ? " (an empty array)" : $" (an array with indexes 0 to {node.Items.Count - 1})",
                        _ => $" (a {node.KindName} value)",
                    }
                    + Fix(name, names, "point the reference at a schema that exists");
                return null;
            }

            node = next;
            pointer += "/" + token;
            if (_baseUris.TryGetValue(node, out string? nested))
            {
                baseUri = nested;
                dialect = DialectOf(node);
            }
        }

        if (!_baseUris.ContainsKey(node))
        {
            Index(node, baseUri, DocumentOf(target) ?? resource, pointer, dialect);
        }

        return node;
    }

    /// <summary>The names a reference could have used instead, as a message lists them (the first few of many).</summary>
    private static string Listing(string[] names)
    {
        const int Listed = 20;
        return $" (it has: {string.Join(", ", names.Take(Listed))}{(names.Length > Listed ? $" and {names.Length - Listed} more" : "")})";
    }

    /// <summary>What to change: the name nearest to <paramref name="missing"/> as a "did you mean", or else <paramref name="otherwise"/>.</summary>
    private static string Fix(string missing, string[] names, string otherwise)
    {
        string suggestion = Suggestions.DidYouMean(missing, names);
        return suggestion.Length > 0 ? suggestion : "; " + otherwise;
    }

    /// <summary>How a draft declares the anchor <c>#name</c>: <c>$anchor</c> from 2019-09, a fragment-only id before.</summary>
    private static string AnchorDeclaration(Dialect draft, string name) => draft switch
    {
        Dialect.Draft4 => $"\"id\": \"#{name}\"",
        < Dialect.Draft201909 => $"\"$id\": \"#{name}\"",
        _ => $"\"$anchor\": \"{name}\"",
    };

    private bool TryLoad(string resource, out string? problem)
    {
        var candidates = referenceDocuments.Where(d => d.Uri == resource).ToList();
        string text;
        if (candidates.Count == 0)
        {
            // The draft metaschemas ship inside the generator, so a $ref to one needs no file and no
            // network; a reference document with the same URI (above) is used instead when given.
            if (!EmbeddedMetaschemas.TryGet(resource, out text))
            {
                problem = $"no schema document has the URI {resource}; declare that document as a JsonSchemaReference item with JsonSchemaUri=\"{resource}\", or point the reference at a schema that exists";
                return false;
            }
        }
        else if (candidates.Count > 1)
        {
            problem = $"{candidates.Count} reference documents claim the URI {resource} ({string.Join(", ", candidates.Select(d => d.Path))}); give each its own";
            return false;
        }
        else
        {
            text = candidates[0].Text;
        }

        try
        {
            AddDocument(JsonTextReader.Parse(text, out _), resource);
            problem = null;
            return true;
        }
        catch (JsonSyntaxException e)
        {
            problem = $"{resource} is not valid JSON: {e.Message}; fix that document";
            return false;
        }
    }

    /// <summary>
    /// The dialect a <c>$schema</c> names: a standard draft, or a custom metaschema (a document this
    /// parser can load) whose own <c>$schema</c> gives the draft and whose <c>$vocabulary</c> the
    /// vocabularies. Anything else is read as <paramref name="fallback"/>; <see cref="MetaschemaProblem"/> says why.
    /// </summary>
    private SchemaDialect DialectFor(string metaschema, SchemaDialect fallback)
    {
        if (Dialects.TryParseMetaschema(metaschema, out Dialect draft))
        {
            return SchemaDialect.Of(draft);
        }

        string uri = UriReference.SplitFragment(metaschema).Resource;
        if (_customDialects.TryGetValue(uri, out var known))
        {
            return known.Dialect;
        }

        _customDialects[uri] = (fallback, null); // guards against a metaschema that names itself
        SchemaDialect dialect = fallback;
        string? problem = null;
        if (!UriReference.IsAbsolute(uri))
        {
            problem = "not an absolute URI";
        }
        else if ((_resources.TryGetValue(uri, out JsonNode? root) ? root : (TryLoad(uri, out _) ? _resources[uri] : null)) is not { } metaschemaRoot)
        {
            problem = "neither a standard draft nor a document the generator has (give a custom metaschema as a JsonSchemaReference item)";
        }
        else if (metaschemaRoot["$schema"]?.Text is not { } parent || !Dialects.TryParseMetaschema(parent, out Dialect parentDraft))
        {
            problem = "a metaschema whose own $schema is not a standard draft";
        }
        else
        {
            Vocabularies vocabularies = Vocabularies.Core;
            if (metaschemaRoot["$vocabulary"] is { Kind: JsonNodeKind.Object } listed)
            {
                foreach (JsonMember vocabulary in listed.Members)
                {
                    vocabularies |= Dialects.VocabularyOf(vocabulary.Name);
                }
            }
            else
            {
                vocabularies = Vocabularies.All;
            }

            dialect = new SchemaDialect(parentDraft, vocabularies);
        }

        _customDialects[uri] = (dialect, problem);
        return dialect;
    }

    private void Index(JsonNode schema, string baseUri, string document, string pointer, SchemaDialect dialect)
    {
        if (_baseUris.ContainsKey(schema))
        {
            return;
        }

        _documentOf[schema] = document;
        _pointers[schema] = pointer;
        if (schema.Kind != JsonNodeKind.Object)
        {
            _baseUris[schema] = baseUri;
            _dialects[schema] = dialect;
            return;
        }

        // $schema belongs to a resource root: the document's root, or a schema with an identifier.
        if (schema["$schema"] is { Kind: JsonNodeKind.String, Text: { } metaschema } && (pointer.Length == 0 || schema["$id"] is not null || schema["id"] is not null))
        {
            dialect = DialectFor(metaschema, dialect);
        }

        // Before draft 2019-09, $ref replaces its schema: a sibling $id does not change the base URI.
        bool refOnly = dialect.RefOverridesSiblings && schema["$ref"] is not null;
        string idKeyword = dialect.Draft == Dialect.Draft4 ? "id" : "$id";
        if (!refOnly && schema[idKeyword] is { Kind: JsonNodeKind.String, Text: { } id })
        {
            (string resource, string fragment) = UriReference.SplitFragment(UriReference.Resolve(baseUri, id));

            // Only an id with more than a fragment starts a new resource. A fragment-only id
            // ("#/properties/a", or draft-07's "#name") changes no base URI; a plain name is an anchor.
            if (!id.StartsWith("#", StringComparison.Ordinal))
            {
                baseUri = resource;
                _resources[baseUri] = schema;
            }

            if (fragment.Length > 0 && !fragment.StartsWith("/", StringComparison.Ordinal))
            {
                _anchors[baseUri + "#" + fragment] = schema;
            }
        }

        _baseUris[schema] = baseUri;
        _dialects[schema] = dialect;
        if (dialect.Draft >= Dialect.Draft201909 && schema["$anchor"] is { Kind: JsonNodeKind.String, Text: { } anchor })
        {
            _anchors[baseUri + "#" + anchor] = schema;
        }

        if (dialect.Draft == Dialect.Draft202012 && schema["$dynamicAnchor"] is { Kind: JsonNodeKind.String, Text: { } dynamicAnchor })
        {
            _anchors[baseUri + "#" + dynamicAnchor] = schema;
            _dynamicAnchors[baseUri + "#" + dynamicAnchor] = schema;
        }

        if (dialect.Draft == Dialect.Draft201909 && schema["$recursiveAnchor"] is { Kind: JsonNodeKind.True })
        {
            _recursiveAnchors.Add(baseUri);
        }

        foreach (string keyword in SchemaKeywords)
        {
            if (!refOnly && schema[keyword] is { } sub)
            {
                string at = pointer + "/" + EscapePointer(keyword);
                if (sub.Kind == JsonNodeKind.Array)
                {
                    // items as an array (draft 4 to 2019-09): each item is a schema.
                    for (int i = 0; i < sub.Items.Count; i++)
                    {
                        Index(sub.Items[i], baseUri, document, at + "/" + i.ToString(CultureInfo.InvariantCulture), dialect);
                    }
                }
                else
                {
                    Index(sub, baseUri, document, at, dialect);
                }
            }
        }

        foreach (string keyword in SchemaMapKeywords)
        {
            // Beside a draft-07 $ref only the definitions are still somewhere a reference can point.
            if ((!refOnly || keyword is "$defs" or "definitions") && schema[keyword] is { Kind: JsonNodeKind.Object } map)
            {
                foreach (JsonMember member in map.Members)
                {
                    Index(member.Value, baseUri, document, pointer + "/" + EscapePointer(keyword) + "/" + EscapePointer(member.Name), dialect);
                }
            }
        }

        foreach (string keyword in SchemaArrayKeywords)
        {
            if (!refOnly && schema[keyword] is { Kind: JsonNodeKind.Array } list)
            {
                for (int i = 0; i < list.Items.Count; i++)
                {
                    Index(list.Items[i], baseUri, document, pointer + "/" + keyword + "/" + i.ToString(CultureInfo.InvariantCulture), dialect);
                }
            }
        }
    }

    /// <summary>A name as one JSON Pointer segment (RFC 6901: <c>~</c> and <c>/</c> escaped).</summary>
    public static string EscapePointer(string name) => name.Replace("~", "~0").Replace("/", "~1");

    private static string Unescape(string fragment)
    {
        try
        {
            return Uri.UnescapeDataString(fragment);
        }
        catch (UriFormatException)
        {
            return fragment;
        }
    }
}
