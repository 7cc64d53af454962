using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Insights.Contracts.Generator.Diagnostics;
using Insights.Contracts.Generator.Model;
using Insights.Contracts.Generator.Parsing;
using Insights.Contracts.Generator.Shared;

namespace Insights.Contracts.Generator.Projection;

// Records: which objects become a sealed record, their members, and whether every applicator over
// them (allOf/anyOf/oneOf/not/if/then/else, dependentRequired) can be checked on the record.
internal sealed partial class ShapeDecider
{
    /// <summary>The validation keywords a record enforces on its own object; any other keyword about objects has no C# shape.</summary>
    private static readonly HashSet<string> RecordKeywords = new(StringComparer.Ordinal)
    {
        "type", "properties", "required", "additionalProperties", "dependentRequired", "dependencies",
        "allOf", "anyOf", "oneOf", "not", "if", "then", "else",
    };

    private const string BranchKeywordReason = "a branch of allOf/anyOf/oneOf/not over a typed record cannot check '{0}'";

    private void DecideRecord(SchemaNode node, string name)
    {
        int slot = ReserveSlot();
        var properties = new List<PropertySpec>();
        var clrNames = new HashSet<string>(StringComparer.Ordinal) { name };
        foreach (NamedSchema member in node.Properties)
        {
            string clrName = Naming.ToPascalCase(member.Name);
            if (ReservedMemberNames.Contains(clrName))
            {
                clrName += "Value";
            }

            clrName = Naming.MakeUnique(clrName, clrNames);
            properties.Add(DecideProperty(member, name, clrName, node.Required.Contains(member.Name)));
        }

        var byWireName = properties.ToDictionary(p => p.WireName, StringComparer.Ordinal);
        ShapeRefusal? rulesAsJson = RefusalOf(() => ObjectRulesFit(node, byWireName));
        // With its rules checked as JSON, a member the record does not declare may still be allowed (by patternProperties, say).
        bool rejectsUnknown = rulesAsJson is null && node.AdditionalProperties is { } additional && _model[additional].IsFalse;
        if (rulesAsJson is not null)
        {
            _diagnostics.Add(new DiagnosticInfo(DiagnosticDescriptors.RulesCheckedAsJson, _spans.Locate(_model[rulesAsJson.Node], rulesAsJson.Path, rulesAsJson.AtName), new[] { name, rulesAsJson.Reason }.ToImmutableEquatableArray()));
        }

        VariantSetSpec? variants = rulesAsJson is null ? RecordVariants(node, name) : null;
        _types[slot] = new RecordTypeSpec(name, node.Id, node.Description, properties.ToImmutableEquatableArray(), rejectsUnknown, variants, rulesAsJson?.Reason);
    }

    /// <summary>Whether every rule of the object (besides its members' own schemas) has a check over the record's members.</summary>
    private bool ObjectRulesFit(SchemaNode node, IReadOnlyDictionary<string, PropertySpec> properties)
    {
        foreach (string keyword in node.Keywords)
        {
            if (Vocabulary.Affects(keyword, JsonSchemaTypes.Object) && !RecordKeywords.Contains(keyword))
            {
                Refuse(node, keyword, $"'{keyword}' has no check over a record's members", atName: true);
                return false;
            }
        }

        if (node.DependentSchemas.Count > 0)
        {
            Refuse(node, node.Has("dependentSchemas") ? "dependentSchemas" : "dependencies", "schemas in 'dependencies' have no check over a record's members", atName: true);
            return false;
        }

        for (int i = 0; i < node.Required.Count; i++)
        {
            if (node.Property(node.Required[i]) is null)
            {
                Refuse(node, "required/" + Index(i), $"'{node.Required[i]}' is required but not declared in 'properties'");
                return false;
            }
        }

        if (node.AdditionalProperties is { } additional && !_model[additional].IsFalse && !AllowsAnything(_model[additional]))
        {
            Refuse(node, "additionalProperties", "'additionalProperties' with a schema has no check over a record's members");
            return false;
        }

        return RulesFit(node, properties);
    }

