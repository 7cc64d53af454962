using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using Insights.Contracts.Runtime;
using Xunit;
using Xunit.Abstractions;

namespace Insights.Contracts.Generator.Tests;

/// <summary>
/// The random schemas of <see cref="ShapeDifferentialFuzzTests"/>, each able to make documents that
/// mostly fit it: objects, unions of objects, allOf extensions and the member specs inside them.
/// </summary>
internal static class RandomSchemas
{
    /// <summary>One random schema file: its root (an object, a union of objects, or an allOf extending a base) and its <c>$defs</c>.</summary>
    internal sealed record RandomSchema(Spec Root, string Text)
    {
        public static RandomSchema Create(Random random)
        {
            var definitions = new Definitions();
            Spec root = random.Next(8) switch
            {
                0 => UnionSpec.Random(random, depth: 2, definitions, root: true),
                1 => DerivedSpec.Create(random, depth: 2, definitions),
                _ => ObjectSpec.Random(random, depth: 2, definitions, root: true),
            };
            string text = root.Schema();
            if (definitions.Entries.Count > 0)
            {
                text = text.Insert(text.Length - 1, ", \"$defs\": {" + string.Join(", ", definitions.Entries.Select(e => $"\"{e.Name}\": {e.Spec.Schema()}")) + "}");
            }

            return new RandomSchema(root, text);
        }
    }

    /// <summary>The random source of one document; a careful one leaves out the spoilers (values of another type, unknown members...).</summary>
    internal sealed class DocumentRandom(int seed, bool careful) : Random(seed)
    {
        public bool Careful => careful;
    }

    /// <summary>The <c>$defs</c> of one schema file, which specs refer to by <c>$ref</c>.</summary>
    internal sealed class Definitions
    {
        public List<(string Name, Spec Spec)> Entries { get; } = [];

        public RefSpec Add(string prefix, Spec spec)
        {
            string name = prefix + Entries.Count.ToString(CultureInfo.InvariantCulture);
            Entries.Add((name, spec));
            return new RefSpec(name, spec);
        }
    }

    /// <summary>An object schema whose documents a union builds member by member, to place or spoil its discriminator.</summary>
    internal interface IObjectSpec
    {
        /// <summary>The members of a document for it (usually close to valid), without <paramref name="leaveOut"/>.</summary>
        List<(string Name, string Value)> Members(Random random, string? leaveOut);
    }

    internal abstract class Spec
    {
        public bool Nullable { get; init; }

        /// <summary>A <c>default</c> (for arrays and objects): an annotation, so it must compile and change no verdict.</summary>
        public string? Default { get; set; }

        public string Schema()
        {
            string body = Body();
            return Default is null ? body : body.Insert(body.Length - 1, (body.Length > 2 ? ", " : "") + $"\"default\": {Default}");
        }

        protected abstract string Body();

        /// <summary>A document for this schema: usually close to valid, sometimes of another type.</summary>
        public string Instance(Random random) =>
            Careful(random) ? Fitting(random)
            : (Nullable && random.Next(8) == 0) ? "null"
            : random.Next(12) == 0 ? OtherValue(random)
            : Fitting(random);

        /// <summary>A value that is probably of another type.</summary>
        protected virtual string OtherValue(Random random) => AnyValue(random);

        public abstract string Fitting(Random random);

        /// <summary>
        /// A value for <c>default</c> that the schema allows, or null when there is no simple one. (A
        /// default the schema rejects makes the record's static initializer throw on first use: the
        /// runtime's documented choice, which is not what this test is about.)
        /// </summary>
        public virtual string? ValidDefault(Random random) => null;

        protected string Type(string type) => Nullable ? $"\"type\": [\"{type}\", \"null\"]" : $"\"type\": \"{type}\"";

        public static Spec Random(Random random, int depth, Definitions definitions) => random.Next(depth switch { 0 => 12, 1 => 15, _ => 19 }) switch
        {
            0 or 1 => StringSpec.Random(random),
            2 => IntegerSpec.Random(random),
            3 => NumberSpec.Random(random),
            4 => new BooleanSpec { Constant = random.Next(3) == 0 ? random.Next(2) == 0 : null },
            5 => EnumSpec.Random(random),
            6 => new ArraySpec(Random(random, 0, definitions)) { MinItems = Maybe(random, 2), MaxItems = Maybe(random, 3) is { } m ? m + 1 : null, UniqueItems = random.Next(3) == 0 },
            7 or 8 => SampledSpec.Untyped(random),
            9 => ArraySpec.TupleOrContains(random, definitions),
            10 => new ArraySpec(NullableScalar(random)) { MaxItems = Maybe(random, 3) },
            11 => definitions.Add("value", random.Next(2) == 0 ? StringSpec.Random(random) : EnumSpec.Random(random)),
            12 => new ArraySpec(Random(random, depth - 1, definitions)) { MaxItems = Maybe(random, 4) },
            13 => ObjectSpec.Random(random, depth - 1, definitions),
            14 => ObjectSpec.Random(random, depth - 1, definitions, untyped: true),
            15 or 16 => UnionSpec.Random(random, depth, definitions),
            17 => DerivedSpec.Member(random, depth, definitions),
            _ => definitions.Add("object", ObjectSpec.Random(random, depth - 1, definitions)),
        };

        private static Spec NullableScalar(Random random) => random.Next(3) switch
        {
            0 => new StringSpec { MaxLength = 3, Nullable = true },
            1 => new IntegerSpec { Keywords = ["\"minimum\": 0"], Nullable = true },
            _ => new SampledSpec("{\"enum\": [\"a\", \"b\", null]}", ["\"a\"", "\"c\"", "null"]),
        };

