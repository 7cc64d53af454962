using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Insights.Contracts.Generator.Model;
using Insights.Contracts.Generator.Parsing;
using Insights.Contracts.Generator.Shared;

namespace Insights.Contracts.Generator.Projection;

/// <summary>What the generator can tell about a literal and a schema while it generates.</summary>
internal enum LiteralVerdict
{
    Valid,
    Invalid,

    /// <summary>The schema uses something only the runtime decides (a format it does not know here, <c>unevaluated*</c>, a dynamic reference).</summary>
    Unknown,
}

/// <summary>
/// Checks a literal of the schema (a <c>default</c>) against a subschema while generating, so that a
/// default its own schema rejects (JSON Schema allows one: <c>default</c> is an annotation) is
/// reported at its token and never becomes the value of a member, or a value parsed when a type is
/// first used. It decides what it can exactly and says <see cref="LiteralVerdict.Unknown"/> for the rest.
/// </summary>
internal sealed class LiteralCheck(SchemaModel model)
{
    /// <summary>References followed in one check before it gives up (a chain of definitions, or a cycle through them).</summary>
    private const int MaxReferences = 256;

    private int _references;
    private string? _reason;

    /// <summary>The verdict for <paramref name="value"/> against node <paramref name="node"/>, and why it is invalid.</summary>
    public (LiteralVerdict Verdict, string? Reason) Check(JsonLiteral value, int node)
    {
        _references = 0;
        _reason = null;
        LiteralVerdict verdict = Evaluate(value, model[node]);
        return (verdict, verdict == LiteralVerdict.Invalid ? _reason : null);
    }

    private LiteralVerdict Evaluate(JsonLiteral value, SchemaNode schema)
    {
        StackGuard.Check();
        if (schema.IsBoolean)
        {
            return schema.IsFalse ? Fail("the schema is false") : LiteralVerdict.Valid;
        }

        if (schema.DynamicRef is not null || schema.UnevaluatedItems is not null || schema.UnevaluatedProperties is not null)
        {
            return LiteralVerdict.Unknown;
        }

        var verdicts = new List<LiteralVerdict>
        {
            Types(value, schema),
            Values(value, schema),
        };
        switch (value.Kind)
        {
            case JsonLiteralKind.Number:
                verdicts.Add(Number(value.Text, schema));
                break;
            case JsonLiteralKind.String:
                verdicts.Add(String(value.Text, schema));
                break;
            case JsonLiteralKind.Array:
                verdicts.Add(Array(JsonText.Items(value), schema));
                break;
            case JsonLiteralKind.Object:
                verdicts.Add(Object(JsonText.Members(value), schema));
                break;
        }

        verdicts.Add(Applicators(value, schema));
        return All(verdicts);
    }

    private LiteralVerdict Types(JsonLiteral value, SchemaNode schema)
    {
        if (schema.Types == JsonSchemaTypes.None)
        {
            return LiteralVerdict.Valid;
        }

        JsonSchemaTypes type = value.Kind switch
        {
            JsonLiteralKind.String => JsonSchemaTypes.String,
            JsonLiteralKind.Boolean => JsonSchemaTypes.Boolean,
            JsonLiteralKind.Null => JsonSchemaTypes.Null,
            JsonLiteralKind.Object => JsonSchemaTypes.Object,
            JsonLiteralKind.Array => JsonSchemaTypes.Array,
            _ => JsonSchemaTypes.Number,
        };
        if ((schema.Types & type) != 0)
        {
            return LiteralVerdict.Valid;
        }

        // An integer is a number with no fraction (draft-04: written without one).
        bool integer = type == JsonSchemaTypes.Number && (schema.Draft == Dialect.Draft4
            ? value.Text.IndexOfAny(['.', 'e', 'E']) < 0
            : ToDecimal(value.Text) is { } d ? d == decimal.Truncate(d) : ToDouble(value.Text) is { } x && x == Math.Floor(x));
        return integer && (schema.Types & JsonSchemaTypes.Integer) != 0 ? LiteralVerdict.Valid : Fail($"'type': {DescribeKind(value)} is not {schema.Types}");
    }

    private LiteralVerdict Values(JsonLiteral value, SchemaNode schema)
    {
        if (schema.Const is { } constant && !JsonEquals(value, constant))
        {
            return Fail($"'const': {Short(value)} is not {Short(constant)}");
        }

        if (schema.Enum is { } values && !values.Any(v => JsonEquals(value, v)))
        {
            return Fail($"'enum': {Short(value)} is not one of the allowed values");
        }

        return LiteralVerdict.Valid;
    }

