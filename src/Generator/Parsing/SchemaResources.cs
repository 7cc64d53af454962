using System;
using System.Collections.Generic;
using System.Linq;
using Insights.Contracts.Generator.Metaschemas;
using Insights.Contracts.Generator.Model;

namespace Insights.Contracts.Generator.Parsing;

/// <summary>
/// Every schema resource the parser can reach: the file itself, the documents given as reference
/// AdditionalFiles, and each embedded <c>$id</c> and <c>$anchor</c>, with the base URI each
/// subschema has (lexically, from the <c>$id</c>s around it).
/// </summary>
internal sealed class SchemaResources(IReadOnlyList<ReferenceDocument> referenceDocuments)
{
    /// <summary>Keywords whose value is one subschema.</summary>
    internal static readonly string[] SchemaKeywords =
        ["items", "contains", "additionalProperties", "propertyNames", "not", "if", "then", "else", "unevaluatedItems", "unevaluatedProperties", "contentSchema"];

    /// <summary>Keywords whose value maps names to subschemas.</summary>
    internal static readonly string[] SchemaMapKeywords = ["$defs", "definitions", "properties", "patternProperties", "dependentSchemas", "dependencies"];

    /// <summary>Keywords whose value is an array of subschemas.</summary>
    internal static readonly string[] SchemaArrayKeywords = ["allOf", "anyOf", "oneOf", "prefixItems"];

    private readonly Dictionary<string, JsonNode> _resources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonNode> _anchors = new(StringComparer.Ordinal);
    private readonly Dictionary<JsonNode, string> _baseUris = [];
    private readonly Dictionary<JsonNode, string> _documentOf = [];
    private readonly Dictionary<JsonNode, string> _pointers = [];

    // The schema file itself, the first document added: messages call it "the document".
    private string? _mainDocument;

    /// <summary>Indexes a document retrieved from <paramref name="retrievalUri"/>.</summary>
    public void AddDocument(JsonNode root, string retrievalUri)
    {
        _mainDocument ??= retrievalUri;
        _resources[retrievalUri] = root;
        Index(root, retrievalUri, retrievalUri, string.Empty);
    }

    /// <summary>Where <paramref name="schema"/> is written in its document, as a JSON Pointer (empty for the root).</summary>
    public string PointerOf(JsonNode schema) => _pointers.TryGetValue(schema, out string? pointer) ? pointer : string.Empty;

    /// <summary>The base URI in effect inside <paramref name="schema"/> (after its own <c>$id</c>).</summary>
    public string BaseUriOf(JsonNode schema, string inherited)
    {
        if (!_baseUris.TryGetValue(schema, out string? uri))
        {
            // Reached through a pointer into a place that is not a known schema position: index it now.
            Index(schema, inherited, DocumentOf(schema) ?? inherited, PointerOf(schema));
            uri = _baseUris[schema];
        }

        return uri;
    }

    /// <summary>The retrieval URI of the document that holds <paramref name="schema"/>, when known.</summary>
    public string? DocumentOf(JsonNode schema) => _documentOf.TryGetValue(schema, out string? document) ? document : null;

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

            problem = $"no $anchor '{fragment}' in {resource}";
            return null;
        }

        string baseUri = _baseUris.TryGetValue(target, out string? known) ? known : resource;
        JsonNode node = target;
        string pointer = PointerOf(target);
        foreach (string token in Unescape(fragment).Substring(1).Split('/'))
        {
            string name = token.Replace("~1", "/").Replace("~0", "~");
            JsonNode? next = node.Kind switch
            {
                JsonNodeKind.Object => node[name],
                JsonNodeKind.Array when int.TryParse(name, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int index) && index < node.Items.Count && (name == "0" || name[0] != '0') => node.Items[index],
                _ => null,
            };
            if (next is null)
            {
                string document = (DocumentOf(target) ?? resource) == _mainDocument ? "the document" : resource;
                problem = $"there is no '{name}' at that point of {document}";
                return null;
            }

            node = next;
            pointer += "/" + token;
            if (_baseUris.TryGetValue(node, out string? nested))
            {
                baseUri = nested;
            }
        }

        if (!_baseUris.ContainsKey(node))
        {
            Index(node, baseUri, DocumentOf(target) ?? resource, pointer);
        }

        return node;
    }

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
                problem = $"no schema document has the URI {resource} (give it as an AdditionalFile with JsonSchemaUri=\"{resource}\")";
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
            problem = $"{resource} is not valid JSON: {e.Message}";
            return false;
        }
    }

    private void Index(JsonNode schema, string baseUri, string document, string pointer)
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
            return;
        }

        if (schema["$id"] is { Kind: JsonNodeKind.String, Text: { } id })
        {
            (string resource, string fragment) = UriReference.SplitFragment(UriReference.Resolve(baseUri, id));

            // Only an $id with more than a fragment starts a new resource. A fragment-only $id
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
        foreach (string anchorKeyword in new[] { "$anchor", "$dynamicAnchor" })
        {
            if (schema[anchorKeyword] is { Kind: JsonNodeKind.String, Text: { } anchor })
            {
                _anchors[baseUri + "#" + anchor] = schema;
            }
        }

        foreach (string keyword in SchemaKeywords)
        {
            if (schema[keyword] is { } sub)
            {
                Index(sub, baseUri, document, pointer + "/" + EscapePointer(keyword));
            }
        }

        foreach (string keyword in SchemaMapKeywords)
        {
            if (schema[keyword] is { Kind: JsonNodeKind.Object } map)
            {
                foreach (JsonMember member in map.Members)
                {
                    Index(member.Value, baseUri, document, pointer + "/" + EscapePointer(keyword) + "/" + EscapePointer(member.Name));
                }
            }
        }

        foreach (string keyword in SchemaArrayKeywords)
        {
            if (schema[keyword] is { Kind: JsonNodeKind.Array } list)
            {
                for (int i = 0; i < list.Items.Count; i++)
                {
                    Index(list.Items[i], baseUri, document, pointer + "/" + keyword + "/" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
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
