using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Insights.Contracts.Generator.Diagnostics;
using Insights.Contracts.Generator.Model;
using Insights.Contracts.Generator.Shared;
using Microsoft.CodeAnalysis.Text;

namespace Insights.Contracts.Generator.Parsing;

// The keyword readers: one method per group of keywords, each taking its keywords from the
// KeywordReader (so whatever nobody takes is reported) and writing them into the node.
internal sealed partial class SchemaReader
{
    private const string Draft202012 = "https://json-schema.org/draft/2020-12/schema";

    private SchemaNode ReadKeywords(KeywordReader keywords, SchemaNode node, string baseUri)
    {
        keywords.Take("$id");
        keywords.Take("$anchor");
        keywords.Take("$dynamicAnchor"); // indexed as a plain anchor; only $dynamicRef would make it dynamic
        keywords.Take("$comment");
        var definitions = new List<NamedSchema>();
        foreach (string keyword in new[] { "$defs", "definitions" })
        {
            // Every definition is read, used or not, so a mistake in one is reported; the emitters
            // write code only for the schemas something uses.
            if (keywords.Take(keyword) is { Kind: JsonNodeKind.Object } map)
            {
                definitions.AddRange(map.Members.Select(d => new NamedSchema(d.Name, Visit(d.Value, baseUri))));
            }
        }

        keywords.Take("contentEncoding"); // content* are annotations in 2020-12
        keywords.Take("contentMediaType");
        keywords.Take("contentSchema");
        if (keywords.Take("$schema") is { } metaschema && metaschema.Text?.TrimEnd('#') != Draft202012)
        {
            Report(DiagnosticDescriptors.UnsupportedMetaschema, metaschema.Span, metaschema.Text ?? metaschema.KindName);
        }

        node = node with
        {
            Title = keywords.TakeString("title"),
            Description = keywords.TakeString("description"),
            Default = keywords.Take("default") is { } value ? Literal(value) : null,
            Keywords = keywords.Schema.Members.Select(m => m.Name).Distinct().ToImmutableEquatableArray(),
            Definitions = definitions.ToImmutableEquatableArray(),
        };
        node = ReadTypeAndValues(keywords, node);
        node = ReadNumbers(keywords, node);
        node = ReadStrings(keywords, node);
        node = ReadArrays(keywords, node, baseUri);
        node = ReadObjects(keywords, node, baseUri);
        node = ReadApplicators(keywords, node, baseUri);
        ReportWithoutEffect(keywords.Schema, node.Types);

        var unsupported = new List<string>();
        foreach ((JsonMember member, bool known) in keywords.Untaken())
        {
            Report(known ? DiagnosticDescriptors.UnsupportedKeyword : DiagnosticDescriptors.UnknownKeyword, member.NameSpan, member.Name);
            if (known)
            {
                unsupported.Add(member.Name);
            }
        }

        return node with { Unsupported = unsupported.ToImmutableEquatableArray() };
    }

    private SchemaNode ReadTypeAndValues(KeywordReader keywords, SchemaNode node)
    {
        if (keywords.Take("type") is { } type)
        {
            JsonSchemaTypes types = JsonSchemaTypes.None;
            IEnumerable<JsonNode> names = type.Kind == JsonNodeKind.Array ? type.Items : [type];
            foreach (JsonNode name in names)
            {
                JsonSchemaTypes flag = name.Kind == JsonNodeKind.String ? JsonSchemaTypeNames.Parse(name.Text!) : JsonSchemaTypes.None;
                if (flag == JsonSchemaTypes.None)
                {
                    Report(DiagnosticDescriptors.InvalidKeywordValue, name.Span, "type", "must be one of null, boolean, object, array, number, string, integer, or an array of them");
                    continue;
                }

                types |= flag;
            }

            node = node with { Types = types };
        }

        if (keywords.Take("const") is { } constant)
        {
            node = node with { Const = Literal(constant) };
        }

        if (keywords.Take("enum") is { } values)
        {
            if (values.Kind != JsonNodeKind.Array)
            {
                Report(DiagnosticDescriptors.InvalidKeywordValue, values.Span, "enum", "must be an array");
            }
            else
            {
                node = node with { Enum = values.Items.Select(Literal).ToImmutableEquatableArray() };
            }
        }

        return node;
    }

    private SchemaNode ReadNumbers(KeywordReader keywords, SchemaNode node) => node with
    {
        Minimum = Number(keywords, "minimum"),
        Maximum = Number(keywords, "maximum"),
        ExclusiveMinimum = Number(keywords, "exclusiveMinimum"),
        ExclusiveMaximum = Number(keywords, "exclusiveMaximum"),
        MultipleOf = Number(keywords, "multipleOf", positive: true),
    };