        /// <summary>Whether a document is drawn carefully: then each spec draws a value it allows, where it can tell.</summary>
        protected static bool Careful(Random random) => random is DocumentRandom { Careful: true };

        /// <summary>One of <paramref name="candidates"/> that <paramref name="allows"/> when drawing carefully (and there is one), else any.</summary>
        protected static T Pick<T>(Random random, IReadOnlyList<T> candidates, Func<T, bool> allows)
        {
            IReadOnlyList<T> fitting = Careful(random) ? candidates.Where(allows).ToList() : [];
            IReadOnlyList<T> from = fitting.Count > 0 ? fitting : candidates;
            return from[random.Next(from.Count)];
        }

        protected static int? Maybe(Random random, int max) => random.Next(2) == 0 ? random.Next(max + 1) : null;

        protected static string AnyValue(Random random) => new[] { "null", "true", "7", "-2.5", "\"x\"", "[]", "{}", "[1, \"a\"]" }[random.Next(8)];

        protected static string Quote(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
    }

    /// <summary>A schema written out as is, with the values its documents are drawn from: the first fits, others may not.</summary>
    internal sealed class SampledSpec(string schema, string[] samples) : Spec
    {
        /// <summary>Members without <c>type</c>, of a union of types, or that allow anything.</summary>
        private static readonly (string Schema, string[] Samples)[] UntypedSchemas =
        [
            ("{\"const\": \"on\"}", ["\"on\"", "\"off\"", "\"ON\""]),
            ("{\"const\": 3}", ["3", "3.0", "4", "\"3\""]),
            ("{\"const\": false}", ["false", "true", "0"]),
            ("{\"enum\": [\"a\", 1, null]}", ["\"a\"", "1", "1.0", "null", "\"b\"", "2"]),
            ("{\"enum\": [1, 2, 40]}", ["1", "2.0", "40", "41", "\"1\""]),
            ("{\"enum\": [\"red\", \"green\"]}", ["\"red\"", "\"green\"", "\"blue\"", "1"]),
            ("{\"type\": [\"string\", \"integer\"]}", ["\"ab\"", "5", "1.5", "true"]),
            ("{\"type\": [\"string\", \"integer\"], \"maxLength\": 3, \"minimum\": 0}", ["\"ab\"", "\"abcd\"", "5", "-1", "1.5"]),
            ("{\"type\": [\"string\", \"null\"], \"maxLength\": 3}", ["\"ab\"", "\"abcd\"", "null", "0"]),
            ("{\"type\": [\"integer\", \"boolean\"]}", ["1", "true", "\"x\"", "2.5"]),
            ("true", ["1", "\"x\"", "null", "{\"a\": [1]}"]),
            ("{}", ["1", "\"x\"", "[]"]),
            ("{\"description\": \"anything\"}", ["false", "{}"]),
            ("{\"minLength\": 2}", ["\"ab\"", "\"a\"", "5", "[]"]),
            ("{\"minimum\": 0, \"maximum\": 9}", ["0", "9", "10", "-1", "\"5\""]),
            ("{\"not\": {\"type\": \"string\"}}", ["1", "\"s\"", "null"]),
            ("{\"items\": {\"type\": \"integer\"}}", ["[1, 2]", "[1, \"a\"]", "5"]),
            ("{\"required\": [\"a\"], \"properties\": {\"a\": {\"type\": \"integer\"}}}", ["{\"a\": 1}", "{\"a\": \"1\"}", "{}", "5"]),
            ("{\"type\": \"object\"}", ["{}", "{\"a\": 1}", "[]"]),
        ];

        public static SampledSpec Untyped(Random random)
        {
            (string schema, string[] samples) = UntypedSchemas[random.Next(UntypedSchemas.Length)];
            return new SampledSpec(schema, samples);
        }

        /// <summary>A union discriminator: one string, by <c>const</c> or a one-value <c>enum</c>.</summary>
        public static SampledSpec Tag(Random random, string value) => new(random.Next(3) switch
        {
            0 => $"{{\"enum\": [{Quote(value)}]}}",
            1 => $"{{\"type\": \"string\", \"const\": {Quote(value)}}}",
            _ => $"{{\"const\": {Quote(value)}}}",
        }, [Quote(value)]);

        /// <summary>What an allOf part adds to a member of its base (const, enum, maxLength...), or null when the member has no such narrowing here.</summary>
        public static SampledSpec? Narrowing(Random random, Spec member) => member switch
        {
            StringSpec { Nullable: false, Enum: null } => random.Next(3) switch
            {
                0 => new SampledSpec("{\"maxLength\": 2}", ["\"ab\"", "\"abc\"", "\"\"", "\"a\""]),
                1 => new SampledSpec("{\"const\": \"ab\"}", ["\"ab\"", "\"abc\""]),
                _ => new SampledSpec("{\"enum\": [\"a\", \"ab\"]}", ["\"a\"", "\"ab\"", "\"b\""]),
            },
            IntegerSpec { Nullable: false } => random.Next(3) switch
            {
                0 => new SampledSpec("{\"maximum\": 10}", ["3", "10", "11"]),
                1 => new SampledSpec("{\"const\": 2}", ["2", "3", "2.0"]),
                _ => new SampledSpec("{\"enum\": [1, 2]}", ["1", "2", "5"]),
            },
            EnumSpec { Open: false } e => random.Next(2) == 0
                ? new SampledSpec($"{{\"const\": {Quote(e.Values[0])}}}", [Quote(e.Values[0]), Quote(e.Values[1])])
                : new SampledSpec($"{{\"enum\": [{Quote(e.Values[0])}, {Quote(e.Values[1])}]}}", [.. e.Values.Select(Quote)]),
            _ => null,
        };

