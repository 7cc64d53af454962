using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Insights.Contracts.Generator.Emitting;
using Insights.Contracts.Generator.Diagnostics;
using Insights.Contracts.Generator.Model;
using Insights.Contracts.Generator.Parsing;
using Insights.Contracts.Generator.Shared;

namespace Insights.Contracts.Generator.Projection;

// Values: the C# type of a member or array item (a primitive, an array, or a named record or enum),
// and whether every keyword about that JSON type has a check over the C# value.
internal sealed partial class ShapeDecider
{
    /// <param name="memberName">The C# name of the member holding the value, which names a union declared in place (<c>Payment</c> rather than <c>OrderPayment</c>) when free.</param>
    private ValueShape? DecideValue(SchemaNode node, string suggestedTypeName, string? memberName = null)
    {
        StackGuard.Check();
        // Each level of nesting, in the text or through a definition decided where it is first
        // referenced, is a few frames of the compiler's stack: past a depth no real schema reaches,
        // the value is held as JSON (and checked as JSON) instead of overflowing the stack.
        if (_depth >= MaxDecisionDepth)
        {
            return Refuse<ValueShape>(node, null, $"it is nested more than {MaxDecisionDepth} levels deep (in the text or through definitions)");
        }

        _depth++;
        try
        {
            return DecideValueAtDepth(node, suggestedTypeName, memberName);
        }
        finally
        {
            _depth--;
        }
    }

    private ValueShape? DecideValueAtDepth(SchemaNode node, string suggestedTypeName, string? memberName)
    {
        if (node.IsBoolean || AllowsAnything(node))
        {
            // true, false, or a schema that asserts nothing: any JSON value (for false, none) is exactly a JsonAny.
            return JsonShape(node);
        }

        if (AllowsNull(node) && NullPasses(node, []) != true)
        {
            return Refuse<ValueShape>(node, node.Has("type") ? "type" : null, NullRejectedReason);
        }

        switch (ClassifyType(node))
        {
            case TypeShape.Reference:
                return DecideReference(node, suggestedTypeName);
            case TypeShape.Record:
            {
                string name = RecordFor([node], suggestedTypeName);
                return new ValueShape(ValueKind.Object, ImmutableEquatableArray<int>.Empty, name, AllowsNull: AllowsNull(node));
            }

            case TypeShape.Map:
            {
                SchemaNode valueSchema = _model[node.AdditionalProperties!.Value];
                ValueShape? value = null;
                ShapeRefusal? refusal = RefusalOf(() => value = DecideValue(valueSchema, suggestedTypeName + "Value"));
                if (refusal is not null || value is null || value.AllowsNull)
                {
                    ReportJsonValue(valueSchema, refusal, $"Each value of '{suggestedTypeName}'");
                    value = JsonShape(valueSchema);
                }

                return new ValueShape(ValueKind.Map, new[] { node.Id }.ToImmutableEquatableArray(), Item: value, AllowsNull: AllowsNull(node));
            }

            case TypeShape.TypeUnion:
            {
                string name = ReserveTypeName(suggestedTypeName, node);
                return DecideTypeUnion(node, name) ? new ValueShape(ValueKind.Union, new[] { node.Id }.ToImmutableEquatableArray(), name, AllowsNull: AllowsNull(node)) : null;
            }

            case TypeShape.Union:
            {
                string name = memberName is not null && !_typeNames.Contains(memberName) && !Identifiers.IsReservedType(memberName)
                    ? ReserveTypeName(memberName, node)
                    : ReserveTypeName(suggestedTypeName, node);
                return DecideUnion(node, name) ? new ValueShape(ValueKind.Object, ImmutableEquatableArray<int>.Empty, name) : null;
            }

            case TypeShape.ClosedEnum:
            case TypeShape.OpenEnum:
            case TypeShape.IntegerEnum:
            {
                TypeShape shape = ClassifyType(node);
                if (!EnumFits(node, shape == TypeShape.OpenEnum))
                {
                    return null;
                }

                string name = ReserveTypeName(suggestedTypeName, node);
                DecideEnum(node, name, shape);
                return EnumShape(node, name, shape);
            }

            default:
                return DecideScalarOrArray(node, suggestedTypeName);
        }
    }