    private LiteralVerdict Number(string text, SchemaNode schema)
    {
        var verdicts = new List<LiteralVerdict>();
        void Bound(NumberLimit? limit, string keyword, Func<int, bool> holds)
        {
            if (limit is null)
            {
                return;
            }

            if (Compare(text, limit.Text) is not { } order)
            {
                verdicts.Add(LiteralVerdict.Unknown);
            }
            else if (!holds(order))
            {
                verdicts.Add(Fail($"'{keyword}': {text} is out of bounds ({limit.Text})"));
            }
        }

        Bound(schema.Minimum, "minimum", o => o >= 0);
        Bound(schema.Maximum, "maximum", o => o <= 0);
        Bound(schema.ExclusiveMinimum, "exclusiveMinimum", o => o > 0);
        Bound(schema.ExclusiveMaximum, "exclusiveMaximum", o => o < 0);
        if (schema.MultipleOf is { } step)
        {
            verdicts.Add(ToDecimal(text) is { } n && ToDecimal(step.Text) is { } s && s != 0
                ? n % s == 0 ? LiteralVerdict.Valid : Fail($"'multipleOf': {text} is not a multiple of {step.Text}")
                : LiteralVerdict.Unknown);
        }

        return All(verdicts);
    }

    private LiteralVerdict String(string text, SchemaNode schema)
    {
        // JSON Schema counts code points, not UTF-16 units.
        long length = text.Length - text.Count(char.IsLowSurrogate);
        if (schema.MinLength is { } min && length < min)
        {
            return Fail($"'minLength': \"{Short(text)}\" is shorter than {min}");
        }

        if (schema.MaxLength is { } max && length > max)
        {
            return Fail($"'maxLength': \"{Short(text)}\" is longer than {max}");
        }

        var verdicts = new List<LiteralVerdict>();
        if (schema.Pattern is { } pattern)
        {
            verdicts.Add(Matches(pattern, text) switch
            {
                true => LiteralVerdict.Valid,
                false => Fail($"'pattern': \"{Short(text)}\" does not match {pattern.Text}"),
                null => LiteralVerdict.Unknown,
            });
        }

        if (schema.AssertsFormat && schema.Format is { } format)
        {
            verdicts.Add(Format(format, text) switch
            {
                true => LiteralVerdict.Valid,
                false => Fail($"'format': \"{Short(text)}\" is not a valid {format}"),
                null => LiteralVerdict.Unknown,
            });
        }

        return All(verdicts);
    }

    private LiteralVerdict Array(IReadOnlyList<JsonLiteral> items, SchemaNode schema)
    {
        if (schema.MinItems is { } min && items.Count < min)
        {
            return Fail($"'minItems': {items.Count} items, fewer than {min}");
        }

        if (schema.MaxItems is { } max && items.Count > max)
        {
            return Fail($"'maxItems': {items.Count} items, more than {max}");
        }

        if (schema.UniqueItems && items.Select((item, i) => items.Skip(i + 1).Any(other => JsonEquals(item, other))).Any(repeated => repeated))
        {
            return Fail("'uniqueItems': an item is repeated");
        }

        var verdicts = new List<LiteralVerdict>();
        for (int i = 0; i < items.Count; i++)
        {
            int? itemSchema = i < schema.PrefixItems.Count ? schema.PrefixItems[i] : schema.Items;
            if (itemSchema is { } node)
            {
                verdicts.Add(Evaluate(items[i], model[node]));
            }
        }

        if (schema.Contains is { } contains)
        {
            var matches = items.Select(item => Branch(item, contains)).ToList();
            if (matches.Contains(LiteralVerdict.Unknown))
            {
                verdicts.Add(LiteralVerdict.Unknown);
            }
            else
            {
                int count = matches.Count(m => m == LiteralVerdict.Valid);
                long least = schema.MinContains ?? 1;
                verdicts.Add(count >= least && (schema.MaxContains is not { } most || count <= most) ? LiteralVerdict.Valid : Fail($"'contains': {count} items match"));
            }
        }

        return All(verdicts);
    }

