using System;
using Insights.Contracts.Generator.Model;

namespace Insights.Contracts.Generator.Compatibility;

// Item counts, uniqueItems, items and prefixItems (by position), contains.
internal sealed partial class SchemaComparer
{
    private void CompareArrays(SchemaNode o, SchemaNode n, Place place)
    {
        CompareCounts(o, n, place, s => s.MinItems, s => s.MaxItems, "minItems", "maxItems", "arrays", "items");
        if (!o.UniqueItems && n.UniqueItems)
        {
            Report("uniqueItems-added", place, Direction.Narrows, "uniqueItems", "uniqueItems added: " + Rejects("arrays with a repeated item"));
        }
        else if (o.UniqueItems && !n.UniqueItems)
        {
            Report("uniqueItems-removed", place, Direction.Widens, "uniqueItems", "uniqueItems removed: " + Accepts("arrays with a repeated item"));
        }

        // Position by position: a tuple's own schema where it has one, the rest's schema after that.
        int positions = Math.Max(o.PrefixItems.Count, n.PrefixItems.Count);
        for (int i = 0; i < positions; i++)
        {
            SchemaNode before = i < o.PrefixItems.Count ? _old[o.PrefixItems[i]] : Old(o.Items);
            SchemaNode after = i < n.PrefixItems.Count ? _new[n.PrefixItems[i]] : New(n.Items);
            string keyword = i < n.PrefixItems.Count ? $"prefixItems/{i}" : n.Items is not null ? "items" : "prefixItems";
            Compare(before, after, place.Into(after, n.Written(keyword.Split('/')[0]), $"/{i}"));
        }

        SchemaNode oldRest = Old(o.Items), newRest = New(n.Items);
        Compare(oldRest, newRest, place.Into(newRest, n.Written("items"), "/*"));

        if (o.Contains is null && n.Contains is not null)
        {
            Report("contains-added", place, Direction.Narrows, "contains", "contains added: " + Rejects("arrays without a matching item"));
        }
        else if (o.Contains is not null && n.Contains is null)
        {
            Report("contains-removed", place, Direction.Widens, "contains", "contains removed: " + Accepts("arrays without a matching item"));
        }
        else if (o.Contains is { } oc && n.Contains is { } nc)
        {
            Compare(_old[oc], _new[nc], place.Into(_new[nc], "contains", "/*"));
            CompareCounts(o, n, place, s => s.MinContains ?? 1, s => s.MaxContains, "minContains", "maxContains", "arrays", "matching items");
        }
    }
}
