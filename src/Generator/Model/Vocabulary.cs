using System;
using System.Collections.Generic;
using System.Linq;
using Insights.Contracts.Generator.Shared;

namespace Insights.Contracts.Generator.Model;

/// <summary>
/// Every keyword of the drafts the generator reads: in which drafts and vocabulary it is a keyword,
/// the JSON types it acts on, the typed values whose C# checks enforce it, and whether it is worth
/// a warning (ICG006) where the schema's own <c>type</c> excludes its JSON type. A keyword that acts
/// on one type passes every value of another type, so there it has no effect. The model names
/// keywords as draft 2020-12 does (the reader turns a draft-07 tuple <c>items</c> into
/// <c>prefixItems</c>, <c>additionalItems</c> into <c>items</c>, draft-04's <c>id</c> into <c>$id</c>).
/// </summary>
internal static class Vocabulary
{
    private const JsonSchemaTypes Any = JsonSchemaTypes.None;
    private const JsonSchemaTypes Numbers = JsonSchemaTypes.Number | JsonSchemaTypes.Integer;
    private const JsonSchemaTypes Text = JsonSchemaTypes.String;
    private const JsonSchemaTypes Arrays = JsonSchemaTypes.Array;
    private const JsonSchemaTypes Objects = JsonSchemaTypes.Object;
    private const Dialect All = Dialects.All;
    private const Dialect From6 = Dialect.Draft6 | Dialect.Draft7 | Dialect.Draft201909 | Dialect.Draft202012;
    private const Dialect From7 = Dialect.Draft7 | Dialect.Draft201909 | Dialect.Draft202012;
    private const Dialect From2019 = Dialect.Draft201909 | Dialect.Draft202012;

