using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Insights.Contracts.Generator.Diagnostics;
using Insights.Contracts.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Insights.Contracts.Generator.Parsing;

/// <summary>
/// Stage 1 for contracts generated as a JSON-backed value: walks the schema graph from the root
/// (following <c>$ref</c> into <c>$defs</c>, embedded <c>$id</c> resources and reference documents)
/// and turns every reachable subschema into a <see cref="SchemaNodeSpec"/>. Keywords of draft
/// 2020-12 that it does not implement are reported (ICG003), never silently ignored.
/// </summary>
internal sealed class JsonValueSchemaParser
{
    private const string Draft202012 = "https://json-schema.org/draft/2020-12/schema";

    private static readonly HashSet<string> TypeNames = new(StringComparer.Ordinal)
    {
        "null", "boolean", "object", "array", "number", "string", "integer",
    };

    private readonly SchemaFileInput _input;
    private readonly Action<DiagnosticDescriptor, TextSpan, string[]> _report;
    private readonly SchemaResources _resources;
    private readonly string _fileUri;
    private readonly List<SchemaNodeSpec?> _nodes = [];
    private readonly Dictionary<JsonNode, int> _ids = [];

    // In-place edges (same instance location) with the span that created them, to find $ref
    // cycles that would never end at validation time.
    private readonly List<(int From, int To, TextSpan Span)> _inPlaceEdges = [];

    // While walking a document other than the schema file, diagnostics point at the $ref that led there.
    private TextSpan? _foreignSpan;

    public JsonValueSchemaParser(SchemaFileInput input, Action<DiagnosticDescriptor, TextSpan, string[]> report)
    {
        _input = input;
        _report = report;
        _fileUri = input.BaseUri ?? FileUri(input.Path);
        _resources = new SchemaResources(input.ReferenceDocuments);
    }

