using System.Collections.Generic;
using System.Linq;
using Insights.Contracts.Generator.Model;
using Insights.Contracts.Generator.Shared;

namespace Insights.Contracts.Generator.Emitting;

/// <summary>
/// The one place that turns a node's value keywords into checks, for both shapes: each check is a
/// call to the runtime's <c>JsonCheck</c>, written the same way whether the value is a C# value of a
/// typed record (<paramref name="members"/> overloads by type) or a <c>JsonElement</c>. Checks come
/// in the order both shapes report errors in: the value itself, then (after its items or members)
/// the counts over the array or object.
/// </summary>
internal sealed class KeywordChecks(SchemaModel model, TypeMembers members)
{
    private const string Check = ContractEmitter.CompilerServices + "JsonCheck.";

    /// <summary>
    /// <c>type</c> (JSON-backed only), <c>const</c>, <c>enum</c>, and the string and number keywords.
    /// <paramref name="kind"/> is the C# type of a typed value, or null for a <c>JsonElement</c>.
    /// </summary>
    public IEnumerable<string> Value(SchemaNode node, ValueKind? kind, string value)
    {
        bool json = kind is null;
        if (json && node.Types != JsonSchemaTypes.None)
        {
            // Draft-04 tells integers by how they are written: 1.0 is a number there, an integer later.
            string method = node.Draft == Dialect.Draft4 && (node.Types & JsonSchemaTypes.Integer) != 0 ? "TypeAsWritten" : "Type";
            yield return $"{Check}{method}({value}, {TypeFlags(node.Types)}, context)";
        }

        bool text = json || kind is ValueKind.String or ValueKind.OpenEnum or ValueKind.Enum;
        bool number = json || kind is ValueKind.Int32 or ValueKind.Int64 or ValueKind.Double or ValueKind.Decimal;
        if (json || text || number || kind == ValueKind.Boolean)
        {
            if (node.Const is { } constant)
            {
                yield return $"{Check}Const({value}, {Literal(constant, kind)}, context)";
            }

            if (node.Enum is { } values)
            {
                yield return $"{Check}Enum({value}, {Literals(values, kind)}, context)";
            }
        }

        if (text)
        {
            if (node.MinLength is { } minLength)
            {
                yield return $"{Check}MinLength({value}, {CSharpLiteral.Count(minLength)}, context)";
            }

            if (node.MaxLength is { } maxLength)
            {
                yield return $"{Check}MaxLength({value}, {CSharpLiteral.Count(maxLength)}, context)";
            }

            if (node.Pattern is { } pattern)
            {
                // A typed string's pattern of direct character tests cannot time out: called directly,
                // its matcher inlines (through a delegate it cost Validate() of the Insights response about half again).
                string matcher = members.PatternMatcher(pattern);
                yield return kind == ValueKind.String && pattern.Simple is not null
                    ? $"{Check}Pattern({matcher}({value}), {value}, {CSharpLiteral.String(pattern.Text)}, context)"
                    : $"{Check}Pattern({value}, {matcher}, {CSharpLiteral.String(pattern.Text)}, context)";
            }

            if (model.AssertedFormat(node) is { } format)
            {
                yield return $"{Check}Format({value}, {ContractEmitter.CompilerServices}JsonFormat.{format}, context)";
            }

            if (node.ContentEncoding is not null || node.ContentMediaType is not null)
            {
                yield return $"{Check}Content({value}, {(node.ContentEncoding is { } e ? CSharpLiteral.String(e) : "null")}, {(node.ContentMediaType is { } m ? CSharpLiteral.String(m) : "null")}, context)";
            }
        }

        if (number)
        {
            bool integral = kind is ValueKind.Int32 or ValueKind.Int64;
            foreach ((NumberLimit? limit, string keyword) in new[]
            {
                (node.Minimum, "Minimum"), (node.Maximum, "Maximum"), (node.ExclusiveMinimum, "ExclusiveMinimum"),
                (node.ExclusiveMaximum, "ExclusiveMaximum"), (node.MultipleOf, "MultipleOf"),
            })
            {
                if (limit is null)
                {
                    continue;
                }

                if (json || kind == ValueKind.Decimal)
                {
                    // Exact: the bound as a decimal where it is one, and as written for everything else.
                    string exact = limit.FitsDecimal ? limit.Text + "m" : "null";
                    string approximate = keyword == "MultipleOf" ? CSharpLiteral.Double(limit.Text) + ", " : "";
                    yield return $"{Check}{keyword}({value}, {exact}, {approximate}{CSharpLiteral.String(limit.Text)}, context)";
                }
                else
                {
                    // An integer against an integral bound compares as long; anything else as double.
                    string bound = (integral ? CSharpLiteral.Long(limit.Text) : null) ?? CSharpLiteral.Double(limit.Text);
                    yield return $"{Check}{keyword}({value}, {bound}, context)";
                }
            }
        }
    }