    /// <summary>One member of a record: its C# shape, or, where its schema has none, a JSON value checked against that schema.</summary>
    private PropertySpec DecideProperty(NamedSchema member, string recordName, string clrName, bool isRequired)
    {
        SchemaNode schema = _model[member.Node];
        ValueShape? shape = null;
        ShapeRefusal? refusal = RefusalOf(() => shape = DecideValue(schema, recordName + clrName));
        if (refusal is not null || shape is null)
        {
            shape = JsonShape(schema);
            ReportJsonValue(schema, refusal, $"Member '{recordName}.{clrName}'");
        }

        string? defaultLiteral = null;
        if (!isRequired && schema.Default is { } value)
        {
            defaultLiteral = DefaultLiteral(value, shape);
            if (defaultLiteral is null)
            {
                _diagnostics.Add(new DiagnosticInfo(
                    DiagnosticDescriptors.DefaultIgnored,
                    _spans.Locate(schema, "default", atName: false),
                    new[] { $"{recordName}.{clrName}", $"{DescribeLiteral(value)} is not {WithArticle(DescribeShape(shape))} value" }.ToImmutableEquatableArray()));
            }
        }

        string? description = schema.Description ?? (schema.Ref is { } target ? _model[target].Description : null);
        return new PropertySpec(member.Name, clrName, member.Node, description, shape, isRequired, defaultLiteral);
    }

    /// <summary>
    /// Whether the applicators of <paramref name="node"/> (a record, or a branch of one) can be checked
    /// on the record: every member they name is declared, and every keyword they use has a check
    /// over the member's C# type.
    /// </summary>
    private bool RulesFit(SchemaNode node, IReadOnlyDictionary<string, PropertySpec> properties)
    {
        for (int i = 0; i < node.DependentRequired.Count; i++)
        {
            DependentRequired dependency = node.DependentRequired[i];
            string path = (node.Has("dependentRequired") ? "dependentRequired/" : "dependencies/") + SchemaResources.EscapePointer(dependency.Name);
            if (!properties.TryGetValue(dependency.Name, out PropertySpec? trigger) || !PresenceVisible(trigger))
            {
                Refuse(node, path, $"'{dependency.Name}' {NotCheckable(trigger)}, so 'dependentRequired' cannot check it", atName: true);
                return false;
            }

            for (int j = 0; j < dependency.Required.Count; j++)
            {
                if (!properties.TryGetValue(dependency.Required[j], out PropertySpec? needed) || !PresenceVisible(needed))
                {
                    Refuse(node, path + "/" + Index(j), $"'{dependency.Required[j]}' {NotCheckable(needed)}, so 'dependentRequired' cannot check it");
                    return false;
                }
            }
        }

        IEnumerable<int?> branches = node.AllOf.Concat(node.AnyOf).Concat(node.OneOf).Select(b => (int?)b).Concat([node.Not, node.If, node.Then, node.Else]);
        foreach (int? branch in branches)
        {
            if (branch is { } b && !BranchFits(_model[b], properties))
            {
                return false;
            }
        }

        return true;
    }

    private bool BranchFits(SchemaNode branch, IReadOnlyDictionary<string, PropertySpec> properties)
    {
        if (branch.IsBoolean)
        {
            return true;
        }

        if (branch.Types != JsonSchemaTypes.None && (branch.Types & ~JsonSchemaTypes.Null) != JsonSchemaTypes.Object)
        {
            Refuse(branch, "type", $"a branch of an object schema must describe the same object; type {JsonSchemaTypeNames.Describe(branch.Types)} can never match");
            return false;
        }

        foreach (string keyword in branch.Keywords)
        {
            bool checkable = keyword is "type" or "required" or "properties" or "dependentRequired" or "dependencies"
                or "allOf" or "anyOf" or "oneOf" or "not" or "if" or "then" or "else";
            if (Vocabulary.Affects(keyword, JsonSchemaTypes.Object) && !checkable)
            {
                Refuse(branch, keyword, string.Format(CultureInfo.InvariantCulture, BranchKeywordReason, keyword), atName: true);
                return false;
            }
        }

        if (branch.DependentSchemas.Count > 0)
        {
            Refuse(branch, "dependencies", string.Format(CultureInfo.InvariantCulture, BranchKeywordReason, "dependencies"), atName: true);
            return false;
        }

        for (int i = 0; i < branch.Required.Count; i++)
        {
            if (!properties.TryGetValue(branch.Required[i], out PropertySpec? required) || !PresenceVisible(required))
            {
                Refuse(branch, "required/" + Index(i), $"'{branch.Required[i]}' {NotCheckable(required)}, so this branch cannot check it");
                return false;
            }
        }

        foreach (NamedSchema member in branch.Properties)
        {
            if (!properties.TryGetValue(member.Name, out PropertySpec? property))
            {
                Refuse(branch, "properties/" + SchemaResources.EscapePointer(member.Name), $"'{member.Name}' is not declared in the object's 'properties', so this branch cannot check it", atName: true);
                return false;
            }

            if (!ValueRuleFits(_model[member.Node], property.Shape))
            {
                return false;
            }
        }

        return RulesFit(branch, properties);
    }

