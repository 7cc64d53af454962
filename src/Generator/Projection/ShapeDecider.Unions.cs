using System;
using System.Collections.Generic;
using System.Linq;
using Insights.Contracts.Generator.Model;
using Insights.Contracts.Generator.Parsing;
using Insights.Contracts.Generator.Shared;

namespace Insights.Contracts.Generator.Projection;

// Unions: a oneOf/anyOf of objects becomes an abstract record with one sealed record per branch, told
// apart by a discriminator member when every branch fixes one, else by which branch the JSON matches.
internal sealed partial class ShapeDecider
{
    /// <summary>The slot of each record in the types decided, by name (a union marks its alternatives there).</summary>
    private readonly Dictionary<string, int> _recordSlots = new(StringComparer.Ordinal);

    /// <summary>
    /// Whether <paramref name="node"/> is a union of objects: a <c>oneOf</c> (or <c>anyOf</c>) of two or
    /// more branches that are each an object schema of their own (inline or by <c>$ref</c>), with
    /// nothing beside it but <c>type: object</c>, annotations, and a member every branch fixes (the
    /// discriminator, which the union may declare and require too).
    /// </summary>
    private bool IsUnion(SchemaNode node)
    {
        if (node.IsBoolean || node.Ref is not null || (node.OneOf.Count > 0) == (node.AnyOf.Count > 0))
        {
            return false;
        }

        ImmutableEquatableArray<int> branches = node.OneOf.Count > 0 ? node.OneOf : node.AnyOf;
        if (branches.Count < 2 || (node.Types != JsonSchemaTypes.None && node.Types != JsonSchemaTypes.Object))
        {
            return false;
        }

        foreach (string keyword in node.Keywords)
        {
            if (Vocabulary.Validates(keyword) && keyword is not ("type" or "oneOf" or "anyOf" or "properties" or "required"))
            {
                return false;
            }
        }

        var targets = new HashSet<int>();
        foreach (int branch in branches)
        {
            SchemaNode target = Resolved(_model[branch]);
            if (target.Id == _model.Root || target.Id == node.Id || !targets.Add(target.Id) || ClassifyType(target) != TypeShape.Record || AllowsNull(target))
            {
                return false;
            }
        }

        // What the union itself says about members must be what the discriminator already guarantees.
        if (node.Properties.Count > 0 || node.Required.Count > 0)
        {
            return Discriminator(node, branches) is { } discriminator
                && node.Required.All(r => r == discriminator.Name)
                && node.Properties.All(p => p.Name == discriminator.Name && AcceptsAll(_model[p.Node], discriminator.Values));
        }

        return true;
    }

    /// <summary>
    /// The member every branch requires and fixes to a different string (by <c>const</c> or a
    /// one-value <c>enum</c>, in the branch or any of its allOf parts), and the value of each branch.
    /// Where several are, the one OpenAPI's <c>discriminator.propertyName</c> names, else the first declared.
    /// </summary>
    private (string Name, IReadOnlyList<string> Values)? Discriminator(SchemaNode union, IReadOnlyList<int> branches)
    {
        var fixedByBranch = branches.Select(b => FixedMembers(Resolved(_model[b]))).ToList();
        IEnumerable<string> candidates = fixedByBranch[0].Keys;
        if (union.DiscriminatorName is { } named && fixedByBranch[0].ContainsKey(named))
        {
            candidates = candidates.Where(n => n != named).Prepend(named);
        }

        foreach (string name in candidates)
        {
            if (fixedByBranch.All(f => f.ContainsKey(name)))
            {
                var values = fixedByBranch.Select(f => f[name]).ToList();
                if (values.Distinct(StringComparer.Ordinal).Count() == values.Count)
                {
                    return (name, values);
                }
            }
        }

        return null;
    }

