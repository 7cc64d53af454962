using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using Insights.Contracts.Generator.Diagnostics;
using Insights.Contracts.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Insights.Contracts.Generator.Parsing;

/// <summary>One schema file as the pipeline hands it to the parser.</summary>
/// <param name="EncodingName">The encoding the compiler read the file with (null for in-memory text).</param>
/// <param name="BaseUri">The file's retrieval URI (its <c>JsonSchemaUri</c> metadata); a <c>file:</c> URI of the path when null.</param>
/// <param name="AssertFormats">Whether <c>format</c> is checked (the default) or only an annotation, as draft 2020-12 has it without the format-assertion vocabulary.</param>
internal sealed record SchemaFileInput(string Path, string Text, string Namespace, string? TypeNameOverride, string? EncodingName = null)
{
    public string? BaseUri { get; init; }

    public bool AssertFormats { get; init; } = true;

    /// <summary>The file asked for a JSON-backed value (<c>GenerateAs="JsonValue"</c>) even where a typed record is possible.</summary>
    public bool ForceJsonValue { get; init; }

    /// <summary>Documents that <c>$ref</c> may point to, by URI (AdditionalFiles with <c>JsonSchemaUri</c> metadata).</summary>
    public ImmutableEquatableArray<ReferenceDocument> ReferenceDocuments { get; init; } = ImmutableEquatableArray<ReferenceDocument>.Empty;
}

/// <summary>A schema document that other schemas can <c>$ref</c> by its URI; it generates nothing itself.</summary>
internal sealed record ReferenceDocument(string Uri, string Text, string Path = "");

