using System.Collections.Generic;
using System.Linq;
using Insights.Contracts.Generator.Model;

namespace Insights.Contracts.Generator.Compatibility;

// Members: properties, required, the open or closed content model (additionalProperties),
// patternProperties, propertyNames, property counts and dependencies.
internal sealed partial class SchemaComparer
{
    private void CompareObjects(SchemaNode o, SchemaNode n, Place place)
    {
        CompareCounts(o, n, place, s => s.MinProperties, s => s.MaxProperties, "minProperties", "maxProperties", "objects", "properties");

        foreach (string name in n.Required.Where(r => !o.Required.Contains(r)).Distinct())
        {
            Report("required-added", place, Direction.Narrows, $"required/{n.Required.ToList().IndexOf(name)}", $"member '{name}' is now required: " + Rejects($"objects without '{name}'"));
        }

        foreach (string name in o.Required.Where(r => !n.Required.Contains(r)).Distinct())
        {
            Report("required-removed", place, Direction.Widens, n.Required.Count > 0 ? "required" : null, $"member '{name}' is no longer required: " + Accepts($"objects without '{name}'"));
        }

        // Each member either side names is compared with what the other side applies to that name:
        // its own schema, a matching patternProperties schema, or additionalProperties (absent: anything).
        // That is the open content model rule of the registries: a member added to an open object
        // narrows (the baseline accepted any value for it), one added to a closed object widens.
        IEnumerable<string> names = n.Properties.Select(p => p.Name).Concat(o.Properties.Select(p => p.Name)).Distinct();
        foreach (string name in names)
        {
            int? before = o.Property(name), after = n.Property(name);
            SchemaNode oldMember = before is { } b ? _old[b] : MemberSchema(_old, o, name);
            SchemaNode newMember = after is { } a ? _new[a] : MemberSchema(_new, n, name);
            string step = "/" + EscapePointer(name);
            string? removedAt = n.Properties.Count > 0 ? "properties" : n.AdditionalProperties is not null ? "additionalProperties" : null;
            Place member = place.Into(newMember, after is not null ? "properties/" + EscapePointer(name) : removedAt, step);

            if (before is not null && after is not null)
            {
                Compare(oldMember, newMember, member);
                continue;
            }

            // Added or removed: one finding per member that says which, with what the walk found.
            List<CompatibilityFinding> found = Capture(() => Compare(oldMember, newMember, member));
            if (found.Count > 0)
            {
                string change = after is not null
                    ? $"member '{name}' added where the baseline's object {ContentModel(oldMember, name, "was", "accepted", "rejected", "applied")}"
                    : $"member '{name}' removed, and the new object {ContentModel(newMember, name, "is", "accepts", "rejects", "applies")}";
                CompatibilityFinding first = found[0];
                CompatibilityMode breaks = found.Aggregate(CompatibilityMode.None, (all, f) => all | f.Breaks);
                FindingKind kind = found.Any(f => f.Kind == FindingKind.Incompatible) ? FindingKind.Incompatible : first.Kind;
                _findings.Add(first with
                {
                    Rule = after is not null ? "member-added" : "member-removed",
                    Kind = kind,
                    Breaks = breaks,
                    Message = $"{change}: {first.Message}",
                    Node = place.At is null ? place.Anchor.Id : first.Node,
                    Location = place.At is null ? place.Anchor.Location : first.Location,
                    Keyword = place.At is not null ? place.At : after is not null ? "properties/" + EscapePointer(name) : removedAt,
                });
            }
        }

        SchemaNode oldRest = Old(o.AdditionalProperties), newRest = New(n.AdditionalProperties);
        if (Resolve(_old, oldRest).IsFalse != Resolve(_new, newRest).IsFalse && (oldRest.IsBoolean || oldRest.Id < 0) && (newRest.IsBoolean || newRest.Id < 0))
        {
            bool closed = newRest.IsFalse;
            Report(
                closed ? "additionalProperties-closed" : "additionalProperties-opened",
                place,
                closed ? Direction.Narrows : Direction.Widens,
                "additionalProperties",
                closed ? "the object is now closed (additionalProperties: false): " + Rejects("objects with members it does not name")
                    : "the object is now open: " + Accepts("objects with members it does not name"));
        }
        else
        {
            Compare(oldRest, newRest, place.Into(newRest, "additionalProperties", "/*"));
        }

        ComparePatternProperties(o, n, place);
        SchemaNode oldNames = Old(o.PropertyNames), newNames = New(n.PropertyNames);
        Compare(oldNames, newNames, place.Into(newNames, "propertyNames", "/(name)"));
        CompareDependencies(o, n, place);
    }