    private LiteralVerdict Object(IReadOnlyList<(string Name, JsonLiteral Value)> members, SchemaNode schema)
    {
        if (schema.Required.FirstOrDefault(name => members.All(m => m.Name != name)) is { } missing)
        {
            return Fail($"'required': member '{missing}' is missing");
        }

        if (schema.MinProperties is { } min && members.Count < min)
        {
            return Fail($"'minProperties': {members.Count} members, fewer than {min}");
        }

        if (schema.MaxProperties is { } max && members.Count > max)
        {
            return Fail($"'maxProperties': {members.Count} members, more than {max}");
        }

        foreach (DependentRequired dependency in schema.DependentRequired)
        {
            if (members.Any(m => m.Name == dependency.Name) && dependency.Required.FirstOrDefault(name => members.All(m => m.Name != name)) is { } absent)
            {
                return Fail($"'dependentRequired': member '{absent}' is missing beside '{dependency.Name}'");
            }
        }

        var verdicts = new List<LiteralVerdict>();
        foreach ((string name, JsonLiteral value) in members)
        {
            bool evaluated = false;
            if (schema.Property(name) is { } property)
            {
                evaluated = true;
                verdicts.Add(Evaluate(value, model[property]));
            }

            foreach (PatternSchema pattern in schema.PatternProperties)
            {
                switch (Matches(pattern.Pattern, name))
                {
                    case true:
                        evaluated = true;
                        verdicts.Add(Evaluate(value, model[pattern.Node]));
                        break;
                    case null:
                        return LiteralVerdict.Unknown;
                }
            }

            if (!evaluated && schema.AdditionalProperties is { } additional)
            {
                verdicts.Add(model[additional].IsFalse ? Fail($"'additionalProperties': member '{name}' is not allowed") : Evaluate(value, model[additional]));
            }

            if (schema.PropertyNames is { } names)
            {
                verdicts.Add(Evaluate(new JsonLiteral(JsonLiteralKind.String, name, Naming.ToLiteral(name)), model[names]));
            }
        }

        foreach (NamedSchema dependent in schema.DependentSchemas)
        {
            if (members.Any(m => m.Name == dependent.Name))
            {
                verdicts.Add(Evaluate(ObjectLiteral(members), model[dependent.Node]));
            }
        }

        return All(verdicts);
    }

    private LiteralVerdict Applicators(JsonLiteral value, SchemaNode schema)
    {
        var verdicts = new List<LiteralVerdict>();
        if (schema.Ref is { } target)
        {
            verdicts.Add(++_references > MaxReferences ? LiteralVerdict.Unknown : Evaluate(value, model[target]));
        }

        verdicts.AddRange(schema.AllOf.Select(part => Evaluate(value, model[part])));
        if (schema.AnyOf.Count > 0)
        {
            var branches = schema.AnyOf.Select(b => Branch(value, b)).ToList();
            verdicts.Add(branches.Contains(LiteralVerdict.Valid) ? LiteralVerdict.Valid
                : branches.Contains(LiteralVerdict.Unknown) ? LiteralVerdict.Unknown
                : Fail("'anyOf': it matches no branch"));
        }

        if (schema.OneOf.Count > 0)
        {
            var branches = schema.OneOf.Select(b => Branch(value, b)).ToList();
            int valid = branches.Count(b => b == LiteralVerdict.Valid);
            verdicts.Add(valid > 1 ? Fail($"'oneOf': it matches {valid} branches")
                : branches.Contains(LiteralVerdict.Unknown) ? LiteralVerdict.Unknown
                : valid == 1 ? LiteralVerdict.Valid
                : Fail("'oneOf': it matches no branch"));
        }

        if (schema.Not is { } not)
        {
            verdicts.Add(Branch(value, not) switch
            {
                LiteralVerdict.Valid => Fail("'not': it matches the schema it must not"),
                LiteralVerdict.Invalid => LiteralVerdict.Valid,
                _ => LiteralVerdict.Unknown,
            });
        }

        if (schema.If is { } condition)
        {
            LiteralVerdict test = Branch(value, condition);
            int? branch = test switch
            {
                LiteralVerdict.Valid => schema.Then,
                LiteralVerdict.Invalid => schema.Else,
                _ => null,
            };
            verdicts.Add(test == LiteralVerdict.Unknown ? LiteralVerdict.Unknown : branch is { } chosen ? Evaluate(value, model[chosen]) : LiteralVerdict.Valid);
        }

        return All(verdicts);
    }

