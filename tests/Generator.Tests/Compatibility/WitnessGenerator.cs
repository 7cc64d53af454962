using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Insights.Contracts.Generator.Model;
using Insights.Contracts.Generator.Parsing;
using JsonNode = System.Text.Json.Nodes.JsonNode;

namespace Insights.Contracts.Generator.Tests.Compatibility;

/// <summary>
/// Builds candidate documents from two schemas (the baseline and the new one), for a test to find a
/// witness among them: a document one schema accepts and the other rejects, as an independent
/// validator decides. Candidates come from the keywords of both schemas at each position of the
/// instance (bounds and one past them, enum and const values, strings built from patterns, valid and
/// invalid format values, members present and missing, arrays of each length a bound names), with a
/// value that satisfies as many of those keywords as it can first, so that objects and arrays built
/// around a changed value are otherwise valid.
/// </summary>
internal sealed class WitnessGenerator
{
    private const int MaxDepth = 6;
    private const int MaxPerPosition = 120;

    private static readonly Dictionary<string, string> FormatSamples = new()
    {
        ["date"] = "2024-02-29",
        ["date-time"] = "2024-02-29T10:00:00Z",
        ["time"] = "10:00:00Z",
        ["uuid"] = "123e4567-e89b-12d3-a456-426614174000",
        ["email"] = "someone@example.com",
        ["uri"] = "https://example.com/a",
        ["ipv4"] = "192.0.2.1",
        ["hostname"] = "example.com",
    };

    private static readonly JsonNode?[] Probes = [null, true, false, 0, 1.5, "", "x", new JsonArray(), new JsonObject()];

    public static IReadOnlyList<JsonNode?> Candidates(JsonNode before, JsonNode after) =>
        new WitnessGenerator().Values([(before, before), (after, after)], 0).Concat(Probes.Select(p => p?.DeepClone())).ToList();

    private List<JsonNode?> Values(IEnumerable<(JsonNode? Schema, JsonNode Root)> positions, int depth)
    {
        List<(JsonObject Schema, JsonNode Root)> schemas = Expand(positions);
        if (depth > MaxDepth || schemas.Count == 0)
        {
            // Nothing constrains this position: a value of each type is enough.
            return [.. Probes.Select(p => p?.DeepClone()), "x", 1];
        }

        HashSet<string> types = schemas.SelectMany(s => TypeNames(s.Schema)).ToHashSet();
        bool anyType = types.Count == 0 || schemas.Any(s => !s.Schema.ContainsKey("type"));

        // One group per kind of value, each with its likeliest valid value first; merged in turns, so
        // that a short list still holds a value of every kind.
        var groups = new List<(string Type, List<JsonNode?> Values)>();

        // Listed values first: they are the most likely to be valid somewhere.
        var listed = new List<JsonNode?>();
        foreach (JsonObject schema in schemas.Select(s => s.Schema))
        {
            if (schema["const"] is { } constant)
            {
                listed.Add(constant.DeepClone());
            }

            if (schema["const"] is null && schema.ContainsKey("const"))
            {
                listed.Add(null);
            }

            if (schema["enum"] is JsonArray list)
            {
                listed.AddRange(list.Select(v => v?.DeepClone()));
            }

            if (schema["default"] is { } defaultValue)
            {
                listed.Add(defaultValue.DeepClone());
            }
        }

        groups.Add(("", listed));
        if (anyType || types.Contains("object") || schemas.Any(s => IsObjectSchema(s.Schema)))
        {
            groups.Add(("object", Objects(schemas, depth)));
        }

        if (anyType || types.Contains("array") || schemas.Any(s => IsArraySchema(s.Schema)))
        {
            groups.Add(("array", Arrays(schemas, depth)));
        }

        if (anyType || types.Contains("string") || schemas.Any(s => s.Schema.ContainsKey("pattern") || s.Schema.ContainsKey("format") || s.Schema.ContainsKey("minLength") || s.Schema.ContainsKey("maxLength")))
        {
            groups.Add(("string", Strings(schemas.Select(s => s.Schema).ToList()).Select(s => (JsonNode?)JsonValue.Create(s)).ToList()));
        }

        if (anyType || types.Contains("number") || types.Contains("integer"))
        {
            groups.Add(("integer", Numbers(schemas.Select(s => s.Schema).ToList(), integers: types.Contains("integer") && !types.Contains("number")).Select(n => (JsonNode?)JsonValue.Create(n)).ToList()));
        }

        if (anyType || types.Contains("boolean"))
        {
            groups.Add(("boolean", [true, false]));
        }

        if (anyType || types.Contains("null"))
        {
            groups.Add(("null", [null]));
        }

        // The kinds most of the schemas here declare come first (listed values before all).
        List<List<JsonNode?>> ordered = groups
            .OrderByDescending(g => g.Type.Length == 0 ? int.MaxValue : schemas.Count(s => Admits(s.Schema, g.Type)))
            .Select(g => g.Values)
            .ToList();
        var values = new List<JsonNode?>();
        for (int turn = 0; ordered.Any(g => turn < g.Count); turn++)
        {
            values.AddRange(ordered.Where(g => turn < g.Count).Select(g => g[turn]));
        }

        return values
            .GroupBy(v => v?.ToJsonString() ?? "null")
            .Select(g => g.First())
            .Take(MaxPerPosition)
            .ToList();
    }

