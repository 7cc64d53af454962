using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Insights.Contracts.Generator.Emitting;
using Insights.Contracts.Generator.Model;
using Insights.Contracts.Generator.Parsing;
using Insights.Contracts.Generator.Shared;

namespace Insights.Contracts.Generator.Projection;

// Values: the C# type of a member or array item (a primitive, an array, or a named record or enum),
// and whether every keyword about that JSON type has a check over the C# value.
internal sealed partial class ShapeDecider
{
    private ValueShape? DecideValue(SchemaNode node, string suggestedTypeName)
    {
        if (node.IsBoolean)
        {
            return Refuse<ValueShape>(node, null, $"expected a schema object here, found {(node.IsFalse ? "false" : "true")}; a boolean schema cannot be given a C# type");
        }

        switch (ClassifyType(node))
        {
            case TypeShape.Reference:
                return DecideReference(node, suggestedTypeName);
            case TypeShape.Record:
            {
                string name = ReserveTypeName(suggestedTypeName, node);
                DecideRecord(node, name);
                return _refusal is null ? new ValueShape(ValueKind.Object, ImmutableEquatableArray<int>.Empty, name, AllowsNull: AllowsNull(node)) : null;
            }

            case TypeShape.ClosedEnum:
            case TypeShape.OpenEnum:
            {
                bool open = ClassifyType(node) == TypeShape.OpenEnum;
                string name = ReserveTypeName(suggestedTypeName, node);
                DecideEnum(node, name, open);
                return _refusal is null ? EnumShape(node, name, open) : null;
            }

            default:
                return DecideScalarOrArray(node, suggestedTypeName);
        }
    }

    private ValueShape? DecideReference(SchemaNode node, string suggestedTypeName)
    {
        foreach (string keyword in node.Keywords)
        {
            if (keyword != "$ref" && Vocabulary.Validates(keyword))
            {
                return Refuse<ValueShape>(node, keyword, $"keyword '{keyword}' next to $ref has no C# shape in a typed record; move it into the referenced schema", atName: true);
            }
        }

        SchemaNode target = _model[node.Ref!.Value];
        if (_definitionTypeNames.TryGetValue(target.Id, out string? typeName))
        {
            EnsureDefinitionDecided(target.Id);
            if (_refusal is not null)
            {
                return null;
            }

            TypeShape shape = ClassifyType(target);
            return shape == TypeShape.Record
                ? new ValueShape(ValueKind.Object, ImmutableEquatableArray<int>.Empty, typeName, AllowsNull: AllowsNull(target))
                : EnumShape(target, typeName, shape == TypeShape.OpenEnum);
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

    private static ValueShape EnumShape(SchemaNode node, string typeName, bool open) =>
        open
            ? new ValueShape(ValueKind.OpenEnum, new[] { node.Id }.ToImmutableEquatableArray(), typeName, AllowsNull: AllowsNull(node))
            : new ValueShape(ValueKind.Enum, ImmutableEquatableArray<int>.Empty, typeName, AllowsNull: AllowsNull(node));

    private ValueShape? DecideScalarOrArray(SchemaNode node, string suggestedTypeName)
    {
        JsonSchemaTypes type = node.Types & ~JsonSchemaTypes.Null;
        if (node.Types == JsonSchemaTypes.None)
        {
            return Refuse<ValueShape>(node, null, "give this schema a 'type' (string, integer, number, boolean, array or object) so it gets a C# type");
        }

        if (type == JsonSchemaTypes.None)
        {
            return Refuse<ValueShape>(node, "type", "type 'null' alone cannot be given a C# type");
        }

        if ((type & (type - 1)) != 0)
        {
            return Refuse<ValueShape>(node, "type", $"a union of types ({JsonSchemaTypeNames.Describe(type).Replace(" or ", ", ")}) cannot be given one C# type yet");
        }

        ValueShape? item = null;
        ValueKind kind;
        switch (type)
        {
            case JsonSchemaTypes.String:
                JsonFormat? format = _model.AssertedFormat(node);
                bool onlyTheFormat = !node.Keywords.Any(k => k != "format" && Vocabulary.IsCheckedOn(k, ValueKind.String));
                kind = format == JsonFormat.Date && onlyTheFormat ? ValueKind.Date
                    : format == JsonFormat.Uuid && onlyTheFormat ? ValueKind.Guid
                    : ValueKind.String;
                break;
            case JsonSchemaTypes.Integer:
                kind = FitsInt32(node) ? ValueKind.Int32 : ValueKind.Int64;
                break;
            case JsonSchemaTypes.Number:
                kind = ValueKind.Double;
                break;
            case JsonSchemaTypes.Boolean:
                kind = ValueKind.Boolean;
                break;
            default: // array: an object is a record
                kind = ValueKind.Array;
                if (node.Items is not { } items)
                {
                    return Refuse<ValueShape>(node, null, "an array needs an 'items' schema so its elements get a C# type");
                }

                item = DecideValue(_model[items], suggestedTypeName + "Item");
                if (item is null)
                {
                    return null;
                }

                if (item.AllowsNull)
                {
                    return Refuse<ValueShape>(_model[items], null, "array items that may be null have no C# shape yet");
                }

                break;
        }

        var shape = new ValueShape(kind, new[] { node.Id }.ToImmutableEquatableArray(), Item: item, AllowsNull: AllowsNull(node));
        foreach (string keyword in node.Keywords)
        {
            if (keyword != "type" && Vocabulary.Affects(keyword, type) && !Vocabulary.IsCheckedOn(keyword, shape.Kind))
            {
                return Refuse<ValueShape>(node, keyword, $"'{keyword}' has no C# shape on a {DescribeShape(shape)} value", atName: true);
            }
        }

        return LiteralsFit(node, shape) ? shape : null;
    }

    private void DecideEnum(SchemaNode node, string name, bool open)
    {
        int slot = ReserveSlot();
        ImmutableEquatableArray<JsonLiteral> values = open ? OpenEnumValues(node)! : node.Enum!;
        foreach (string keyword in node.Keywords)
        {
            bool checkedHere = keyword is "type" || (open ? keyword is "anyOf" || Vocabulary.IsCheckedOn(keyword, ValueKind.OpenEnum) : keyword is "enum");
            if (Vocabulary.Affects(keyword, JsonSchemaTypes.String) && !checkedHere)
            {
                Refuse(node, keyword, $"'{keyword}' has no C# shape on a {(open ? "open " : "")}enum", atName: true);
                return;
            }
        }

        if (open && !LiteralsFit(node, new ValueShape(ValueKind.OpenEnum, ImmutableEquatableArray<int>.Empty)))
        {
            return;
        }

        var memberNames = new HashSet<string>(StringComparer.Ordinal) { name };
        var wireNames = new HashSet<string>(StringComparer.Ordinal);
        var members = new List<EnumMemberSpec>();
        foreach (JsonLiteral value in values)
        {
            if (!wireNames.Add(value.Text))
            {
                continue; // a repeated value adds nothing
            }

            string clrName = Naming.ToPascalCase(value.Text);
            if ((open && ReservedMemberNames.Contains(clrName)) || clrName is "Value" or "IsKnown")
            {
                clrName += "Value";
            }

            members.Add(new EnumMemberSpec(Naming.MakeUnique(clrName, memberNames), value.Text));
        }

        _types[slot] = open
            ? new OpenEnumTypeSpec(name, node.Id, node.Description, members.ToImmutableEquatableArray())
            : new EnumTypeSpec(name, node.Id, node.Description, members.ToImmutableEquatableArray());
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
                Refuse(node, keyword, $"'{keyword}' on a value that may be null has no C# shape yet", atName: true);
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
                Refuse(node, keyword, $"'{keyword}' with a value of another type ({DescribeLiteral(other)}) has no C# shape on a {DescribeShape(shape)} value", atName: true);
                return false;
            }
        }

        return true;
    }

