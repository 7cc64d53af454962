using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text;
using Insights.Contracts.Runtime;
using Xunit;

namespace Insights.Contracts.Generator.Tests;

/// <summary>
/// Random object schemas generated twice, as typed records and as JSON-backed values
/// (<c>GenerateAs="JsonValue"</c>), and random documents for each: both shapes must give the same
/// verdict, and each shape's first error (pointer and keyword) must be one the other reports too.
/// (Which of several errors comes first can differ: a typed record checks a branch's members in
/// schema order, a JSON-backed value in document order.) Documents keep numbers to what a C#
/// <c>long</c> and <c>double</c> hold exactly, where the typed shape is exact by design.
/// </summary>
public class ShapeDifferentialFuzzTests
{
    private const int SchemasPerBatch = 30;
    private const int DocumentsPerSchema = 40;

    [Theory]
    [InlineData(101)]
    [InlineData(202)]
    [InlineData(303)]
    public void Typed_and_json_backed_shapes_agree_on_random_documents(int seed)
    {
        var random = new Random(seed);
        List<ObjectSpec> specs = Enumerable.Range(0, SchemasPerBatch).Select(_ => ObjectSpec.Random(random, depth: 2, root: true)).ToList();
        var texts = new List<InMemoryAdditionalText>();
        var perFile = new Dictionary<string, IReadOnlyDictionary<string, string>>();
        for (int i = 0; i < specs.Count; i++)
        {
            string schema = specs[i].Schema();
            foreach ((string shape, string? generateAs) in new[] { ("T", (string?)null), ("J", "JsonValue") })
            {
                string path = $"/fuzz/{shape}{i:00}.schema.json";
                texts.Add(new InMemoryAdditionalText(path, schema));
                var metadata = new Dictionary<string, string>
                {
                    ["build_metadata.AdditionalFiles.Namespace"] = $"Fuzz.{shape}{i:00}",
                    ["build_metadata.AdditionalFiles.TypeName"] = "Doc",
                };
                if (generateAs is not null)
                {
                    metadata["build_metadata.AdditionalFiles.GenerateAs"] = generateAs;
                }

                perFile[path] = metadata;
            }
        }

        GeneratorOutput output = GeneratorHarness.Run(GeneratorHarness.CreateDriver(texts, new TestOptionsProvider(new Dictionary<string, string>(), perFile)), GeneratorHarness.CreateCompilation());
        Assert.DoesNotContain(output.GeneratorDiagnostics, d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        var fellBack = output.GeneratorDiagnostics.Where(d => d.Id == "ICG016" && d.Location.GetLineSpan().Path.Contains("/T", StringComparison.Ordinal))
            .Select(d => int.Parse(d.Location.GetLineSpan().Path.AsSpan(7, 2), CultureInfo.InvariantCulture))
            .ToHashSet();
        Assembly assembly = GeneratorHarness.Load(output);

        // Most random schemas must really exercise the typed shape, or the comparison proves little.
        Assert.True(fellBack.Count <= SchemasPerBatch / 3, $"{fellBack.Count} of {SchemasPerBatch} schemas were not typed: {string.Join("; ", output.GeneratorDiagnostics.Where(d => d.Id == "ICG016").Select(d => d.GetMessage()))}");
        int compared = 0;
        for (int i = 0; i < specs.Count; i++)
        {
            if (fellBack.Contains(i))
            {
                continue;
            }

            Func<string, ParseOutcome> typed = Parser(assembly, $"Fuzz.T{i:00}.Doc");
            Func<string, ParseOutcome> jsonBacked = Parser(assembly, $"Fuzz.J{i:00}.Doc");
            for (int d = 0; d < DocumentsPerSchema; d++)
            {
                string document = specs[i].Instance(random);
                ParseOutcome a = typed(document);
                ParseOutcome b = jsonBacked(document);
                string context = $"\nschema: {specs[i].Schema()}\ndocument: {document}\ntyped: {a}\njson-backed: {b}";
                Assert.True(a.IsValid == b.IsValid, "verdicts differ" + context);
                if (!a.IsValid)
                {
                    Assert.True(b.Errors.Contains(a.Errors[0]), "the typed shape's first error is not reported by the JSON-backed one" + context);
                    Assert.True(a.Errors.Contains(b.Errors[0]), "the JSON-backed shape's first error is not reported by the typed one" + context);
                }

                compared++;
            }
        }

        Assert.True(compared >= SchemasPerBatch * DocumentsPerSchema * 2 / 3);
    }

    private sealed record ParseOutcome(bool IsValid, IReadOnlyList<(string Path, string Keyword)> Errors)
    {
        public override string ToString() => IsValid ? "valid" : string.Join(", ", Errors.Select(e => $"{e.Path} {e.Keyword}"));
    }

    private static Func<string, ParseOutcome> Parser(Assembly assembly, string typeName)
    {
        MethodInfo parse = assembly.GetType(typeName, throwOnError: true)!.GetMethod("Parse", [typeof(string)])!;
        return json =>
        {
            object result = parse.Invoke(null, [json])!;
            var errors = (IReadOnlyList<ValidationError>)result.GetType().GetProperty("Errors")!.GetValue(result)!;
            return new ParseOutcome(errors.Count == 0, errors.Select(e => (e.Path, e.Keyword)).ToList());
        };
    }

    // ---- random schemas, each able to make documents that mostly fit it ------------------------

    private abstract class Spec
    {
        public bool Nullable { get; init; }

        public abstract string Schema();

        /// <summary>A document for this schema: usually close to valid, sometimes of another type.</summary>
        public string Instance(Random random) =>
            (Nullable && random.Next(8) == 0) ? "null"
            : random.Next(12) == 0 ? AnyValue(random)
            : Fitting(random);

        protected abstract string Fitting(Random random);

        protected string Type(string type) => Nullable ? $"\"type\": [\"{type}\", \"null\"]" : $"\"type\": \"{type}\"";

        public static Spec Random(Random random, int depth) => random.Next(depth > 0 ? 9 : 7) switch
        {
            0 or 1 => StringSpec.Random(random),
            2 => IntegerSpec.Random(random),
            3 => NumberSpec.Random(random),
            4 => new BooleanSpec { Constant = random.Next(3) == 0 ? random.Next(2) == 0 : null },
            5 => EnumSpec.Random(random),
            6 => new ArraySpec(Random(random, 0)) { MinItems = Maybe(random, 2), MaxItems = Maybe(random, 3) is { } m ? m + 1 : null, UniqueItems = random.Next(3) == 0 },
            7 => new ArraySpec(Random(random, depth - 1)) { MaxItems = Maybe(random, 4) },
            _ => ObjectSpec.Random(random, depth - 1, root: false),
        };

        protected static int? Maybe(Random random, int max) => random.Next(2) == 0 ? random.Next(max + 1) : null;

        private static string AnyValue(Random random) => new[] { "null", "true", "7", "-2.5", "\"x\"", "[]", "{}", "[1, \"a\"]" }[random.Next(8)];

        protected static string Quote(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
    }

    private sealed class StringSpec : Spec
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

        public override string Schema()
        {
            var parts = new List<string> { Type("string") };
            if (MinLength is { } min) parts.Add($"\"minLength\": {min}");
            if (MaxLength is { } max) parts.Add($"\"maxLength\": {max}");
            if (Pattern is { } pattern) parts.Add($"\"pattern\": {Quote(pattern)}");
            if (Format is { } format) parts.Add($"\"format\": {Quote(format)}");
            if (Enum is { } values) parts.Add($"\"enum\": [{string.Join(", ", values.Select(Quote))}]");
            return "{" + string.Join(", ", parts) + "}";
        }

        protected override string Fitting(Random random) => Quote(Enum is { } values && random.Next(2) == 0 ? values[random.Next(values.Length)] : Samples[random.Next(Samples.Length)]);
    }

    private sealed class IntegerSpec : Spec
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

        public override string Schema() => "{" + string.Join(", ", new[] { Type("integer") }.Concat(Keywords)) + "}";

        protected override string Fitting(Random random) => new[] { "0", "1", "2", "3", "40", "-6", "-5", "99", "100", "101", "2147483648", "3000000000", "1.5", "6.0", "-0" }[random.Next(15)];
    }