    private ValueShape? DecideReference(SchemaNode node, string suggestedTypeName)
    {
        SchemaNode target = _model[node.Ref!.Value];
        if (node.Keywords.Any(k => k != "$ref" && Vocabulary.Validates(k)))
        {
            return DecideBesideReference(node, target, suggestedTypeName);
        }

        if (_definitionTypeNames.TryGetValue(target.Id, out string? typeName))
        {
            EnsureDefinitionDecided(target.Id, mayDefer: true);
            if (_definitionRefusals.TryGetValue(target.Id, out ShapeRefusal? refusal))
            {
                _refusal ??= refusal;
                return null;
            }

            TypeShape shape = ClassifyType(target);
            return shape switch
            {
                TypeShape.Record or TypeShape.Union => new ValueShape(ValueKind.Object, ImmutableEquatableArray<int>.Empty, typeName, AllowsNull: AllowsNull(target)),
                TypeShape.TypeUnion => new ValueShape(ValueKind.Union, new[] { target.Id }.ToImmutableEquatableArray(), typeName, AllowsNull: AllowsNull(target)),
                _ => EnumShape(target, typeName, shape),
            };
        }

        if (target.Id == _model.Root)
        {
            return new ValueShape(ValueKind.Object, ImmutableEquatableArray<int>.Empty, _rootName);
        }

        // A reference to a plain value schema (a pattern-constrained string, say) is inlined.
        if (!_inlining.Add(target.Id))
        {
            return Refuse<ValueShape>(node, "$ref", $"'{target.Location}' refers back to itself without ever reaching a type");
        }

        try
        {
            return DecideValue(target, suggestedTypeName);
        }
        finally
        {
            _inlining.Remove(target.Id);
        }
    }

    /// <summary>
    /// A <c>$ref</c> with keywords beside it (draft 2019-09 on, where both apply; earlier drafts drop
    /// them while reading): an object is one record over the reference and the keywords; any other
    /// value keeps the referenced shape and is checked against the keywords too.
    /// </summary>
    private ValueShape? DecideBesideReference(SchemaNode node, SchemaNode target, string suggestedTypeName)
    {
        if (ClassifyType(Resolved(target)) is TypeShape.Record or TypeShape.Map && (AcceptedTypes(node) & JsonSchemaTypes.Object) != 0 && node.Types is JsonSchemaTypes.None or JsonSchemaTypes.Object)
        {
            return new ValueShape(ValueKind.Object, ImmutableEquatableArray<int>.Empty, RecordFor([node], suggestedTypeName), AllowsNull: AllowsNull(node) && AllowsNull(target));
        }

        ValueShape? shape = DecideReference(node with { Keywords = new[] { "$ref" }.ToImmutableEquatableArray() }, suggestedTypeName);
        if (shape is null)
        {
            return null;
        }

        if (shape.Kind is ValueKind.Object or ValueKind.Union or ValueKind.Map)
        {
            // "type": "object" beside a reference to an object asserts nothing more.
            bool typeAddsNothing = node.Types == JsonSchemaTypes.Object || (node.Types == (JsonSchemaTypes.Object | JsonSchemaTypes.Null) && shape.AllowsNull);
            string? keyword = node.Keywords.FirstOrDefault(k => k != "$ref" && Vocabulary.Validates(k) && !(k == "type" && typeAddsNothing));
            return keyword is null
                ? shape with { AllowsNull = shape.AllowsNull && (node.Types & JsonSchemaTypes.Null) != 0 }
                : Refuse<ValueShape>(node, node.Written(keyword), $"keyword '{node.Written(keyword)}' next to $ref has no check over the referenced {DescribeShape(shape)}; move it into the referenced schema", atName: true);
        }

        // The keywords beside the reference are one more schema the value is checked against.
        SchemaNode besides = node with { Keywords = node.Keywords.Where(k => k != "$ref").ToImmutableEquatableArray() };
        return ValueRuleFits(besides, shape) ? shape with { CheckNodes = shape.CheckNodes.Append(node.Id).ToImmutableEquatableArray() } : null;
    }

