using System.Collections.Generic;
using System.Linq;
using Insights.Contracts.Generator.Model;

namespace Insights.Contracts.Generator.Compatibility;

// $ref beside other keywords, allOf, anyOf/oneOf branches, not, and what the check does not decide.
internal sealed partial class SchemaComparer
{
    private void CompareComposition(SchemaNode o, SchemaNode n, Place place)
    {
        if (o.Ref is not null || n.Ref is not null)
        {
            // A $ref beside other keywords (2019-09 on) is one more constraint, like an allOf part.
            SchemaNode before = Old(o.Ref), after = New(n.Ref);
            Compare(before, after, place.Into(after, "$ref"));
        }

        CompareAllOf(o, n, place);
        CompareBranches(o, n, place, o.AnyOf, n.AnyOf, "anyOf");
        CompareBranches(o, n, place, o.OneOf, n.OneOf, "oneOf");

        if (o.Not is { } oldNot && n.Not is { } newNot)
        {
            Compare(_old[oldNot], _new[newNot], place.Into(_new[newNot], "not").Negated());
        }
        else if (o.Not is null && n.Not is not null)
        {
            Report("not-added", place, Direction.Narrows, "not", "not added: " + Rejects("values that match its schema"));
        }
        else if (o.Not is not null && n.Not is null)
        {
            Report("not-removed", place, Direction.Widens, "not", "not removed: " + Accepts("values that match its schema"));
        }

        // Conditionals and evaluation-dependent keywords: the same subschemas are no change; anything
        // else is said to be undecided rather than guessed.
        Undecided(o.If, n.If, "if", place);
        Undecided(o.Then, n.Then, "then", place);
        Undecided(o.Else, n.Else, "else", place);
        Undecided(o.UnevaluatedItems, n.UnevaluatedItems, "unevaluatedItems", place);
        Undecided(o.UnevaluatedProperties, n.UnevaluatedProperties, "unevaluatedProperties", place);
        if (o.DynamicRef?.IsDynamic == true || n.DynamicRef?.IsDynamic == true)
        {
            Undecided(o.DynamicRef?.Target, n.DynamicRef?.Target, "$dynamicRef", place, always: true);
        }
        else
        {
            Undecided(o.DynamicRef?.Target, n.DynamicRef?.Target, "$dynamicRef", place);
        }
    }

    private void Undecided(int? before, int? after, string keyword, Place place, bool always = false)
    {
        if (before is null && after is null)
        {
            return;
        }

        if (!always && before is { } b && after is { } a && Same(_old[b], _new[a], place))
        {
            return;
        }

        Report($"undecided-{keyword.TrimStart('$')}", FindingKind.Undecided, Direction.Both, place, after is null ? null : keyword, $"'{keyword}' {(before is null ? "added" : after is null ? "removed" : "changed")}; the check cannot decide which documents that lets through");
    }

    /// <summary>
    /// allOf parts: parts that accept the same documents pair up wherever they are; the rest pair by
    /// position; a part only the new schema has narrows, one only the baseline had widens.
    /// </summary>
    private void CompareAllOf(SchemaNode o, SchemaNode n, Place place)
    {
        (List<(int Old, int New)> pairs, List<int> removed, List<int> added) = Match(o.AllOf, n.AllOf, place);
        foreach ((int before, int after) in pairs)
        {
            Compare(_old[before], _new[after], place.Into(_new[after], "allOf"));
        }

        foreach (int after in added)
        {
            Compare(True, _new[after], place.Into(_new[after], "allOf"));
        }

        foreach (int before in removed)
        {
            Compare(_old[before], True, place.Into(True, n.AllOf.Count > 0 ? "allOf" : null));
        }
    }