    private sealed class NumberSpec : Spec
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

        public override string Schema() => "{" + string.Join(", ", new[] { Type("number") }.Concat(Keywords)) + "}";

        protected override string Fitting(Random random) => new[] { "0", "-1.5", "-1.75", "0.25", "0.3", "99.75", "99.8", "100", "1e2", "7" }[random.Next(10)];
    }

    private sealed class BooleanSpec : Spec
    {
        public bool? Constant { get; init; }

        public override string Schema() => Constant is { } value ? $"{{{Type("boolean")}, \"const\": {(value ? "true" : "false")}}}" : $"{{{Type("boolean")}}}";

        protected override string Fitting(Random random) => random.Next(2) == 0 ? "true" : "false";
    }

    private sealed class EnumSpec : Spec
    {
        public string[] Values { get; init; } = [];
        public bool Typed { get; init; }
        public bool Open { get; init; }

        public static EnumSpec Random(Random random) =>
            new() { Values = new[] { "card", "bank_transfer", "cash", "Other value" }.Take(2 + random.Next(3)).ToArray(), Typed = random.Next(2) == 0, Open = random.Next(4) == 0 };

        public override string Schema() => Open
            ? $"{{\"type\": \"string\", \"anyOf\": [{{\"enum\": [{string.Join(", ", Values.Select(Quote))}]}}, {{\"type\": \"string\"}}]}}"
            : $"{{{(Typed ? "\"type\": \"string\", " : "")}\"enum\": [{string.Join(", ", Values.Select(Quote))}]}}";

        protected override string Fitting(Random random) => random.Next(4) == 0 ? "\"wire\"" : Quote(Values[random.Next(Values.Length)]);
    }

    private sealed class ArraySpec(Spec item) : Spec
    {
        public int? MinItems { get; init; }
        public int? MaxItems { get; init; }
        public bool UniqueItems { get; init; }

        public override string Schema()
        {
            var parts = new List<string> { Type("array"), $"\"items\": {item.Schema()}" };
            if (MinItems is { } min) parts.Add($"\"minItems\": {min}");
            if (MaxItems is { } max) parts.Add($"\"maxItems\": {max}");
            if (UniqueItems) parts.Add("\"uniqueItems\": true");
            return "{" + string.Join(", ", parts) + "}";
        }

        protected override string Fitting(Random random)
        {
            var items = Enumerable.Range(0, random.Next(5)).Select(_ => item.Instance(random)).ToList();
            if (items.Count > 0 && random.Next(4) == 0)
            {
                items.Add(items[0]);
            }

            return "[" + string.Join(", ", items) + "]";
        }
    }

    private sealed class ObjectSpec : Spec
    {
        private static readonly string[] Names = ["id", "name", "kind", "amount", "tags", "active", "created_on", "detail", "note", "x2"];

        public List<(string Name, Spec Spec)> Properties { get; } = [];
        public List<string> Required { get; } = [];
        public bool Closed { get; init; }
        public List<string> Applicators { get; } = [];

        public static ObjectSpec Random(Random random, int depth, bool root)
        {
            var spec = new ObjectSpec { Closed = random.Next(3) == 0, Nullable = !root && random.Next(6) == 0 };
            foreach (string name in Names.OrderBy(_ => random.Next()).Take(1 + random.Next(root ? 6 : 3)))
            {
                spec.Properties.Add((name, Spec.Random(random, depth)));
                if (random.Next(3) == 0)
                {
                    spec.Required.Add(name);
                }
            }

            if (root)
            {
                spec.AddApplicators(random);
            }

            return spec;
        }

        /// <summary>Applicators that only use what a typed record holds: members it declares, with keywords their C# types check.</summary>
        private void AddApplicators(Random random)
        {
            var checkable = Properties.Where(p => !p.Spec.Nullable && p.Spec is not ObjectSpec).ToList();
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

        public override string Schema()
        {
            var parts = new List<string>
            {
                Type("object"),
                "\"properties\": {" + string.Join(", ", Properties.Select(p => $"{Quote(p.Name)}: {p.Spec.Schema()}")) + "}",
            };
            if (Required.Count > 0) parts.Add($"\"required\": [{string.Join(", ", Required.Select(Quote))}]");
            if (Closed) parts.Add("\"additionalProperties\": false");
            parts.AddRange(Applicators);
            return "{" + string.Join(", ", parts) + "}";
        }

        protected override string Fitting(Random random)
        {
            var members = new List<string>();
            foreach ((string name, Spec spec) in Properties.OrderBy(_ => random.Next()))
            {
                if (random.Next(10) < (Required.Contains(name) ? 9 : 6))
                {
                    members.Add($"{Quote(name)}: {spec.Instance(random)}");
                }
            }

            if (random.Next(6) == 0)
            {
                members.Insert(random.Next(members.Count + 1), "\"extra\": 1");
            }

            return "{" + string.Join(", ", members) + "}";
        }
    }
}