    /// <summary>The schemas that apply at a position: each one, what its <c>$ref</c> names, and the parts of its <c>allOf</c>/<c>anyOf</c>/<c>oneOf</c>/<c>then</c>/<c>else</c>.</summary>
    private static List<(JsonObject Schema, JsonNode Root)> Expand(IEnumerable<(JsonNode? Schema, JsonNode Root)> positions)
    {
        var result = new List<(JsonObject, JsonNode)>();
        var seen = new HashSet<JsonNode>(ReferenceEqualityComparer.Instance);
        var queue = new Queue<(JsonNode? Schema, JsonNode Root)>(positions);
        while (queue.Count > 0)
        {
            (JsonNode? node, JsonNode root) = queue.Dequeue();
            if (node is not JsonObject schema || !seen.Add(schema))
            {
                continue;
            }

            result.Add((schema, root));
            if (schema["$ref"]?.GetValue<string>() is { } reference && reference.StartsWith('#'))
            {
                queue.Enqueue((Resolve(root, reference), root));
            }

            foreach (string keyword in new[] { "allOf", "anyOf", "oneOf" })
            {
                if (schema[keyword] is JsonArray parts)
                {
                    foreach (JsonNode? part in parts)
                    {
                        queue.Enqueue((part, root));
                    }
                }
            }

            queue.Enqueue((schema["then"], root));
            queue.Enqueue((schema["else"], root));
        }

        return result;
    }

    private static JsonNode? Resolve(JsonNode root, string reference)
    {
        JsonNode? node = root;
        foreach (string token in reference.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            string name = Uri.UnescapeDataString(token).Replace("~1", "/").Replace("~0", "~");
            node = node is JsonObject o ? o[name] : node is JsonArray a && int.TryParse(name, out int i) && i < a.Count ? a[i] : null;
        }

        return node;
    }

    private static IEnumerable<string> TypeNames(JsonObject schema) => schema["type"] switch
    {
        JsonArray list => list.Select(t => t!.GetValue<string>()),
        JsonValue single => [single.GetValue<string>()],
        _ => [],
    };

    private static bool Admits(JsonObject schema, string type)
    {
        var declared = TypeNames(schema).ToList();
        return declared.Contains(type) || (type == "integer" && declared.Contains("number"));
    }

    private static bool IsObjectSchema(JsonObject s) => s.ContainsKey("properties") || s.ContainsKey("required") || s.ContainsKey("additionalProperties") || s.ContainsKey("propertyNames") || s.ContainsKey("dependentRequired") || s.ContainsKey("minProperties") || s.ContainsKey("maxProperties");