    private ValueShape EnumShape(SchemaNode node, string typeName, TypeShape shape) => shape switch
    {
        TypeShape.OpenEnum => new ValueShape(ValueKind.OpenEnum, new[] { node.Id }.ToImmutableEquatableArray(), typeName, AllowsNull: AllowsNull(node)),
        TypeShape.IntegerEnum => new ValueShape(ValueKind.IntegerEnum, ImmutableEquatableArray<int>.Empty, typeName, AllowsNull: AllowsNull(node)),
        _ => new ValueShape(ValueKind.Enum, ImmutableEquatableArray<int>.Empty, typeName, AllowsNull: AllowsNull(node)),
    };

    private ValueShape? DecideScalarOrArray(SchemaNode node, string suggestedTypeName)
    {
        JsonSchemaTypes accepted = AcceptedTypes(node);
        JsonSchemaTypes type = accepted & ~JsonSchemaTypes.Null;
        if (type == (JsonSchemaTypes.Number | JsonSchemaTypes.Integer))
        {
            type = JsonSchemaTypes.Number;
        }

        if (type == (AnyType & ~JsonSchemaTypes.Null))
        {
            return Refuse<ValueShape>(node, null, "give this schema a 'type' (string, integer, number, boolean, array or object) so it gets a C# type");
        }

        if (type == JsonSchemaTypes.None)
        {
            return Refuse<ValueShape>(node, node.Has("type") ? "type" : null, accepted == JsonSchemaTypes.Null ? "only null is valid here, which has no C# type of its own" : "no value is valid here");
        }

        if ((type & (type - 1)) != 0)
        {
            if (!node.Has("type") && node.Enum is { } values && !node.Keywords.Any(k => Vocabulary.Validates(k) && k != "enum"))
            {
                // [1, "a", null]: the values themselves are of several types.
                string kinds = string.Join(", ", values.Where(v => v.Kind != JsonLiteralKind.Null).GroupBy(v => v.Kind).Select(g => DescribeLiteral(g.First())));
                return Refuse<ValueShape>(node, "enum", $"its values are of several JSON types ({kinds}), which no one C# type holds", atName: true);
            }

            return Refuse<ValueShape>(node, node.Has("type") ? "type" : null, $"a union of types ({JsonSchemaTypeNames.Describe(type).Replace(" or ", ", ")}) cannot be given one C# type here");
        }

        return DecideOneType(node, type, suggestedTypeName);
    }