    /// <summary>Whether a branch's schema for one member only uses keywords the member's C# type can be checked against.</summary>
    private bool ValueRuleFits(SchemaNode rule, ValueShape shape)
    {
        if (shape.Kind == ValueKind.Json)
        {
            return true; // the branch's validator for the member checks the JSON value
        }

        if (rule.IsFalse)
        {
            Refuse(rule, null, "inside a branch, a member's schema must be an object of value keywords");
            return false;
        }

        if (rule.IsBoolean)
        {
            return true;
        }

        JsonSchemaTypes type = JsonTypeOf(shape);
        if (rule.Types != JsonSchemaTypes.None && !TypeAllows(rule.Types, shape))
        {
            Refuse(rule, "type", $"this branch requires {JsonSchemaTypeNames.Describe(rule.Types)} for a member the record holds as {DescribeShape(shape)}");
            return false;
        }

        foreach (string keyword in rule.Keywords)
        {
            if (keyword != "type" && Vocabulary.Affects(keyword, type) && !Vocabulary.IsCheckedOn(keyword, shape.Kind))
            {
                Refuse(rule, keyword, string.Format(CultureInfo.InvariantCulture, BranchKeywordReason, keyword), atName: true);
                return false;
            }
        }

        if (!LiteralsFit(rule, shape))
        {
            return false;
        }

        return shape.Kind != ValueKind.Array || rule.Items is not { } items || ValueRuleFits(_model[items], shape.Item!);
    }

    /// <summary>A <c>oneOf</c> whose every branch has a title becomes a typed variant (<c>{Type}Variant</c> enum); without one, such an <c>anyOf</c> does.</summary>
    private VariantSetSpec? RecordVariants(SchemaNode node, string typeName)
    {
        foreach ((string keyword, ImmutableEquatableArray<int> branches) in new[] { ("oneOf", node.OneOf), ("anyOf", node.AnyOf) })
        {
            if (branches.Count == 0)
            {
                continue;
            }

            if (!branches.All(b => !_model[b].IsBoolean && _model[b].Title is not null))
            {
                return null;
            }

            var names = new HashSet<string>(StringComparer.Ordinal);
            var variants = branches
                .Select(b => new VariantSpec(Naming.MakeUnique(Naming.ToPascalCase(_model[b].Title!), names), _model[b].Title!, _model[b].Description, b))
                .ToImmutableEquatableArray();
            return new VariantSetSpec(ReserveTypeName(typeName + "Variant", node, keyword), keyword, variants);
        }

        return null;
    }

    /// <summary>Whether the record shows if a member was present: an optional member that may also be null cannot.</summary>
    private static bool PresenceVisible(PropertySpec property) => !(property.Shape.AllowsNull && !property.IsRequired);

    private static string NotCheckable(PropertySpec? property) =>
        property is null
            ? "is not declared in the object's 'properties'"
            : "is optional and may be null, so its record cannot tell it absent from null";

    /// <summary>"an array", "a string".</summary>
    private static string WithArticle(string noun) => ("aeiou".IndexOf(noun[0]) >= 0 ? "an " : "a ") + noun;

    private static string Index(int i) => i.ToString(CultureInfo.InvariantCulture);
}