    private static bool IsArraySchema(JsonObject s) => s.ContainsKey("items") || s.ContainsKey("prefixItems") || s.ContainsKey("contains") || s.ContainsKey("minItems") || s.ContainsKey("maxItems") || s.ContainsKey("uniqueItems");

    private static long? Long(JsonObject schema, string keyword) => schema[keyword] is JsonValue v && v.TryGetValue(out long l) ? l : null;

    private static decimal? Decimal(JsonObject schema, string keyword) => schema[keyword] is JsonValue v && v.TryGetValue(out decimal d) ? d : null;

    private static List<string> Strings(List<JsonObject> schemas)
    {
        var lengths = new SortedSet<long> { 0, 1, 3 };
        foreach (JsonObject s in schemas)
        {
            foreach (long bound in new[] { Long(s, "minLength"), Long(s, "maxLength") }.OfType<long>())
            {
                lengths.UnionWith(new[] { bound - 1, bound, bound + 1 }.Where(l => l >= 0));
            }
        }

        var strings = new List<string>();
        foreach (JsonObject s in schemas)
        {
            if (s["pattern"]?.GetValue<string>() is { } pattern)
            {
                strings.AddRange(PatternSamples(pattern));
            }

            if (s["format"]?.GetValue<string>() is { } format && FormatSamples.TryGetValue(format, out string? sample))
            {
                strings.Add(sample);
            }
        }

        if (schemas.Any(s => s.ContainsKey("format")))
        {
            strings.AddRange(FormatSamples.Values);
        }

        strings.AddRange(lengths.Select(l => new string('a', (int)l)));
        strings.AddRange(["A1", "a-b", "none", "abcd"]);
        return Prioritize(strings.Distinct(), t => schemas.Count(s => StringFits(s, t)), schemas.Count);
    }

    /// <summary>
    /// One value that meets every schema's keywords first (the value the rest of a document is built
    /// with), then the values that meet some but not all (where schemas disagree), then the rest.
    /// </summary>
    private static List<T> Prioritize<T>(IEnumerable<T> values, Func<T, int> fits, int all)
    {
        var scored = values.Select(v => (Value: v, Fits: fits(v))).ToList();
        var ordered = scored.Where(v => v.Fits == all).Take(1)
            .Concat(scored.Where(v => v.Fits > 0 && v.Fits < all))
            .Concat(scored.Where(v => v.Fits == all).Skip(1))
            .Concat(scored.Where(v => v.Fits == 0 && all > 0));
        return ordered.Select(v => v.Value).ToList();
    }

    private static bool StringFits(JsonObject schema, string text)
    {
        bool fits = text.Length >= (Long(schema, "minLength") ?? 0) && text.Length <= (Long(schema, "maxLength") ?? long.MaxValue);
        if (schema["pattern"]?.GetValue<string>() is { } pattern)
        {
            fits &= Regex.IsMatch(text, pattern);
        }

        return fits;
    }

    private static IEnumerable<string> PatternSamples(string pattern) =>
        SimplePattern.Parts(pattern) is { } parts ? SimplePattern.Samples(parts) : [];

    private static List<decimal> Numbers(List<JsonObject> schemas, bool integers)
    {
        var numbers = new List<decimal> { 0, 1, -1, 2, 0.5m, 100, 1000 };
        foreach (JsonObject s in schemas)
        {
            foreach (decimal bound in new[] { Decimal(s, "minimum"), Decimal(s, "maximum"), Decimal(s, "exclusiveMinimum"), Decimal(s, "exclusiveMaximum") }.OfType<decimal>())
            {
                numbers.AddRange([bound - 1, bound, bound + 1, bound - 0.5m, bound + 0.5m, bound + 0.005m]);
            }

            if (Decimal(s, "multipleOf") is { } step)
            {
                numbers.AddRange([step, 2 * step, 3 * step, 4 * step, 6 * step, step * 1.5m, step / 2]);
            }
        }

        return Prioritize(numbers.Distinct(), n => schemas.Count(s => NumberFits(s, n, integers)), schemas.Count);
    }