    /// <summary>The required members a branch (with its allOf parts) fixes to one string, in the order they are declared.</summary>
    private Dictionary<string, string> FixedMembers(SchemaNode branch)
    {
        List<SchemaNode> parts = MergedParts([branch]);
        var required = new HashSet<string>(parts.SelectMany(p => p.Required), StringComparer.Ordinal);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (NamedSchema member in parts.SelectMany(p => p.Properties))
        {
            SchemaNode schema = Resolved(_model[member.Node]);
            JsonLiteral? value = schema.Const ?? (schema.Enum is { Count: 1 } single ? single[0] : null);
            if (required.Contains(member.Name) && value is { Kind: JsonLiteralKind.String } && !result.ContainsKey(member.Name))
            {
                result[member.Name] = value.Text;
            }
        }

        return result;
    }

    /// <summary>Whether a schema the union gives its discriminator accepts each value (a string type, or an enum listing them all).</summary>
    private static bool AcceptsAll(SchemaNode schema, IReadOnlyList<string> values)
    {
        foreach (string keyword in schema.Keywords)
        {
            bool holds = keyword switch
            {
                "type" => (schema.Types & JsonSchemaTypes.String) != 0,
                "enum" => values.All(v => schema.Enum!.Any(e => e.Kind == JsonLiteralKind.String && e.Text == v)),
                _ => !Vocabulary.Validates(keyword),
            };
            if (!holds)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Decides the union <paramref name="node"/> as the abstract record <paramref name="name"/>.
    /// </summary>
    private bool DecideUnion(SchemaNode node, string name)
    {
        bool oneOf = node.OneOf.Count > 0;
        ImmutableEquatableArray<int> branches = oneOf ? node.OneOf : node.AnyOf;
        var targets = branches.Select(b => Resolved(_model[b])).ToList();
        int slot = ReserveSlot();
        (string Name, IReadOnlyList<string> Values)? discriminator = Discriminator(node, branches);
        string enumName = ReserveTypeName(name + "Variant", node);
        var variantNames = new HashSet<string>(StringComparer.Ordinal);
        var cases = new List<UnionCaseSpec>();
        for (int i = 0; i < branches.Count; i++)
        {
            SchemaNode branch = _model[branches[i]];
            SchemaNode target = targets[i];
            string? value = discriminator?.Values[i];
            string variant = Naming.MakeUnique(
                Naming.ToPascalCase(branch.Title ?? target.Title ?? value ?? (_definitionTypeNames.TryGetValue(target.Id, out string? defined) ? defined : $"Option{i + 1}")),
                variantNames);
            string typeName;
            if (_unionOfRecord.ContainsKey(target.Id))
            {
                // Already an alternative of another union, and a record derives from one type only:
                // this union gets a record of its own for the same schema.
                typeName = RecordFor([target], name + variant, scope: name);
            }
            else if (_definitionTypeNames.TryGetValue(target.Id, out string? definitionName))
            {
                typeName = definitionName;
                EnsureDefinitionDecided(target.Id);
            }
            else
            {
                typeName = RecordFor([target], name + variant);
            }

            if (!_unionOfRecord.ContainsKey(target.Id))
            {
                _unionOfRecord[target.Id] = name;
            }
            var unionCase = new UnionCaseSpec(name, enumName, typeName, variant, branches[i], value, branch.Description ?? target.Description);
            cases.Add(unionCase);
            int recordSlot = _recordSlots[typeName];
            if (_types[recordSlot] is RecordTypeSpec record)
            {
                // A record of the union holds the union's variant, not a titled oneOf of its own.
                _types[recordSlot] = record with { UnionCase = unionCase, Variants = null };
            }
        }

        _types[slot] = new UnionTypeSpec(name, node.Id, node.Description, oneOf ? "oneOf" : "anyOf", enumName, discriminator?.Name, cases.ToImmutableEquatableArray(), node.Types == JsonSchemaTypes.Object);
        return true;
    }

    private readonly Dictionary<int, string> _unionOfRecord = [];
}
