using System;
using Insights.Contracts.Generator.Model;

namespace Insights.Contracts.Generator.Compatibility;

// Numeric bounds, multipleOf, and the length and count bounds of strings, arrays and objects.
internal sealed partial class SchemaComparer
{
    private void CompareNumbers(SchemaNode o, SchemaNode n, Place place, bool integersOnly)
    {
        (decimal Value, bool Exclusive)? oldLower = LowerBound(o, out bool oldLowerKnown);
        (decimal Value, bool Exclusive)? newLower = LowerBound(n, out bool newLowerKnown);
        (decimal Value, bool Exclusive)? oldUpper = UpperBound(o, out bool oldUpperKnown);
        (decimal Value, bool Exclusive)? newUpper = UpperBound(n, out bool newUpperKnown);
        if (!oldLowerKnown || !newLowerKnown || !oldUpperKnown || !newUpperKnown)
        {
            Report("undecided-number", FindingKind.Undecided, Direction.Both, place, null, "a numeric bound is too large to compare exactly, so the check cannot decide whether the bounds changed");
            return;
        }

        if (integersOnly)
        {
            // For integers, exclusiveMinimum 4 and minimum 5 are the same bound.
            oldLower = IntegerLower(oldLower);
            newLower = IntegerLower(newLower);
            oldUpper = IntegerUpper(oldUpper);
            newUpper = IntegerUpper(newUpper);
        }

        string lowerKeyword = n.ExclusiveMinimum is not null ? "exclusiveMinimum" : n.Minimum is not null ? "minimum" : o.ExclusiveMinimum is not null ? "exclusiveMinimum" : "minimum";
        string upperKeyword = n.ExclusiveMaximum is not null ? "exclusiveMaximum" : n.Maximum is not null ? "maximum" : o.ExclusiveMaximum is not null ? "exclusiveMaximum" : "maximum";
        ReportBound(place, lowerKeyword, oldLower, newLower, ">", upper: false);
        ReportBound(place, upperKeyword, oldUpper, newUpper, "<", upper: true);

        decimal? oldStep = o.MultipleOf is { } om ? Number(om.Text) : integersOnly ? 1 : null;
        decimal? newStep = n.MultipleOf is { } nm ? Number(nm.Text) : integersOnly ? 1 : null;
        if (integersOnly)
        {
            // The integers that are multiples of p/q (in lowest terms) are the multiples of p: 0.5 is no constraint on integers.
            oldStep = IntegerStep(oldStep);
            newStep = IntegerStep(newStep);
        }
        if ((o.MultipleOf is not null && oldStep is null) || (n.MultipleOf is not null && newStep is null))
        {
            Report("undecided-number", FindingKind.Undecided, Direction.Both, place, "multipleOf", "multipleOf is too large to compare exactly, so the check cannot decide whether it changed");
            return;
        }

        // Every multiple of the old step is a multiple of the new one exactly when the new step divides the old.
        string steps = $"multipleOf {oldStep?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(none)"} → {newStep?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(none)"}";
        if (newStep is { } ns && ns != 0 && (oldStep is not { } os1 || os1 % ns != 0))
        {
            Report("multipleOf-tightened", place, Direction.Narrows, "multipleOf", $"{steps} {Rejects("numbers that are multiples of the old step but not of the new one")}");
        }

        if (oldStep is { } os && os != 0 && (newStep is not { } ns2 || ns2 % os != 0))
        {
            Report("multipleOf-loosened", place, Direction.Widens, "multipleOf", $"{steps} {Accepts("numbers that are multiples of the new step but not of the old one")}");
        }
    }

    /// <summary>One bound raised or lowered: which numbers one side accepts and the other does not.</summary>
    private void ReportBound(Place place, string keyword, (decimal Value, bool Exclusive)? before, (decimal Value, bool Exclusive)? after, string relation, bool upper)
    {
        // An upper bound is a lower bound of the negated numbers.
        int tighter = upper ? CompareLower(Negate(before), Negate(after)) : CompareLower(before, after);
        if (tighter == 0)
        {
            return;
        }

        string change = $"{keyword} {Describe(before, relation)} → {Describe(after, relation)}";
        string numbers = tighter > 0 == upper ? $"numbers {Between(after, before, upper)}" : $"numbers {Between(before, after, upper)}";
        Report(
            tighter > 0 ? $"{keyword}-tightened" : $"{keyword}-loosened",
            place,
            tighter > 0 ? Direction.Narrows : Direction.Widens,
            keyword,
            tighter > 0 ? $"{change} {Rejects(numbers)}" : $"{change} {Accepts(numbers)}");
    }

    private static decimal? IntegerStep(decimal? step)
    {
        if (step is not { } value || value <= 0)
        {
            return step;
        }

        decimal denominator = 1;
        while (value != decimal.Truncate(value) && denominator < 1_000_000_000_000_000_000m)
        {
            value *= 10;
            denominator *= 10;
        }

        decimal a = value, b = denominator;
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return value / a;
    }

    /// <summary>The tighter of <c>minimum</c> and <c>exclusiveMinimum</c>; <paramref name="known"/> false when one does not fit a decimal.</summary>
    private static (decimal Value, bool Exclusive)? LowerBound(SchemaNode node, out bool known) =>
        Tighter(node.Minimum, node.ExclusiveMinimum, out known, lower: true);

    private static (decimal Value, bool Exclusive)? UpperBound(SchemaNode node, out bool known) =>
        Tighter(node.Maximum, node.ExclusiveMaximum, out known, lower: false);