    /// <summary>The C# shape of the values of <paramref name="node"/> of one JSON type (not object): a primitive or an array.</summary>
    private ValueShape? DecideOneType(SchemaNode node, JsonSchemaTypes type, string suggestedTypeName)
    {
        ValueKind kind;
        switch (type)
        {
            case JsonSchemaTypes.String:
                JsonFormat? format = _model.AssertedFormat(node);
                bool onlyTheFormat = !node.Keywords.Any(k => k != "format" && Vocabulary.IsCheckedOn(k, ValueKind.String));
                kind = !onlyTheFormat ? ValueKind.String : format switch
                {
                    JsonFormat.Date => ValueKind.Date,
                    JsonFormat.DateTime => ValueKind.DateTime,
                    JsonFormat.Uuid => ValueKind.Guid,
                    _ => ValueKind.String,
                };
                break;
            case JsonSchemaTypes.Integer or JsonSchemaTypes.Number when node.Types == JsonSchemaTypes.None:
                // Numbers named by const/enum, without 'type': int or long when every one is an integer
                // that fits (a number the C# type cannot hold is read as JSON, and fails the keyword); else double.
                long?[] named = (node.Const is { } constant ? new[] { constant } : Array.Empty<JsonLiteral>()).Concat(node.Enum ?? Enumerable.Empty<JsonLiteral>()).Select(l => IntegerLiteral(l.Text)).ToArray();
                kind = named.Length == 0 || named.Any(n => n is null) ? ValueKind.Double
                    : named.All(n => n >= int.MinValue && n <= int.MaxValue) ? ValueKind.Int32
                    : ValueKind.Int64;
                break;
            case JsonSchemaTypes.Integer:
                kind = FitsInt32(node) ? ValueKind.Int32 : ValueKind.Int64;
                break;
            case JsonSchemaTypes.Number:
                kind = HoldsDecimal(node) ? ValueKind.Decimal : ValueKind.Double;
                break;
            case JsonSchemaTypes.Boolean:
                kind = ValueKind.Boolean;
                break;
            case JsonSchemaTypes.Array:
                kind = ValueKind.Array;
                break;
            default:
                // An object whose record was not chosen (a nullable union of objects, say).
                return Refuse<ValueShape>(node, null, "this object schema has no record shape");
        }

        // The schema's own keywords first, so that no item type is declared for an array that cannot be typed.
        foreach (string keyword in node.Keywords)
        {
            if (keyword != "type" && Vocabulary.Affects(keyword, type) && !Vocabulary.IsCheckedOn(keyword, kind))
            {
                return Refuse<ValueShape>(node, node.Written(keyword), $"'{node.Written(keyword)}' has no C# shape on {WithArticle(DescribeShape(new ValueShape(kind, ImmutableEquatableArray<int>.Empty)))} value", atName: true);
            }
        }

        ValueShape? item = null;
        if (kind == ValueKind.Array)
        {
            if (node.Items is not { } items)
            {
                // Items of any kind: each is a JSON value.
                item = new ValueShape(ValueKind.Json, ImmutableEquatableArray<int>.Empty);
            }
            else
            {
                SchemaNode itemSchema = _model[items];
                ShapeRefusal? refusal = RefusalOf(() => item = DecideValue(itemSchema, suggestedTypeName + "Item"));
                if (refusal is not null || item is null || item.AllowsNull)
                {
                    // An item the array cannot type (or that may be null) is a JSON value checked against the item schema.
                    ReportJsonValue(itemSchema, refusal, $"Each item of '{suggestedTypeName}'");
                    item = JsonShape(itemSchema);
                }
            }
        }

        string? typeFrom = node.Types != JsonSchemaTypes.None ? null : node.Const is not null ? "const" : "enum";
        var shape = new ValueShape(kind, new[] { node.Id }.ToImmutableEquatableArray(), Item: item, AllowsNull: AllowsNull(node), TypeFrom: typeFrom);
        return LiteralsFit(node, shape) ? shape : null;
    }

    /// <summary>
    /// Whether a <c>number</c> is a C# <c>decimal</c>: always when the file asks for decimals
    /// (<c>NumberType</c> decimal), never when it asks for doubles, and otherwise when its
    /// <c>multipleOf</c> is a decimal fraction (<c>0.01</c>: digits after a point, no exponent), whose
    /// multiples a double neither holds nor checks exactly. Never when a <c>const</c> or <c>enum</c>
    /// number is no exact decimal: no decimal could equal it.
    /// </summary>
    private bool HoldsDecimal(SchemaNode node)
    {
        bool wanted = _file.Numbers switch
        {
            NumberRepresentation.Decimal => true,
            NumberRepresentation.Double => false,
            _ => node.MultipleOf is { FitsDecimal: true } divisor && divisor.Text.IndexOf('.') is int point and >= 0 && divisor.Text.Substring(point + 1).Any(c => c != '0'),
        };
        IEnumerable<JsonLiteral> literals = (node.Const is { } constant ? [constant] : Enumerable.Empty<JsonLiteral>()).Concat(node.Enum ?? Enumerable.Empty<JsonLiteral>());
        return wanted && literals.All(l => l.Kind != JsonLiteralKind.Number || CSharpLiteral.Decimal(l.Text) is not null);
    }