        protected override string Body() => schema;

        public override string Fitting(Random random) => Careful(random) ? samples[0] : samples[random.Next(samples.Length)];
    }

    internal sealed class StringSpec : Spec
    {
        private static readonly string[] Patterns = ["^[A-Z]{2}[0-9]{2}$", "^[a-z]+$", "b", "^x*$"];
        private static readonly string[] Formats = ["date", "uuid", "email", "date-time"];
        private static readonly string[] Samples =
            ["", "a", "abc", "AB12", "ab12", "xxxxxxx", "bob", "2024-01-31", "2024-02-30", "2024-1-31", "0f8fad5b-d9cb-469f-a165-70867728950e",
             "not-a-uuid", "a@example.com", "a@", "2024-01-31T10:00:00Z", "2024-01-31 10:00", "ÄÖü", "😀😀"];

        public int? MinLength { get; init; }
        public int? MaxLength { get; init; }
        public string? Pattern { get; init; }
        public string? Format { get; init; }
        public string[]? Enum { get; init; }

        public static StringSpec Random(Random random) => random.Next(5) switch
        {
            0 => new StringSpec { Format = Formats[random.Next(Formats.Length)], Nullable = random.Next(4) == 0 },
            1 => new StringSpec { Enum = Samples.OrderBy(_ => random.Next()).Take(1 + random.Next(3)).ToArray() },
            _ => new StringSpec { MinLength = Maybe(random, 3), MaxLength = Maybe(random, 6), Pattern = random.Next(3) == 0 ? Patterns[random.Next(Patterns.Length)] : null, Nullable = random.Next(4) == 0 },
        };

        protected override string Body()
        {
            var parts = new List<string> { Type("string") };
            if (MinLength is { } min) parts.Add($"\"minLength\": {min}");
            if (MaxLength is { } max) parts.Add($"\"maxLength\": {max}");
            if (Pattern is { } pattern) parts.Add($"\"pattern\": {Quote(pattern)}");
            if (Format is { } format) parts.Add($"\"format\": {Quote(format)}");
            if (Enum is { } values) parts.Add($"\"enum\": [{string.Join(", ", values.Select(Quote))}]");
            return "{" + string.Join(", ", parts) + "}";
        }

        public override string Fitting(Random random) =>
            Quote(Enum is { } values && (Careful(random) || random.Next(2) == 0) ? values[random.Next(values.Length)] : Pick(random, Samples, Allows));

        private bool Allows(string value)
        {
            int length = value.EnumerateRunes().Count();
            return length >= (MinLength ?? 0) && length <= (MaxLength ?? int.MaxValue)
                && (Pattern is null || System.Text.RegularExpressions.Regex.IsMatch(value, Pattern))
                && Format switch
                {
                    "date" => value == "2024-01-31",
                    "uuid" => value.StartsWith("0f8f", StringComparison.Ordinal),
                    "email" => value == "a@example.com",
                    "date-time" => value == "2024-01-31T10:00:00Z",
                    _ => true,
                };
        }
    }

    internal sealed class IntegerSpec : Spec
    {
        public string[] Keywords { get; init; } = [];

        public static IntegerSpec Random(Random random)
        {
            var keywords = new List<string>();
            foreach (string keyword in new[] { "\"minimum\": -5", "\"maximum\": 100", "\"exclusiveMinimum\": 0", "\"exclusiveMaximum\": 3000000000", "\"multipleOf\": 3" })
            {
                if (random.Next(3) == 0)
                {
                    keywords.Add(keyword);
                }
            }

            if (random.Next(6) == 0)
            {
                keywords.Add("\"enum\": [1, 2, 40]");
            }

            return new IntegerSpec { Keywords = [.. keywords], Nullable = random.Next(5) == 0 };
        }

        protected override string Body() => "{" + string.Join(", ", new[] { Type("integer") }.Concat(Keywords)) + "}";

        public override string Fitting(Random random) =>
            Pick(random, ["0", "1", "2", "3", "40", "-6", "-5", "99", "100", "101", "2147483648", "3000000000", "1.5", "6.0", "-0"], n => !n.Contains('.', StringComparison.Ordinal) && Allows(Keywords, n));
    }

    internal sealed class NumberSpec : Spec
    {
        public string[] Keywords { get; init; } = [];

        public static NumberSpec Random(Random random)
        {
            var keywords = new List<string>();
            foreach (string keyword in new[] { "\"minimum\": -1.5", "\"maximum\": 99.75", "\"exclusiveMinimum\": 0", "\"multipleOf\": 0.25" })
            {
                if (random.Next(3) == 0)
                {
                    keywords.Add(keyword);
                }
            }

            return new NumberSpec { Keywords = [.. keywords] };
        }

        protected override string Body() => "{" + string.Join(", ", new[] { Type("number") }.Concat(Keywords)) + "}";

        public override string Fitting(Random random) => Pick(random, ["0", "-1.5", "-1.75", "0.25", "0.3", "99.75", "99.8", "100", "1e2", "7"], n => Allows(Keywords, n));
    }