    private static readonly Dictionary<string, Entry> Keywords = new(StringComparer.Ordinal)
    {
        // Identifiers and structure (core). definitions and $defs hold schemas in every draft.
        ["$schema"] = Annotation(All, Vocabularies.Core),
        ["$id"] = Annotation(All, Vocabularies.Core),
        ["id"] = Annotation(Dialect.Draft4, Vocabularies.Core),
        ["$anchor"] = Annotation(From2019, Vocabularies.Core),
        ["$dynamicAnchor"] = Annotation(Dialect.Draft202012, Vocabularies.Core),
        ["$recursiveAnchor"] = Annotation(Dialect.Draft201909, Vocabularies.Core),
        ["$vocabulary"] = Annotation(From2019, Vocabularies.Core),
        ["$comment"] = Annotation(All, Vocabularies.Core),
        ["$defs"] = Annotation(All, Vocabularies.Core),
        ["definitions"] = Annotation(All, Vocabularies.Core),
        ["$ref"] = new(All, Vocabularies.Core, Any, TypedValues.None),
        ["$dynamicRef"] = new(Dialect.Draft202012, Vocabularies.Core, Any, TypedValues.None),
        ["$recursiveRef"] = new(Dialect.Draft201909, Vocabularies.Core, Any, TypedValues.None),

        // Applicators.
        ["allOf"] = new(All, Vocabularies.Applicator, Any, TypedValues.None),
        ["anyOf"] = new(All, Vocabularies.Applicator, Any, TypedValues.None),
        ["oneOf"] = new(All, Vocabularies.Applicator, Any, TypedValues.None),
        ["not"] = new(All, Vocabularies.Applicator, Any, TypedValues.None),
        ["if"] = new(From7, Vocabularies.Applicator, Any, TypedValues.None),
        ["then"] = new(From7, Vocabularies.Applicator, Any, TypedValues.None),
        ["else"] = new(From7, Vocabularies.Applicator, Any, TypedValues.None),
        ["prefixItems"] = new(Dialect.Draft202012, Vocabularies.Applicator, Arrays, TypedValues.None),
        ["items"] = new(All, Vocabularies.Applicator, Arrays, TypedValues.Array),
        ["additionalItems"] = new(Dialect.Draft4 | Dialect.Draft6 | Dialect.Draft7 | Dialect.Draft201909, Vocabularies.Applicator, Arrays, TypedValues.None),
        ["contains"] = new(From6, Vocabularies.Applicator, Arrays, TypedValues.None),
        ["properties"] = new(All, Vocabularies.Applicator, Objects, TypedValues.None),
        ["patternProperties"] = new(All, Vocabularies.Applicator, Objects, TypedValues.None),
        ["additionalProperties"] = new(All, Vocabularies.Applicator, Objects, TypedValues.None),
        ["propertyNames"] = new(From6, Vocabularies.Applicator, Objects, TypedValues.None),
        ["dependentSchemas"] = new(From2019, Vocabularies.Applicator, Objects, TypedValues.None),

        // draft 4 to 7; read as dependentRequired/dependentSchemas in every draft, as the suite's compatibility tests expect.
        ["dependencies"] = new(All, Vocabularies.Applicator, Objects, TypedValues.None),
        ["unevaluatedItems"] = new(From2019, Vocabularies.Unevaluated, Arrays, TypedValues.None),
        ["unevaluatedProperties"] = new(From2019, Vocabularies.Unevaluated, Objects, TypedValues.None),

        // Validation.
        ["type"] = new(All, Vocabularies.Validation, Any, TypedValues.None),
        ["enum"] = new(All, Vocabularies.Validation, Any, TypedValues.Text | TypedValues.Number | TypedValues.Boolean),
        ["const"] = new(From6, Vocabularies.Validation, Any, TypedValues.Text | TypedValues.Number | TypedValues.Boolean),
        ["minLength"] = new(All, Vocabularies.Validation, Text, TypedValues.Text, Warns: true),
        ["maxLength"] = new(All, Vocabularies.Validation, Text, TypedValues.Text, Warns: true),
        ["pattern"] = new(All, Vocabularies.Validation, Text, TypedValues.Text, Warns: true),
        ["minimum"] = new(All, Vocabularies.Validation, Numbers, TypedValues.Number, Warns: true),
        ["maximum"] = new(All, Vocabularies.Validation, Numbers, TypedValues.Number, Warns: true),
        ["exclusiveMinimum"] = new(All, Vocabularies.Validation, Numbers, TypedValues.Number, Warns: true),
        ["exclusiveMaximum"] = new(All, Vocabularies.Validation, Numbers, TypedValues.Number, Warns: true),
        ["multipleOf"] = new(All, Vocabularies.Validation, Numbers, TypedValues.Number, Warns: true),
        ["minItems"] = new(All, Vocabularies.Validation, Arrays, TypedValues.Array, Warns: true),
        ["maxItems"] = new(All, Vocabularies.Validation, Arrays, TypedValues.Array, Warns: true),
        ["uniqueItems"] = new(All, Vocabularies.Validation, Arrays, TypedValues.Array, Warns: true),
        ["minContains"] = new(From2019, Vocabularies.Validation, Arrays, TypedValues.None),
        ["maxContains"] = new(From2019, Vocabularies.Validation, Arrays, TypedValues.None),
        ["required"] = new(All, Vocabularies.Validation, Objects, TypedValues.None),
        ["dependentRequired"] = new(From2019, Vocabularies.Validation, Objects, TypedValues.None),
        ["minProperties"] = new(All, Vocabularies.Validation, Objects, TypedValues.None),
        ["maxProperties"] = new(All, Vocabularies.Validation, Objects, TypedValues.None),

        // format: an assertion here by default, as a contract should (an annotation where turned off).
        ["format"] = new(All, Vocabularies.FormatAnnotation | Vocabularies.FormatAssertion, Text, TypedValues.Text | TypedValues.Format, Warns: true),

        // Annotations: meta-data and content.
        ["title"] = Annotation(All, Vocabularies.MetaData),
        ["description"] = Annotation(All, Vocabularies.MetaData),
        ["default"] = Annotation(All, Vocabularies.MetaData),
        ["examples"] = Annotation(From6, Vocabularies.MetaData),
        ["readOnly"] = Annotation(From7, Vocabularies.MetaData),
        ["writeOnly"] = Annotation(From7, Vocabularies.MetaData),
        ["deprecated"] = Annotation(From2019, Vocabularies.MetaData),
        ["contentEncoding"] = Annotation(From7, Vocabularies.Content),
        ["contentMediaType"] = Annotation(From7, Vocabularies.Content),
        ["contentSchema"] = Annotation(From2019, Vocabularies.Content),
    };