    private SchemaNode ReadStrings(KeywordReader keywords, SchemaNode node)
    {
        node = node with { MinLength = Count(keywords, "minLength"), MaxLength = Count(keywords, "maxLength") };
        if (keywords.Take("pattern") is { } pattern)
        {
            node = node with { Pattern = Pattern(pattern, "pattern") };
        }

        if (keywords.Take("format") is { } format)
        {
            if (format.Kind != JsonNodeKind.String)
            {
                Report(DiagnosticDescriptors.InvalidKeywordValue, format.Span, "format", "must be a string");
            }
            else
            {
                if (!JsonFormatNames.TryParse(format.Text!, out _))
                {
                    Report(DiagnosticDescriptors.UnvalidatedFormat, format.Span, format.Text!);
                }

                node = node with { Format = format.Text };
            }
        }

        return node;
    }

    private SchemaNode ReadArrays(KeywordReader keywords, SchemaNode node, string baseUri)
    {
        node = node with
        {
            MinItems = Count(keywords, "minItems"),
            MaxItems = Count(keywords, "maxItems"),
            MinContains = Count(keywords, "minContains"),
            MaxContains = Count(keywords, "maxContains"),
            PrefixItems = SchemaArray(keywords, "prefixItems", baseUri),
            Items = Subschema(keywords, "items", baseUri),
            Contains = Subschema(keywords, "contains", baseUri),
        };

        if (keywords.Take("uniqueItems") is { } unique)
        {
            if (!unique.IsBoolean)
            {
                Report(DiagnosticDescriptors.InvalidKeywordValue, unique.Span, "uniqueItems", "must be true or false");
            }

            node = node with { UniqueItems = unique.Kind == JsonNodeKind.True };
        }

        return node;
    }

