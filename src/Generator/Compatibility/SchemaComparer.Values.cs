using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Insights.Contracts.Generator.Model;
using Insights.Contracts.Generator.Projection;
using Insights.Contracts.Generator.Shared;

namespace Insights.Contracts.Generator.Compatibility;

// type, enum, const and default: which values a schema lets through at all.
internal sealed partial class SchemaComparer
{
    // The type keyword's sets, with number split into integers and numbers with a fraction, so that
    // integer → number is a widening and number → integer a narrowing.
    private const int NullType = 1, BooleanType = 2, ObjectType = 4, ArrayType = 8, StringType = 16, IntegerType = 32, FractionType = 64;
    private const int AnyType = 127;

    private static readonly (int Bit, string Name, string Values)[] TypeNames =
    [
        (NullType, "null", "null"),
        (BooleanType, "boolean", "true and false"),
        (ObjectType, "object", "objects"),
        (ArrayType, "array", "arrays"),
        (StringType, "string", "strings"),
        (IntegerType, "integer", "integers"),
        (FractionType, "number", "numbers with a fraction"),
    ];

    private static int TypeSet(SchemaNode node)
    {
        if (node.IsFalse)
        {
            return 0;
        }

        JsonSchemaTypes types = node.Types;
        if (types == JsonSchemaTypes.None)
        {
            return AnyType;
        }

        int set = 0;
        set |= types.HasFlag(JsonSchemaTypes.Null) ? NullType : 0;
        set |= types.HasFlag(JsonSchemaTypes.Boolean) ? BooleanType : 0;
        set |= types.HasFlag(JsonSchemaTypes.Object) ? ObjectType : 0;
        set |= types.HasFlag(JsonSchemaTypes.Array) ? ArrayType : 0;
        set |= types.HasFlag(JsonSchemaTypes.String) ? StringType : 0;
        set |= types.HasFlag(JsonSchemaTypes.Integer) ? IntegerType : 0;
        set |= types.HasFlag(JsonSchemaTypes.Number) ? IntegerType | FractionType : 0;
        return set;
    }

    private static string DescribeTypes(int set) =>
        set == AnyType ? "any" : string.Join(", ", TypeNames.Where(t => (set & t.Bit) != 0).Select(t => t.Name));

    private static string TypeValues(int set) =>
        string.Join(" or ", TypeNames.Where(t => (set & t.Bit) != 0).Select(t => t.Values));

    private void CompareTypes(SchemaNode o, SchemaNode n, Place place)
    {
        int before = TypeSet(o);
        int after = TypeSet(n);
        string change = $"type [{DescribeTypes(before)}] → [{DescribeTypes(after)}]";
        if ((before & ~after) != 0)
        {
            Report("type-narrowed", place, Direction.Narrows, "type", $"{change} {Rejects(TypeValues(before & ~after))}");
        }

        if ((after & ~before) != 0)
        {
            Report("type-widened", place, Direction.Widens, "type", $"{change} {Accepts(TypeValues(after & ~before))}");
        }
    }

    /// <summary>
    /// <c>enum</c> and <c>const</c>: when either side lists its values, the rest of the value rules
    /// only filter that list, so the lists (or one list against the other side's rules) are compared
    /// instead. Returns false when neither side has a list.
    /// </summary>
    private bool CompareLiterals(SchemaNode o, SchemaNode n, Place place)
    {
        List<JsonLiteral>? before = Literals(o);
        List<JsonLiteral>? after = Literals(n);
        if (before is null && after is null)
        {
            return false;
        }

        string keyword = n.Const is not null ? "const" : n.Enum is not null ? "enum" : o.Const is not null ? "const" : "enum";
        if (before is not null && after is not null)
        {
            foreach (JsonLiteral removed in before.Where(v => !after.Any(a => SameValue(a, v))))
            {
                Report($"{keyword}-value-removed", place, Direction.Narrows, keyword, $"{keyword} no longer allows {removed.Json}: " + Rejects(removed.Json));
            }

            foreach (JsonLiteral added in after.Where(v => !before.Any(b => SameValue(b, v))))
            {
                Report($"{keyword}-value-added", place, Direction.Widens, keyword, $"{keyword} now allows {added.Json}: " + Accepts(added.Json));
            }

            return true;
        }

        if (after is not null)
        {
            // The baseline allowed every value its rules let through; the new schema lists some.
            Report($"{keyword}-added", place, Direction.Narrows, keyword, $"{keyword} [{string.Join(", ", after.Select(v => v.Json))}] added: " + Rejects("any other value"));
            foreach (JsonLiteral value in after)
            {
                ReportLiteralAgainst(_old, o, value, place, keyword, Direction.Widens);
            }

            return true;
        }

        Report($"{keyword}-removed", place, Direction.Widens, keyword, $"{keyword} [{string.Join(", ", before!.Select(v => v.Json))}] removed: " + Accepts("values other than those"));
        foreach (JsonLiteral value in before!)
        {
            ReportLiteralAgainst(_new, n, value, place, keyword, Direction.Narrows);
        }

        return true;
    }