    /// <summary>Whether the number <paramref name="number"/> passes numeric keywords written as <c>"name": value</c>.</summary>
    internal static bool Allows(IEnumerable<string> keywords, string number)
    {
        double value = double.Parse(number, CultureInfo.InvariantCulture);
        foreach (string keyword in keywords)
        {
            string[] parts = keyword.Split(": ", 2);
            string limitText = parts[1].Trim('[', ']');
            bool holds = parts[0] switch
            {
                "\"enum\"" => limitText.Split(", ").Select(v => double.Parse(v, CultureInfo.InvariantCulture)).Contains(value),
                "\"minimum\"" => value >= double.Parse(limitText, CultureInfo.InvariantCulture),
                "\"maximum\"" => value <= double.Parse(limitText, CultureInfo.InvariantCulture),
                "\"exclusiveMinimum\"" => value > double.Parse(limitText, CultureInfo.InvariantCulture),
                "\"exclusiveMaximum\"" => value < double.Parse(limitText, CultureInfo.InvariantCulture),
                _ => Math.IEEERemainder(value, double.Parse(limitText, CultureInfo.InvariantCulture)) == 0,
            };
            if (!holds)
            {
                return false;
            }
        }

        return true;
    }

    internal sealed class BooleanSpec : Spec
    {
        public bool? Constant { get; init; }

        protected override string Body() => Constant is { } value ? $"{{{Type("boolean")}, \"const\": {(value ? "true" : "false")}}}" : $"{{{Type("boolean")}}}";

        public override string Fitting(Random random) => ((Careful(random) ? Constant : null) ?? random.Next(2) == 0) ? "true" : "false";
    }

    internal sealed class EnumSpec : Spec
    {
        public string[] Values { get; init; } = [];
        public bool Typed { get; init; }
        public bool Open { get; init; }

        public static EnumSpec Random(Random random) =>
            new() { Values = new[] { "card", "bank_transfer", "cash", "Other value" }.Take(2 + random.Next(3)).ToArray(), Typed = random.Next(2) == 0, Open = random.Next(4) == 0 };

        protected override string Body() => Open
            ? $"{{\"type\": \"string\", \"anyOf\": [{{\"enum\": [{string.Join(", ", Values.Select(Quote))}]}}, {{\"type\": \"string\"}}]}}"
            : $"{{{(Typed ? "\"type\": \"string\", " : "")}\"enum\": [{string.Join(", ", Values.Select(Quote))}]}}";