    /// <summary>
    /// anyOf/oneOf branches: as allOf's parts, but a branch added widens and one removed narrows. A
    /// oneOf branch that may overlap another also narrows (a document matching both is no longer
    /// valid), unless the branches are told apart by type or by a required constant member.
    /// </summary>
    private void CompareBranches(SchemaNode o, SchemaNode n, Place place, ImmutableEquatableArray<int> before, ImmutableEquatableArray<int> after, string keyword)
    {
        if (before.Count == 0 && after.Count == 0)
        {
            return;
        }

        if (before.Count == 0)
        {
            Report($"{keyword}-added", place, Direction.Narrows, keyword, $"{keyword} added: " + Rejects("values that match none of its branches"));
            return;
        }

        if (after.Count == 0)
        {
            Report($"{keyword}-removed", place, Direction.Widens, keyword, $"{keyword} removed: " + Accepts("values that matched none of its branches"));
            return;
        }

        (List<(int Old, int New)> pairs, List<int> removed, List<int> added) = Match(before, after, place);
        foreach ((int b, int a) in pairs)
        {
            Compare(_old[b], _new[a], place.Into(_new[a], $"{keyword}/{after.ToList().IndexOf(a)}"));
        }

        foreach (int a in added)
        {
            string at = $"{keyword}/{after.ToList().IndexOf(a)}";
            Report($"{keyword}-branch-added", place, Direction.Widens, at, $"{keyword} branch {at.Substring(keyword.Length + 1)} added: " + Accepts("values that match only that branch"));
            if (keyword == "oneOf" && after.Any(other => other != a && !Disjoint(_new, _new[a], _new[other])))
            {
                Report("oneOf-branch-overlaps", FindingKind.Undecided, Direction.Narrows, place, at, $"oneOf branch {at.Substring(keyword.Length + 1)} added, and it is not told apart from the others by type or a required constant member: a value matching two branches would be rejected, which the check cannot rule out");
            }
        }

        foreach (int b in removed)
        {
            Report($"{keyword}-branch-removed", place, Direction.Narrows, keyword, $"{keyword} branch {before.ToList().IndexOf(b)} of the baseline removed: " + Rejects("values that matched only that branch"));
        }
    }

    private (List<(int Old, int New)> Pairs, List<int> Removed, List<int> Added) Match(ImmutableEquatableArray<int> before, ImmutableEquatableArray<int> after, Place place)
    {
        var pairs = new List<(int, int)>();
        var removed = before.ToList();
        var added = after.ToList();
        if (before.Count == after.Count)
        {
            // Same count: positions pair up, unless a reordering pairs every part with an equal one.
            var reordered = new List<(int, int)>();
            var left = before.ToList();
            foreach (int a in after)
            {
                int match = left.FindIndex(b => Same(_old[b], _new[a], place));
                if (match < 0)
                {
                    reordered = null;
                    break;
                }

                reordered.Add((left[match], a));
                left.RemoveAt(match);
            }

            return (reordered ?? before.Zip(after, (b, a) => (b, a)).ToList(), [], []);
        }

        foreach (int a in after.ToList())
        {
            int match = removed.FindIndex(b => Same(_old[b], _new[a], place));
            if (match >= 0)
            {
                pairs.Add((removed[match], a));
                removed.RemoveAt(match);
                added.Remove(a);
            }
        }

        // What is left changed: pair it by position, and only the surplus is added or removed.
        int changed = System.Math.Min(removed.Count, added.Count);
        pairs.AddRange(removed.Take(changed).Zip(added.Take(changed), (b, a) => (b, a)));
        return (pairs, removed.Skip(changed).ToList(), added.Skip(changed).ToList());
    }

    /// <summary>Whether no value can match both subschemas: their types do not meet, or a member both require is a different constant.</summary>
    private static bool Disjoint(SchemaModel model, SchemaNode a, SchemaNode b)
    {
        a = Resolve(model, a);
        b = Resolve(model, b);
        if ((TypeSet(a) & TypeSet(b)) == 0)
        {
            return true;
        }

        if (Literals(a) is { } la && Literals(b) is { } lb && !la.Any(x => lb.Any(y => SameValue(x, y))))
        {
            return true;
        }

        foreach (NamedSchema property in a.Properties)
        {
            if (a.Required.Contains(property.Name) && b.Required.Contains(property.Name) && b.Property(property.Name) is { } other
                && Literals(Resolve(model, model[property.Node])) is { } x && Literals(Resolve(model, model[other])) is { } y
                && !x.Any(v => y.Any(w => SameValue(v, w))))
            {
                return true;
            }
        }

        return false;
    }
}
