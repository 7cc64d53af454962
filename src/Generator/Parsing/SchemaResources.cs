using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Insights.Contracts.Generator.Parsing;

/// <summary>RFC 3986 reference resolution, done by hand: System.Uri rejects or rewrites URNs, <c>tag:</c> and empty fragments.</summary>
internal static class UriReference
{
    public static bool IsAbsolute(string uri)
    {
        int colon = uri.IndexOf(':');
        if (colon <= 0 || !char.IsLetter(uri[0]))
        {
            return false;
        }

        for (int i = 1; i < colon; i++)
        {
            char c = uri[i];
            if (!(char.IsLetterOrDigit(c) || c is '+' or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Resolves <paramref name="reference"/> against the absolute <paramref name="baseUri"/> (RFC 3986 §5.2.2).</summary>
    public static string Resolve(string baseUri, string reference)
    {
        Parts r = Split(reference);
        if (r.Scheme is not null)
        {
            return Compose(r.Scheme, r.Authority, RemoveDotSegments(r.Path), r.Query, r.Fragment);
        }

        Parts b = Split(baseUri);
        if (r.Authority is not null)
        {
            return Compose(b.Scheme, r.Authority, RemoveDotSegments(r.Path), r.Query, r.Fragment);
        }

        if (r.Path.Length == 0)
        {
            return Compose(b.Scheme, b.Authority, b.Path, r.Query ?? b.Query, r.Fragment);
        }

        string path = r.Path.StartsWith("/", StringComparison.Ordinal)
            ? r.Path
            : Merge(b, r.Path);
        return Compose(b.Scheme, b.Authority, RemoveDotSegments(path), r.Query, r.Fragment);
    }

    /// <summary>The URI without its fragment, and the fragment (without <c>#</c>, empty when none).</summary>
    public static (string Resource, string Fragment) SplitFragment(string uri)
    {
        int hash = uri.IndexOf('#');
        return hash < 0 ? (uri, string.Empty) : (uri.Substring(0, hash), uri.Substring(hash + 1));
    }

    private static string Merge(Parts b, string path)
    {
        if (b.Authority is not null && b.Path.Length == 0)
        {
            return "/" + path;
        }

        int slash = b.Path.LastIndexOf('/');
        return slash < 0 ? path : b.Path.Substring(0, slash + 1) + path;
    }

    private static string RemoveDotSegments(string path)
    {
        if (path.IndexOf('.') < 0)
        {
            return path;
        }

        var output = new List<string>();
        string[] segments = path.Split('/');
        for (int i = 0; i < segments.Length; i++)
        {
            string segment = segments[i];
            bool last = i == segments.Length - 1;
            if (segment == ".")
            {
                if (last)
                {
                    output.Add(string.Empty);
                }
            }
            else if (segment == "..")
            {
                if (output.Count > 1 || (output.Count == 1 && output[0].Length > 0))
                {
                    output.RemoveAt(output.Count - 1);
                }

                if (last)
                {
                    output.Add(string.Empty);
                }
            }
            else
            {
                output.Add(segment);
            }
        }

        return string.Join("/", output);
    }

    private static string Compose(string? scheme, string? authority, string path, string? query, string? fragment)
    {
        var builder = new StringBuilder();
        if (scheme is not null)
        {
            builder.Append(scheme).Append(':');
        }

        if (authority is not null)
        {
            builder.Append("//").Append(authority);
        }

        builder.Append(path);
        if (query is not null)
        {
            builder.Append('?').Append(query);
        }

        if (fragment is not null)
        {
            builder.Append('#').Append(fragment);
        }

        return builder.ToString();
    }

    private static Parts Split(string uri)
    {
        string? fragment = null;
        int hash = uri.IndexOf('#');
        if (hash >= 0)
        {
            fragment = uri.Substring(hash + 1);
            uri = uri.Substring(0, hash);
        }

        string? query = null;
        int question = uri.IndexOf('?');
        if (question >= 0)
        {
            query = uri.Substring(question + 1);
            uri = uri.Substring(0, question);
        }

        string? scheme = null;
        if (IsAbsolute(uri))
        {
            int colon = uri.IndexOf(':');
            scheme = uri.Substring(0, colon);
            uri = uri.Substring(colon + 1);
        }

        string? authority = null;
        if (uri.StartsWith("//", StringComparison.Ordinal))
        {
            int end = uri.IndexOf('/', 2);
            authority = end < 0 ? uri.Substring(2) : uri.Substring(2, end - 2);
            uri = end < 0 ? string.Empty : uri.Substring(end);
        }

        return new Parts(scheme, authority, uri, query, fragment);
    }

    private readonly struct Parts(string? scheme, string? authority, string path, string? query, string? fragment)
    {
        public string? Scheme { get; } = scheme;
        public string? Authority { get; } = authority;
        public string Path { get; } = path;
        public string? Query { get; } = query;
        public string? Fragment { get; } = fragment;
    }
}

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

    /// <summary>Indexes a document retrieved from <paramref name="retrievalUri"/>.</summary>
    public void AddDocument(JsonNode root, string retrievalUri)
    {
        _resources[retrievalUri] = root;
        Index(root, retrievalUri, retrievalUri);
    }

    /// <summary>The base URI in effect inside <paramref name="schema"/> (after its own <c>$id</c>).</summary>
    public string BaseUriOf(JsonNode schema, string inherited)
    {
        if (!_baseUris.TryGetValue(schema, out string? uri))
        {
            // Reached through a pointer into a place that is not a known schema position: index it now.
            Index(schema, inherited, DocumentOf(schema) ?? inherited);
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
                problem = $"'{fragment}' does not point to anything in {resource}";
                return null;
            }

            node = next;
            if (_baseUris.TryGetValue(node, out string? nested))
            {
                baseUri = nested;
            }
        }

        if (!_baseUris.ContainsKey(node))
        {
            Index(node, baseUri, DocumentOf(target) ?? resource);
        }

        return node;
    }

    private bool TryLoad(string resource, out string? problem)
    {
        var candidates = referenceDocuments.Where(d => d.Uri == resource).ToList();
        if (candidates.Count == 0)
        {
            problem = $"no schema document has the URI {resource} (give it as an AdditionalFile with JsonSchemaUri=\"{resource}\")";
            return false;
        }

        if (candidates.Count > 1)
        {
            problem = $"{candidates.Count} reference documents claim the URI {resource} ({string.Join(", ", candidates.Select(d => d.Path))}); give each its own";
            return false;
        }

        try
        {
            AddDocument(JsonTextReader.Parse(candidates[0].Text, out _), resource);
            problem = null;
            return true;
        }
        catch (JsonSyntaxException e)
        {
            problem = $"{resource} is not valid JSON: {e.Message}";
            return false;
        }
    }

    private void Index(JsonNode schema, string baseUri, string document)
    {
        if (_baseUris.ContainsKey(schema))
        {
            return;
        }

        _documentOf[schema] = document;
        if (schema.Kind != JsonNodeKind.Object)
        {
            _baseUris[schema] = baseUri;
            return;
        }

        if (schema["$id"] is { Kind: JsonNodeKind.String, Text: { } id })
        {
            baseUri = UriReference.SplitFragment(UriReference.Resolve(baseUri, id)).Resource;
            _resources[baseUri] = schema;
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
                Index(sub, baseUri, document);
            }
        }

        foreach (string keyword in SchemaMapKeywords)
        {
            if (schema[keyword] is { Kind: JsonNodeKind.Object } map)
            {
                foreach (JsonMember member in map.Members)
                {
                    Index(member.Value, baseUri, document);
                }
            }
        }

        foreach (string keyword in SchemaArrayKeywords)
        {
            if (schema[keyword] is { Kind: JsonNodeKind.Array } list)
            {
                foreach (JsonNode item in list.Items)
                {
                    Index(item, baseUri, document);
                }
            }
        }
    }

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