    private void ComparePatternProperties(SchemaNode o, SchemaNode n, Place place)
    {
        foreach (PatternSchema after in n.PatternProperties)
        {
            PatternSchema? before = o.PatternProperties.FirstOrDefault(p => p.Pattern.Text == after.Pattern.Text);
            if (before is null)
            {
                Report("undecided-patternProperties", FindingKind.Undecided, Direction.Both, place, "patternProperties", $"patternProperties '{after.Pattern.Text}' added; which member names it covers beside the named ones is not decided here");
                continue;
            }

            Compare(_old[before.Node], _new[after.Node], place.Into(_new[after.Node], "patternProperties", "/*"));
        }

        foreach (PatternSchema before in o.PatternProperties.Where(p => n.PatternProperties.All(a => a.Pattern.Text != p.Pattern.Text)))
        {
            Report("undecided-patternProperties", FindingKind.Undecided, Direction.Both, place, n.PatternProperties.Count > 0 ? "patternProperties" : null, $"patternProperties '{before.Pattern.Text}' removed; which member names it covered is not decided here");
        }
    }

    private void CompareDependencies(SchemaNode o, SchemaNode n, Place place)
    {
        foreach (DependentRequired after in n.DependentRequired)
        {
            IEnumerable<string> before = o.DependentRequired.FirstOrDefault(d => d.Name == after.Name)?.Required ?? Enumerable.Empty<string>();
            foreach (string added in after.Required.Except(before))
            {
                Report("dependentRequired-added", place, Direction.Narrows, n.Written("dependentRequired"), $"'{added}' is now required with '{after.Name}': " + Rejects($"objects with '{after.Name}' and without '{added}'"));
            }
        }

        foreach (DependentRequired before in o.DependentRequired)
        {
            IEnumerable<string> after = n.DependentRequired.FirstOrDefault(d => d.Name == before.Name)?.Required ?? Enumerable.Empty<string>();
            foreach (string removed in before.Required.Except(after))
            {
                Report("dependentRequired-removed", place, Direction.Widens, n.DependentRequired.Count > 0 ? n.Written("dependentRequired") : null, $"'{removed}' is no longer required with '{before.Name}': " + Accepts($"objects with '{before.Name}' and without '{removed}'"));
            }
        }

        foreach (string name in n.DependentSchemas.Select(d => d.Name).Concat(o.DependentSchemas.Select(d => d.Name)).Distinct())
        {
            int? before = o.DependentSchemas.FirstOrDefault(d => d.Name == name)?.Node;
            int? after = n.DependentSchemas.FirstOrDefault(d => d.Name == name)?.Node;
            SchemaNode newSchema = New(after);
            Compare(Old(before), newSchema, place.Into(newSchema, n.Written("dependentSchemas")));
        }
    }

    /// <summary>What an object applies to a member it does not name: a matching patternProperties schema, else additionalProperties, else anything.</summary>
    private static SchemaNode MemberSchema(SchemaModel model, SchemaNode node, string name)
    {
        foreach (PatternSchema pattern in node.PatternProperties)
        {
            if (Matches(pattern.Pattern, name) == true)
            {
                return model[pattern.Node];
            }
        }

        return node.AdditionalProperties is { } rest ? model[rest] : True;
    }

    private static string ContentModel(SchemaNode member, string name, string be, string accept, string reject, string apply) =>
        member.Id == True.Id ? $"{be} open (it {accept} any '{name}')"
        : member.Id == False.Id || member.IsFalse ? $"{be} closed (it {reject} any '{name}')"
        : $"{apply} its additionalProperties or patternProperties schema to '{name}'";

    private static string EscapePointer(string name) => name.Replace("~", "~0").Replace("/", "~1");
}