    private static (decimal Value, bool Exclusive)? Tighter(NumberLimit? inclusive, NumberLimit? exclusive, out bool known, bool lower)
    {
        known = true;
        (decimal, bool)? bound = null;
        foreach ((NumberLimit? limit, bool isExclusive) in new[] { (inclusive, false), (exclusive, true) })
        {
            if (limit is null)
            {
                continue;
            }

            if (Number(limit.Text) is not { } value)
            {
                known = false;
                return null;
            }

            (decimal, bool) candidate = (value, isExclusive);
            if (bound is not { } current || (lower ? CompareLower(current, candidate) > 0 : CompareLower(Negate(current), Negate(candidate)) > 0))
            {
                bound = candidate;
            }
        }

        return bound;
    }

    /// <summary>Positive when <paramref name="after"/> is the tighter lower bound, negative when looser, zero when the same.</summary>
    private static int CompareLower((decimal Value, bool Exclusive)? before, (decimal Value, bool Exclusive)? after)
    {
        if (before is not { } b)
        {
            return after is null ? 0 : 1;
        }

        if (after is not { } a)
        {
            return -1;
        }

        int byValue = a.Value.CompareTo(b.Value);
        return byValue != 0 ? byValue : a.Exclusive == b.Exclusive ? 0 : a.Exclusive ? 1 : -1;
    }

    private static (decimal Value, bool Exclusive)? Negate((decimal Value, bool Exclusive)? bound) =>
        bound is { } b ? (-b.Value, b.Exclusive) : null;

    private static (decimal Value, bool Exclusive)? IntegerLower((decimal Value, bool Exclusive)? bound) =>
        bound is { } b ? (b.Exclusive ? decimal.Floor(b.Value) + 1 : decimal.Ceiling(b.Value), false) : null;

    private static (decimal Value, bool Exclusive)? IntegerUpper((decimal Value, bool Exclusive)? bound) =>
        bound is { } b ? (b.Exclusive ? decimal.Ceiling(b.Value) - 1 : decimal.Floor(b.Value), false) : null;

    private static string Describe((decimal Value, bool Exclusive)? bound, string relation) =>
        bound is { } b ? $"{(b.Exclusive ? relation : relation + "=")} {Format(b.Value)}" : "(none)";

    private static string Format(decimal value) => (value / 1.0000000000000000000000000000m).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The numbers between two bounds, as a phrase: what one bound lets through and the other does not.</summary>
    private static string Between((decimal Value, bool Exclusive)? loose, (decimal Value, bool Exclusive)? tight, bool upper)
    {
        if (loose is not { } l)
        {
            return upper ? $"{(tight!.Value.Exclusive ? "from" : "above")} {Format(tight.Value.Value)} up" : $"{(tight!.Value.Exclusive ? "up to" : "below")} {Format(tight.Value.Value)}";
        }

        if (tight is not { } t)
        {
            return upper ? $"{(l.Exclusive ? "from" : "above")} {Format(l.Value)} up" : $"{(l.Exclusive ? "up to" : "below")} {Format(l.Value)}";
        }

        return upper
            ? $"{(t.Exclusive ? "from" : "above")} {Format(t.Value)} {(l.Exclusive ? "to below" : "to")} {Format(l.Value)}"
            : $"{(l.Exclusive ? "above" : "from")} {Format(l.Value)} {(t.Exclusive ? "to" : "to below")} {Format(t.Value)}";
    }

    /// <summary>
    /// A pair of count bounds (<c>minLength</c>/<c>maxLength</c>, <c>minItems</c>/<c>maxItems</c>...):
    /// each raised or lowered bound names the counts one side accepts and the other does not.
    /// </summary>
    private void CompareCounts(SchemaNode o, SchemaNode n, Place place, Func<SchemaNode, long?> min, Func<SchemaNode, long?> max, string minKeyword, string maxKeyword, string things, string unit)
    {
        long oldMin = min(o) ?? 0, newMin = min(n) ?? 0;
        long? oldMax = max(o), newMax = max(n);
        if (newMin != oldMin)
        {
            string change = $"{minKeyword} {min(o)?.ToString() ?? "(none)"} → {min(n)?.ToString() ?? "(none)"}";
            bool tightened = newMin > oldMin;
            string range = Range(Math.Min(oldMin, newMin), Math.Max(oldMin, newMin) - 1, things, unit);
            Report($"{minKeyword}-{(tightened ? "tightened" : "loosened")}", place, tightened ? Direction.Narrows : Direction.Widens, minKeyword, $"{change} {(tightened ? Rejects(range) : Accepts(range))}");
        }

        if (newMax != oldMax)
        {
            string change = $"{maxKeyword} {oldMax?.ToString() ?? "(none)"} → {newMax?.ToString() ?? "(none)"}";
            bool tightened = newMax is { } nm && (oldMax is not { } om || nm < om);
            long from = (tightened ? newMax!.Value : oldMax!.Value) + 1;
            long? to = tightened ? oldMax : newMax;
            string range = Range(from, to, things, unit);
            Report($"{maxKeyword}-{(tightened ? "tightened" : "loosened")}", place, tightened ? Direction.Narrows : Direction.Widens, maxKeyword, $"{change} {(tightened ? Rejects(range) : Accepts(range))}");
        }
    }

    private static string Range(long from, long? to, string things, string unit) =>
        to is not { } end ? $"{things} of more than {from - 1} {unit}"
        : end == from ? $"{things} of {from} {(from == 1 ? Singular(unit) : unit)}"
        : $"{things} of {from}–{end} {unit}";

    private static string Singular(string unit) => unit == "properties" ? "property" : unit.TrimEnd('s');
}