    private static bool NumberFits(JsonObject s, decimal n, bool integers) =>
        (!integers || n == decimal.Truncate(n))
        && (Decimal(s, "minimum") is not { } min || n >= min)
        && (Decimal(s, "maximum") is not { } max || n <= max)
        && (Decimal(s, "exclusiveMinimum") is not { } emin || n > emin)
        && (Decimal(s, "exclusiveMaximum") is not { } emax || n < emax)
        && (Decimal(s, "multipleOf") is not { } step || n % step == 0);

    private List<JsonNode?> Arrays(List<(JsonObject Schema, JsonNode Root)> schemas, int depth)
    {
        var itemSchemas = new List<(JsonNode?, JsonNode)>();
        var prefixSchemas = new List<List<(JsonNode?, JsonNode)>>();
        foreach ((JsonObject s, JsonNode root) in schemas)
        {
            JsonArray? tuple = s["prefixItems"] as JsonArray ?? s["items"] as JsonArray;
            if (tuple is not null)
            {
                for (int i = 0; i < tuple.Count; i++)
                {
                    while (prefixSchemas.Count <= i)
                    {
                        prefixSchemas.Add([]);
                    }

                    prefixSchemas[i].Add((tuple[i], root));
                }
            }

            foreach (string keyword in new[] { "items", "additionalItems", "contains" })
            {
                if (s[keyword] is JsonObject item)
                {
                    itemSchemas.Add((item, root));
                }
            }
        }

        List<JsonNode?> items = Values(itemSchemas, depth + 1);
        List<List<JsonNode?>> prefixes = prefixSchemas.Select(p => Values(p, depth + 1)).ToList();
        JsonNode? At(int i, int choice) =>
            i < prefixes.Count ? prefixes[i][Math.Min(choice, prefixes[i].Count - 1)]?.DeepClone()
            : items.Count == 0 ? JsonValue.Create(i) : items[(choice + i) % items.Count]?.DeepClone();

        var lengths = new SortedSet<long> { 0, 1, 2, 3, prefixes.Count, prefixes.Count + 1 };
        foreach (JsonObject s in schemas.Select(x => x.Schema))
        {
            foreach (long bound in new[] { Long(s, "minItems"), Long(s, "maxItems") }.OfType<long>())
            {
                lengths.UnionWith(new[] { bound - 1, bound, bound + 1 }.Where(l => l >= 0));
            }
        }

        long least = schemas.Max(s => Long(s.Schema, "minItems") ?? 0);
        var arrays = new List<JsonNode?>();
        JsonArray Build(long length, Func<int, JsonNode?> at) => new(Enumerable.Range(0, (int)length).Select(at).ToArray());

        // Arrays of every length a bound names, with different items, then with one item repeated.
        arrays.AddRange(lengths.Where(l => l >= least).Concat(lengths.Where(l => l < least)).Select(l => Build(l, i => i < prefixes.Count ? At(i, 0) : items.Count > 0 ? items[i % items.Count]?.DeepClone() : JsonValue.Create(i))));
        arrays.Add(Build(Math.Max(2, least), _ => items.Count > 0 ? items[0]?.DeepClone() : JsonValue.Create(1)));

        // Each candidate at each position of the shortest array the baselines allow.
        long shortest = Math.Max(1, least);
        for (int position = 0; position < Math.Max(1, prefixes.Count); position++)
        {
            List<JsonNode?> choices = position < prefixes.Count ? prefixes[position] : items;
            foreach (JsonNode? choice in choices)
            {
                arrays.Add(Build(Math.Max(shortest, position + 1), i => i == position ? choice?.DeepClone() : At(i, 0)));
            }
        }

        if (prefixes.Count > 0)
        {
            foreach (JsonNode? extra in items.Concat(Probes))
            {
                arrays.Add(Build(prefixes.Count + 1, i => i < prefixes.Count ? At(i, 0) : extra?.DeepClone()));
            }
        }

        return arrays;
    }