    /// <summary>Whether every keyword of an enum schema has a check on the C# enum (or open enum).</summary>
    private bool EnumFits(SchemaNode node, bool open)
    {
        foreach (string keyword in node.Keywords)
        {
            // Length bounds on a closed enum hold for its values or never: ISO code lists are written so.
            bool checkedHere = keyword is "type" || (open ? keyword is "anyOf" || Vocabulary.IsCheckedOn(keyword, ValueKind.OpenEnum) : keyword is "enum" or "minLength" or "maxLength");
            if (Vocabulary.Affects(keyword, JsonSchemaTypes.String) && !checkedHere)
            {
                Refuse(node, node.Written(keyword), $"'{node.Written(keyword)}' has no C# shape on a {(open ? "open " : "")}enum", atName: true);
                return false;
            }
        }

        return !open || LiteralsFit(node, new ValueShape(ValueKind.OpenEnum, ImmutableEquatableArray<int>.Empty));
    }

    private void DecideEnum(SchemaNode node, string name, TypeShape shape)
    {
        bool open = shape == TypeShape.OpenEnum;
        if (!EnumFits(node, open))
        {
            return;
        }

        int slot = ReserveSlot();
        SchemaNode named = open ? _model[node.AnyOf.First(b => _model[b].Enum is not null)] : node;
        long?[]? numbers = shape == TypeShape.IntegerEnum ? IntegerEnumValues(node) : null;
        var memberNames = new HashSet<string>(StringComparer.Ordinal) { name };
        var wireNames = new HashSet<string>(StringComparer.Ordinal);
        var members = new List<EnumMemberSpec>();
        for (int i = 0; i < named.Enum!.Count; i++)
        {
            JsonLiteral value = named.Enum[i];
            string? wireName = numbers is not null ? numbers[i]?.ToString(CultureInfo.InvariantCulture) : value.Kind == JsonLiteralKind.String ? value.Text : null;
            if (wireName is null || !wireNames.Add(wireName))
            {
                continue; // null makes the value nullable, and a repeated value adds nothing
            }

            if (numbers is null && !WithinLengthBounds(named, i, wireName))
            {
                continue; // it can never be valid (a warning said so): no member for it
            }

            // Names from a vendor array first; else from the value (a number as Value1, ValueMinus1).
            string clrName = named.EnumNames is { } vendorNames ? Naming.ToPascalCase(vendorNames[i])
                : numbers is not null ? "Value" + (wireName[0] == '-' ? "Minus" + wireName.Substring(1) : wireName)
                : Naming.ToPascalCase(wireName);
            if ((open && Identifiers.IsReservedMember(clrName)) || clrName is "Value" or "IsKnown")
            {
                clrName += "Value";
            }

            members.Add(new EnumMemberSpec(Naming.MakeUnique(clrName, memberNames), wireName));
        }

        _types[slot] = open
            ? new OpenEnumTypeSpec(name, node.Id, node.Description, members.ToImmutableEquatableArray())
            : new EnumTypeSpec(name, node.Id, node.Description, members.ToImmutableEquatableArray())
            {
                IntegerType = numbers is null ? null : numbers.All(n => n is null or >= int.MinValue and <= int.MaxValue) ? "int" : "long",
            };
    }

    /// <summary>
    /// Whether the string enum value <paramref name="value"/> (the <paramref name="index"/>th) has a
    /// length that <c>minLength</c>/<c>maxLength</c> allow (in code points); bounds every value meets
    /// add nothing. A value they reject can never be valid: ICG030 says so, at the value.
    /// </summary>
    private bool WithinLengthBounds(SchemaNode node, int index, string value)
    {
        int length = value.Length - value.Where((c, i) => char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(value[i - 1])).Count();
        (string keyword, long bound, string comparison)? broken =
            node.MinLength is { } min && length < min ? ("minLength", min, "shorter") :
            node.MaxLength is { } max && length > max ? ("maxLength", max, "longer") : null;
        if (broken is not { } bounds)
        {
            return true;
        }

        Report(DiagnosticDescriptors.EnumValueNeverValid, node, $"enum/{index}",
            Naming.ToLiteral(value), $"{length} code point{(length == 1 ? "" : "s")} long, {bounds.comparison} than its '{bounds.keyword}' ({bounds.bound}) allows");
        return false;
    }