    /// <summary>The JSON type a C# value of this shape always has.</summary>
    private static JsonSchemaTypes JsonTypeOf(ValueShape shape) => shape.Kind switch
    {
        ValueKind.String or ValueKind.OpenEnum or ValueKind.Enum or ValueKind.Date or ValueKind.Guid => JsonSchemaTypes.String,
        ValueKind.Int32 or ValueKind.Int64 => JsonSchemaTypes.Integer,
        ValueKind.Double => JsonSchemaTypes.Number,
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

    private static bool AllowsNull(SchemaNode node) => (node.Types & JsonSchemaTypes.Null) != 0;

    /// <summary>An integer whose bounds both fit in <see cref="int"/> becomes <c>int</c>; otherwise <c>long</c>.</summary>
    private static bool FitsInt32(SchemaNode node)
    {
        double? lower = Number(node.Minimum ?? node.ExclusiveMinimum);
        double? upper = Number(node.Maximum ?? node.ExclusiveMaximum);
        return lower >= int.MinValue && upper <= int.MaxValue;
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
        (ValueKind.Date, JsonLiteralKind.String) => DateLiteral(value.Text),
        (ValueKind.Guid, JsonLiteralKind.String) when Guid.TryParseExact(value.Text, "D", out Guid guid) => $"new global::System.Guid({Naming.ToLiteral(guid.ToString("D"))})",
        (ValueKind.Enum, JsonLiteralKind.String) => _types.OfType<EnumTypeSpec>().FirstOrDefault(t => t.Name == shape.TypeName)?.Members
            .FirstOrDefault(m => m.WireName == value.Text) is { } member ? $"global::{_file.Namespace}.{shape.TypeName}.{member.ClrName}" : null,
        (ValueKind.OpenEnum, JsonLiteralKind.String) => $"new global::{_file.Namespace}.{shape.TypeName}({Naming.ToLiteral(value.Text)})",
        _ => null,
    };

    /// <summary>A C# expression for an RFC 3339 full-date, or null when the text is not one.</summary>
    private static string? DateLiteral(string text)
    {
        bool shaped = text.Length == 10 && text[4] == '-' && text[7] == '-'
            && text.Where((c, i) => i != 4 && i != 7).All(c => c is >= '0' and <= '9');
        if (!shaped || !DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime date))
        {
            return null;
        }

        return $"new global::System.DateOnly({date.Year}, {date.Month}, {date.Day})";
    }

    private static string DescribeLiteral(JsonLiteral value) => $"{value.Kind.ToString().ToLowerInvariant()} {value.Json}";

    private static string DescribeShape(ValueShape shape) => shape.Kind switch
    {
        ValueKind.String => "string",
        ValueKind.Boolean => "bool",
        ValueKind.Int32 => "int",
        ValueKind.Int64 => "long",
        ValueKind.Double => "double",
        ValueKind.Date => "DateOnly",
        ValueKind.Guid => "Guid",
        ValueKind.Object => "record",
        ValueKind.Enum => "enum",
        ValueKind.OpenEnum => "open enum",
        _ => "array",
    };
}