    /// <summary><c>minItems</c>, <c>maxItems</c>, <c>uniqueItems</c>: for an <c>EquatableArray</c> or a <c>JsonElement</c> alike.</summary>
    public IEnumerable<string> ArrayCounts(SchemaNode node, string value)
    {
        if (node.MinItems is { } minItems)
        {
            yield return $"{Check}MinItems({value}, {CSharpLiteral.Count(minItems)}, context)";
        }

        if (node.MaxItems is { } maxItems)
        {
            yield return $"{Check}MaxItems({value}, {CSharpLiteral.Count(maxItems)}, context)";
        }

        if (node.UniqueItems)
        {
            yield return $"{Check}UniqueItems({value}, context)";
        }
    }

    /// <summary><c>required</c>, <c>minProperties</c>, <c>maxProperties</c> over a <c>JsonElement</c> (a typed record checks them as it reads).</summary>
    public IEnumerable<string> ObjectCounts(SchemaNode node, string value)
    {
        foreach (string required in node.Required.Distinct())
        {
            yield return $"{Check}Required({value}, {CSharpLiteral.String(required)}, context)";
        }

        if (node.MinProperties is { } minProperties)
        {
            yield return $"{Check}MinProperties({value}, {CSharpLiteral.Count(minProperties)}, context)";
        }

        if (node.MaxProperties is { } maxProperties)
        {
            yield return $"{Check}MaxProperties({value}, {CSharpLiteral.Count(maxProperties)}, context)";
        }
    }

    /// <summary>A <c>const</c> value as the overload for <paramref name="kind"/> takes it.</summary>
    private string Literal(JsonLiteral value, ValueKind? kind) => kind switch
    {
        null => members.Field($"{ContractEmitter.Json}JsonElement", "s_const", $"{ContractEmitter.CompilerServices}JsonValueCheck.Literal({CSharpLiteral.String(value.Json)})"),
        ValueKind.Boolean => value.Text,
        ValueKind.Int32 or ValueKind.Int64 or ValueKind.Double => CSharpLiteral.Double(value.Text),
        ValueKind.Decimal => CSharpLiteral.Decimal(value.Text)!,
        _ => CSharpLiteral.String(value.Text),
    };

    /// <summary>An <c>enum</c>'s values as the overload for <paramref name="kind"/> takes them: a static array.</summary>
    private string Literals(ImmutableEquatableArray<JsonLiteral> values, ValueKind? kind)
    {
        if (kind is null)
        {
            string array = "[" + string.Join(",", values.Select(v => v.Json)) + "]";
            return members.Field($"{ContractEmitter.Json}JsonElement[]", "s_enum", $"{ContractEmitter.CompilerServices}JsonValueCheck.Literals({CSharpLiteral.String(array)})");
        }

        string type = kind switch
        {
            ValueKind.Boolean => "bool",
            ValueKind.Int32 or ValueKind.Int64 or ValueKind.Double => "double",
            ValueKind.Decimal => "decimal",
            _ => "string",
        };
        return members.Field(type + "[]", "s_enum", "[" + string.Join(", ", values.Select(v => Literal(v, kind))) + "]");
    }

    private static string TypeFlags(JsonSchemaTypes types) =>
        string.Join(" | ", JsonSchemaTypeNames.All
            .Where(t => (types & t.Type) != 0)
            .OrderBy(t => (int)t.Type)
            .Select(t => $"{ContractEmitter.CompilerServices}JsonSchemaTypes.{t.Type}"));
}