    private static LiteralVerdict All(IEnumerable<LiteralVerdict> verdicts)
    {
        var list = verdicts.ToList();
        return list.Contains(LiteralVerdict.Invalid) ? LiteralVerdict.Invalid : list.Contains(LiteralVerdict.Unknown) ? LiteralVerdict.Unknown : LiteralVerdict.Valid;
    }

    private LiteralVerdict Fail(string why)
    {
        _reason ??= why;
        return LiteralVerdict.Invalid;
    }

    /// <summary>The verdict of a branch whose failure is not the literal's failure (anyOf, oneOf, not, if, contains): its reason is forgotten.</summary>
    private LiteralVerdict Branch(JsonLiteral value, int node)
    {
        string? reason = _reason;
        LiteralVerdict verdict = Evaluate(value, model[node]);
        _reason = reason;
        return verdict;
    }

    /// <summary>Whether <paramref name="text"/> matches, as the runtime's regex (same .NET pattern and options) would say; null when the pattern cannot run here.</summary>
    private static bool? Matches(SchemaPattern pattern, string text)
    {
        try
        {
            return new Regex(pattern.DotNet, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)).IsMatch(text);
        }
        catch (Exception e) when (e is ArgumentException or RegexMatchTimeoutException)
        {
            return null;
        }
    }

    /// <summary>Formats decided exactly here; null for the others (the runtime checks them).</summary>
    private static bool? Format(string format, string text) => format switch
    {
        "date" => ShapeDecider.DateLiteral(text) is not null,
        "date-time" => Rfc3339DateTime.TryParse(text.AsSpan(), out _, out _),
        "uuid" => text.Length == 36 && Guid.TryParseExact(text, "D", out _),
        "email" or "idn-email" when text.IndexOf('@') <= 0 || text.IndexOf('@') == text.Length - 1 => false,
        _ => null,
    };

    /// <summary>Compares two JSON numbers: negative, zero or positive; null when neither decimal nor double holds both.</summary>
    private static int? Compare(string left, string right) =>
        ToDecimal(left) is { } a && ToDecimal(right) is { } b ? a.CompareTo(b)
        : ToDouble(left) is { } x && ToDouble(right) is { } y ? x.CompareTo(y)
        : null;

    private static decimal? ToDecimal(string text) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal value) ? value : null;

    private static double? ToDouble(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && !double.IsInfinity(value) ? value : null;

    /// <summary>JSON equality: numbers by value, objects without regard to member order.</summary>
    private static bool JsonEquals(JsonLiteral a, JsonLiteral b)
    {
        StackGuard.Check();
        if (a.Kind != b.Kind)
        {
            return false;
        }

        switch (a.Kind)
        {
            case JsonLiteralKind.Number:
                return Compare(a.Text, b.Text) is { } order ? order == 0 : a.Text == b.Text;
            case JsonLiteralKind.Array:
                IReadOnlyList<JsonLiteral> left = JsonText.Items(a);
                IReadOnlyList<JsonLiteral> right = JsonText.Items(b);
                return left.Count == right.Count && left.Zip(right, JsonEquals).All(same => same);
            case JsonLiteralKind.Object:
                var members = JsonText.Members(a);
                var others = JsonText.Members(b);
                return members.Count == others.Count && members.All(m => others.Any(o => o.Name == m.Name && JsonEquals(m.Value, o.Value)));
            default:
                return a.Text == b.Text;
        }
    }

    private static JsonLiteral ObjectLiteral(IReadOnlyList<(string Name, JsonLiteral Value)> members)
    {
        // A C# string literal of a name is also its JSON string: both escape quotes, backslashes and controls alike.
        string json = "{" + string.Join(",", members.Select(m => Naming.ToLiteral(m.Name) + ":" + m.Value.Json)) + "}";
        return new JsonLiteral(JsonLiteralKind.Object, json, json);
    }

    private static string DescribeKind(JsonLiteral value) => value.Kind switch
    {
        JsonLiteralKind.Number => $"the number {value.Text}",
        JsonLiteralKind.String => $"the string \"{Short(value.Text)}\"",
        JsonLiteralKind.Boolean => value.Text,
        JsonLiteralKind.Null => "null",
        JsonLiteralKind.Object => "an object",
        _ => "an array",
    };

    private static string Short(JsonLiteral value) => value.Kind == JsonLiteralKind.String ? $"\"{Short(value.Text)}\"" : Short(value.Json);

    private static string Short(string text) => text.Length <= 40 ? text : text.Substring(0, 37) + "...";
}
