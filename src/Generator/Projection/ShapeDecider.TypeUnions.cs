using System.Collections.Generic;
using System.Linq;
using Insights.Contracts.Generator.Model;
using Insights.Contracts.Generator.Shared;

namespace Insights.Contracts.Generator.Projection;

// Unions of types: a value that may be a string or an array (or an object, a number...) is a small
// struct holding one alternative, told apart by the JSON type of the value.
internal sealed partial class ShapeDecider
{
    /// <summary>The JSON types an alternative can take, in the order a struct lists them, with the name its members use.</summary>
    private static readonly (JsonSchemaTypes Type, string Name)[] AlternativeTypes =
    [
        (JsonSchemaTypes.String, "String"), (JsonSchemaTypes.Integer, "Integer"), (JsonSchemaTypes.Number, "Number"),
        (JsonSchemaTypes.Boolean, "Boolean"), (JsonSchemaTypes.Array, "Array"), (JsonSchemaTypes.Object, "Object"),
    ];

    /// <summary>
    /// The alternatives of a union of types, each a JSON type with the schema that describes it (the
    /// node itself for <c>"type": [...]</c>, a branch for a <c>oneOf</c>/<c>anyOf</c> whose branches
    /// each take another single type); null when <paramref name="node"/> is not one.
    /// </summary>
    private List<(JsonSchemaTypes Type, SchemaNode Schema, int? Branch)>? TypeAlternatives(SchemaNode node)
    {
        if (node.IsBoolean || node.Ref is not null || node.Const is not null || node.Enum is not null)
        {
            return null;
        }

        bool branched = (node.OneOf.Count > 0) != (node.AnyOf.Count > 0);
        if (!branched)
        {
            JsonSchemaTypes types = Single(node.Types & ~JsonSchemaTypes.Null);
            bool applicators = node.AllOf.Count > 0 || node.AnyOf.Count > 0 || node.OneOf.Count > 0 || node.Not is not null || node.If is not null || node.DependentSchemas.Count > 0;
            if (applicators || CountTypes(types) < 2)
            {
                return null;
            }

            return AlternativeTypes.Where(t => (types & t.Type) != 0).Select(t => (t.Type, node, (int?)null)).ToList();
        }

        if (node.Keywords.Any(k => Vocabulary.Validates(k) && k is not ("oneOf" or "anyOf" or "type")))
        {
            return null;
        }

        ImmutableEquatableArray<int> branches = node.OneOf.Count > 0 ? node.OneOf : node.AnyOf;
        var alternatives = new List<(JsonSchemaTypes Type, SchemaNode Schema, int? Branch)>();
        JsonSchemaTypes seen = JsonSchemaTypes.None;
        foreach (int branch in branches)
        {
            SchemaNode schema = _model[branch];
            JsonSchemaTypes type = Single(AcceptedTypes(Resolved(schema)));
            if (CountTypes(type) != 1 || type == JsonSchemaTypes.Null || (seen & type) != 0 || (node.Types != JsonSchemaTypes.None && (Single(node.Types) & type) == 0))
            {
                return null; // a branch of several types or of null, or two branches of one type: no single alternative per type
            }

            seen |= type;
            alternatives.Add((type, schema, branch));
        }

        // Every integer is a number, so a number token can match an integer branch and a number
        // branch both: the JSON type alone does not pick the alternative. Only where the number
        // branch accepts every number and anyOf needs one match is the integer branch redundant.
        if ((seen & NumberTypes) == NumberTypes)
        {
            var number = alternatives.Single(a => a.Type == JsonSchemaTypes.Number);
            if (node.AnyOf.Count == 0 || !OnlyTyped(Resolved(number.Schema)))
            {
                return null;
            }

            alternatives.RemoveAll(a => a.Type == JsonSchemaTypes.Integer);
        }

        return alternatives.Count >= 2 ? alternatives : null;
    }

    private const JsonSchemaTypes NumberTypes = JsonSchemaTypes.Integer | JsonSchemaTypes.Number;

    /// <summary>Whether <paramref name="schema"/> says nothing that validates but its type.</summary>
    private static bool OnlyTyped(SchemaNode schema) => !schema.Keywords.Any(k => Vocabulary.Validates(k) && k != "type");

    /// <summary>Types with number and integer both present counted as number (every integer is a number).</summary>
    private static JsonSchemaTypes Single(JsonSchemaTypes types) =>
        (types & JsonSchemaTypes.Number) != 0 ? types & ~JsonSchemaTypes.Integer : types;

    private static int CountTypes(JsonSchemaTypes types)
    {
        int count = 0;
        for (int bits = (int)types; bits != 0; bits &= bits - 1)
        {
            count++;
        }

        return count;
    }

    /// <summary>Decides the union of types <paramref name="node"/> as the struct <paramref name="name"/>; false when an alternative has no C# shape.</summary>
    private bool DecideTypeUnion(SchemaNode node, string name)
    {
        List<(JsonSchemaTypes Type, SchemaNode Schema, int? Branch)> alternatives = TypeAlternatives(node)!;
        var specs = new List<TypeAlternativeSpec>();
        foreach ((JsonSchemaTypes type, SchemaNode schema, int? branch) in alternatives)
        {
            string alternative = AlternativeTypes.First(t => t.Type == type).Name;
            ValueShape? shape = (type, branch) switch
            {
                (_, not null) => DecideValue(schema, name + alternative),
                (JsonSchemaTypes.Object, null) => new ValueShape(ValueKind.Object, ImmutableEquatableArray<int>.Empty, RecordFor([schema], name + alternative)),
                _ => DecideOneType(schema, type, name + alternative),
            };
            if (shape is null)
            {
                return false;
            }

            if (shape.Kind is ValueKind.Json or ValueKind.Union)
            {
                Refuse(schema, null, $"the {alternative.ToLowerInvariant()} alternative has no C# type of its own");
                return false;
            }

            specs.Add(new TypeAlternativeSpec(alternative, shape with { AllowsNull = false }, branch));
        }

        string keyword = node.OneOf.Count > 0 ? "oneOf" : node.AnyOf.Count > 0 ? "anyOf" : "type";
        _types.Add(new TypeUnionSpec(name, node.Id, node.Description, keyword, specs.ToImmutableEquatableArray()));
        return true;
    }
}