    /// <summary>Whether the <c>const</c>/<c>enum</c> values of <paramref name="node"/> can be compared with the C# value.</summary>
    private bool LiteralsFit(SchemaNode node, ValueShape shape)
    {
        foreach ((string keyword, IReadOnlyList<JsonLiteral>? literals) in new[] { ("const", node.Const is { } c ? new[] { c } : null), ("enum", (IReadOnlyList<JsonLiteral>?)node.Enum) })
        {
            if (literals is null)
            {
                continue;
            }

            if (shape.AllowsNull)
            {
                Refuse(node, node.Written(keyword), $"'{node.Written(keyword)}' on a value that may be null has no C# shape yet", atName: true);
                return false;
            }

            JsonLiteralKind? expected = JsonTypeOf(shape) switch
            {
                JsonSchemaTypes.String => JsonLiteralKind.String,
                JsonSchemaTypes.Integer or JsonSchemaTypes.Number => JsonLiteralKind.Number,
                JsonSchemaTypes.Boolean => JsonLiteralKind.Boolean,
                _ => null,
            };
            if (literals.FirstOrDefault(l => l.Kind != expected) is { } other)
            {
                Refuse(node, node.Written(keyword), $"'{node.Written(keyword)}' with a value of another type ({DescribeLiteral(other)}) has no C# shape on {WithArticle(DescribeShape(shape))} value", atName: true);
                return false;
            }
        }

        return true;
    }

    /// <summary>The JSON type a C# value of this shape always has.</summary>
    private static JsonSchemaTypes JsonTypeOf(ValueShape shape) => shape.Kind switch
    {
        ValueKind.String or ValueKind.OpenEnum or ValueKind.Enum or ValueKind.Date or ValueKind.DateTime or ValueKind.Guid => JsonSchemaTypes.String,
        ValueKind.Int32 or ValueKind.Int64 or ValueKind.IntegerEnum => JsonSchemaTypes.Integer,
        ValueKind.Double or ValueKind.Decimal => JsonSchemaTypes.Number,
        ValueKind.Boolean => JsonSchemaTypes.Boolean,
        ValueKind.Array => JsonSchemaTypes.Array,
        _ => JsonSchemaTypes.Object,
    };

    /// <summary>Whether a branch's <c>type</c> accepts every value the member can hold.</summary>
    private static bool TypeAllows(JsonSchemaTypes types, ValueShape shape)
    {
        JsonSchemaTypes type = JsonTypeOf(shape);
        bool accepts = (types & type) != 0 || (type == JsonSchemaTypes.Integer && (types & JsonSchemaTypes.Number) != 0);
        return accepts && (!shape.AllowsNull || (types & JsonSchemaTypes.Null) != 0);
    }

    /// <summary>
    /// An integer whose bounds both fit in <see cref="int"/> becomes <c>int</c>; otherwise <c>long</c>
    /// (an <c>enum</c> or <c>const</c> too, bounds or not: a larger number must be read to be reported
    /// as not in it, as a JSON-backed value reports it, and not only as out of bounds).
    /// </summary>
    private static bool FitsInt32(SchemaNode node)
    {
        double? lower = Number(node.Minimum ?? node.ExclusiveMinimum);
        double? upper = Number(node.Maximum ?? node.ExclusiveMaximum);
        return node.Enum is null && node.Const is null && lower >= int.MinValue && upper <= int.MaxValue;
    }

    private static double? Number(NumberLimit? limit) =>
        limit is not null && double.TryParse(limit.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) ? value : null;

