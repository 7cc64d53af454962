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

    private void DecideRecord(SchemaNode node, string name) => DecideRecord([node], name);

    /// <summary>
    /// The record of the object <paramref name="seeds"/> describe: decided once (named from
    /// <paramref name="suggestedName"/>), so that a schema met again inside itself (a tree's
    /// children) is the same record rather than a new one each level.
    /// </summary>
    /// <param name="scope">Set for a second record of the same schemas (an alternative of a second union).</param>
    private string RecordFor(IReadOnlyList<SchemaNode> seeds, string suggestedName, string? scope = null)
    {
        string key = string.Join(",", seeds.Select(s => s.Id.ToString(CultureInfo.InvariantCulture))) + (scope is null ? "" : "@" + scope);
        if (!_recordNames.TryGetValue(key, out string? name))
        {
            name = ReserveTypeName(suggestedName, seeds[0]);
            _recordNames[key] = name;
            DecideRecord(seeds, name);
        }

        return name;
    }

    /// <summary>
    /// A record for the object every schema of <paramref name="seeds"/> describes (one schema; or the
    /// schemas several allOf parts give one member). Each seed's <c>allOf</c> parts (and their
    /// <c>$ref</c>s) are merged in: their members and <c>required</c> become the record's, and their
    /// other rules are checked over it.
    /// </summary>
    private void DecideRecord(IReadOnlyList<SchemaNode> seeds, string name)
    {
        StackGuard.Check();
        int slot = ReserveSlot();
        _recordSlots[name] = slot;
        List<SchemaNode> parts = MergedParts(seeds);
        var absorbed = new HashSet<int>(parts.Select(p => p.Id));

        // Members in the order they are first declared, the first seed's own first; a member several
        // parts declare gets the schemas of all of them.
        var schemasByName = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var names = new List<string>();
        foreach (SchemaNode part in parts)
        {
            foreach (NamedSchema member in part.Properties)
            {
                if (!schemasByName.TryGetValue(member.Name, out List<int>? schemas))
                {
                    schemasByName[member.Name] = schemas = [];
                    names.Add(member.Name);
                }

                schemas.Add(member.Node);
            }
        }

        var required = parts.SelectMany(p => p.Required).Distinct(StringComparer.Ordinal).ToImmutableEquatableArray();
        var properties = new List<PropertySpec>();
        // Names that differ only in case (ProductID, ProductId) compile, but read as one member and
        // break case-insensitive consumers: they count as the same name.
        var clrNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { name };
        var wireNameOf = new Dictionary<string, (string WireName, string ClrName)>(StringComparer.OrdinalIgnoreCase);
        foreach (string wireName in names)
        {
            string wanted = Identifiers.MemberName(wireName, name);

            string clrName = Naming.MakeUnique(wanted, clrNames);
            if (clrName != wanted && wireNameOf.TryGetValue(wanted, out var first))
            {
                // Both members are generated, the later one numbered; the user learns why it is not named like its JSON.
                SchemaNode declaring = parts.First(p => p.Properties.Any(m => m.Name == wireName));
                string sameName = first.ClrName == wanted ? $"both map to the C# name '{wanted}'" : $"map to C# names that differ only in case ('{first.ClrName}', '{wanted}')";
                Report(
                    DiagnosticDescriptors.NameCollision,
                    declaring,
                    "properties/" + SchemaResources.EscapePointer(wireName),
                    $"Properties '{first.WireName}' and '{wireName}' of '{name}' {sameName}: '{first.WireName}' is generated as '{first.ClrName}', '{wireName}' as '{clrName}'",
                    "rename one of them in the schema to choose the names");
            }

            wireNameOf[clrName] = (wireName, clrName);
            properties.Add(DecideProperty(wireName, schemasByName[wireName], name, clrName, required.Contains(wireName)));
        }

        var byWireName = properties.ToDictionary(p => p.WireName, StringComparer.Ordinal);
        SchemaNode home = seeds[0];
        AdditionalMembersSpec? additionalMembers = null;
        ShapeRefusal? rulesAsJson = RefusalOf(() =>
        {
            if (AdditionalMembersFit(home, byWireName, out additionalMembers, name, clrNames))
            {
                ObjectRulesFit(parts, absorbed, byWireName);
            }
        });

        // With its rules checked as JSON, a member the record does not declare may still be allowed (by
        // patternProperties, whose members the record's map holds). Otherwise any part's additionalProperties:
        // false (an allOf base's too) rejects exactly the members the record does not declare: ObjectRulesFit saw that part declare them all.
        bool rejectsUnknown = rulesAsJson is null && parts.All(p => p.PatternProperties.Count == 0)
            && parts.Any(p => p.AdditionalProperties is { } additional && _model[additional].IsFalse);
        if (rulesAsJson is not null)
        {
            _diagnostics.Add(new DiagnosticInfo(DiagnosticDescriptors.RulesCheckedAsJson, _spans.Locate(_model[rulesAsJson.Node], rulesAsJson.Path, rulesAsJson.AtName), new[] { name, rulesAsJson.Reason }.ToImmutableEquatableArray()));
        }

        VariantSetSpec? variants = rulesAsJson is null && seeds.Count == 1 ? RecordVariants(home, name) : null;
        string? description = seeds.Select(s => s.Description).FirstOrDefault(d => d is not null);
        _types[slot] = new RecordTypeSpec(name, home.Id, description, properties.ToImmutableEquatableArray(), rejectsUnknown, variants, rulesAsJson?.Reason)
        {
            AdditionalMembers = rulesAsJson is null ? additionalMembers : KeptAsJson(parts, clrNames),
            Seeds = seeds.Select(s => s.Id).ToImmutableEquatableArray(),
            Parts = parts.Select(p => p.Id).ToImmutableEquatableArray(),
            Required = required,
        };
    }

    /// <summary>
    /// The seeds and, recursively, the <c>allOf</c> parts and <c>$ref</c> targets that also describe
    /// the object (not booleans, nor schemas that reject every object): what one record merges.
    /// </summary>
    private List<SchemaNode> MergedParts(IReadOnlyList<SchemaNode> seeds)
    {
        var parts = new List<SchemaNode>();
        var seen = new HashSet<int>();
        void Absorb(SchemaNode node)
        {
            if (node.IsBoolean || (AcceptedTypes(node) & JsonSchemaTypes.Object) == 0 || !seen.Add(node.Id))
            {
                return;
            }

            parts.Add(node);
            if (node.Ref is { } target)
            {
                Absorb(_model[target]);
            }

            foreach (int part in node.AllOf)
            {
                Absorb(_model[part]);
            }
        }

        foreach (SchemaNode seed in seeds)
        {
            Absorb(seed);
        }

        return parts;
    }

    /// <summary>
    /// The map of the members the record does not declare, when its schema describes them: by
    /// <c>additionalProperties</c> with a schema, or by one <c>patternProperties</c> pattern (no
    /// declared name may match it, as that member would need both schemas). False, with the reason,
    /// when the members it describes have no such map (the record's rules are then checked as JSON).
    /// </summary>
    /// <summary>Whether every rule of the object (besides its members' own schemas) has a check over the record's members.</summary>
    private bool ObjectRulesFit(IReadOnlyList<SchemaNode> parts, ISet<int> absorbed, IReadOnlyDictionary<string, PropertySpec> properties)
    {
        foreach (SchemaNode node in parts)
        {
            foreach (string keyword in node.Keywords)
            {
                // The home schema's map keywords were decided by AdditionalMembersFit.
                bool mapKeyword = node == parts[0] && keyword is "patternProperties" or "propertyNames" or "minProperties" or "maxProperties";
                if (Vocabulary.Affects(keyword, JsonSchemaTypes.Object) && !RecordKeywords.Contains(keyword) && keyword != "$ref" && !mapKeyword)
                {
                    Refuse(node, node.Written(keyword), $"'{node.Written(keyword)}' has no check over a record's members", atName: true);
                    return false;
                }
            }

            if (node.DependentSchemas.Count > 0)
            {
                Refuse(node, node.Written("dependentSchemas"), $"schemas in '{node.Written("dependentSchemas")}' have no check over a record's members", atName: true);
                return false;
            }

            for (int i = 0; i < node.Required.Count; i++)
            {
                if (!properties.ContainsKey(node.Required[i]))
                {
                    Refuse(node, "required/" + Index(i), $"'{node.Required[i]}' is required but not declared in 'properties'");
                    return false;
                }
            }

            if (node.AdditionalProperties is { } additional && !AllowsAnything(_model[additional]))
            {
                if (!_model[additional].IsFalse && node != parts[0])
                {
                    Refuse(node, "additionalProperties", "'additionalProperties' with a schema has no check over a record's members");
                    return false;
                }

                if (properties.Keys.FirstOrDefault(member => node.Property(member) is null) is { } other)
                {
                    // JSON Schema's pitfall: additionalProperties sees only the properties beside it, not those of allOf parts.
                    Refuse(node, "additionalProperties", $"'additionalProperties' here applies to '{other}', which another part of allOf declares");
                    return false;
                }
            }

            if (!RulesFit(node, properties, absorbed))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// One member of a record: its C# shape, or, where its schemas have none, a JSON value checked
    /// against them. Several schemas (from allOf parts) must agree on one shape: an object in each
    /// is one record over all of them; otherwise the first with a type decides, and the others must
    /// only add checks that shape has.
    /// </summary>
    private PropertySpec DecideProperty(string wireName, IReadOnlyList<int> schemaIds, string recordName, string clrName, bool isRequired)
    {
        var schemas = schemaIds.Select(id => _model[id]).ToList();
        var asserting = schemas.Where(s => !AllowsAnything(s)).ToList();
        SchemaNode schema = asserting.Count > 0 ? asserting[0] : schemas[0];
        string member = $"Member '{recordName}.{clrName}'";
        ValueShape? shape = null;
        ShapeRefusal? refusal;
        if (asserting.Count <= 1)
        {
            refusal = RefusalOf(() => shape = DecideValue(schema, recordName + clrName, clrName));
        }
        else if (asserting.Any(s => ClassifyType(Resolved(s)) == TypeShape.Record)
            && asserting.All(s => ClassifyType(Resolved(s)) is TypeShape.Record or TypeShape.Value && (AcceptedTypes(Resolved(s)) & JsonSchemaTypes.Object) != 0))
        {
            // One part says the member is an object, the others add to it (an extending part often leaves out "type").
            bool allowsNull = asserting.All(s => AllowsNull(Resolved(s)));
            refusal = allowsNull && asserting.FirstOrDefault(s => NullPasses(s, []) != true) is { } rejecting
                ? new ShapeRefusal(rejecting.Id, rejecting.Has("type") ? "type" : null, false, NullRejectedReason)
                : null;
            if (refusal is null)
            {
                string name = RecordFor(asserting.Select(Resolved).ToList(), recordName + clrName);
                shape = new ValueShape(ValueKind.Object, ImmutableEquatableArray<int>.Empty, name, AllowsNull: allowsNull);
            }
        }
        else
        {
            schema = asserting.FirstOrDefault(s => s.Types != JsonSchemaTypes.None || s.Ref is not null) ?? asserting[0];
            refusal = RefusalOf(() => shape = DecideValue(schema, recordName + clrName));
            foreach (SchemaNode other in asserting.Where(s => s != schema))
            {
                if (refusal is not null || shape is null)
                {
                    break;
                }

                if (RefusalOf(() => ValueRuleFits(other, shape)) is { } conflict)
                {
                    _diagnostics.Add(new DiagnosticInfo(
                        DiagnosticDescriptors.AllOfConflict,
                        _spans.Locate(_model[conflict.Node], conflict.Path, conflict.AtName),
                        new[] { $"{recordName}.{clrName}", wireName, conflict.Reason }.ToImmutableEquatableArray()));
                    shape = null;
                    break;
                }

                shape = shape with { CheckNodes = shape.CheckNodes.Append(other.Id).ToImmutableEquatableArray() };
            }
        }

        if (refusal is not null || shape is null)
        {
            shape = new ValueShape(ValueKind.Json, asserting.Select(s => s.Id).ToImmutableEquatableArray());
            ReportJsonValue(schema, refusal, member);
        }

        string? defaultLiteral = null;
        if (isRequired)
        {
            // A member fixed to one value (a union's discriminator, say) starts with it, so code need not set it.
            if (asserting.Select(s => Resolved(s).Const).FirstOrDefault(c => c is not null) is { } constant && !shape.AllowsNull)
            {
                defaultLiteral = DefaultLiteral(constant, shape);
            }
        }
        else if (schemas.Select(s => s.Default).FirstOrDefault(d => d is not null) is { } value)
        {
            SchemaNode withDefault = schemas.First(s => s.Default is not null);
            if (DefaultBreaksSchema(value, withDefault, schemas) is { } reason)
            {
                // JSON Schema allows such a default (it is an annotation), but a member that starts
                // with a value its own schema rejects would make every record invalid.
                _diagnostics.Add(new DiagnosticInfo(
                    DiagnosticDescriptors.DefaultBreaksSchema,
                    _spans.Locate(withDefault, "default", atName: false),
                    new[] { withDefault.Location + "/default", reason }.ToImmutableEquatableArray()));
            }
            else if ((defaultLiteral = DefaultLiteral(value, shape)) is null)
            {
                _diagnostics.Add(new DiagnosticInfo(
                    DiagnosticDescriptors.DefaultIgnored,
                    _spans.Locate(withDefault, "default", atName: false),
                    new[] { $"{recordName}.{clrName}", $"{DescribeLiteral(value)} is not {WithArticle(DescribeShape(shape))} value" }.ToImmutableEquatableArray()));
            }
        }

        string? description = schemas.Select(s => s.Description ?? (s.Ref is { } target ? _model[target].Description : null)).FirstOrDefault(d => d is not null);
        return new PropertySpec(wireName, clrName, schema.Id, description, shape, isRequired, defaultLiteral);
    }

    /// <summary>Why <paramref name="value"/>, the default of <paramref name="withDefault"/>, breaks a schema of its member; null when it does not, or that cannot be told while generating.</summary>
    private string? DefaultBreaksSchema(JsonLiteral value, SchemaNode withDefault, IReadOnlyList<SchemaNode> schemas)
    {
        var check = new LiteralCheck(_model);
        foreach (SchemaNode schema in schemas.Contains(withDefault) ? schemas : [withDefault, .. schemas])
        {
            (LiteralVerdict verdict, string? reason) = check.Check(value, schema.Id);
            if (verdict == LiteralVerdict.Invalid)
            {
                return reason;
            }
        }

        return null;
    }

    /// <summary>The schema a pure reference (<c>{"$ref": ...}</c> and annotations) stands for; any other schema itself.</summary>
    private SchemaNode Resolved(SchemaNode schema)
    {
        var seen = new HashSet<int>();
        while (schema.Ref is { } target && schema.Keywords.All(k => k == "$ref" || !Vocabulary.Validates(k)) && seen.Add(schema.Id))
        {
            schema = _model[target];
        }

        return schema;
    }

    /// <summary>
    /// Whether the applicators of <paramref name="node"/> (a record, or a branch of one) can be checked
    /// on the record: every member they name is declared, and every keyword they use has a check
    /// over the member's C# type.
    /// </summary>
    private bool RulesFit(SchemaNode node, IReadOnlyDictionary<string, PropertySpec> properties, ISet<int>? absorbed = null)
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

        IEnumerable<int?> branches = node.AllOf.Where(b => absorbed?.Contains(b) != true).Concat(node.AnyOf).Concat(node.OneOf).Select(b => (int?)b).Concat([node.Not, node.If, node.Then, node.Else]);
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
        StackGuard.Check();
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
                or "allOf" or "anyOf" or "oneOf" or "not" or "if" or "then" or "else" or "$ref";
            if (Vocabulary.Affects(keyword, JsonSchemaTypes.Object) && !checkable)
            {
                Refuse(branch, branch.Written(keyword), string.Format(CultureInfo.InvariantCulture, BranchKeywordReason, branch.Written(keyword)), atName: true);
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

        if (branch.Ref is { } target)
        {
            // The branch holds whatever it refers to as well: a schema of the same object.
            if (!_branchReferences.Add(target))
            {
                Refuse(branch, "$ref", "this branch refers back to itself");
                return false;
            }

            bool fits = BranchFits(_model[target], properties);
            _branchReferences.Remove(target);
            if (!fits)
            {
                return false;
            }
        }

        return RulesFit(branch, properties);
    }

    /// <summary>Whether a branch's schema for one member only uses keywords the member's C# type can be checked against.</summary>
    private bool ValueRuleFits(SchemaNode rule, ValueShape shape)
    {
        StackGuard.Check();
        if (shape.Kind == ValueKind.Json)
        {
            return true; // the branch's validator for the member checks the JSON value
        }

        if (shape.Kind == ValueKind.Union && !AllowsAnything(rule))
        {
            Refuse(rule, null, "inside a branch, a member that may be of several types has no check over its C# value");
            return false;
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
                Refuse(rule, rule.Written(keyword), string.Format(CultureInfo.InvariantCulture, BranchKeywordReason, rule.Written(keyword)), atName: true);
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

    /// <summary>
    /// Whether the record shows if a member was present: an optional member that may also be null
    /// cannot, nor can one with a default (absent, it holds the default).
    /// </summary>
    private static bool PresenceVisible(PropertySpec property) =>
        property.IsRequired || (!property.Shape.AllowsNull && property.DefaultLiteral is null);

    private static string NotCheckable(PropertySpec? property) =>
        property is null ? "is not declared in the object's 'properties'"
        : property.DefaultLiteral is not null ? "is optional with a default, so its record cannot tell it absent from the default"
        : "is optional and may be null, so its record cannot tell it absent from null";

    /// <summary>"an array", "a string".</summary>
    private static string WithArticle(string noun) => ("aeio".IndexOf(noun[0]) >= 0 ? "an " : "a ") + noun;

    private static string Index(int i) => i.ToString(CultureInfo.InvariantCulture);
}