        public override string Fitting(Random random) => !Careful(random) && random.Next(4) == 0 ? "\"wire\"" : Quote(Values[random.Next(Values.Length)]);
    }

    /// <summary>An array: of items of one schema (which may be missing: any item), and maybe a tuple (<c>prefixItems</c>) or a <c>contains</c>.</summary>
    internal sealed class ArraySpec(Spec? item) : Spec
    {
        public Spec? Item => item;
        public int? MinItems { get; init; }
        public int? MaxItems { get; init; }
        public bool UniqueItems { get; init; }
        public IReadOnlyList<Spec> PrefixItems { get; init; } = [];

        /// <summary>With <see cref="PrefixItems"/> and no item schema: <c>items: false</c>, no item beyond the tuple.</summary>
        public bool Closed { get; init; }
        public Spec? Contains { get; init; }
        public int? MinContains { get; init; }
        public int? MaxContains { get; init; }

        public static ArraySpec TupleOrContains(Random random, Definitions definitions) => random.Next(2) == 0
            ? new ArraySpec(random.Next(3) == 0 ? Random(random, 0, definitions) : null)
            {
                PrefixItems = [.. Enumerable.Range(0, 1 + random.Next(3)).Select(_ => Random(random, 0, definitions))],
                Closed = random.Next(2) == 0,
                MinItems = Maybe(random, 2),
            }
            : new ArraySpec(random.Next(2) == 0 ? IntegerSpec.Random(random) : null)
            {
                Contains = new SampledSpec("{\"type\": \"integer\", \"minimum\": 10}", ["10", "50"]),
                MinContains = Maybe(random, 2),
                MaxContains = random.Next(3) == 0 ? 1 : null,
            };

        protected override string Body()
        {
            var parts = new List<string> { Type("array") };
            if (PrefixItems.Count > 0) parts.Add($"\"prefixItems\": [{string.Join(", ", PrefixItems.Select(p => p.Schema()))}]");
            if (item is not null) parts.Add($"\"items\": {item.Schema()}");
            else if (Closed) parts.Add("\"items\": false");
            if (Contains is not null) parts.Add($"\"contains\": {Contains.Schema()}");
            if (MinContains is { } minContains) parts.Add($"\"minContains\": {minContains}");
            if (MaxContains is { } maxContains) parts.Add($"\"maxContains\": {maxContains}");
            if (MinItems is { } min) parts.Add($"\"minItems\": {min}");
            if (MaxItems is { } max) parts.Add($"\"maxItems\": {max}");
            if (UniqueItems) parts.Add("\"uniqueItems\": true");
            return "{" + string.Join(", ", parts) + "}";
        }

        public override string? ValidDefault(Random random) =>
            (MinItems ?? 0) > 0 || (Contains is not null && MinContains != 0) ? null
            : (MaxItems ?? 1) > 0 && PrefixItems.Count == 0 && item?.ValidDefault(random) is { } one ? $"[{one}]"
            : "[]";

        public override string Fitting(Random random)
        {
            if (Careful(random))
            {
                int min = MinItems ?? 0;
                int count = Math.Min(random.Next(min, min + 4), MaxItems ?? int.MaxValue);
                var careful = PrefixItems.Take(count).Select(p => p.Instance(random)).ToList();
                if (PrefixItems.Count == 0 || !Closed)
                {
                    careful.AddRange(Enumerable.Range(0, Math.Max(0, count - careful.Count)).Select(_ => item?.Instance(random) ?? "1"));
                }

                if (Contains is not null)
                {
                    for (int n = random.Next(MinContains ?? 1, (MaxContains ?? 2) + 1); n > 0; n--)
                    {
                        careful.Insert(random.Next(careful.Count + 1), Contains.Instance(random));
                    }
                }

                return "[" + string.Join(", ", careful) + "]";
            }

            var items = PrefixItems.Take(random.Next(PrefixItems.Count + 1)).Select(p => p.Instance(random)).ToList();
            int more = PrefixItems.Count > 0 ? random.Next(3) / 2 : random.Next(5);
            items.AddRange(Enumerable.Range(0, more).Select(_ => item?.Instance(random) ?? AnyValue(random)));
            if (Contains is not null)
            {
                for (int n = random.Next(3); n > 0; n--)
                {
                    items.Insert(random.Next(items.Count + 1), Contains.Instance(random));
                }
            }

            if (items.Count > 0 && random.Next(4) == 0)
            {
                items.Add(items[0]);
            }

            return "[" + string.Join(", ", items) + "]";
        }
    }

    /// <summary>A <c>$ref</c> to a <c>$defs</c> entry; its documents are the entry's.</summary>
    internal sealed class RefSpec(string name, Spec target) : Spec, IObjectSpec
    {
        public Spec Target => target;
        protected override string Body() => $"{{\"$ref\": \"#/$defs/{name}\"}}";

        public override string Fitting(Random random) => target.Instance(random);

        public List<(string Name, string Value)> Members(Random random, string? leaveOut) => ((IObjectSpec)target).Members(random, leaveOut);
    }

    internal sealed class ObjectSpec : Spec, IObjectSpec
    {
        private static readonly string[] Names = ["id", "name", "kind", "amount", "tags", "active", "created_on", "detail", "note", "x2"];

        public List<(string Name, Spec Spec)> Properties { get; } = [];
        public List<string> Required { get; } = [];
        public bool Closed { get; set; }

        /// <summary>A schema for <c>additionalProperties</c> (then <see cref="Closed"/> does not apply).</summary>
        public string? AdditionalSchema { get; set; }

        /// <summary>No <c>type</c>: only object keywords (as an allOf part, or a member that then holds any JSON value).</summary>
        public bool Untyped { get; init; }
        public List<string> Applicators { get; } = [];

        /// <summary>Object rules a typed record cannot check on its members, so it checks them on the JSON first.</summary>
        public List<string> JsonRules { get; } = [];

        /// <summary>Members a document may add because of <see cref="JsonRules"/> (a name a pattern matches, say).</summary>
        public List<Func<Random, (string Name, string Value)>> Extras { get; } = [];

        /// <summary>Members <see cref="JsonRules"/> ask for, with a value they allow, which careful documents have.</summary>
        public List<(string Name, string Value)> Needed { get; } = [];

        /// <param name="without">A member name to leave free (a union's discriminator).</param>
        public static ObjectSpec Random(Random random, int depth, Definitions definitions, bool root = false, bool mayBeNull = true, string? without = null, bool untyped = false)
        {
            var spec = new ObjectSpec { Closed = random.Next(3) == 0, Nullable = !root && mayBeNull && !untyped && random.Next(6) == 0, Untyped = untyped };
            foreach (string name in Names.Where(n => n != without).OrderBy(_ => random.Next()).Take(1 + random.Next(root ? 5 : 3)))
            {
                spec.AddMember(random, name, Spec.Random(random, depth, definitions));
            }

            if (random.Next(root ? 3 : 5) == 0)
            {
                spec.AddJsonRule(random);
            }

            if (root)
            {
                spec.AddApplicators(random);
            }

            return spec;
        }

        /// <summary>
        /// The part of <c>allOf</c> that extends <paramref name="baseSpec"/>: often without <c>type</c>,
        /// adding members and narrowing one of the base's (const, enum, maxLength).
        /// </summary>
        public static ObjectSpec Extension(Random random, int depth, Definitions definitions, ObjectSpec baseSpec, string? without)
        {
            var spec = new ObjectSpec { Closed = random.Next(10) == 0, Untyped = random.Next(3) != 0 };
            foreach (string name in Names.Where(n => n != without && baseSpec.Properties.All(p => p.Name != n)).OrderBy(_ => random.Next()).Take(random.Next(2) + random.Next(2)))
            {
                spec.AddMember(random, name, Spec.Random(random, depth, definitions));
            }

            var narrowable = baseSpec.Properties.Where(p => p.Name != without).Select(p => (p.Name, Narrowing: SampledSpec.Narrowing(random, p.Spec))).Where(p => p.Narrowing is not null).ToList();
            if (narrowable.Count > 0 && random.Next(3) != 0)
            {
                (string name, SampledSpec? narrowing) = narrowable[random.Next(narrowable.Count)];
                spec.Properties.Insert(random.Next(spec.Properties.Count + 1), (name, narrowing!));
            }

            if (random.Next(8) == 0)
            {
                spec.AddJsonRule(random);
            }

            return spec;
        }

        private void AddMember(Random random, string name, Spec member)
        {
            Properties.Add((name, member));
            if (random.Next(3) == 0)
            {
                Required.Add(name);
            }
            else if (random.Next(3) == 0)
            {
                member.Default = member.ValidDefault(random);
            }
        }

        /// <summary>One object rule a record's members cannot check (patternProperties, additionalProperties with a schema, propertyNames...).</summary>
        private void AddJsonRule(Random random)
        {
            switch (random.Next(6))
            {
                case 0:
                    JsonRules.Add("\"patternProperties\": {\"^x_\": {\"type\": \"integer\", \"maximum\": 5}}");
                    Extras.Add(r => ($"x_{r.Next(2)}", new[] { "1", "9", "\"s\"" }[r.Next(3)]));
                    break;
                case 1:
                    AdditionalSchema = "{\"type\": \"string\", \"maxLength\": 3}";
                    Extras.Add(r => ("more", new[] { "\"ab\"", "\"abcd\"", "1" }[r.Next(3)]));
                    break;
                case 2:
                    JsonRules.Add(random.Next(2) == 0 ? "\"propertyNames\": {\"maxLength\": 7}" : "\"propertyNames\": {\"pattern\": \"^[a-z][a-z0-9_]*$\"}");
                    Extras.Add(r => (r.Next(2) == 0 ? "Extra" : "z", "1"));
                    break;
                case 3:
                    JsonRules.Add(random.Next(2) == 0 ? "\"minProperties\": 2" : "\"maxProperties\": 2");
                    break;
                case 4:
                    Required.Add("ref_no");
                    Needed.Add(("ref_no", "\"r1\""));
                    Extras.Add(r => ("ref_no", r.Next(2) == 0 ? "\"r1\"" : "1"));
                    break;
                default:
                    JsonRules.Add(Properties.Count >= 2
                        ? $"\"dependentSchemas\": {{{Quote(Properties[0].Name)}: {{\"required\": [{Quote(Properties[1].Name)}]}}}}"
                        : "\"maxProperties\": 1");
                    break;
            }
        }

        /// <summary>Applicators that only use what a typed record holds: members it declares, with keywords their C# types check.</summary>
        private void AddApplicators(Random random)
        {
            var checkable = Properties.Where(p => !p.Spec.Nullable && p.Spec is StringSpec or IntegerSpec or NumberSpec or BooleanSpec or EnumSpec or ArraySpec).ToList();
            if (checkable.Count == 0)
            {
                return;
            }

            string Branch((string Name, Spec Spec) property, int flavour) => (flavour % 2 == 0 || Constraint(property.Spec) is not { } constraint)
                ? $"{{\"required\": [{Quote(property.Name)}]}}"
                : $"{{\"properties\": {{{Quote(property.Name)}: {constraint}}}}}";
            (string Name, Spec Spec) Pick() => checkable[random.Next(checkable.Count)];

            switch (random.Next(6))
            {
                case 0:
                    Applicators.Add($"\"oneOf\": [{string.Join(", ", Enumerable.Range(0, 2 + random.Next(2)).Select(i => Branch(Pick(), random.Next(4)).Insert(1, $"\"title\": \"B{i}\", ")))}]");
                    break;
                case 1:
                    Applicators.Add($"\"anyOf\": [{Branch(Pick(), random.Next(4))}, {Branch(Pick(), random.Next(4))}]");
                    break;
                case 2:
                    Applicators.Add($"\"not\": {Branch(Pick(), random.Next(4))}");
                    break;
                case 3:
                    Applicators.Add($"\"if\": {Branch(Pick(), 0)}, \"then\": {Branch(Pick(), random.Next(4))}, \"else\": {Branch(Pick(), random.Next(4))}");
                    break;
                case 4:
                    Applicators.Add($"\"dependentRequired\": {{{Quote(Pick().Name)}: [{Quote(Pick().Name)}]}}");
                    break;
                default:
                    Applicators.Add($"\"allOf\": [{Branch(Pick(), 1)}, {Branch(Pick(), random.Next(4))}]");
                    break;
            }
        }

        private static string? Constraint(Spec spec) => spec switch
        {
            StringSpec => "{\"maxLength\": 3}",
            IntegerSpec => "{\"maximum\": 10}",
            NumberSpec => "{\"exclusiveMinimum\": 1}",
            BooleanSpec => "{\"const\": true}",
            EnumSpec { Open: false } e => $"{{\"const\": {Quote(e.Values[0])}}}",
            ArraySpec => "{\"maxItems\": 1}",
            _ => null,
        };

        protected override string Body()
        {
            var parts = new List<string>();
            if (!Untyped) parts.Add(Type("object"));
            if (!Untyped || Properties.Count > 0) parts.Add("\"properties\": {" + string.Join(", ", Properties.Select(p => $"{Quote(p.Name)}: {p.Spec.Schema()}")) + "}");
            if (Required.Count > 0) parts.Add($"\"required\": [{string.Join(", ", Required.Select(Quote))}]");
            if (AdditionalSchema is not null || Closed) parts.Add($"\"additionalProperties\": {AdditionalSchema ?? "false"}");
            parts.AddRange(JsonRules);
            parts.AddRange(Applicators);
            return "{" + string.Join(", ", parts) + "}";
        }

        public override string Fitting(Random random) => Render(Members(random, null));

        public override string? ValidDefault(Random random) => ValidDefault(random, [this], null);

        /// <summary>
        /// An object all of <paramref name="parts"/> allow: with only the discriminator
        /// <paramref name="tag"/> (when given) and members that have a valid default of their own.
        /// </summary>
        public static string? ValidDefault(Random random, IReadOnlyList<ObjectSpec> parts, (string Name, string Value)? tag)
        {
            if (parts.Any(p => p.Required.Any(r => r != tag?.Name) || p.JsonRules.Count > 0 || p.AdditionalSchema is not null || p.Applicators.Count > 0))
            {
                return null;
            }

            var members = new List<(string Name, string Value)>();
            foreach (IGrouping<string, Spec> member in parts.SelectMany(p => p.Properties).GroupBy(p => p.Name, p => p.Spec))
            {
                if (member.Key != tag?.Name && member.Count() == 1 && random.Next(2) == 0 && member.Single().ValidDefault(random) is { } value)
                {
                    members.Add((member.Key, value));
                }
            }

            if (tag is { } discriminator)
            {
                members.Add(discriminator);
            }

            return Render(members);
        }

        public List<(string Name, string Value)> Members(Random random, string? leaveOut) => DrawMembers(random, [this], leaveOut);

        /// <summary>
        /// The members of a document for the object all of <paramref name="parts"/> describe: each
        /// declared member (required ones more often) with a value from one of the parts declaring it,
        /// sometimes a member their object rules are about, sometimes one no part declares.
        /// </summary>
        public static List<(string Name, string Value)> DrawMembers(Random random, IReadOnlyList<ObjectSpec> parts, string? leaveOut)
        {
            var required = parts.SelectMany(p => p.Required).ToHashSet(StringComparer.Ordinal);
            var members = new List<(string Name, string Value)>();
            foreach (IGrouping<string, Spec> member in parts.SelectMany(p => p.Properties).GroupBy(p => p.Name, p => p.Spec).OrderBy(_ => random.Next()))
            {
                if (member.Key != leaveOut && random.Next(10) < (required.Contains(member.Key) ? (Careful(random) ? 10 : 9) : 6))
                {
                    // Carefully: the value of the last part that declares the member, which narrows the others.
                    Spec spec = Careful(random) ? member.Last() : member.ElementAt(random.Next(member.Count()));
                    members.Add((member.Key, spec.Instance(random)));
                }
            }

            if (Careful(random))
            {
                members.AddRange(parts.SelectMany(p => p.Needed).Where(n => n.Name != leaveOut && members.All(m => m.Name != n.Name)));
                return members;
            }

            foreach (Func<Random, (string Name, string Value)> extra in parts.SelectMany(p => p.Extras))
            {
                if (random.Next(3) == 0 && extra(random) is var added && members.All(m => m.Name != added.Name))
                {
                    members.Insert(random.Next(members.Count + 1), added);
                }
            }

            if (random.Next(6) == 0)
            {
                members.Insert(random.Next(members.Count + 1), ("extra", "1"));
            }

            return members;
        }

        public static string Render(IEnumerable<(string Name, string Value)> members) => "{" + string.Join(", ", members.Select(m => $"{Quote(m.Name)}: {m.Value}")) + "}";
    }

    /// <summary><c>allOf</c> inheritance: a <c>$ref</c> to a base object in <c>$defs</c> and a part that extends it.</summary>
    internal sealed class DerivedSpec(RefSpec baseRef, ObjectSpec baseSpec, ObjectSpec extension) : Spec, IObjectSpec
    {
        public bool SaysObject { get; init; }

        public IReadOnlyList<ObjectSpec> Parts => [baseSpec, extension];

        public static DerivedSpec Create(Random random, int depth, Definitions definitions)
        {
            ObjectSpec baseSpec = ObjectSpec.Random(random, depth - 1, definitions, mayBeNull: false);
            RefSpec baseRef = definitions.Add("base", baseSpec);
            return new DerivedSpec(baseRef, baseSpec, ObjectSpec.Extension(random, depth - 1, definitions, baseSpec, without: null)) { SaysObject = random.Next(3) == 0 };
        }

        /// <summary>A member that extends a base: the allOf inline, or a $ref to it in $defs.</summary>
        public static Spec Member(Random random, int depth, Definitions definitions)
        {
            DerivedSpec derived = Create(random, depth, definitions);
            return random.Next(3) == 0 ? definitions.Add("derived", derived) : derived;
        }

        protected override string Body() => "{" + (SaysObject ? "\"type\": \"object\", " : "") + $"\"allOf\": [{baseRef.Schema()}, {extension.Schema()}]}}";

        public override string Fitting(Random random) => ObjectSpec.Render(Members(random, null));

        public override string? ValidDefault(Random random) => ObjectSpec.ValidDefault(random, Parts, null);

        public List<(string Name, string Value)> Members(Random random, string? leaveOut) => ObjectSpec.DrawMembers(random, Parts, leaveOut);
    }

    /// <summary>
    /// A <c>oneOf</c>/<c>anyOf</c> of objects (inline, by <c>$ref</c>, or extending one base by
    /// <c>allOf</c>): told apart by a string discriminator every branch requires and fixes, or, without
    /// one, by a member only one branch has (or not at all, so that several branches may match).
    /// </summary>
    internal sealed class UnionSpec : Spec
    {
        private static readonly string[] TagValues = ["card", "bank_transfer", "cash"];
        private static readonly string[] OwnMembers = ["card_no", "iban", "voucher"];

        public string Keyword { get; init; } = "oneOf";
        public string? Tag { get; init; }
        public bool SaysObject { get; init; }

        /// <summary>The union itself declares and requires the discriminator, as OpenAPI documents often do.</summary>
        public bool DeclaresTag { get; init; }
        public List<(Spec Schema, IObjectSpec Shape)> Branches { get; } = [];

        /// <summary>The branch whose discriminator value is <paramref name="value"/>, or null.</summary>
        public Spec? BranchNamed(string value)
        {
            int i = Array.IndexOf(TagValues, value);
            return i >= 0 && i < Branches.Count ? (Spec)Branches[i].Shape : null;
        }

        public static UnionSpec Random(Random random, int depth, Definitions definitions, bool root = false)
        {
            string? tag = random.Next(3) != 0 ? (random.Next(2) == 0 ? "kind" : "type") : null;
            bool overlapping = tag is null && random.Next(3) == 0;
            var union = new UnionSpec
            {
                Keyword = random.Next(3) == 0 ? "anyOf" : "oneOf",
                Tag = tag,
                SaysObject = random.Next(2) == 0,
                DeclaresTag = tag is not null && random.Next(4) == 0,
                Nullable = !root && random.Next(10) == 0,
            };
            int style = random.Next(3); // 0: inline objects, 1: $refs to objects, 2: allOf parts extending one base
            ObjectSpec? baseSpec = null;
            RefSpec? baseRef = null;
            if (style == 2)
            {
                baseSpec = ObjectSpec.Random(random, depth - 1, definitions, mayBeNull: false, without: tag);
                if (tag is not null)
                {
                    baseSpec.Properties.Insert(0, (tag, new StringSpec()));
                    baseSpec.Required.Add(tag);
                }

                baseRef = definitions.Add("base", baseSpec);
            }

            for (int i = 0, count = random.Next(3) == 0 ? 3 : 2; i < count; i++)
            {
                ObjectSpec own = baseSpec is null
                    ? ObjectSpec.Random(random, depth - 1, definitions, mayBeNull: false, without: tag)
                    : ObjectSpec.Extension(random, depth - 1, definitions, baseSpec, without: tag);
                if (tag is not null)
                {
                    own.Properties.Insert(random.Next(2) == 0 ? 0 : own.Properties.Count, (tag, SampledSpec.Tag(random, TagValues[i])));
                    if (baseSpec is null || random.Next(2) == 0)
                    {
                        own.Required.Add(tag);
                    }
                }
                else if (!overlapping)
                {
                    own.Properties.Add((OwnMembers[i], new StringSpec { MaxLength = 6 }));
                    own.Required.Add(OwnMembers[i]);
                    own.Closed |= random.Next(2) == 0;
                }

                if (baseSpec is null)
                {
                    union.Branches.Add((style == 1 ? definitions.Add("branch", own) : own, own));
                }
                else
                {
                    var derived = new DerivedSpec(baseRef!, baseSpec, own) { SaysObject = random.Next(4) == 0 };
                    union.Branches.Add((random.Next(2) == 0 ? definitions.Add("derived", derived) : derived, derived));
                }
            }

            return union;
        }

        protected override string Body()
        {
            var parts = new List<string>();
            if (SaysObject || Nullable) parts.Add(Type("object"));
            if (DeclaresTag) parts.Add($"\"properties\": {{{Quote(Tag!)}: {{\"type\": \"string\"}}}}, \"required\": [{Quote(Tag!)}]");
            parts.Add($"{Quote(Keyword)}: [{string.Join(", ", Branches.Select(b => b.Schema.Schema()))}]");
            return "{" + string.Join(", ", parts) + "}";
        }

        /// <summary>Not <c>{}</c> when the union declares its discriminator (see <see cref="Fitting"/>).</summary>
        protected override string OtherValue(Random random) => AnyValue(random) is var value && DeclaresTag && value == "{}" ? "[]" : value;

        /// <summary>A branch with nothing required but the discriminator, as a default.</summary>
        public override string? ValidDefault(Random random)
        {
            if (Tag is null)
            {
                return null;
            }

            int branch = random.Next(Branches.Count);
            IReadOnlyList<ObjectSpec> parts = Branches[branch].Shape is DerivedSpec derived ? derived.Parts : [(ObjectSpec)Branches[branch].Shape];
            return ObjectSpec.ValidDefault(random, parts, (Tag, Quote(TagValues[branch])));
        }

        /// <summary>
        /// A document of one branch; its discriminator (first, last or anywhere) usually right, else
        /// another branch's, unknown, missing or not a string; without one, sometimes with a member of another branch.
        /// </summary>
        public override string Fitting(Random random)
        {
            int branch = random.Next(Branches.Count);
            List<(string Name, string Value)> members = Branches[branch].Shape.Members(random, Tag);
            if (Tag is null)
            {
                if (!Careful(random) && random.Next(5) == 0
                    && Branches[(branch + 1) % Branches.Count].Shape.Members(random, null) is { Count: > 0 } other
                    && other[random.Next(other.Count)] is var borrowed && members.All(m => m.Name != borrowed.Name))
                {
                    members.Insert(random.Next(members.Count + 1), borrowed);
                }

                return ObjectSpec.Render(members);
            }

            // A union that declares its discriminator reports a missing or non-string one differently in
            // the two shapes (known divergence: the typed union says only "oneOf", the JSON-backed value
            // says "required"/"type" at the member first), so those documents only spoil it otherwise.
            string? value = (Careful(random) ? 0 : random.Next(DeclaresTag ? 8 : 10)) switch
            {
                < 6 => Quote(TagValues[branch]),
                6 => Quote(TagValues[(branch + 1) % Branches.Count]),
                7 => "\"unknown\"",
                8 => null,
                _ => new[] { "5", "null", "true", "[\"card\"]" }[random.Next(4)],
            };
            if (value is not null)
            {
                members.Insert(random.Next(3) switch { 0 => 0, 1 => members.Count, _ => random.Next(members.Count + 1) }, (Tag, value));
            }

            return ObjectSpec.Render(members);
        }
    }
}