    /// <summary>A C# expression for a member's <c>default</c>, or null when the value does not fit the member.</summary>
    private string? DefaultLiteral(JsonLiteral value, ValueShape shape) => (shape.Kind, value.Kind) switch
    {
        (ValueKind.Boolean, JsonLiteralKind.Boolean) => value.Text,
        (ValueKind.String, JsonLiteralKind.String) => Naming.ToLiteral(value.Text),
        (ValueKind.Int32, JsonLiteralKind.Number) when int.TryParse(value.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) => value.Text,
        (ValueKind.Int64, JsonLiteralKind.Number) when long.TryParse(value.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) => value.Text,
        (ValueKind.Double, JsonLiteralKind.Number) => CSharpLiteral.FiniteDouble(value.Text),
        (ValueKind.Decimal, JsonLiteralKind.Number) => CSharpLiteral.Decimal(value.Text),
        (ValueKind.Date, JsonLiteralKind.String) => DateLiteral(value.Text),
        (ValueKind.DateTime, JsonLiteralKind.String) => DateTimeLiteral(value.Text),
        (ValueKind.Guid, JsonLiteralKind.String) when Guid.TryParseExact(value.Text, "D", out Guid guid) => $"new global::System.Guid({Naming.ToLiteral(guid.ToString("D"))})",
        (ValueKind.Enum, JsonLiteralKind.String) => _types.OfType<EnumTypeSpec>().FirstOrDefault(t => t.Name == shape.TypeName)?.Members
            .FirstOrDefault(m => m.WireName == value.Text) is { } member ? $"global::{_file.Namespace}.{shape.TypeName}.{member.ClrName}" : null,
        (ValueKind.IntegerEnum, JsonLiteralKind.Number) => _types.OfType<EnumTypeSpec>().FirstOrDefault(t => t.Name == shape.TypeName)?.Members
            .FirstOrDefault(m => m.WireName == IntegerLiteral(value.Text)?.ToString(CultureInfo.InvariantCulture)) is { } number ? $"global::{_file.Namespace}.{shape.TypeName}.{number.ClrName}" : null,
        (ValueKind.OpenEnum, JsonLiteralKind.String) => $"new global::{_file.Namespace}.{shape.TypeName}({Naming.ToLiteral(value.Text)})",
        (ValueKind.Array, JsonLiteralKind.Array) => ArrayLiteral(value, shape.Item!),
        (ValueKind.Map, JsonLiteralKind.Object) => MapLiteral(value, shape),
        (ValueKind.Object, JsonLiteralKind.Object) => $"{Emitting.ContractEmitter.Runtime}JsonContract.ParseDefault<global::{_file.Namespace}.{shape.TypeName}>({Naming.ToLiteral(value.Json)})",
        (ValueKind.Union, _) => UnionLiteral(value, shape),
        (ValueKind.Json, _) => $"{Emitting.ContractEmitter.Runtime}JsonAny.Parse({Naming.ToLiteral(value.Json)})",
        _ => null,
    };

    /// <summary>A union of types holding a default: the alternative of the literal's JSON type, or null when there is none.</summary>
    private string? UnionLiteral(JsonLiteral value, ValueShape union)
    {
        string alternativeName = value.Kind switch
        {
            JsonLiteralKind.String => "String",
            JsonLiteralKind.Boolean => "Boolean",
            JsonLiteralKind.Array => "Array",
            JsonLiteralKind.Object => "Object",
            JsonLiteralKind.Number => "Number",
            _ => "",
        };
        TypeUnionSpec? spec = _types.OfType<TypeUnionSpec>().FirstOrDefault(t => t.Name == union.TypeName);
        TypeAlternativeSpec? alternative = spec?.Alternatives.FirstOrDefault(a => a.Name == alternativeName || (alternativeName == "Number" && a.Name == "Integer"));
        return alternative is not null && DefaultLiteral(value, alternative.Shape) is { } literal
            ? $"new global::{_file.Namespace}.{union.TypeName}({literal})"
            : null;
    }