    /// <summary>
    /// Keywords of no draft that widely used tools write into schemas, each an annotation that asserts
    /// nothing: JSON Schema ignores unknown keywords, and so does the generator, without the ICG010
    /// warning a typo gets. A project adds its own with <c>JsonSchemaAnnotationKeywords</c>.
    /// </summary>
    private static readonly string[] VendorAnnotationNames =
    [
        // VS Code's JSON language service: hovers, completion and the text of its own error messages.
        "markdownDescription", "deprecationMessage", "markdownDeprecationMessage", "errorMessage", "patternErrorMessage",
        "enumDescriptions", "markdownEnumDescriptions", "enumSortTexts", "enumDetails", "defaultSnippets",
        "doNotSuggest", "suggestSortText", "completionDetail", "allowComments", "allowTrailingCommas",

        // VS Code's settings editor (contributes.configuration).
        "scope", "order", "tags", "enumItemLabels", "editPresentation", "ignoreSync",

        // OpenAPI 3.x Schema Objects. discriminator.propertyName may choose a union's discriminator
        // among members its branches fix (ShapeDecider.Unions); nullable (3.0) is reported where it
        // would have let null through, since JSON Schema does not.
        "discriminator", "nullable", "example", "xml", "externalDocs",
    ];

    private static readonly HashSet<string> VendorAnnotations = new(VendorAnnotationNames, StringComparer.Ordinal);

    /// <summary>
    /// Formats of no draft that OpenAPI defines, for the JSON types it defines them on: annotations here,
    /// as every format the generator does not check, but well known, so neither unchecked (ICG009)
    /// nor misplaced on a number (ICG006). They choose no C# type: <c>int32</c> asserts no range.
    /// </summary>
    private static readonly Dictionary<string, JsonSchemaTypes> AnnotationFormats = new(StringComparer.Ordinal)
    {
        ["int32"] = Numbers,
        ["int64"] = Numbers,
        ["float"] = Numbers,
        ["double"] = Numbers,
        ["byte"] = Text,
        ["binary"] = Text,
        ["password"] = Text,
    };

    /// <summary>The groups of C# values a typed record holds, as far as keyword checks go.</summary>
    [Flags]
    private enum TypedValues
    {
        None = 0,

        /// <summary>A string, open enum or enum (checked by its wire name).</summary>
        Text = 1,

        /// <summary>An int, long, double or decimal.</summary>
        Number = 2,

        Boolean = 4,

        /// <summary>An <c>EquatableArray</c>.</summary>
        Array = 8,

        /// <summary>A <c>DateOnly</c>, <c>DateTimeOffset</c> or <c>Guid</c>: the format is its type, and it holds nothing else.</summary>
        Format = 16,
    }

    /// <param name="Validates">False for annotations: accepting them changes no validation result.</param>
    private sealed record Entry(Dialect Drafts, Vocabularies Vocabulary, JsonSchemaTypes AppliesTo, TypedValues CheckedOn, bool Warns = false, bool Validates = true);

    private static Entry Annotation(Dialect drafts, Vocabularies vocabulary) => new(drafts, vocabulary, Any, TypedValues.None, Validates: false);

    /// <summary>A keyword of some draft (an unknown key is usually a typo, ICG010).</summary>
    public static bool IsKnown(string keyword) => Keywords.ContainsKey(keyword);

    /// <summary>
    /// A keyword of <paramref name="dialect"/>: of its draft, and of a vocabulary its metaschema
    /// enables (in 2019-09 the unevaluated keywords belong to the applicator vocabulary).
    /// </summary>
    public static bool IsKeyword(string keyword, SchemaDialect dialect)
    {
        if (!Keywords.TryGetValue(keyword, out Entry? entry) || (entry.Drafts & dialect.Draft) == 0)
        {
            return false;
        }

        Vocabularies enabled = dialect.Vocabularies;
        if (dialect.Draft == Dialect.Draft201909 && (enabled & Vocabularies.Applicator) != 0)
        {
            enabled |= Vocabularies.Unevaluated;
        }

        return (entry.Vocabulary & enabled) != 0 || dialect.Draft < Dialect.Draft201909;
    }