    private List<JsonNode?> Objects(List<(JsonObject Schema, JsonNode Root)> schemas, int depth)
    {
        var names = new List<string>();
        var required = new HashSet<string>();
        foreach (JsonObject s in schemas.Select(x => x.Schema))
        {
            if (s["properties"] is JsonObject properties)
            {
                names.AddRange(properties.Select(p => p.Key));
            }

            if (s["required"] is JsonArray list)
            {
                required.UnionWith(list.Select(r => r!.GetValue<string>()));
            }

            if (s["dependentRequired"] is JsonObject dependencies)
            {
                foreach (KeyValuePair<string, JsonNode?> dependency in dependencies)
                {
                    names.Add(dependency.Key);
                    names.AddRange(((JsonArray)dependency.Value!).Select(r => r!.GetValue<string>()));
                }
            }
        }

        names.AddRange(required);
        names = names.Distinct().ToList();
        var memberValues = names.ToDictionary(name => name, name => Member(schemas, name, depth));

        var baseObject = new JsonObject();
        foreach (string name in names.Where(required.Contains))
        {
            baseObject[name] = memberValues[name].FirstOrDefault()?.DeepClone();
        }

        var objects = new List<JsonNode?> { baseObject.DeepClone() };
        JsonObject With(Action<JsonObject> change)
        {
            var copy = (JsonObject)baseObject.DeepClone();
            change(copy);
            return copy;
        }

        foreach (string name in names)
        {
            objects.Add(With(o => o.Remove(name)));
            foreach (JsonNode? value in memberValues[name].Take(60))
            {
                objects.Add(With(o => o[name] = value?.DeepClone()));
            }
        }

        objects.Add(With(o =>
        {
            foreach (string name in names)
            {
                o[name] = memberValues[name].FirstOrDefault()?.DeepClone();
            }
        }));

        // Members no schema names: what additionalProperties, patternProperties and propertyNames decide.
        foreach (string extra in new[] { "extra", "x-note", "abcd" })
        {
            foreach (JsonNode? value in Member(schemas, extra, depth).Take(8))
            {
                objects.Add(With(o => o[extra] = value?.DeepClone()));
            }
        }

        // Property counts around each bound.
        foreach (JsonObject s in schemas.Select(x => x.Schema))
        {
            foreach (long bound in new[] { Long(s, "minProperties"), Long(s, "maxProperties") }.OfType<long>())
            {
                for (long count = Math.Max(0, bound - 1); count <= bound + 1; count++)
                {
                    objects.Add(With(o =>
                    {
                        while (o.Count > count)
                        {
                            o.Remove(o.Last().Key);
                        }

                        for (int i = 0; o.Count < count; i++)
                        {
                            o["p" + i] = "x";
                        }
                    }));
                }
            }
        }

        return objects;
    }

    /// <summary>Candidates for member <paramref name="name"/>: from each schema's own entry for it, a matching patternProperties schema, or additionalProperties.</summary>
    private List<JsonNode?> Member(List<(JsonObject Schema, JsonNode Root)> schemas, string name, int depth)
    {
        var memberSchemas = new List<(JsonNode?, JsonNode)>();
        foreach ((JsonObject s, JsonNode root) in schemas)
        {
            if (s["properties"] is JsonObject properties && properties.ContainsKey(name))
            {
                memberSchemas.Add((properties[name], root));
                continue;
            }

            bool matched = false;
            if (s["patternProperties"] is JsonObject patterns)
            {
                foreach (KeyValuePair<string, JsonNode?> pattern in patterns.Where(p => Regex.IsMatch(name, p.Key)))
                {
                    memberSchemas.Add((pattern.Value, root));
                    matched = true;
                }
            }

            if (!matched && s["additionalProperties"] is JsonObject rest)
            {
                memberSchemas.Add((rest, root));
            }
        }

        List<JsonNode?> values = Values(memberSchemas, depth + 1);
        return memberSchemas.Count == 0 ? ["x", 1, .. values] : values;
    }
}