/// <summary>The parser's output: the model (null when the file has errors) and the diagnostics, kept apart.</summary>
internal sealed record SchemaParseResult(ContractFileSpec? Spec, ImmutableEquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>
/// Stage 1 of the pipeline: schema text to <see cref="ContractFileSpec"/>. Every keyword is either
/// turned into model, or reported; a file with an error produces no code at all, so a mistake in a
/// schema is a compiler error pointing into the .json file, never a half-generated contract.
/// </summary>
internal sealed class SchemaParser
{
    /// <summary>Member names the generated record already uses; a schema property with one of them gets a suffix.</summary>
    private static readonly HashSet<string> ReservedMemberNames = new(StringComparer.Ordinal)
    {
        "Validate", "Parse", "TryParse", "TryParseJson", "JsonSchemaText", "ToJson", "ToUtf8Json", "WriteJson", "Variant", "Converter", "EqualityContract",
        "Equals", "GetHashCode", "ToString", "PrintMembers", "Deconstruct", "GetType", "MemberwiseClone", "Finalize",
    };

    private readonly SchemaFileInput _input;
    private readonly SourceText _source;
    private readonly List<DiagnosticInfo> _diagnostics = [];
    private readonly List<TypeSpec?> _types = [];
    private readonly HashSet<string> _typeNames = new(StringComparer.Ordinal);
    private readonly Dictionary<JsonNode, string> _definitionTypeNames = [];
    private readonly Dictionary<JsonNode, ConstraintSpec> _openEnumConstraints = [];
    private readonly HashSet<JsonNode> _parsedDefinitions = [];
    private readonly HashSet<JsonNode> _resolving = [];
    private JsonNode _root = null!;
    private string _rootName = null!;
    private bool _hasErrors;
    private JsonValueReason? _jsonValueBecause;

    private SchemaParser(SchemaFileInput input)
    {
        _input = input;
        _source = SourceText.From(input.Text);
    }

    public static SchemaParseResult Parse(SchemaFileInput input, CancellationToken cancellationToken)
    {
        if (input.ForceJsonValue)
        {
            return Parse(input, new JsonValueReason(null, "its GenerateAs metadata asks for JsonValue"), cancellationToken);
        }

        SchemaParseResult typed = Parse(input, jsonValueBecause: null, cancellationToken);

        // A schema the typed record cannot represent exactly (ICG004) or whose keywords it would
        // not enforce (ICG003) is generated as a JSON-backed value instead, which implements all
        // of draft 2020-12 that the generator claims, and reports that file's mistakes itself.
        DiagnosticInfo? reason = typed.Diagnostics.FirstOrDefault(d =>
            d.Descriptor == DiagnosticDescriptors.UnsupportedConstruct || d.Descriptor == DiagnosticDescriptors.UnsupportedKeyword);
        return reason is null
            ? typed
            : Parse(input, new JsonValueReason(reason.Location, reason.ToDiagnostic().GetMessage(CultureInfo.InvariantCulture)), cancellationToken);
    }

    /// <summary>Why a file is generated as a JSON-backed value, and where (null: the file as a whole).</summary>
    private sealed record JsonValueReason(LocationInfo? Location, string Text);

    private static SchemaParseResult Parse(SchemaFileInput input, JsonValueReason? jsonValueBecause, CancellationToken cancellationToken)
    {
        var parser = new SchemaParser(input) { _jsonValueBecause = jsonValueBecause };
        try
        {
            parser.ParseFile(cancellationToken);
        }
        catch (JsonSyntaxException e)
        {
            parser.Report(DiagnosticDescriptors.InvalidJson, e.Span, e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A generator exception would only surface as warning CS8785 and silently drop every
            // contract; an error pointing at the schema is what a user can act on.
            parser.Report(DiagnosticDescriptors.InternalError, new TextSpan(0, 0), $"{e.GetType().Name}: {e.Message}");
        }

        string stem = Naming.FileStem(input.Path);
        ContractFileSpec? spec = parser._hasErrors
            ? null
            : new ContractFileSpec(
                input.Path,
                stem + ".schema.json",
                Naming.ToHintName(stem),
                input.Namespace,
                parser._types.Select(t => t!).ToImmutableEquatableArray()) { SchemaText = parser._root.ToCompactJson() };
        return new SchemaParseResult(spec, parser._diagnostics.ToImmutableEquatableArray());
    }

    private void ParseFile(CancellationToken cancellationToken)
    {
        // The compiler falls back to another encoding when a file is not valid UTF-8; the text
        // would then parse, with every non-ASCII character silently wrong.
        if (_input.EncodingName is { } encoding && !encoding.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
        {
            Report(DiagnosticDescriptors.NotUtf8, new TextSpan(0, 0), $"it was read as {encoding}");
            return;
        }

        // Where the compiler decodes as UTF-8 anyway, invalid bytes become U+FFFD. A real U+FFFD
        // in a schema can still be written as the JSON escape \uFFFD.
        int replacement = _input.Text.IndexOf('\uFFFD');
        if (replacement >= 0)
        {
            Report(DiagnosticDescriptors.NotUtf8, new TextSpan(replacement, 1), "it has bytes that decode to the replacement character U+FFFD");
            return;
        }

        if (!IsValidNamespace(_input.Namespace))
        {
            Report(DiagnosticDescriptors.InvalidNamespace, new TextSpan(0, 0), _input.Namespace);
            return;
        }

        _root = JsonTextReader.Parse(_input.Text, out IReadOnlyList<JsonMember> duplicates);
        foreach (JsonMember duplicate in duplicates)
        {
            Report(DiagnosticDescriptors.DuplicateKey, duplicate.NameSpan, duplicate.Name);
        }

        if (_jsonValueBecause is { } because)
        {
            string name = ReserveTypeName(_input.TypeNameOverride ?? Naming.ToPascalCase(Naming.FileStem(_input.Path)), _root.Span);
            _types.Add(new JsonValueSchemaParser(_input, (descriptor, span, args) => Report(descriptor, span, args)).Parse(_root, name));
            _diagnostics.Add(new DiagnosticInfo(
                DiagnosticDescriptors.GeneratedAsJsonValue,
                because.Location ?? new LocationInfo(_input.Path, new TextSpan(0, 0), default),
                new[] { name, AsClause(because.Text) }.ToImmutableEquatableArray()));
            return;
        }

        if (_root.Kind != JsonNodeKind.Object || Classify(_root) != SchemaShape.Object || TypeNames(_root["type"]) is null)
        {
            Report(DiagnosticDescriptors.UnsupportedConstruct, _root.Span, "the root schema does not say it is one JSON object (\"type\": \"object\")");
            return;
        }

        _rootName = ReserveTypeName(_input.TypeNameOverride ?? Naming.ToPascalCase(Naming.FileStem(_input.Path)), _root.Span);

        // Name every type-producing definition first, so a reference can name its type before
        // (or without) the definition being parsed; definitions are then parsed in document order.
        var definitions = new List<JsonNode>();
        foreach (string keyword in new[] { "$defs", "definitions" })
        {
            if (_root[keyword] is { Kind: JsonNodeKind.Object } defs)
            {
                foreach (JsonMember definition in defs.Members)
                {
                    if (definition.Value.Kind == JsonNodeKind.Object && Classify(definition.Value) is SchemaShape.Object or SchemaShape.ClosedEnum or SchemaShape.OpenEnum)
                    {
                        _definitionTypeNames[definition.Value] = ReserveTypeName(Naming.ToPascalCase(definition.Name), definition.NameSpan);
                        definitions.Add(definition.Value);
                    }
                }
            }
        }

        _parsedDefinitions.Add(_root);
        ParseObjectType(_root, _rootName);
        foreach (JsonNode definition in definitions)
        {
            cancellationToken.ThrowIfCancellationRequested();
            EnsureDefinitionParsed(definition);
        }
    }

    // ---- types ------------------------------------------------------------------------------

    private enum SchemaShape
    {
        Reference,
        Object,
        ClosedEnum,
        OpenEnum,
        Value,
    }

    private static SchemaShape Classify(JsonNode schema)
    {
        if (schema.Kind != JsonNodeKind.Object)
        {
            return SchemaShape.Value;
        }

        if (schema["$ref"] is not null)
        {
            return SchemaShape.Reference;
        }

        List<string>? types = TypeNames(schema["type"]);
        bool typeIs(string name) => types is not null && types.Contains(name);
        if (typeIs("object"))
        {
            return SchemaShape.Object;
        }

        bool stringOrUntyped = types is null || typeIs("string");
        if (stringOrUntyped && schema["enum"] is { Kind: JsonNodeKind.Array } values && values.Items.Count > 0
            && values.Items.All(v => v.Kind == JsonNodeKind.String))
        {
            return SchemaShape.ClosedEnum;
        }

        if (typeIs("string") && IsOpenEnumIdiom(schema["anyOf"]))
        {
            return SchemaShape.OpenEnum;
        }

        return SchemaShape.Value;
    }

    /// <summary><c>anyOf: [{enum: [strings]}, {type: "string"}]</c>, in either order: known values, any string allowed.</summary>
    private static bool IsOpenEnumIdiom(JsonNode? anyOf)
    {
        if (anyOf is not { Kind: JsonNodeKind.Array, Items.Count: 2 })
        {
            return false;
        }

        bool isAnnotation(JsonMember m) => m.Name is "title" or "description" or "$comment";
        bool isKnownValues(JsonNode n) => n.Kind == JsonNodeKind.Object
            && n["enum"] is { Kind: JsonNodeKind.Array } e && e.Items.Count > 0 && e.Items.All(i => i.Kind == JsonNodeKind.String)
            && n.Members.All(m => m.Name == "enum" || (m.Name == "type" && m.Value.Text == "string") || isAnnotation(m));
        bool isAnyString(JsonNode n) => n.Kind == JsonNodeKind.Object
            && n["type"] is { Kind: JsonNodeKind.String, Text: "string" } && n.Members.All(m => m.Name == "type" || isAnnotation(m));
        return (isKnownValues(anyOf.Items[0]) && isAnyString(anyOf.Items[1])) || (isKnownValues(anyOf.Items[1]) && isAnyString(anyOf.Items[0]));
    }

    private void EnsureDefinitionParsed(JsonNode definition)
    {
        if (!_parsedDefinitions.Add(definition))
        {
            return;
        }

        string name = _definitionTypeNames[definition];
        switch (Classify(definition))
        {
            case SchemaShape.Object:
                ParseObjectType(definition, name);
                break;
            case SchemaShape.ClosedEnum:
                ParseEnumType(definition, name, open: false);
                break;
            case SchemaShape.OpenEnum:
                ParseEnumType(definition, name, open: true);
                break;
        }
    }

    private void ParseObjectType(JsonNode schema, string name)
    {
        int slot = ReserveSlot();
        var keywords = new KeywordReader(schema);
        ReadType(keywords, out _);
        string? description = keywords.TakeString("description");

        var required = new HashSet<string>(StringComparer.Ordinal);
        if (keywords.Take("required") is { } requiredNode)
        {
            foreach (JsonNode entry in ReadStringArray(requiredNode, "required"))
            {
                required.Add(entry.Text!);
            }
        }

        var properties = new List<PropertySpec>();
        var clrNames = new HashSet<string>(StringComparer.Ordinal) { name };
        if (keywords.Take("properties") is { } propertiesNode)
        {
            if (propertiesNode.Kind != JsonNodeKind.Object)
            {
                Report(DiagnosticDescriptors.InvalidKeywordValue, propertiesNode.Span, "properties", "must be an object mapping names to schemas");
            }
            else
            {
                var wireNames = new HashSet<string>(StringComparer.Ordinal);
                foreach (JsonMember member in propertiesNode.Members)
                {
                    if (!wireNames.Add(member.Name))
                    {
                        continue; // a repeated key, already reported as ICG007
                    }

                    string clrName = Naming.ToPascalCase(member.Name);
                    if (ReservedMemberNames.Contains(clrName))
                    {
                        clrName += "Value";
                    }

                    clrName = Naming.MakeUnique(clrName, clrNames);
                    if (ParseProperty(member, name, clrName, required.Contains(member.Name)) is { } property)
                    {
                        properties.Add(property);
                    }
                }
            }
        }

        if (schema["required"] is { Kind: JsonNodeKind.Array } requiredArray)
        {
            foreach (JsonNode entry in requiredArray.Items)
            {
                if (entry.Kind == JsonNodeKind.String && schema["properties"]?.Member(entry.Text!) is null)
                {
                    Report(DiagnosticDescriptors.UnsupportedConstruct, entry.Span, $"'{entry.Text}' is required but not declared in 'properties'; declare it there so it gets a type");
                }
            }
        }

        bool rejectsUnknown = false;
        if (keywords.Take("additionalProperties") is { } additional)
        {
            if (additional.Kind == JsonNodeKind.False)
            {
                rejectsUnknown = true;
            }
            else if (!(additional.Kind == JsonNodeKind.True || (additional.Kind == JsonNodeKind.Object && additional.Members.Count == 0)))
            {
                Report(DiagnosticDescriptors.UnsupportedConstruct, additional.Span, "'additionalProperties' with a schema is not supported yet; use true or false");
            }
        }

        var byWireName = properties.ToDictionary(p => p.WireName, StringComparer.Ordinal);
        ObjectRuleSpec rules = ParseApplicators(keywords, byWireName, title: null, description: null, required: ImmutableEquatableArray<string>.Empty, propertyRules: ImmutableEquatableArray<PropertyRuleSpec>.Empty);
        VariantSetSpec? variants = ParseVariants(schema, name);
        ReportUntaken(keywords, inBranch: false);

        _types[slot] = new ObjectTypeSpec(
            name,
            description,
            properties.ToImmutableEquatableArray(),
            rejectsUnknown,
            rules,
            variants);
    }

    /// <summary>
    /// A <c>oneOf</c> whose every branch has a title becomes a typed variant (<c>{Type}Variant</c> enum);
    /// without one, an <c>anyOf</c> whose every branch has a title does (the first matching branch).
    /// </summary>
    private VariantSetSpec? ParseVariants(JsonNode schema, string typeName)
    {
        foreach (string keyword in new[] { "oneOf", "anyOf" })
        {
            if (schema[keyword] is not { Kind: JsonNodeKind.Array } branches || branches.Items.Count == 0)
            {
                continue;
            }

            if (!branches.Items.All(b => b.Kind == JsonNodeKind.Object && b["title"] is { Kind: JsonNodeKind.String }))
            {
                return null;
            }

            var names = new HashSet<string>(StringComparer.Ordinal);
            var variants = branches.Items
                .Select(b => new VariantSpec(Naming.MakeUnique(Naming.ToPascalCase(b["title"]!.Text!), names), b["title"]!.Text!, b["description"]?.Text))
                .ToImmutableEquatableArray();
            return new VariantSetSpec(ReserveTypeName(typeName + "Variant", branches.Span), variants) { Keyword = keyword };
        }

        return null;
    }

    private void ParseEnumType(JsonNode schema, string name, bool open)
    {
        int slot = ReserveSlot();
        var keywords = new KeywordReader(schema);
        ReadType(keywords, out _);
        string? description = keywords.TakeString("description");
        JsonNode values;
        if (open)
        {
            JsonNode anyOf = keywords.Take("anyOf")!;
            values = anyOf.Items.First(b => b["enum"] is not null)["enum"]!;
            _openEnumConstraints[schema] = ParseConstraints(keywords, new ValueTypeSpec(ValueKind.OpenEnum, name), items: null);
        }
        else
        {
            values = keywords.Take("enum")!;
        }

        var memberNames = new HashSet<string>(StringComparer.Ordinal) { name };
        var wireNames = new HashSet<string>(StringComparer.Ordinal);
        var members = new List<EnumMemberSpec>();
        foreach (JsonNode value in values.Items)
        {
            if (!wireNames.Add(value.Text!))
            {
                Report(DiagnosticDescriptors.InvalidKeywordValue, value.Span, "enum", $"lists '{value.Text}' more than once");
                continue;
            }

            string clrName = Naming.ToPascalCase(value.Text!);
            if (open && ReservedMemberNames.Contains(clrName) || clrName is "Value" or "IsKnown")
            {
                clrName += "Value";
            }

            members.Add(new EnumMemberSpec(Naming.MakeUnique(clrName, memberNames), value.Text!));
        }

        ReportUntaken(keywords, inBranch: false);
        _types[slot] = open
            ? new OpenEnumTypeSpec(name, description, members.ToImmutableEquatableArray())
            : new EnumTypeSpec(name, description, members.ToImmutableEquatableArray());
    }

    // ---- properties and values --------------------------------------------------------------

    private PropertySpec? ParseProperty(JsonMember member, string ownerName, string clrName, bool isRequired)
    {
        JsonNode schema = member.Value;
        if (!TryParseValue(schema, ownerName + clrName, out ValueTypeSpec? type, out ConstraintSpec? constraints, out string? description))
        {
            return null;
        }

        string? defaultLiteral = null;
        if (!isRequired && schema.Kind == JsonNodeKind.Object && schema["default"] is { } defaultNode)
        {
            defaultLiteral = DefaultLiteral(defaultNode, type!);
        }

        return new PropertySpec(member.Name, clrName, description, type!, isRequired, defaultLiteral, constraints!);
    }

    private bool TryParseValue(JsonNode schema, string suggestedTypeName, out ValueTypeSpec? type, out ConstraintSpec? constraints, out string? description)
    {
        type = null;
        constraints = null;
        description = null;
        if (schema.Kind != JsonNodeKind.Object)
        {
            Report(DiagnosticDescriptors.UnsupportedConstruct, schema.Span, $"Expected a schema object here, found {schema.KindName}; boolean schemas cannot be given a C# type");
            return false;
        }

        description = schema["description"]?.Text;
        switch (Classify(schema))
        {
            case SchemaShape.Reference:
                return TryParseReference(schema, suggestedTypeName, out type, out constraints, out description);
            case SchemaShape.Object:
            {
                string name = ReserveTypeName(suggestedTypeName, schema.Span);
                ParseObjectType(schema, name);
                type = new ValueTypeSpec(ValueKind.Object, name, AllowsNull: AllowsNull(schema));
                constraints = ConstraintSpec.None;
                return true;
            }

            case SchemaShape.ClosedEnum:
            case SchemaShape.OpenEnum:
            {
                bool open = Classify(schema) == SchemaShape.OpenEnum;
                string name = ReserveTypeName(suggestedTypeName, schema.Span);
                ParseEnumType(schema, name, open);
                type = new ValueTypeSpec(open ? ValueKind.OpenEnum : ValueKind.Enum, name, AllowsNull: AllowsNull(schema));
                constraints = open ? _openEnumConstraints[schema] : ConstraintSpec.None;
                return true;
            }

            default:
                return TryParseScalarOrArray(schema, suggestedTypeName, out type, out constraints);
        }
    }

    private bool TryParseReference(JsonNode schema, string suggestedTypeName, out ValueTypeSpec? type, out ConstraintSpec? constraints, out string? description)
    {
        type = null;
        constraints = null;
        var keywords = new KeywordReader(schema);
        description = keywords.TakeString("description");
        JsonNode reference = keywords.Take("$ref")!;
        foreach ((JsonMember member, _) in keywords.Untaken())
        {
            Report(DiagnosticDescriptors.UnsupportedConstruct, member.NameSpan, $"Keyword '{member.Name}' next to $ref is not supported; move it into the referenced schema");
        }

        if (ResolveReference(reference) is not { } target)
        {
            return false;
        }

        if (_definitionTypeNames.TryGetValue(target, out string? typeName))
        {
            EnsureDefinitionParsed(target);
            SchemaShape shape = Classify(target);
            description ??= target["description"]?.Text;
            type = new ValueTypeSpec(shape switch { SchemaShape.Object => ValueKind.Object, SchemaShape.ClosedEnum => ValueKind.Enum, _ => ValueKind.OpenEnum }, typeName, AllowsNull: AllowsNull(target));
            constraints = shape == SchemaShape.OpenEnum ? _openEnumConstraints[target] : ConstraintSpec.None;
            return true;
        }

        if (target == _root)
        {
            type = new ValueTypeSpec(ValueKind.Object, _rootName);
            constraints = ConstraintSpec.None;
            return true;
        }

        // A reference to a plain value schema (a pattern-constrained string, say) is inlined.
        if (!_resolving.Add(target))
        {
            Report(DiagnosticDescriptors.UnresolvableReference, reference.Span, reference.Text ?? "", "it refers back to itself without ever reaching a type");
            return false;
        }

        try
        {
            bool ok = TryParseValue(target, suggestedTypeName, out type, out constraints, out string? targetDescription);
            description ??= targetDescription;
            return ok;
        }
        finally
        {
            _resolving.Remove(target);
        }
    }

    private bool TryParseScalarOrArray(JsonNode schema, string suggestedTypeName, out ValueTypeSpec? type, out ConstraintSpec? constraints)
    {
        type = null;
        constraints = null;
        var keywords = new KeywordReader(schema);
        string? jsonType = ReadType(keywords, out bool allowsNull);
        JsonNode? format = keywords.Take("format");
        ConstraintSpec? itemConstraints = null;
        ValueTypeSpec? item = null;
        string? checkedFormat = null;
        ValueKind kind;
        switch (jsonType)
        {
            case "string":
                kind = format?.Text switch
                {
                    "date" => ValueKind.Date,
                    "uuid" => ValueKind.Guid,
                    _ => ValueKind.String,
                };
                if (format is not null && kind == ValueKind.String)
                {
                    checkedFormat = format.Text is { } name && SchemaFormats.Asserted.TryGetValue(name, out string? member) ? member : null;
                    if (checkedFormat is null)
                    {
                        Report(DiagnosticDescriptors.UnvalidatedFormat, format.Span, format.Text ?? format.KindName);
                    }
                }

                break;
            case "integer":
                kind = FitsInt32(schema) ? ValueKind.Int32 : ValueKind.Int64;
                break;
            case "number":
                kind = ValueKind.Double;
                break;
            case "boolean":
                kind = ValueKind.Boolean;
                break;
            case "array":
                kind = ValueKind.Array;
                if (keywords.Take("items") is not { } items)
                {
                    Report(DiagnosticDescriptors.UnsupportedConstruct, schema.Span, "An array needs an 'items' schema so its elements get a C# type");
                    return false;
                }

                if (!TryParseValue(items, suggestedTypeName + "Item", out item, out itemConstraints, out _))
                {
                    return false;
                }

                if (item!.AllowsNull)
                {
                    Report(DiagnosticDescriptors.UnsupportedConstruct, items.Span, "Array items that may be null are not supported yet");
                    return false;
                }

                break;
            case null:
                // A 'type' that is present but unusable has been reported by ReadType already.
                if (schema["type"] is null)
                {
                    Report(DiagnosticDescriptors.UnsupportedConstruct, schema.Span, "Give this schema a 'type' (string, integer, number, boolean, array or object) so it gets a C# type");
                }

                return false;
            default:
                Report(DiagnosticDescriptors.UnsupportedConstruct, schema["type"]!.Span, $"Type '{jsonType}' cannot be given a C# type here");
                return false;
        }

        if (format is not null && jsonType != "string")
        {
            Report(DiagnosticDescriptors.KeywordNotApplicable, format.Span, "format", jsonType);
        }

        type = new ValueTypeSpec(kind, Item: item, AllowsNull: allowsNull);
        constraints = ParseConstraints(keywords, type, itemConstraints) with { Format = checkedFormat };
        ReportUntaken(keywords, inBranch: false);
        return true;
    }

    /// <summary>An integer whose bounds both fit in <see cref="int"/> becomes <c>int</c>; otherwise <c>long</c>.</summary>
    private static bool FitsInt32(JsonNode schema)
    {
        double? lower = Number(schema["minimum"]) ?? Number(schema["exclusiveMinimum"]);
        double? upper = Number(schema["maximum"]) ?? Number(schema["exclusiveMaximum"]);
        return lower >= int.MinValue && upper <= int.MaxValue;
    }

    private static double? Number(JsonNode? node) =>
        node is { Kind: JsonNodeKind.Number } && double.TryParse(node.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) ? value : null;

    // ---- value keywords ---------------------------------------------------------------------

    private ConstraintSpec ParseConstraints(KeywordReader keywords, ValueTypeSpec type, ConstraintSpec? items)
    {
        ValueKind kind = type.Kind;
        bool isText = kind is ValueKind.String or ValueKind.OpenEnum;
        bool isNumber = kind is ValueKind.Int32 or ValueKind.Int64 or ValueKind.Double;
        bool isArray = kind == ValueKind.Array;
        string typeName = kind.ToString().ToLowerInvariant();

        var spec = new ConstraintSpec
        {
            Items = items,
            MinLength = NonNegativeInteger(keywords, "minLength", isText, typeName),
            MaxLength = NonNegativeInteger(keywords, "maxLength", isText, typeName),
            MinItems = NonNegativeInteger(keywords, "minItems", isArray, typeName),
            MaxItems = NonNegativeInteger(keywords, "maxItems", isArray, typeName),
            Minimum = NumberKeyword(keywords, "minimum", isNumber, typeName),
            Maximum = NumberKeyword(keywords, "maximum", isNumber, typeName),
            ExclusiveMinimum = NumberKeyword(keywords, "exclusiveMinimum", isNumber, typeName),
            ExclusiveMaximum = NumberKeyword(keywords, "exclusiveMaximum", isNumber, typeName),
            MultipleOf = NumberKeyword(keywords, "multipleOf", isNumber, typeName),
        };

        if (spec.MultipleOf is { } divisor && !(Number(keywords.Schema["multipleOf"]) > 0))
        {
            Report(DiagnosticDescriptors.InvalidKeywordValue, keywords.Schema["multipleOf"]!.Span, "multipleOf", $"must be greater than 0, found {divisor}");
        }

        if (keywords.Take("uniqueItems") is { } unique)
        {
            if (!unique.IsBoolean)
            {
                Report(DiagnosticDescriptors.InvalidKeywordValue, unique.Span, "uniqueItems", "must be true or false");
            }
            else if (!isArray)
            {
                Report(DiagnosticDescriptors.KeywordNotApplicable, unique.Span, "uniqueItems", typeName);
            }
            else
            {
                spec = spec with { UniqueItems = unique.Kind == JsonNodeKind.True };
            }
        }

        if (keywords.Take("pattern") is { } pattern)
        {
            if (pattern.Kind != JsonNodeKind.String)
            {
                Report(DiagnosticDescriptors.InvalidKeywordValue, pattern.Span, "pattern", "must be a string holding a regular expression");
            }
            else if (!isText)
            {
                Report(DiagnosticDescriptors.KeywordNotApplicable, pattern.Span, "pattern", typeName);
            }
            else
            {
                try
                {
                    string dotNet = EcmaPattern.ToDotNet(pattern.Text!);
                    _ = new Regex(dotNet, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
                    spec = spec with { Pattern = pattern.Text, DotNetPattern = dotNet, SimplePattern = Parsing.SimplePattern.TryParse(pattern.Text!) };
                }
                catch (ArgumentException e)
                {
                    Report(DiagnosticDescriptors.InvalidKeywordValue, pattern.Span, "pattern", $"is not a valid regular expression: {e.Message}");
                }
            }
        }

        if (keywords.Take("const") is { } constant)
        {
            spec = spec with { AllowedValues = new[] { Literal(constant) }.ToImmutableEquatableArray(), AllowedValuesKeyword = "const" };
        }
        else if (kind != ValueKind.Enum && keywords.Take("enum") is { } values)
        {
            if (values.Kind != JsonNodeKind.Array || values.Items.Count == 0)
            {
                Report(DiagnosticDescriptors.InvalidKeywordValue, values.Span, "enum", "must be a non-empty array");
            }
            else
            {
                spec = spec with { AllowedValues = values.Items.Select(Literal).ToImmutableEquatableArray(), AllowedValuesKeyword = "enum" };
            }
        }

        foreach (LiteralSpec literal in spec.AllowedValues)
        {
            if (literal.Kind is not LiteralKind.String and not LiteralKind.Number and not LiteralKind.Boolean)
            {
                Report(DiagnosticDescriptors.UnsupportedConstruct, keywords.Schema.Span, $"'{spec.AllowedValuesKeyword}' with {literal.Kind.ToString().ToLowerInvariant()} values is not supported");
            }
        }

        return spec;
    }

    private LiteralSpec Literal(JsonNode node) => node.Kind switch
    {
        JsonNodeKind.String => new LiteralSpec(LiteralKind.String, node.Text!),
        JsonNodeKind.Number => new LiteralSpec(LiteralKind.Number, node.Text!),
        JsonNodeKind.True => new LiteralSpec(LiteralKind.Boolean, "true"),
        JsonNodeKind.False => new LiteralSpec(LiteralKind.Boolean, "false"),
        JsonNodeKind.Null => new LiteralSpec(LiteralKind.Null, "null"),
        _ => new LiteralSpec(LiteralKind.Null, node.KindName),
    };

    private long? NonNegativeInteger(KeywordReader keywords, string keyword, bool applies, string typeName)
    {
        if (keywords.Take(keyword) is not { } node)
        {
            return null;
        }

        if (node.Kind != JsonNodeKind.Number || !double.TryParse(node.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
            || value < 0 || Math.Floor(value) != value || value > long.MaxValue)
        {
            Report(DiagnosticDescriptors.InvalidKeywordValue, node.Span, keyword, "must be a non-negative integer");
            return null;
        }

        if (!applies)
        {
            Report(DiagnosticDescriptors.KeywordNotApplicable, node.Span, keyword, typeName);
            return null;
        }

        return (long)value;
    }

    private string? NumberKeyword(KeywordReader keywords, string keyword, bool applies, string typeName)
    {
        if (keywords.Take(keyword) is not { } node)
        {
            return null;
        }

        if (node.Kind != JsonNodeKind.Number)
        {
            Report(DiagnosticDescriptors.InvalidKeywordValue, node.Span, keyword, "must be a number");
            return null;
        }

        if (!applies)
        {
            Report(DiagnosticDescriptors.KeywordNotApplicable, node.Span, keyword, typeName);
            return null;
        }

        return node.Text;
    }

    private string? DefaultLiteral(JsonNode value, ValueTypeSpec type)
    {
        string? literal = (type.Kind, value.Kind) switch
        {
            (ValueKind.Boolean, JsonNodeKind.True) => "true",
            (ValueKind.Boolean, JsonNodeKind.False) => "false",
            (ValueKind.String, JsonNodeKind.String) => Naming.ToLiteral(value.Text!),
            (ValueKind.Int32 or ValueKind.Int64, JsonNodeKind.Number) when long.TryParse(value.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) => value.Text,
            (ValueKind.Double, JsonNodeKind.Number) => Number(value) is { } d ? d.ToString("R", CultureInfo.InvariantCulture) + "d" : null,
            (ValueKind.Date, JsonNodeKind.String) => DateLiteral(value.Text!),
            (ValueKind.Guid, JsonNodeKind.String) when Guid.TryParseExact(value.Text, "D", out Guid guid) => $"new global::System.Guid({Naming.ToLiteral(guid.ToString("D"))})",
            (ValueKind.Enum, JsonNodeKind.String) => _types.OfType<EnumTypeSpec>().FirstOrDefault(t => t.Name == type.TypeName)?.Members
                .FirstOrDefault(m => m.WireName == value.Text) is { } member ? $"global::{_input.Namespace}.{type.TypeName}.{member.ClrName}" : null,
            (ValueKind.OpenEnum, JsonNodeKind.String) => $"new global::{_input.Namespace}.{type.TypeName}({Naming.ToLiteral(value.Text!)})",
            _ => null,
        };

        if (literal is null)
        {
            Report(DiagnosticDescriptors.UnsupportedConstruct, value.Span, $"A default of {value.KindName} {value.Text} is not supported for a {type.Kind.ToString().ToLowerInvariant()} property");
        }

        return literal;
    }

    /// <summary>A C# expression for an RFC 3339 full-date, or null when the text is not one.</summary>
    private static string? DateLiteral(string text)
    {
        bool shaped = text.Length == 10 && text[4] == '-' && text[7] == '-'
            && text.Where((c, i) => i != 4 && i != 7).All(c => c >= '0' && c <= '9');
        if (!shaped
            || !DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime date))
        {
            return null;
        }

        return $"new global::System.DateOnly({date.Year}, {date.Month}, {date.Day})";
    }

    // ---- object rules (applicators evaluated against the typed record) -----------------------

    private ObjectRuleSpec ParseApplicators(
        KeywordReader keywords,
        IReadOnlyDictionary<string, PropertySpec> properties,
        string? title,
        string? description,
        ImmutableEquatableArray<string> required,
        ImmutableEquatableArray<PropertyRuleSpec> propertyRules)
    {
        ImmutableEquatableArray<ObjectRuleSpec> branches(string keyword)
        {
            if (keywords.Take(keyword) is not { } node)
            {
                return ImmutableEquatableArray<ObjectRuleSpec>.Empty;
            }

            if (node.Kind != JsonNodeKind.Array || node.Items.Count == 0)
            {
                Report(DiagnosticDescriptors.InvalidKeywordValue, node.Span, keyword, "must be a non-empty array of schemas");
                return ImmutableEquatableArray<ObjectRuleSpec>.Empty;
            }

            return node.Items.Select(b => ParseRule(b, properties)).ToImmutableEquatableArray();
        }

        ImmutableEquatableArray<ObjectRuleSpec> allOf = branches("allOf");
        ImmutableEquatableArray<ObjectRuleSpec> anyOf = branches("anyOf");
        ImmutableEquatableArray<ObjectRuleSpec> oneOf = branches("oneOf");
        ObjectRuleSpec? not = keywords.Take("not") is { } notNode ? ParseRule(notNode, properties) : null;
        return new ObjectRuleSpec(title, description, required, propertyRules, allOf, anyOf, oneOf, not)
        {
            DependentRequired = ParseDependentRequired(keywords, properties),
            Conditional = ParseConditional(keywords, properties),
        };
    }

    private ImmutableEquatableArray<DependentRequiredSpec> ParseDependentRequired(KeywordReader keywords, IReadOnlyDictionary<string, PropertySpec> properties)
    {
        if (keywords.Take("dependentRequired") is not { } node)
        {
            return ImmutableEquatableArray<DependentRequiredSpec>.Empty;
        }

        if (node.Kind != JsonNodeKind.Object)
        {
            Report(DiagnosticDescriptors.InvalidKeywordValue, node.Span, "dependentRequired", "must be an object mapping a member name to the names it requires");
            return ImmutableEquatableArray<DependentRequiredSpec>.Empty;
        }

        var rules = new List<DependentRequiredSpec>();
        foreach (JsonMember member in node.Members)
        {
            List<JsonNode> names = ReadStringArray(member.Value, "dependentRequired").ToList();
            bool usable = properties.ContainsKey(member.Name);
            if (!usable)
            {
                Report(DiagnosticDescriptors.UnsupportedConstruct, member.NameSpan, $"'{member.Name}' is not declared in the object's 'properties', so 'dependentRequired' cannot check it");
            }

            foreach (JsonNode undeclared in names.Where(n => !properties.ContainsKey(n.Text!)))
            {
                Report(DiagnosticDescriptors.UnsupportedConstruct, undeclared.Span, $"'{undeclared.Text}' is not declared in the object's 'properties', so 'dependentRequired' cannot check it");
                usable = false;
            }

            if (usable)
            {
                rules.Add(new DependentRequiredSpec(member.Name, names.Select(n => n.Text!).ToImmutableEquatableArray()));
            }
        }

        return rules.ToImmutableEquatableArray();
    }

    private ConditionalSpec? ParseConditional(KeywordReader keywords, IReadOnlyDictionary<string, PropertySpec> properties)
    {
        JsonNode? ifNode = keywords.Take("if");
        JsonMember? thenMember = keywords.TakeMember("then");
        JsonMember? elseMember = keywords.TakeMember("else");
        if (ifNode is null)
        {
            // JSON Schema ignores 'then' and 'else' without 'if'; say so rather than drop them silently.
            foreach (JsonMember? orphan in new[] { thenMember, elseMember })
            {
                if (orphan is not null)
                {
                    Report(DiagnosticDescriptors.KeywordNotApplicable, orphan.NameSpan, orphan.Name, "schemas without 'if'");
                }
            }

            return null;
        }

        return new ConditionalSpec(
            ParseRule(ifNode, properties),
            thenMember is null ? null : ParseRule(thenMember.Value, properties),
            elseMember is null ? null : ParseRule(elseMember.Value, properties));
    }

    private ObjectRuleSpec ParseRule(JsonNode branch, IReadOnlyDictionary<string, PropertySpec> properties)
    {
        switch (branch.Kind)
        {
            case JsonNodeKind.True:
                return ObjectRuleSpec.Empty;
            case JsonNodeKind.False:
                return ObjectRuleSpec.Empty with { Not = ObjectRuleSpec.Empty };
            case JsonNodeKind.Object:
                break;
            default:
                Report(DiagnosticDescriptors.InvalidKeywordValue, branch.Span, "allOf/anyOf/oneOf/not", "branches must be schemas (objects or booleans)");
                return ObjectRuleSpec.Empty;
        }

        var keywords = new KeywordReader(branch);
        if (ReadType(keywords, out _) is { } type && type != "object")
        {
            Report(DiagnosticDescriptors.UnsupportedConstruct, branch["type"]!.Span, $"A branch of an object schema must describe the same object; type '{type}' can never match");
        }

        var required = new List<string>();
        if (keywords.Take("required") is { } requiredNode)
        {
            foreach (JsonNode entry in ReadStringArray(requiredNode, "required"))
            {
                if (!properties.ContainsKey(entry.Text!))
                {
                    Report(DiagnosticDescriptors.UnsupportedConstruct, entry.Span, $"'{entry.Text}' is not declared in the object's 'properties', so this branch cannot check it");
                    continue;
                }

                required.Add(entry.Text!);
            }
        }

        var propertyRules = new List<PropertyRuleSpec>();
        if (keywords.Take("properties") is { Kind: JsonNodeKind.Object } propertiesNode)
        {
            foreach (JsonMember member in propertiesNode.Members)
            {
                if (!properties.TryGetValue(member.Name, out PropertySpec? property))
                {
                    Report(DiagnosticDescriptors.UnsupportedConstruct, member.NameSpan, $"'{member.Name}' is not declared in the object's 'properties', so this branch cannot check it");
                    continue;
                }

                propertyRules.Add(new PropertyRuleSpec(member.Name, ParseRuleConstraints(member.Value, property.Type)));
            }
        }

        ObjectRuleSpec rule = ParseApplicators(
            keywords,
            properties,
            keywords.TakeString("title"),
            keywords.TakeString("description"),
            required.ToImmutableEquatableArray(),
            propertyRules.ToImmutableEquatableArray());
        ReportUntaken(keywords, inBranch: true);
        return rule;
    }

    private ConstraintSpec ParseRuleConstraints(JsonNode schema, ValueTypeSpec type)
    {
        if (schema.Kind == JsonNodeKind.True)
        {
            return ConstraintSpec.None;
        }

        if (schema.Kind != JsonNodeKind.Object)
        {
            Report(DiagnosticDescriptors.UnsupportedConstruct, schema.Span, "Inside a branch, a property schema must be an object of value keywords");
            return ConstraintSpec.None;
        }

        var keywords = new KeywordReader(schema);
        keywords.Take("type");
        ConstraintSpec? items = type.Kind == ValueKind.Array && keywords.Take("items") is { } itemsNode
            ? ParseRuleConstraints(itemsNode, type.Item!)
            : null;
        ConstraintSpec constraints = ParseConstraints(keywords, type, items);
        ReportUntaken(keywords, inBranch: true);
        return constraints;
    }

    // ---- helpers -----------------------------------------------------------------------------

    private static List<string>? TypeNames(JsonNode? type) => type?.Kind switch
    {
        JsonNodeKind.String => [type.Text!],
        JsonNodeKind.Array => type.Items.Where(i => i.Kind == JsonNodeKind.String).Select(i => i.Text!).ToList(),
        _ => null,
    };

    private static bool AllowsNull(JsonNode schema) => TypeNames(schema["type"])?.Contains("null") == true;

    /// <summary>Reads <c>type</c>: one type, or one type plus <c>"null"</c>.</summary>
    private string? ReadType(KeywordReader keywords, out bool allowsNull)
    {
        allowsNull = false;
        if (keywords.Take("type") is not { } node)
        {
            return null;
        }

        List<string>? names = TypeNames(node);
        if (names is null || (node.Kind == JsonNodeKind.Array && names.Count != node.Items.Count))
        {
            Report(DiagnosticDescriptors.InvalidKeywordValue, node.Span, "type", "must be a type name or an array of type names");
            return null;
        }

        allowsNull = names.Contains("null");
        var nonNull = names.Where(n => n != "null").Distinct().ToList();
        if (nonNull.Count > 1)
        {
            Report(DiagnosticDescriptors.UnsupportedConstruct, node.Span, $"A union of types ({string.Join(", ", nonNull)}) cannot be given one C# type yet");
            return null;
        }

        string? single = nonNull.Count == 1 ? nonNull[0] : (allowsNull ? "null" : null);
        if (single is not null and not ("string" or "integer" or "number" or "boolean" or "array" or "object" or "null"))
        {
            Report(DiagnosticDescriptors.InvalidKeywordValue, node.Span, "type", $"names an unknown type '{single}'");
            return null;
        }

        return single;
    }

    private IEnumerable<JsonNode> ReadStringArray(JsonNode node, string keyword)
    {
        if (node.Kind != JsonNodeKind.Array || node.Items.Any(i => i.Kind != JsonNodeKind.String))
        {
            Report(DiagnosticDescriptors.InvalidKeywordValue, node.Span, keyword, "must be an array of strings");
            return [];
        }

        return node.Items;
    }

    private JsonNode? ResolveReference(JsonNode reference)
    {
        if (reference.Kind != JsonNodeKind.String)
        {
            Report(DiagnosticDescriptors.InvalidKeywordValue, reference.Span, "$ref", "must be a string");
            return null;
        }

        string value = reference.Text!;
        if (!value.StartsWith("#", StringComparison.Ordinal))
        {
            Report(DiagnosticDescriptors.UnsupportedConstruct, reference.Span, $"$ref '{value}' leaves the local $defs, which a typed record cannot follow");
            return null;
        }

        JsonNode current = _root;
        string pointer = Uri.UnescapeDataString(value.Substring(1));
        if (pointer.Length > 0 && pointer[0] != '/')
        {
            Report(DiagnosticDescriptors.UnresolvableReference, reference.Span, value, "anchors (\"#name\") are not supported yet; use a JSON Pointer such as \"#/$defs/Name\"");
            return null;
        }

        foreach (string rawSegment in pointer.Split('/').Skip(1))
        {
            string segment = rawSegment.Replace("~1", "/").Replace("~0", "~");
            JsonNode? next = current.Kind switch
            {
                JsonNodeKind.Object => current[segment],
                JsonNodeKind.Array when int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out int index) && index < current.Items.Count => current.Items[index],
                _ => null,
            };
            if (next is null)
            {
                Report(DiagnosticDescriptors.UnresolvableReference, reference.Span, value, $"there is no '{segment}' at that point of the document");
                return null;
            }

            current = next;
        }

        return current;
    }

    private void ReportUntaken(KeywordReader keywords, bool inBranch)
    {
        foreach ((JsonMember member, bool known) in keywords.Untaken())
        {
            if (inBranch && known)
            {
                // Ignoring a keyword inside a branch would change which branch matches: an error.
                Report(DiagnosticDescriptors.UnsupportedConstruct, member.NameSpan, $"Keyword '{member.Name}' is not supported inside allOf/anyOf/oneOf/not branches of an object");
            }
            else
            {
                Report(known ? DiagnosticDescriptors.UnsupportedKeyword : DiagnosticDescriptors.UnknownKeyword, member.NameSpan, member.Name);
            }
        }
    }

    private static bool IsValidNamespace(string ns) =>
        ns.Split('.').All(part => Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsValidIdentifier(part)
            && Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(part) == Microsoft.CodeAnalysis.CSharp.SyntaxKind.None);

    /// <summary>A sentence as the clause after a colon: "A union of types..." becomes "a union of types...".</summary>
    private static string AsClause(string sentence) =>
        sentence.Length > 1 && char.IsUpper(sentence[0]) && char.IsLower(sentence[1])
            ? char.ToLowerInvariant(sentence[0]) + sentence.Substring(1)
            : sentence;

    private string ReserveTypeName(string name, TextSpan span)
    {
        // A type cannot have a member with its own name (CS0542), and every contract has these.
        if (ReservedMemberNames.Contains(name) || name is "Value" or "From")
        {
            Report(DiagnosticDescriptors.NameCollision, span, $"'{name}' is the name of a member every contract has, so the type is generated as '{name}Contract'");
            name += "Contract";
        }

        string unique = Naming.MakeUnique(name, _typeNames);
        if (unique != name)
        {
            Report(DiagnosticDescriptors.NameCollision, span, $"The type name '{name}' is already used in this schema; this one is generated as '{unique}'");
        }

        return unique;
    }

    private int ReserveSlot()
    {
        _types.Add(null);
        return _types.Count - 1;
    }

    private void Report(DiagnosticDescriptor descriptor, TextSpan span, params string[] args)
    {
        _hasErrors |= descriptor.DefaultSeverity == DiagnosticSeverity.Error;
        var location = new LocationInfo(_input.Path, span, _source.Lines.GetLinePositionSpan(span));
        _diagnostics.Add(new DiagnosticInfo(descriptor, location, args.ToImmutableEquatableArray()));
    }
}