    /// <summary>
    /// An annotation of some draft, a vendor extension (<c>x-</c>), a well-known vendor annotation, or
    /// one the project declares (<see cref="Declares"/>): never affects validation.
    /// </summary>
    public static bool IsAnnotation(string keyword, IReadOnlyList<string> declared) =>
        keyword.StartsWith("x-", StringComparison.Ordinal)
        || VendorAnnotations.Contains(keyword)
        || (Keywords.TryGetValue(keyword, out Entry? entry) && !entry.Validates)
        || Declares(declared, keyword);

    /// <summary>
    /// Whether the project's <c>JsonSchemaAnnotationKeywords</c> names <paramref name="keyword"/>: by its
    /// name, or by a name ending in <c>*</c> that the keyword starts with (<c>ui:*</c>).
    /// </summary>
    private static bool Declares(IReadOnlyList<string> declared, string keyword)
    {
        foreach (string name in declared)
        {
            bool matches = name.EndsWith("*", StringComparison.Ordinal)
                ? keyword.StartsWith(name.Substring(0, name.Length - 1), StringComparison.Ordinal)
                : keyword == name;
            if (matches)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A format OpenAPI defines for a type of <paramref name="types"/> (any, when the schema has no <c>type</c>): a known annotation.</summary>
    public static bool IsAnnotationFormat(string format, JsonSchemaTypes types)
    {
        if (types == JsonSchemaTypes.Integer)
        {
            types |= JsonSchemaTypes.Number;
        }

        return AnnotationFormats.TryGetValue(format, out JsonSchemaTypes on) && (types == JsonSchemaTypes.None || (on & types) != 0);
    }

    /// <summary>A keyword that can make a value invalid (it is known and not an annotation).</summary>
    public static bool Validates(string keyword) => Keywords.TryGetValue(keyword, out Entry? entry) && entry.Validates;

    /// <summary>
    /// Whether <paramref name="keyword"/> can affect a value of the JSON type <paramref name="type"/>
    /// (an integer is a number too). False for annotations, unknown keywords, and keywords of other types.
    /// </summary>
    public static bool Affects(string keyword, JsonSchemaTypes type)
    {
        if (!Keywords.TryGetValue(keyword, out Entry? entry) || !entry.Validates)
        {
            return false;
        }

        if (type == JsonSchemaTypes.Integer)
        {
            type |= JsonSchemaTypes.Number;
        }

        return entry.AppliesTo == Any || (entry.AppliesTo & type) != 0;
    }

    /// <summary>
    /// Whether a typed value of <paramref name="kind"/> is checked against <paramref name="keyword"/>:
    /// the shape decision refuses a C# type for a schema with any other keyword about its JSON
    /// type, and the emitters write a check for each of these.
    /// </summary>
    public static bool IsCheckedOn(string keyword, ValueKind kind)
    {
        TypedValues values = kind switch
        {
            ValueKind.String or ValueKind.OpenEnum or ValueKind.Enum => TypedValues.Text,
            ValueKind.Int32 or ValueKind.Int64 or ValueKind.Double or ValueKind.Decimal or ValueKind.IntegerEnum => TypedValues.Number,
            ValueKind.Boolean => TypedValues.Boolean,
            ValueKind.Array => TypedValues.Array,
            ValueKind.Date or ValueKind.DateTime or ValueKind.Guid => TypedValues.Format,
            _ => TypedValues.None,
        };
        return Keywords.TryGetValue(keyword, out Entry? entry) && (entry.CheckedOn & values) != 0;
    }

    /// <summary>
    /// Every keyword of <paramref name="draft"/>, annotations included, then the well-known vendor
    /// annotations: what a misspelt key is compared with (ICG010).
    /// </summary>
    public static IEnumerable<string> KeywordsOf(Dialect draft) => Keywords.Where(e => (e.Value.Drafts & draft) != 0).Select(e => e.Key).Concat(VendorAnnotationNames);

    /// <summary>The drafts that define <paramref name="keyword"/> (none for a key no draft defines).</summary>
    public static Dialect DraftsOf(string keyword) => Keywords.TryGetValue(keyword, out Entry? entry) ? entry.Drafts : 0;

    /// <summary>The value keywords worth a warning (ICG006) on a schema whose own <c>type</c> excludes their JSON type.</summary>
    public static IEnumerable<string> TypeSpecific => Keywords.Where(e => e.Value.Warns).Select(e => e.Key);
}
