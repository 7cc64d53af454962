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
    private SchemaNode ReadKeywords(KeywordReader keywords, SchemaNode node, string baseUri)
    {
        SchemaDialect dialect = keywords.Dialect;
        foreach (string identifier in new[] { "id", "$id", "$anchor", "$dynamicAnchor", "$recursiveAnchor", "$comment", "$vocabulary" })
        {
            keywords.Take(identifier); // read by SchemaResources, which indexed this document
        }

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

        ReadMetaschema(keywords);
        node = node with
        {
            Title = keywords.TakeString("title"),
            Description = keywords.TakeString("description"),
            Default = keywords.Take("default") is { } value ? JsonText.Literal(value) : null,
            Definitions = definitions.ToImmutableEquatableArray(),
        };

        if (dialect.RefOverridesSiblings && keywords.Schema.Member("$ref") is not null)
        {
            // Until draft 2019-09, $ref replaces the schema it is in: whatever validates beside it is ignored.
            foreach (JsonMember sibling in keywords.Schema.Members.Where(m => m.Name != "$ref" && Vocabulary.Validates(m.Name) && Vocabulary.IsKeyword(m.Name, dialect)))
            {
                Report(DiagnosticDescriptors.IgnoredBesideRef, sibling.NameSpan, sibling.Name, dialect.ToString());
                keywords.Skip(sibling.Name);
            }

            node = ReadApplicators(keywords, node, baseUri);
        }
        else
        {
            node = ReadTypeAndValues(keywords, node);
            node = ReadNumbers(keywords, node);
            node = ReadStrings(keywords, node);
            node = ReadArrays(keywords, node, baseUri);
            node = ReadObjects(keywords, node, baseUri);
            node = ReadApplicators(keywords, node, baseUri);
            ReportWithoutEffect(keywords.Schema, node.Types);
            ReportNullable(keywords.Schema, node.Types);
        }

        node = node with { DiscriminatorName = keywords.Schema["discriminator"]?["propertyName"] is { Kind: JsonNodeKind.String } name ? name.Text : null };
        foreach ((JsonMember member, KeywordStatus status) in keywords.Untaken())
        {
            if (status != KeywordStatus.VocabularyOff)
            {
                (string what, string fix) = status == KeywordStatus.OtherDraft
                    ? OtherDraftKeyword(member.Name, dialect.Draft)
                    : ("is not a JSON Schema keyword", "correct its spelling, start a vendor extension with 'x-', or list it in JsonSchemaAnnotationKeywords");
                IEnumerable<string> candidates = Vocabulary.KeywordsOf(dialect.Draft).Concat(_input.AnnotationKeywords.Where(k => !k.EndsWith("*", StringComparison.Ordinal)));
                Report(DiagnosticDescriptors.UnknownKeyword, member.NameSpan, member.Name, what, fix + Suggestions.DidYouMean(member.Name, candidates));
            }
        }

        return node with
        {
            Keywords = Normalized(keywords, node).Distinct().ToImmutableEquatableArray(),
        };
    }

    /// <summary>
    /// What ICG010 says of a keyword another draft defines: <c>const</c> under draft-04 is a
    /// draft-06 keyword that draft-04 ignores, and declaring a later draft applies it.
    /// </summary>
    private static (string What, string Fix) OtherDraftKeyword(string keyword, Dialect draft)
    {
        Dialect drafts = Vocabulary.DraftsOf(keyword);
        Dialect? later = new[] { Dialect.Draft4, Dialect.Draft6, Dialect.Draft7, Dialect.Draft201909, Dialect.Draft202012 }
            .Where(d => d > draft && (drafts & d) != 0)
            .Select(d => (Dialect?)d)
            .FirstOrDefault();
        return later is { } from
            ? ($"is a keyword of {Dialects.Name(from)} and later, not of {Dialects.Name(draft)},", $"declare {Dialects.Name(from)} or later in $schema to apply it")
            : ($"is not a keyword of {Dialects.Name(draft)} (it was one of earlier drafts)", "use the keyword that replaced it, or start a vendor extension with 'x-'");
    }

    /// <summary>
    /// OpenAPI 3.0's <c>nullable: true</c> lets null through a <c>type</c> that leaves it out; JSON Schema
    /// has no such keyword, so null stays invalid, which an author writing it did not mean. Where the
    /// type allows null anyway, or there is no type, it changes nothing and goes unmentioned.
    /// </summary>
    private void ReportNullable(JsonNode schema, JsonSchemaTypes types)
    {
        if (schema.Member("nullable") is { Value.Kind: JsonNodeKind.True } nullable && types != JsonSchemaTypes.None && (types & JsonSchemaTypes.Null) == 0)
        {
            Report(
                DiagnosticDescriptors.UnknownKeyword,
                nullable.NameSpan,
                "nullable",
                "is OpenAPI 3.0's, not a JSON Schema keyword,",
                "null is not valid here: to allow it, add \"null\" to 'type'");
        }
    }

    /// <summary>
    /// The keywords the node applies, named as draft 2020-12 names what the model holds: draft-04's
    /// <c>id</c> is <c>$id</c>, a tuple <c>items</c> is <c>prefixItems</c> and its <c>additionalItems</c>
    /// is <c>items</c>, <c>dependencies</c> is <c>dependentRequired</c>/<c>dependentSchemas</c>, and a
    /// draft-04 boolean <c>exclusiveMinimum</c> is the bound it makes exclusive.
    /// </summary>
    private static IEnumerable<string> Normalized(KeywordReader keywords, SchemaNode node)
    {
        bool tuple = keywords.Schema["items"] is { Kind: JsonNodeKind.Array };
        foreach (string keyword in keywords.Applied())
        {
            switch (keyword)
            {
                case "id":
                    yield return "$id";
                    break;
                case "items" when tuple:
                    yield return "prefixItems";
                    break;
                case "additionalItems":
                    if (tuple)
                    {
                        yield return "items";
                    }

                    break;
                case "dependencies":
                    if (node.DependentRequired.Count > 0)
                    {
                        yield return "dependentRequired";
                    }

                    if (node.DependentSchemas.Count > 0)
                    {
                        yield return "dependentSchemas";
                    }

                    break;
                case "minimum" or "exclusiveMinimum" when keywords.Dialect.Draft == Dialect.Draft4:
                    if (keyword == "minimum" ? node.Minimum is not null : node.ExclusiveMinimum is not null)
                    {
                        yield return keyword;
                    }

                    break;
                case "maximum" or "exclusiveMaximum" when keywords.Dialect.Draft == Dialect.Draft4:
                    if (keyword == "maximum" ? node.Maximum is not null : node.ExclusiveMaximum is not null)
                    {
                        yield return keyword;
                    }

                    break;
                default:
                    yield return keyword;
                    break;
            }
        }
    }

    /// <summary>Checks <c>$schema</c>: a metaschema SchemaResources could not read as a dialect is reported (ICG014).</summary>
    private void ReadMetaschema(KeywordReader keywords)
    {
        if (keywords.Take("$schema") is not { } metaschema)
        {
            return;
        }

        if (metaschema.Kind != JsonNodeKind.String)
        {
            Report(DiagnosticDescriptors.InvalidKeywordValue, metaschema.Span, "$schema", "must be a string (a metaschema URI)");
        }
        else if (_resources.MetaschemaProblem(UriReference.SplitFragment(metaschema.Text!).Resource) is { } problem)
        {
            Report(DiagnosticDescriptors.UnsupportedMetaschema, metaschema.Span, $"'$schema' {metaschema.Text}", problem, keywords.Dialect.ToString());
        }
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
                    string[] typeNames = JsonSchemaTypeNames.All.Select(t => t.Name).ToArray();
                    string choices = $"one of {string.Join(", ", typeNames)}, or an array of them";
                    Report(
                        DiagnosticDescriptors.InvalidKeywordValue,
                        name.Span,
                        "type",
                        name.Kind == JsonNodeKind.String ? $"has '{name.Text}', which is not a type: use {choices}{Suggestions.DidYouMean(name.Text!, typeNames)}" : $"must be {choices}");
                    continue;
                }

                types |= flag;
            }

            node = node with { Types = types };
        }

        if (keywords.Take("const") is { } constant)
        {
            node = node with { Const = JsonText.Literal(constant) };
        }

        if (keywords.Take("enum") is { } values)
        {
            if (values.Kind != JsonNodeKind.Array)
            {
                Report(DiagnosticDescriptors.InvalidKeywordValue, values.Span, "enum", "must be an array");
            }
            else
            {
                node = node with { Enum = values.Items.Select(JsonText.Literal).ToImmutableEquatableArray() };
                node = node with { EnumNames = VendorEnumNames(keywords.Schema, values.Items.Count) };
            }
        }

        return node;
    }

    /// <summary>
    /// The first vendor array of enum member names that names every value (<c>x-enumNames</c>, as
    /// NSwag writes it, then openapi-generator's <c>x-enum-varnames</c> and <c>x-enum-names</c>); an
    /// array of another length or with a non-string entry names nothing, and the values name the members.
    /// </summary>
    private static ImmutableEquatableArray<string>? VendorEnumNames(JsonNode schema, int count)
    {
        foreach (string key in new[] { "x-enumNames", "x-enum-varnames", "x-enum-names" })
        {
            if (schema[key] is { Kind: JsonNodeKind.Array } names && names.Items.Count == count && names.Items.All(n => n.Kind == JsonNodeKind.String))
            {
                return names.Items.Select(n => n.Text!).ToImmutableEquatableArray();
            }
        }

        return null;
    }

    private SchemaNode ReadNumbers(KeywordReader keywords, SchemaNode node)
    {
        node = node with
        {
            Minimum = Number(keywords, "minimum"),
            Maximum = Number(keywords, "maximum"),
            MultipleOf = Number(keywords, "multipleOf", positive: true),
        };

        if (keywords.Dialect.Draft != Dialect.Draft4)
        {
            return node with { ExclusiveMinimum = Number(keywords, "exclusiveMinimum"), ExclusiveMaximum = Number(keywords, "exclusiveMaximum") };
        }

        // Draft-04: exclusiveMinimum/exclusiveMaximum are booleans that make minimum/maximum exclusive.
        if (ExclusiveFlag(keywords, "exclusiveMinimum", node.Minimum is not null))
        {
            node = node with { ExclusiveMinimum = node.Minimum, Minimum = null };
        }

        if (ExclusiveFlag(keywords, "exclusiveMaximum", node.Maximum is not null))
        {
            node = node with { ExclusiveMaximum = node.Maximum, Maximum = null };
        }

        return node;
    }

    /// <summary>A draft-04 <c>exclusiveMinimum</c>/<c>exclusiveMaximum</c>: true when it makes its bound exclusive.</summary>
    private bool ExclusiveFlag(KeywordReader keywords, string keyword, bool hasBound)
    {
        if (keywords.Take(keyword) is not { } flag)
        {
            return false;
        }

        if (!flag.IsBoolean)
        {
            Report(DiagnosticDescriptors.InvalidKeywordValue, flag.Span, keyword, "must be true or false in draft-04 (a number from draft-06 on)");
            return false;
        }

        if (!hasBound && flag.Kind == JsonNodeKind.True)
        {
            Report(DiagnosticDescriptors.KeywordNotApplicable, flag.Span, keyword, $"schemas without '{(keyword == "exclusiveMinimum" ? "minimum" : "maximum")}'");
        }

        return flag.Kind == JsonNodeKind.True && hasBound;
    }

    private SchemaNode ReadStrings(KeywordReader keywords, SchemaNode node)
    {
        node = node with { MinLength = Count(keywords, "minLength"), MaxLength = Count(keywords, "maxLength") };
        if (keywords.Take("pattern") is { } pattern)
        {
            node = node with { Pattern = Pattern(pattern, "pattern") };
        }

        // Draft-07 content assertions; later drafts made content* annotations only.
        if (keywords.Dialect.Draft == Dialect.Draft7)
        {
            node = node with
            {
                ContentEncoding = keywords.TakeString("contentEncoding") is "base64" ? "base64" : null,
                ContentMediaType = keywords.TakeString("contentMediaType") is "application/json" ? "application/json" : null,
            };
        }

        if (keywords.Take("format") is { } format)
        {
            if (format.Kind != JsonNodeKind.String)
            {
                Report(DiagnosticDescriptors.InvalidKeywordValue, format.Span, "format", "must be a string");
            }
            else
            {
                if (!JsonFormatNames.TryParse(format.Text!, out _) && !Vocabulary.IsAnnotationFormat(format.Text!, node.Types))
                {
                    Report(DiagnosticDescriptors.UnvalidatedFormat, format.Span, format.Text!, string.Join(", ", JsonFormatNames.Names), Suggestions.DidYouMean(format.Text!, JsonFormatNames.Names));
                }

                node = node with
                {
                    Format = format.Text,
                    AssertsFormat = _input.AssertFormats || (keywords.Dialect.Vocabularies & Vocabularies.FormatAssertion) != 0,
                };
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
            Contains = Subschema(keywords, "contains", baseUri),
            UnevaluatedItems = Subschema(keywords, "unevaluatedItems", baseUri),
        };

        JsonNode? items = keywords.Take("items");
        JsonMember? additional = keywords.TakeMember("additionalItems");
        if (items is { Kind: JsonNodeKind.Array } tuple)
        {
            // Draft 4 to 2019-09: an array of item schemas, then additionalItems for the rest (2020-12's prefixItems and items).
            if (keywords.Dialect.Draft == Dialect.Draft202012)
            {
                Report(DiagnosticDescriptors.InvalidKeywordValue, tuple.Span, "items", "must be a schema in draft 2020-12 (a list of item schemas is 'prefixItems' there)");
            }
            else
            {
                node = node with
                {
                    PrefixItems = tuple.Items.Select(item => Visit(item, baseUri)).ToImmutableEquatableArray(),
                    Items = additional is null ? null : Visit(additional.Value, baseUri),
                };
            }
        }
        else
        {
            node = node with { Items = items is null ? null : Visit(items, baseUri) };
            if (additional is not null)
            {
                Visit(additional.Value, baseUri); // read for its mistakes, though it applies to nothing
                Report(DiagnosticDescriptors.KeywordNotApplicable, additional.NameSpan, "additionalItems", "schemas whose 'items' is not an array of schemas");
            }
        }

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
            UnevaluatedProperties = Subschema(keywords, "unevaluatedProperties", baseUri),
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

        // Draft 4 to 7's "dependencies" (still met in later schemas): arrays are dependentRequired, schemas dependentSchemas.
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
}