    /// <summary>A listed value of one side checked against the other side's rules: rejected (a change), or unknown (said so).</summary>
    private void ReportLiteralAgainst(SchemaModel model, SchemaNode other, JsonLiteral value, Place place, string keyword, Direction direction)
    {
        // The generator's own check of a literal against a subschema (the one defaults go through).
        bool? accepted = other.Id < 0 ? !other.IsFalse : new LiteralCheck(model).Check(value, other.Id).Verdict switch
        {
            LiteralVerdict.Valid => true,
            LiteralVerdict.Invalid => false,
            _ => null,
        };
        if (accepted == true)
        {
            return;
        }

        string message = direction == Direction.Widens
            ? $"{keyword} allows {value.Json}, " + Accepts(value.Json)
            : $"{keyword} was dropped, and the new rules reject {value.Json}: " + Rejects(value.Json);
        if (accepted == false)
        {
            Report($"{keyword}-value-{(direction == Direction.Widens ? "added" : "removed")}", place, direction, keyword, message);
        }
        else
        {
            Report("undecided-literal", FindingKind.Undecided, direction, place, keyword, $"cannot decide whether {value.Json} is valid under the other schema's rules");
        }
    }

    /// <summary>The values an <c>enum</c>/<c>const</c> allows that the node's <c>type</c> lets through, or null when it has neither.</summary>
    private static List<JsonLiteral>? Literals(SchemaNode node)
    {
        IEnumerable<JsonLiteral>? values = node.Const is { } constant
            ? node.Enum is { } list && !list.Any(v => SameValue(v, constant)) ? [] : [constant]
            : node.Enum;
        return values?.Where(v => (TypeSet(node) & TypeOf(v)) != 0).ToList();
    }

    private static int TypeOf(JsonLiteral value) => value.Kind switch
    {
        JsonLiteralKind.Null => NullType,
        JsonLiteralKind.Boolean => BooleanType,
        JsonLiteralKind.Object => ObjectType,
        JsonLiteralKind.Array => ArrayType,
        JsonLiteralKind.String => StringType,
        _ => Number(value.Text) is { } d && d == decimal.Truncate(d) ? IntegerType : FractionType,
    };

    /// <summary>JSON equality as JSON Schema has it: <c>1</c> and <c>1.0</c> are the same number.</summary>
    private static bool SameValue(JsonLiteral a, JsonLiteral b) =>
        a.Kind == b.Kind && (a.Json == b.Json || (a.Kind == JsonLiteralKind.Number && Number(a.Text) is { } x && Number(b.Text) is { } y && x == y));

    private static decimal? Number(string text) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal value) ? value : null;

    private static long CodePoints(string text)
    {
        long count = 0;
        for (int i = 0; i < text.Length; i++)
        {
            count++;
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
        }

        return count;
    }

    /// <summary>Whether a pattern matches; null when the regular expression cannot be run here (or takes too long).</summary>
    private static bool? Matches(SchemaPattern pattern, string text)
    {
        if (RegexFor(pattern.DotNet) is not { } regex)
        {
            return null;
        }

        try
        {
            return regex.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    // Patterns are tried many times in one comparison (samples, member names, listed values): each is
    // built once per thread; the cache is bounded, as the compiler server lives long.
    [ThreadStatic]
    private static Dictionary<string, Regex?>? _regexes;

    private static Regex? RegexFor(string pattern)
    {
        _regexes ??= new Dictionary<string, Regex?>(StringComparer.Ordinal);
        if (!_regexes.TryGetValue(pattern, out Regex? regex))
        {
            if (_regexes.Count > 256)
            {
                _regexes.Clear();
            }

            try
            {
                regex = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
            }
            catch (ArgumentException)
            {
                regex = null;
            }

            _regexes[pattern] = regex;
        }

        return regex;
    }

    private void CompareDefaults(SchemaNode o, SchemaNode n, Place place)
    {
        if (o.Id < 0 || n.Id < 0 || Equals(o.Default, n.Default))
        {
            return;
        }

        if (o.Default is not null && n.Default is not null && SameValue(o.Default, n.Default))
        {
            return;
        }

        string before = o.Default?.Json ?? "(none)";
        string after = n.Default?.Json ?? "(none)";
        Report(
            "default-changed",
            FindingKind.DefaultChanged,
            Direction.Both,
            place,
            n.Default is null ? null : "default",
            $"default {before} → {after}: every document validates as before, but one that leaves this value out now means something else to its reader");
    }
}
