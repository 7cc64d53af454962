using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Insights.Contracts.Generator.Diagnostics;
using Insights.Contracts.Generator.Model;
using Insights.Contracts.Generator.Parsing;
using Insights.Contracts.Generator.Shared;

namespace Insights.Contracts.Generator.Projection;

// A record's map of the members it does not declare: described by additionalProperties or one
// patternProperties pattern, or kept as JSON when the record's rules are checked on its JSON.
internal sealed partial class ShapeDecider
{
    /// <summary>
    /// The map of a record whose object rules are checked as JSON: every member it does not declare,
    /// as JSON. Those rules name such members (a branch's <c>kind</c>, a pattern's), so the record
    /// must keep them: dropped, <c>ToJson()</c> would lose data and <c>Validate()</c> of a value just
    /// parsed would fail. None when the schema allows no undeclared member.
    /// </summary>
    private AdditionalMembersSpec? KeptAsJson(IReadOnlyList<SchemaNode> parts, HashSet<string> clrNames) =>
        parts.Any(p => p.PatternProperties.Count == 0 && p.AdditionalProperties is { } additional && _model[additional].IsFalse)
            ? null
            : new AdditionalMembersSpec(Naming.MakeUnique("AdditionalProperties", clrNames), new ValueShape(ValueKind.Json, ImmutableEquatableArray<int>.Empty), Pattern: null, OthersRejected: false);

    private bool AdditionalMembersFit(SchemaNode home, IReadOnlyDictionary<string, PropertySpec> properties, out AdditionalMembersSpec? map, string recordName, HashSet<string> clrNames)
    {
        map = null;
        SchemaNode? additional = home.AdditionalProperties is { } a ? _model[a] : null;
        bool additionalAsserts = additional is not null && !additional.IsFalse && !AllowsAnything(additional);
        SchemaNode valueSchema;
        SchemaPattern? pattern = null;
        if (home.PatternProperties.Count == 0)
        {
            if (!additionalAsserts)
            {
                return true;
            }

            valueSchema = additional!;
        }
        else
        {
            if (home.PatternProperties.Count > 1 || additionalAsserts)
            {
                Refuse(home, "patternProperties", home.PatternProperties.Count > 1
                    ? "members described by several patterns have no one C# type"
                    : "members described by both patternProperties and additionalProperties have no one C# type", atName: true);
                return false;
            }

            pattern = home.PatternProperties[0].Pattern;
            valueSchema = _model[home.PatternProperties[0].Node];
            foreach (string declared in properties.Keys)
            {
                bool matches;
                try
                {
                    matches = System.Text.RegularExpressions.Regex.IsMatch(declared, pattern.DotNet, System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
                }
                catch (Exception e) when (e is ArgumentException or System.Text.RegularExpressions.RegexMatchTimeoutException)
                {
                    matches = true;
                }

                if (matches)
                {
                    Refuse(home, "patternProperties", $"the declared member '{declared}' matches the pattern too, so it has two schemas", atName: true);
                    return false;
                }
            }
        }

        ValueShape? value = null;
        ShapeRefusal? refusal = RefusalOf(() => value = DecideValue(valueSchema, recordName + "Value"));
        if (refusal is not null || value is null || value.AllowsNull)
        {
            value = JsonShape(valueSchema);
        }

        map = new AdditionalMembersSpec(Naming.MakeUnique("AdditionalProperties", clrNames), value, pattern, OthersRejected: additional?.IsFalse == true);
        return true;
    }
}