    private SchemaNode ReadObjects(KeywordReader keywords, SchemaNode node, string baseUri)
    {
        node = node with
        {
            MinProperties = Count(keywords, "minProperties"),
            MaxProperties = Count(keywords, "maxProperties"),
            Properties = SchemaMap(keywords, "properties", baseUri),
            DependentSchemas = SchemaMap(keywords, "dependentSchemas", baseUri),
            AdditionalProperties = Subschema(keywords, "additionalProperties", baseUri),
            PropertyNames = Subschema(keywords, "propertyNames", baseUri),
        };

        if (keywords.Take("required") is { } required)
        {
            node = node with { Required = StringArray(required, "required").ToImmutableEquatableArray() };
        }

        if (keywords.Take("dependentRequired") is { } dependent)
        {
            if (dependent.Kind != JsonNodeKind.Object)
            {
                Report(DiagnosticDescriptors.InvalidKeywordValue, dependent.Span, "dependentRequired", "must be an object of string arrays");
            }
            else
            {
                node = node with
                {
                    DependentRequired = dependent.Members
                        .Select(m => new DependentRequired(m.Name, StringArray(m.Value, "dependentRequired").ToImmutableEquatableArray()))
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
                node = node with
                {
                    DependentRequired = node.DependentRequired.Concat(legacy.Members
                        .Where(m => m.Value.Kind == JsonNodeKind.Array)
                        .Select(m => new DependentRequired(m.Name, StringArray(m.Value, "dependencies").ToImmutableEquatableArray())))
                        .ToImmutableEquatableArray(),
                    DependentSchemas = node.DependentSchemas.Concat(legacy.Members
                        .Where(m => m.Value.Kind != JsonNodeKind.Array)
                        .Select(m => new NamedSchema(m.Name, Visit(m.Value, baseUri))))
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
                var list = new List<PatternSchema>();
                foreach (JsonMember member in patterns.Members)
                {
                    SchemaPattern? pattern = Pattern(new JsonNode(JsonNodeKind.String, member.NameSpan) { Text = member.Name }, "patternProperties");
                    int target = Visit(member.Value, baseUri);
                    if (pattern is not null)
                    {
                        list.Add(new PatternSchema(pattern, target));
                    }
                }

                node = node with { PatternProperties = list.ToImmutableEquatableArray() };
            }
        }

        return node;
    }

    private SchemaNode ReadApplicators(KeywordReader keywords, SchemaNode node, string baseUri)
    {
        int self = node.Id;
        if (keywords.TakeMember("$ref") is { } reference)
        {
            node = node with { Ref = ResolveReference(reference, baseUri) };
            if (node.Ref is { } target)
            {
                _inPlaceEdges.Add((self, target, reference.NameSpan));
            }
        }

        node = node with
        {
            AllOf = SchemaArray(keywords, "allOf", baseUri),
            AnyOf = SchemaArray(keywords, "anyOf", baseUri),
            OneOf = SchemaArray(keywords, "oneOf", baseUri),
            Not = Subschema(keywords, "not", baseUri),
            If = Subschema(keywords, "if", baseUri),
        };

        JsonMember? thenMember = keywords.TakeMember("then");
        JsonMember? elseMember = keywords.TakeMember("else");
        if (node.If is null)
        {
            // JSON Schema ignores 'then' and 'else' without 'if'; say so rather than drop them silently.
            foreach (JsonMember? orphan in new[] { thenMember, elseMember })
            {
                if (orphan is not null)
                {
                    Report(DiagnosticDescriptors.KeywordNotApplicable, orphan.NameSpan, orphan.Name, "schemas without 'if'");
                }
            }
        }
        else
        {
            node = node with
            {
                Then = thenMember is null ? null : Visit(thenMember.Value, baseUri),
                Else = elseMember is null ? null : Visit(elseMember.Value, baseUri),
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

        InPlace(node.AllOf.Select(t => (int?)t), "allOf");
        InPlace(node.AnyOf.Select(t => (int?)t), "anyOf");
        InPlace(node.OneOf.Select(t => (int?)t), "oneOf");
        InPlace([node.Not], "not");
        InPlace([node.If], "if");
        InPlace([node.Then], "then");
        InPlace([node.Else], "else");
        InPlace(node.DependentSchemas.Select(d => (int?)d.Node), "dependentSchemas", "dependencies");
        return node;
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
            return Visit(target, baseUri);
        }

        _foreignSpan = reference.Value.Span;
        try
        {
            return Visit(target, baseUri);
        }
        finally
        {
            _foreignSpan = null;
        }
    }

    /// <summary>Warns about value keywords that cannot apply because the schema's own <c>type</c> excludes their JSON type.</summary>
    private void ReportWithoutEffect(JsonNode schema, JsonSchemaTypes types)
    {
        if (types == JsonSchemaTypes.None)
        {
            return;
        }

        foreach (string name in Vocabulary.TypeSpecific)
        {
            if (schema[name] is { } value && !JsonSchemaTypeNames.All.Any(t => (types & t.Type) != 0 && Vocabulary.Affects(name, t.Type)))
            {
                Report(DiagnosticDescriptors.KeywordNotApplicable, value.Span, name, JsonSchemaTypeNames.Describe(types));
            }
        }
    }

    // ---- helpers ----------------------------------------------------------------------------

    private int? Subschema(KeywordReader keywords, string keyword, string baseUri) =>
        keywords.Take(keyword) is { } node ? Visit(node, baseUri) : null;

    private ImmutableEquatableArray<int> SchemaArray(KeywordReader keywords, string keyword, string baseUri)
    {
        if (keywords.Take(keyword) is not { } node)
        {
            return ImmutableEquatableArray<int>.Empty;
        }

        if (node.Kind != JsonNodeKind.Array || node.Items.Count == 0)
        {
            Report(DiagnosticDescriptors.InvalidKeywordValue, node.Span, keyword, "must be a non-empty array of schemas");
            return ImmutableEquatableArray<int>.Empty;
        }

        return node.Items.Select(item => Visit(item, baseUri)).ToImmutableEquatableArray();
    }

    private ImmutableEquatableArray<NamedSchema> SchemaMap(KeywordReader keywords, string keyword, string baseUri)
    {
        if (keywords.Take(keyword) is not { } node)
        {
            return ImmutableEquatableArray<NamedSchema>.Empty;
        }

        if (node.Kind != JsonNodeKind.Object)
        {
            Report(DiagnosticDescriptors.InvalidKeywordValue, node.Span, keyword, "must be an object mapping names to schemas");
            return ImmutableEquatableArray<NamedSchema>.Empty;
        }

        // A repeated key is reported as ICG007 and the file generates nothing; the first one counts here.
        return node.Members
            .GroupBy(m => m.Name, StringComparer.Ordinal)
            .Select(g => new NamedSchema(g.Key, Visit(g.First().Value, baseUri)))
            .ToImmutableEquatableArray();
    }

    private NumberLimit? Number(KeywordReader keywords, string keyword, bool positive = false)
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

        return new NumberLimit(node.Text!, ExactDecimal.Applies(node.Text!) && decimal.TryParse(node.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out _));
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

        // Kept as written, repeats included, so an entry's index is its place in the schema text.
        foreach (JsonNode item in node.Items)
        {
            if (item.Kind != JsonNodeKind.String)
            {
                Report(DiagnosticDescriptors.InvalidKeywordValue, item.Span, keyword, "must be an array of strings");
            }
            else
            {
                yield return item.Text!;
            }
        }
    }

    private SchemaPattern? Pattern(JsonNode pattern, string keyword)
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
            return new SchemaPattern(pattern.Text!, dotNet, SimplePattern.TryParse(pattern.Text!));
        }
        catch (ArgumentException e)
        {
            Report(DiagnosticDescriptors.InvalidKeywordValue, pattern.Span, keyword, $"holds '{pattern.Text}', which is not a valid regular expression: {e.Message}");
            return null;
        }
    }

    private static JsonLiteral Literal(JsonNode node) => node.Kind switch
    {
        JsonNodeKind.String => new JsonLiteral(JsonLiteralKind.String, node.Text!, JsonText.Write(node)),
        JsonNodeKind.Number => new JsonLiteral(JsonLiteralKind.Number, node.Text!, node.Text!),
        JsonNodeKind.True => new JsonLiteral(JsonLiteralKind.Boolean, "true", "true"),
        JsonNodeKind.False => new JsonLiteral(JsonLiteralKind.Boolean, "false", "false"),
        JsonNodeKind.Null => new JsonLiteral(JsonLiteralKind.Null, "null", "null"),
        JsonNodeKind.Object => new JsonLiteral(JsonLiteralKind.Object, JsonText.Write(node), JsonText.Write(node)),
        _ => new JsonLiteral(JsonLiteralKind.Array, JsonText.Write(node), JsonText.Write(node)),
    };
}