    /// <summary>The model of the whole file, with <paramref name="root"/> as type <paramref name="name"/>.</summary>
    public JsonValueTypeSpec Parse(JsonNode root, string name)
    {
        _resources.AddDocument(root, _fileUri);
        int rootId = Visit(root, "#", _fileUri);
        ReportInfiniteRecursion();

        SchemaNodeSpec rootSpec = _nodes[rootId]!;
        string? description = root.Kind == JsonNodeKind.Object ? root["description"]?.Text : null;
        return new JsonValueTypeSpec(
            name,
            description,
            rootId,
            _nodes.Select(n => n!).ToImmutableEquatableArray(),
            Variants(name, rootSpec));
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

    private JsonVariantSetSpec? Variants(string typeName, SchemaNodeSpec root)
    {
        (string keyword, ImmutableEquatableArray<int> branches) = root.OneOf.Count > 0 ? ("oneOf", root.OneOf) : ("anyOf", root.AnyOf);
        if (branches.Count < 2 || branches.Any(b => _nodes[b]!.Title is null))
        {
            return null;
        }

        var taken = new HashSet<string>(StringComparer.Ordinal);
        var variants = branches
            .Select(b => new JsonVariantSpec(Naming.MakeUnique(Naming.ToPascalCase(_nodes[b]!.Title!), taken), _nodes[b]!.Title!, b))
            .ToImmutableEquatableArray();
        return new JsonVariantSetSpec(typeName + "Variant", keyword, variants);
    }

    private int Visit(JsonNode schema, string location, string inheritedBase)
    {
        if (_ids.TryGetValue(schema, out int existing))
        {
            return existing;
        }

        int id = _nodes.Count;
        _nodes.Add(null);
        _ids[schema] = id;

        var spec = new SchemaNodeSpec(id, location);
        if (schema.Kind == JsonNodeKind.True)
        {
            _nodes[id] = spec;
            return id;
        }

        if (schema.Kind == JsonNodeKind.False)
        {
            _nodes[id] = spec with { IsFalse = true };
            return id;
        }

        if (schema.Kind != JsonNodeKind.Object)
        {
            Report(DiagnosticDescriptors.InvalidKeywordValue, schema.Span, "(schema)", $"must be an object or a boolean, found {schema.KindName}");
            _nodes[id] = spec;
            return id;
        }

        string baseUri = _resources.BaseUriOf(schema, inheritedBase);
        var keywords = new KeywordReader(schema);
        keywords.Take("$id");
        keywords.Take("$anchor");
        keywords.Take("$dynamicAnchor"); // indexed as a plain anchor; only $dynamicRef would make it dynamic
        foreach (string definitions in new[] { "$defs", "definitions" })
        {
            // Every definition is read, used or not, so a mistake in one is reported; the emitter
            // writes validators only for the schemas something refers to.
            if (keywords.Take(definitions) is { Kind: JsonNodeKind.Object } map)
            {
                foreach (JsonMember definition in map.Members)
                {
                    Visit(definition.Value, $"{location}/{definitions}/{Escape(definition.Name)}", baseUri);
                }
            }
        }

        keywords.Take("contentEncoding"); // content* are annotations in 2020-12
        keywords.Take("contentMediaType");
        keywords.Take("contentSchema");
        keywords.Take("then");
        keywords.Take("else");

        if (keywords.Take("$schema") is { } metaschema && metaschema.Text?.TrimEnd('#') != Draft202012)
        {
            Report(DiagnosticDescriptors.UnsupportedMetaschema, metaschema.Span, metaschema.Text ?? metaschema.KindName);
        }

        spec = spec with { Title = keywords.TakeString("title") };
        spec = ReadTypeAndValues(keywords, spec);
        spec = ReadNumbers(keywords, spec);
        spec = ReadStrings(keywords, spec);
        spec = ReadArrays(keywords, spec, location, baseUri);
        spec = ReadObjects(keywords, spec, location, baseUri);
        spec = ReadApplicators(keywords, spec, location, baseUri);

        foreach ((JsonMember member, bool known) in keywords.Untaken())
        {
            Report(known ? DiagnosticDescriptors.UnsupportedKeyword : DiagnosticDescriptors.UnknownKeyword, member.NameSpan, member.Name);
        }

        _nodes[id] = spec;
        return id;
    }

    // ---- keywords ---------------------------------------------------------------------------

    private SchemaNodeSpec ReadTypeAndValues(KeywordReader keywords, SchemaNodeSpec spec)
    {
        if (keywords.Take("type") is { } type)
        {
            int flags = 0;
            IEnumerable<JsonNode> names = type.Kind == JsonNodeKind.Array ? type.Items : [type];
            foreach (JsonNode name in names)
            {
                if (name.Kind != JsonNodeKind.String || !TypeNames.Contains(name.Text!))
                {
                    Report(DiagnosticDescriptors.InvalidKeywordValue, name.Span, "type", "must be one of null, boolean, object, array, number, string, integer, or an array of them");
                    continue;
                }

                flags |= TypeFlag(name.Text!);
            }

            spec = spec with { Types = flags };
        }

        if (keywords.Take("const") is { } constant)
        {
            spec = spec with { Const = ToJson(constant) };
        }

        if (keywords.Take("enum") is { } values)
        {
            if (values.Kind != JsonNodeKind.Array)
            {
                Report(DiagnosticDescriptors.InvalidKeywordValue, values.Span, "enum", "must be an array");
            }
            else
            {
                spec = spec with { Enum = ToJson(values) };
            }
        }

        return spec;
    }

    private SchemaNodeSpec ReadNumbers(KeywordReader keywords, SchemaNodeSpec spec) => spec with
    {
        Minimum = Number(keywords, "minimum"),
        Maximum = Number(keywords, "maximum"),
        ExclusiveMinimum = Number(keywords, "exclusiveMinimum"),
        ExclusiveMaximum = Number(keywords, "exclusiveMaximum"),
        MultipleOf = Number(keywords, "multipleOf", positive: true),
    };

    private SchemaNodeSpec ReadStrings(KeywordReader keywords, SchemaNodeSpec spec)
    {
        spec = spec with { MinLength = Count(keywords, "minLength"), MaxLength = Count(keywords, "maxLength") };
        if (keywords.Take("pattern") is { } pattern)
        {
            if (TryTranslatePattern(pattern, "pattern") is { } dotNet)
            {
                spec = spec with { Pattern = pattern.Text, DotNetPattern = dotNet };
            }
        }

        if (keywords.Take("format") is { } format)
        {
            if (format.Kind != JsonNodeKind.String)
            {
                Report(DiagnosticDescriptors.InvalidKeywordValue, format.Span, "format", "must be a string");
            }
            else if (!SchemaFormats.Asserted.TryGetValue(format.Text!, out string? member))
            {
                Report(DiagnosticDescriptors.UnvalidatedFormat, format.Span, format.Text!);
            }
            else if (_input.AssertFormats)
            {
                spec = spec with { Format = member };
            }
        }

        return spec;
    }

    private SchemaNodeSpec ReadArrays(KeywordReader keywords, SchemaNodeSpec spec, string location, string baseUri)
    {
        spec = spec with
        {
            MinItems = Count(keywords, "minItems"),
            MaxItems = Count(keywords, "maxItems"),
            MinContains = Count(keywords, "minContains"),
            MaxContains = Count(keywords, "maxContains"),
            PrefixItems = SchemaArray(keywords, "prefixItems", location, baseUri, allowEmpty: false),
            Items = Subschema(keywords, "items", location, baseUri),
            Contains = Subschema(keywords, "contains", location, baseUri),
        };

        if (keywords.Take("uniqueItems") is { } unique)
        {
            if (!unique.IsBoolean)
            {
                Report(DiagnosticDescriptors.InvalidKeywordValue, unique.Span, "uniqueItems", "must be true or false");
            }

            spec = spec with { UniqueItems = unique.Kind == JsonNodeKind.True };
        }

        return spec;
    }

    private SchemaNodeSpec ReadObjects(KeywordReader keywords, SchemaNodeSpec spec, string location, string baseUri)
    {
        spec = spec with
        {
            MinProperties = Count(keywords, "minProperties"),
            MaxProperties = Count(keywords, "maxProperties"),
            Properties = SchemaMap(keywords, "properties", location, baseUri),
            DependentSchemas = SchemaMap(keywords, "dependentSchemas", location, baseUri),
            AdditionalProperties = Subschema(keywords, "additionalProperties", location, baseUri),
            PropertyNames = Subschema(keywords, "propertyNames", location, baseUri),
        };

        if (keywords.Take("required") is { } required)
        {
            spec = spec with { Required = StringArray(required, "required").ToImmutableEquatableArray() };
        }

        if (keywords.Take("dependentRequired") is { } dependent)
        {
            if (dependent.Kind != JsonNodeKind.Object)
            {
                Report(DiagnosticDescriptors.InvalidKeywordValue, dependent.Span, "dependentRequired", "must be an object of string arrays");
            }
            else
            {
                spec = spec with
                {
                    DependentRequired = dependent.Members
                        .Select(m => new DependentRequiredSpec(m.Name, StringArray(m.Value, "dependentRequired").ToImmutableEquatableArray()))
                        .ToImmutableEquatableArray(),
                };
            }
        }

        // Draft 2019-09's "dependencies" (still met in schemas): arrays are dependentRequired, schemas dependentSchemas.
        if (keywords.Take("dependencies") is { } legacy)
        {
            if (legacy.Kind != JsonNodeKind.Object)
            {
                Report(DiagnosticDescriptors.InvalidKeywordValue, legacy.Span, "dependencies", "must be an object of string arrays or schemas");
            }
            else
            {
                spec = spec with
                {
                    DependentRequired = spec.DependentRequired.Concat(legacy.Members
                        .Where(m => m.Value.Kind == JsonNodeKind.Array)
                        .Select(m => new DependentRequiredSpec(m.Name, StringArray(m.Value, "dependencies").ToImmutableEquatableArray())))
                        .ToImmutableEquatableArray(),
                    DependentSchemas = spec.DependentSchemas.Concat(legacy.Members
                        .Where(m => m.Value.Kind != JsonNodeKind.Array)
                        .Select(m => new NamedSchemaSpec(m.Name, Visit(m.Value, $"{location}/dependencies/{Escape(m.Name)}", baseUri))))
                        .ToImmutableEquatableArray(),
                };
            }
        }

        if (keywords.Take("patternProperties") is { } patterns)
        {
            if (patterns.Kind != JsonNodeKind.Object)
            {
                Report(DiagnosticDescriptors.InvalidKeywordValue, patterns.Span, "patternProperties", "must be an object of schemas");
            }
            else
            {
                var list = new List<PatternSchemaSpec>();
                foreach (JsonMember member in patterns.Members)
                {
                    string? dotNet = TryTranslatePattern(new JsonNode(JsonNodeKind.String, member.NameSpan) { Text = member.Name }, "patternProperties");
                    int node = Visit(member.Value, $"{location}/patternProperties/{Escape(member.Name)}", baseUri);
                    if (dotNet is not null)
                    {
                        list.Add(new PatternSchemaSpec(member.Name, dotNet, node));
                    }
                }

                spec = spec with { PatternProperties = list.ToImmutableEquatableArray() };
            }
        }

        return spec;
    }

    private SchemaNodeSpec ReadApplicators(KeywordReader keywords, SchemaNodeSpec spec, string location, string baseUri)
    {
        int self = spec.Id;
        if (keywords.TakeMember("$ref") is { } reference)
        {
            spec = spec with { Ref = ResolveReference(reference, baseUri) };
            if (spec.Ref is { } target)
            {
                _inPlaceEdges.Add((self, target, reference.NameSpan));
            }
        }

        if (keywords.TakeMember("$dynamicRef") is { } dynamicReference)
        {
            Report(DiagnosticDescriptors.UnsupportedKeyword, dynamicReference.NameSpan, "$dynamicRef");
        }

        spec = spec with
        {
            AllOf = SchemaArray(keywords, "allOf", location, baseUri, allowEmpty: false),
            AnyOf = SchemaArray(keywords, "anyOf", location, baseUri, allowEmpty: false),
            OneOf = SchemaArray(keywords, "oneOf", location, baseUri, allowEmpty: false),
            Not = Subschema(keywords, "not", location, baseUri),
            If = Subschema(keywords, "if", location, baseUri),
        };

        if (spec.If is not null)
        {
            spec = spec with
            {
                Then = Subschema(keywords, "then", location, baseUri),
                Else = Subschema(keywords, "else", location, baseUri),
            };
        }

        // Applicators that validate the same instance location: a cycle through only these never ends.
        void InPlace(IEnumerable<int?> targets, params string[] keywordNames)
        {
            TextSpan span = keywordNames.Select(k => keywords.Schema.Member(k)).FirstOrDefault(m => m is not null)?.NameSpan ?? default;
            foreach (int? target in targets)
            {
                if (target is { } t)
                {
                    _inPlaceEdges.Add((self, t, span));
                }
            }
        }

        InPlace(spec.AllOf.Select(t => (int?)t), "allOf");
        InPlace(spec.AnyOf.Select(t => (int?)t), "anyOf");
        InPlace(spec.OneOf.Select(t => (int?)t), "oneOf");
        InPlace([spec.Not], "not");
        InPlace([spec.If], "if");
        InPlace([spec.Then], "then");
        InPlace([spec.Else], "else");
        InPlace(spec.DependentSchemas.Select(d => (int?)d.Node), "dependentSchemas", "dependencies");
        return spec;
    }

    private int? ResolveReference(JsonMember reference, string baseUri)
    {
        if (reference.Value.Kind != JsonNodeKind.String)
        {
            Report(DiagnosticDescriptors.InvalidKeywordValue, reference.Value.Span, "$ref", "must be a string");
            return null;
        }

        string absolute = UriReference.Resolve(baseUri, reference.Value.Text!);
        JsonNode? target = _resources.Resolve(absolute, out string? problem);
        if (target is null)
        {
            Report(DiagnosticDescriptors.UnresolvableReference, reference.Value.Span, reference.Value.Text!, problem ?? "not found");
            return null;
        }

        string? targetDocument = _resources.DocumentOf(target);
        bool foreign = targetDocument is not null && targetDocument != _fileUri;
        if (!foreign || _foreignSpan is not null)
        {
            return Visit(target, LocationOf(absolute), baseUri);
        }

        _foreignSpan = reference.Value.Span;
        try
        {
            return Visit(target, absolute, baseUri);
        }
        finally
        {
            _foreignSpan = null;
        }
    }

    private string LocationOf(string absolute)
    {
        (string resource, string fragment) = UriReference.SplitFragment(absolute);
        return resource == _fileUri ? "#" + fragment : absolute;
    }

    // ---- helpers ----------------------------------------------------------------------------

    private int? Subschema(KeywordReader keywords, string keyword, string location, string baseUri) =>
        keywords.Take(keyword) is { } node ? Visit(node, $"{location}/{keyword}", baseUri) : null;

    private ImmutableEquatableArray<int> SchemaArray(KeywordReader keywords, string keyword, string location, string baseUri, bool allowEmpty)
    {
        if (keywords.Take(keyword) is not { } node)
        {
            return ImmutableEquatableArray<int>.Empty;
        }

        if (node.Kind != JsonNodeKind.Array || (!allowEmpty && node.Items.Count == 0))
        {
            Report(DiagnosticDescriptors.InvalidKeywordValue, node.Span, keyword, "must be a non-empty array of schemas");
            return ImmutableEquatableArray<int>.Empty;
        }

        return node.Items.Select((item, i) => Visit(item, $"{location}/{keyword}/{i}", baseUri)).ToImmutableEquatableArray();
    }

    private ImmutableEquatableArray<NamedSchemaSpec> SchemaMap(KeywordReader keywords, string keyword, string location, string baseUri)
    {
        if (keywords.Take(keyword) is not { } node)
        {
            return ImmutableEquatableArray<NamedSchemaSpec>.Empty;
        }

        if (node.Kind != JsonNodeKind.Object)
        {
            Report(DiagnosticDescriptors.InvalidKeywordValue, node.Span, keyword, "must be an object of schemas");
            return ImmutableEquatableArray<NamedSchemaSpec>.Empty;
        }

        return node.Members
            .Select(m => new NamedSchemaSpec(m.Name, Visit(m.Value, $"{location}/{keyword}/{Escape(m.Name)}", baseUri)))
            .ToImmutableEquatableArray();
    }

    private NumberLimitSpec? Number(KeywordReader keywords, string keyword, bool positive = false)
    {
        if (keywords.Take(keyword) is not { } node)
        {
            return null;
        }

        if (node.Kind != JsonNodeKind.Number
            || !double.TryParse(node.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out double approximate)
            || (positive && !(approximate > 0)))
        {
            Report(DiagnosticDescriptors.InvalidKeywordValue, node.Span, keyword, positive ? "must be a number greater than 0" : "must be a number");
            return null;
        }

        // Only a number without exponent and with at most 28 digits is an exact decimal (the runtime
        // uses the same rule for values); decimal.Parse would round a longer one silently.
        bool fits = IsExactDecimalText(node.Text!);
        return new NumberLimitSpec(node.Text!, fits);
    }

    private long? Count(KeywordReader keywords, string keyword)
    {
        if (keywords.Take(keyword) is not { } node)
        {
            return null;
        }

        if (node.Kind == JsonNodeKind.Number
            && decimal.TryParse(node.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal value)
            && value >= 0 && decimal.Truncate(value) == value && value <= long.MaxValue)
        {
            return (long)value;
        }

        Report(DiagnosticDescriptors.InvalidKeywordValue, node.Span, keyword, "must be a non-negative integer");
        return null;
    }

    private IEnumerable<string> StringArray(JsonNode node, string keyword)
    {
        if (node.Kind != JsonNodeKind.Array)
        {
            Report(DiagnosticDescriptors.InvalidKeywordValue, node.Span, keyword, "must be an array of strings");
            yield break;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (JsonNode item in node.Items)
        {
            if (item.Kind != JsonNodeKind.String)
            {
                Report(DiagnosticDescriptors.InvalidKeywordValue, item.Span, keyword, "must be an array of strings");
            }
            else if (seen.Add(item.Text!))
            {
                yield return item.Text!;
            }
        }
    }

    private string? TryTranslatePattern(JsonNode pattern, string keyword)
    {
        if (pattern.Kind != JsonNodeKind.String)
        {
            Report(DiagnosticDescriptors.InvalidKeywordValue, pattern.Span, keyword, "must be a string holding a regular expression");
            return null;
        }

        try
        {
            string dotNet = EcmaPattern.ToDotNet(pattern.Text!);
            _ = new Regex(dotNet, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            return dotNet;
        }
        catch (ArgumentException e)
        {
            Report(DiagnosticDescriptors.InvalidKeywordValue, pattern.Span, keyword, $"holds '{pattern.Text}', which is not a valid regular expression: {e.Message}");
            return null;
        }
    }

    private static bool IsExactDecimalText(string text)
    {
        int digits = text.Count(c => c is >= '0' and <= '9');
        return digits <= 28 && text.IndexOfAny(['e', 'E']) < 0
            && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
    }

    private static int TypeFlag(string name) => name switch
    {
        "null" => 1,
        "boolean" => 2,
        "object" => 4,
        "array" => 8,
        "number" => 16,
        "string" => 32,
        _ => 64,
    };

    private static string Escape(string name) => name.Replace("~", "~0").Replace("/", "~1");

    /// <summary>Compact JSON text for a literal from the schema.</summary>
    internal static string ToJson(JsonNode node)
    {
        var builder = new StringBuilder();
        Write(node, builder);
        return builder.ToString();

        static void Write(JsonNode node, StringBuilder builder)
        {
            switch (node.Kind)
            {
                case JsonNodeKind.Object:
                    builder.Append('{');
                    for (int i = 0; i < node.Members.Count; i++)
                    {
                        builder.Append(i == 0 ? "" : ",");
                        WriteString(node.Members[i].Name, builder);
                        builder.Append(':');
                        Write(node.Members[i].Value, builder);
                    }

                    builder.Append('}');
                    break;
                case JsonNodeKind.Array:
                    builder.Append('[');
                    for (int i = 0; i < node.Items.Count; i++)
                    {
                        builder.Append(i == 0 ? "" : ",");
                        Write(node.Items[i], builder);
                    }

                    builder.Append(']');
                    break;
                case JsonNodeKind.String:
                    WriteString(node.Text!, builder);
                    break;
                case JsonNodeKind.Number:
                    builder.Append(node.Text);
                    break;
                default:
                    builder.Append(node.Kind.ToString().ToLowerInvariant());
                    break;
            }
        }

        static void WriteString(string text, StringBuilder builder)
        {
            builder.Append('"');
            foreach (char c in text)
            {
                if (c is '"' or '\\')
                {
                    builder.Append('\\').Append(c);
                }
                else if (c < 0x20 || char.IsSurrogate(c))
                {
                    builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                }
                else
                {
                    builder.Append(c);
                }
            }

            builder.Append('"');
        }
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

    private void Report(DiagnosticDescriptor descriptor, TextSpan span, params string[] args)
    {
        // A span in another document means nothing in this file: point at the $ref that led there.
        _report(descriptor, _foreignSpan ?? span, args);
    }
}