    /// <summary>A dictionary for a map default, or null when a value does not fit the value type.</summary>
    private string? MapLiteral(JsonLiteral obj, ValueShape map)
    {
        var entries = new List<string>();
        foreach ((string name, JsonLiteral value) in JsonText.Members(obj))
        {
            if (DefaultLiteral(value, map.Item!) is not { } literal)
            {
                return null;
            }

            entries.Add($"[{Naming.ToLiteral(name)}] = {literal}");
        }

        string type = Emitting.ContractEmitter.ClrTypeOf(_file.Namespace, map);
        return $"new {type}(new global::System.Collections.Generic.Dictionary<string, {Emitting.ContractEmitter.ClrTypeOf(_file.Namespace, map.Item!)}> {{ {string.Join(", ", entries)} }})";
    }

    /// <summary>A collection expression for an array default, or null when an item does not fit the item type.</summary>
    private string? ArrayLiteral(JsonLiteral array, ValueShape item)
    {
        var items = new List<string>();
        foreach (JsonLiteral value in JsonText.Items(array))
        {
            if (DefaultLiteral(value, item) is not { } literal)
            {
                return null;
            }

            items.Add(literal);
        }

        return "[" + string.Join(", ", items) + "]";
    }

    /// <summary>A C# expression for an RFC 3339 full-date, or null when the text is not one.</summary>
    internal static string? DateLiteral(string text)
    {
        bool shaped = text.Length == 10 && text[4] == '-' && text[7] == '-'
            && text.Where((c, i) => i != 4 && i != 7).All(c => c is >= '0' and <= '9');
        if (!shaped || !DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime date))
        {
            return null;
        }

        return $"new global::System.DateOnly({date.Year}, {date.Month}, {date.Day})";
    }

    /// <summary>
    /// A C# expression for an RFC 3339 date-time, as the runtime reads it (<see cref="Rfc3339DateTime"/>),
    /// or null when the text is not one or no DateTimeOffset holds it.
    /// </summary>
    private static string? DateTimeLiteral(string text)
    {
        if (!Rfc3339DateTime.TryParse(text.AsSpan(), out long clockTicks, out int offsetMinutes)
            || !Rfc3339DateTime.TryRepresent(clockTicks, offsetMinutes, out long ticks, out int offset))
        {
            return null;
        }

        var value = new DateTimeOffset(ticks, TimeSpan.FromMinutes(offset));
        string zone = offset == 0 ? "global::System.TimeSpan.Zero" : FormattableString.Invariant($"new global::System.TimeSpan({offset / 60}, {offset % 60}, 0)");
        long fraction = value.Ticks % TimeSpan.TicksPerSecond;
        return FormattableString.Invariant($"new global::System.DateTimeOffset({value.Year}, {value.Month}, {value.Day}, {value.Hour}, {value.Minute}, {value.Second}, {zone})")
            + (fraction != 0 ? FormattableString.Invariant($".AddTicks({fraction})") : "");
    }

    private static string DescribeLiteral(JsonLiteral value) =>
        value.Kind == JsonLiteralKind.Null ? "null" : $"{value.Kind.ToString().ToLowerInvariant()} {value.Json}";

    private static string DescribeShape(ValueShape shape) => shape.Kind switch
    {
        ValueKind.String => "string",
        ValueKind.Boolean => "bool",
        ValueKind.Int32 => "int",
        ValueKind.Int64 => "long",
        ValueKind.Double => "double",
        ValueKind.Decimal => "decimal",
        ValueKind.Date => "DateOnly",
        ValueKind.DateTime => "DateTimeOffset",
        ValueKind.Guid => "Guid",
        ValueKind.Object => "record",
        ValueKind.Enum or ValueKind.IntegerEnum => "enum",
        ValueKind.OpenEnum => "open enum",
        ValueKind.Json => "JSON value",
        ValueKind.Map => "dictionary",
        ValueKind.Union => "union",
        _ => "array",
    };
}
