using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text;
using Insights.Contracts.Runtime;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace Insights.Contracts.Generator.Tests;

/// <summary>
/// Random schemas drawn from what broke real builds (issue 17): member, definition and enum names
/// that records reserve or that collide (case pairs, <c>-</c>/<c>_</c>, keywords, the type's own
/// name), defaults that break their own schema, unions that hold themselves through maps, arrays and
/// <c>allOf</c>, unions of types whose JSON types overlap (<c>integer</c> and <c>number</c>), and
/// deep nesting. Each is generated typed and JSON-backed. The oracle: the generator throws nothing
/// and reports no ICG999, the generated code compiles with no warning, <c>Parse</c> never throws,
/// and both shapes give every document the same verdict. CI runs fixed seeds; set
/// <c>HAZARD_FUZZ_SCHEMAS</c> (and optionally <c>HAZARD_FUZZ_SEED</c>) for a longer random run,
/// which prints the seed of every failing batch (and, with <c>HAZARD_FUZZ_PROGRESS</c> naming a
/// file, writes a line there after each batch).
/// </summary>
public class HazardFuzzTests(ITestOutputHelper output)
{
    private const int SchemasPerBatch = 40;
    private const int DocumentsPerSchema = 24;

    [Theory]
    [InlineData(1701)]
    [InlineData(1702)]
    public void Hazardous_schemas_generate_compile_and_agree(int seed)
    {
        BatchResult result = RunBatch(seed, SchemasPerBatch);
        output.WriteLine(result.Summary);
        Assert.True(result.Failures.Count == 0, $"seed {seed}: {result.Failures.Count} failures; the first:\n{string.Join("\n\n", result.Failures.Take(3))}");
        Assert.True(result.Valid >= result.Compared / 8 && result.Invalid >= result.Compared / 8, result.Summary);
        Assert.True(result.Typed >= SchemasPerBatch / 2, result.Summary);
    }

    /// <summary>The long run: as many schemas as <c>HAZARD_FUZZ_SCHEMAS</c> says, in batches, from a random (or given) seed.</summary>
    [Fact]
    public void Long_random_run_when_asked()
    {
        if (!int.TryParse(Environment.GetEnvironmentVariable("HAZARD_FUZZ_SCHEMAS"), out int total) || total <= 0)
        {
            output.WriteLine("HAZARD_FUZZ_SCHEMAS is not set: the long run is skipped (CI runs the fixed seeds above).");
            return;
        }

        int seed = int.TryParse(Environment.GetEnvironmentVariable("HAZARD_FUZZ_SEED"), out int given) ? given : Environment.TickCount & int.MaxValue;
        var random = new Random(seed);
        var failed = new List<string>();
        int schemas = 0, documents = 0;
        var clock = Stopwatch.StartNew();
        while (schemas < total)
        {
            int batchSeed = random.Next();
            int count = Math.Min(100, total - schemas);
            BatchResult result = RunBatch(batchSeed, count);
            schemas += count;
            documents += result.Compared;
            if (result.Failures.Count > 0)
            {
                failed.Add($"batch seed {batchSeed} ({count} schemas): {result.Failures.Count} failures; the first:\n{result.Failures[0]}");
            }

            // A long run reports as it goes (xUnit shows test output only at the end) where asked.
            if (Environment.GetEnvironmentVariable("HAZARD_FUZZ_PROGRESS") is { Length: > 0 } progress)
            {
                System.IO.File.AppendAllText(progress, $"{DateTime.UtcNow:HH:mm:ss} seed {seed}: {schemas} schemas, {documents} documents, {failed.Count} failing batches{(result.Failures.Count > 0 ? $"; batch seed {batchSeed} failed: {result.Failures[0]}" : "")}\n");
            }
        }

        output.WriteLine($"long run from seed {seed}: {schemas} schemas, {documents} documents compared, {failed.Count} failing batches, {clock.Elapsed.TotalMinutes:F1} min");
        Assert.True(failed.Count == 0, string.Join("\n\n", failed.Take(3)));
    }

    private sealed record BatchResult(int Typed, int Valid, int Invalid, List<string> Failures)
    {
        public int Compared => Valid + Invalid;

        public string Summary => $"{Typed} typed roots; {Valid} valid and {Invalid} invalid documents; {Failures.Count} failures";
    }

    private static BatchResult RunBatch(int seed, int count)
    {
        var random = new Random(seed);
        var schemas = Enumerable.Range(0, count).Select(_ => HazardSchema.Create(random)).ToList();
        var texts = new List<InMemoryAdditionalText>();
        var perFile = new Dictionary<string, IReadOnlyDictionary<string, string>>();
        for (int i = 0; i < schemas.Count; i++)
        {
            foreach ((string shape, string? generateAs) in new[] { ("T", (string?)null), ("J", "JsonValue") })
            {
                string path = $"/hazard/{shape}{i:000}.schema.json";
                texts.Add(new InMemoryAdditionalText(path, schemas[i].Text));
                var metadata = new Dictionary<string, string>
                {
                    ["build_metadata.AdditionalFiles.Namespace"] = $"Hazard.{shape}{i:000}",
                    ["build_metadata.AdditionalFiles.TypeName"] = "Doc",
                };
                if (generateAs is not null)
                {
                    metadata["build_metadata.AdditionalFiles.GenerateAs"] = generateAs;
                }

                perFile[path] = metadata;
            }
        }

        var failures = new List<string>();
        GeneratorOutput generated;
        try
        {
            generated = GeneratorHarness.Run(GeneratorHarness.CreateDriver(texts, new TestOptionsProvider(new Dictionary<string, string>(), perFile)), GeneratorHarness.CreateCompilation());
        }
        catch (Exception e)
        {
            return new BatchResult(0, 0, 0, [$"the generator threw: {e}"]);
        }

        GeneratorDriverRunResult run = generated.Driver.GetRunResult();
        failures.AddRange(run.Results.Where(r => r.Exception is not null).Select(r => $"the generator threw: {r.Exception}"));
        failures.AddRange(generated.GeneratorDiagnostics.Where(d => d.Id == "ICG999" || d.Severity == DiagnosticSeverity.Error)
            .Select(d => $"{d}\nschema: {SchemaOf(schemas, d.Location.GetLineSpan().Path)}"));
        var problems = generated.Compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        if (problems.Count > 0 || failures.Count > 0)
        {
            failures.AddRange(problems.Take(5).Select(p => $"generated code: {p}\nschema: {SchemaOf(schemas, p.Location.SourceTree?.FilePath ?? "")}"));
            return new BatchResult(0, 0, 0, failures);
        }

        Assembly assembly = GeneratorHarness.Load(generated);
        int typed = 0, valid = 0, invalid = 0;
        for (int i = 0; i < schemas.Count; i++)
        {
            Func<string, bool?> typedParse = Parser(assembly, $"Hazard.T{i:000}.Doc");
            Func<string, bool?> jsonParse = Parser(assembly, $"Hazard.J{i:000}.Doc");
            if (assembly.GetType($"Hazard.T{i:000}.Doc")!.GetProperty("Value")?.PropertyType != typeof(System.Text.Json.JsonElement))
            {
                typed++;
            }

            for (int d = 0; d < DocumentsPerSchema; d++)
            {
                string document = schemas[i].Root.Instance(random, careful: d % 2 == 0);
                bool? a, b;
                try
                {
                    a = typedParse(document);
                    b = jsonParse(document);
                }
                catch (TargetInvocationException e)
                {
                    failures.Add($"Parse threw {e.InnerException}\nschema: {schemas[i].Text}\ndocument: {document}");
                    continue;
                }

                if (a != b)
                {
                    failures.Add($"typed says {(a == true ? "valid" : "invalid")}, JSON-backed {(b == true ? "valid" : "invalid")}\nschema: {schemas[i].Text}\ndocument: {document}");
                }
                else if (a == true)
                {
                    valid++;
                }
                else
                {
                    invalid++;
                }
            }
        }

        return new BatchResult(typed, valid, invalid, failures);
    }

    private static string SchemaOf(List<HazardSchema> schemas, string path)
    {
        int at = path.IndexOf("/hazard/", StringComparison.Ordinal);
        return at >= 0 && int.TryParse(path.AsSpan(at + "/hazard/".Length + 1, 3), out int index) && index < schemas.Count ? schemas[index].Text : "(not one schema)";
    }

    private static Func<string, bool?> Parser(Assembly assembly, string typeName)
    {
        MethodInfo parse = assembly.GetType(typeName, throwOnError: true)!.GetMethod("Parse", [typeof(string)])!;
        return json =>
        {
            object result = parse.Invoke(null, [json])!;
            return ((IReadOnlyList<ValidationError>)result.GetType().GetProperty("Errors")!.GetValue(result)!).Count == 0;
        };
    }

    // ---- the schemas ------------------------------------------------------------------------

    /// <summary>Names that records, enums and hint names reserve or that collide once made C# names.</summary>
    private static readonly string[] HazardNames =
    [
        "clone", "Clone", "equals", "to_string", "get_hash_code", "deconstruct", "equality_contract", "print_members", "get_type",
        "member_wise_clone", "finalize", "parse", "try_parse_json", "validate", "to_json", "to_utf8_json", "write_json", "read_json",
        "converter", "additional_properties", "value", "variant", "on_validate", "validate_object_rules", "json_schema_text",
        "read_item1", "matches_pattern1", "check_value1", "read_constant1", "is_known",
        "dotnet", "dot-net", "DotNet", "dot_net", "DOTNET", "a-b", "a_b", "A-B", "aB", "ab",
        "class", "int", "string", "namespace", "object", "this", "__arglist", "global", "System", "Doc", "doc", "DocVariant", "DocValue",
        "", "-", "1st", "2nd", "é", "x.y", "x/y", "x~y", "$ref", "type", "items", "id", "name", "kind", "Kind",
    ];

    private static readonly string[] EnumValues = ["a", "A", "b", "Value", "IsKnown", "", "Doc", "clone", "x-y", "x_y", "1", "_1"];

    private sealed record HazardSchema(Node Root, string Text)
    {
        public static HazardSchema Create(Random random)
        {
            var context = new Context(random);
            Node root = ObjectNode.Create(context, depth: 0, root: true);
            string text = root.Schema();
            if (context.Definitions.Count > 0)
            {
                text = text.Insert(text.Length - 1, ", \"$defs\": {" + string.Join(", ", context.Definitions.Select(d => $"{Json(d.Name)}: {d.Schema}")) + "}");
            }

            return new HazardSchema(root, text);
        }
    }

    private sealed class Context(Random random)
    {
        public Random Random { get; } = random;

        public List<(string Name, string Schema)> Definitions { get; } = [];

        public string Name() => HazardNames[Random.Next(HazardNames.Length)];

        /// <summary>A definition name not yet used (definitions of one name would be one key twice).</summary>
        public string DefinitionName()
        {
            for (int attempt = 0; ; attempt++)
            {
                string name = attempt < 5 ? Name() : Name() + attempt.ToString(CultureInfo.InvariantCulture);
                if (Definitions.All(d => d.Name != name) && !name.Contains('/', StringComparison.Ordinal) && !name.Contains('~', StringComparison.Ordinal))
                {
                    return name;
                }
            }
        }
    }

    private abstract class Node
    {
        public abstract string Schema();

        /// <summary>A document: usually close to valid when careful, often spoiled otherwise.</summary>
        public string Instance(Random random, bool careful) =>
            !careful && random.Next(10) == 0 ? new[] { "null", "true", "7", "2.5", "\"s\"", "[]", "{}" }[random.Next(7)] : Value(random, careful);

        protected abstract string Value(Random random, bool careful);

        public static Node Create(Context context, int depth) => context.Random.Next(depth >= 3 ? 6 : 11) switch
        {
            0 => new ScalarNode("{\"type\": \"string\", \"minLength\": 1}", ["\"ab\"", "\"x\"", "\"\"", "3"]),
            1 => new ScalarNode("{\"type\": \"integer\", \"minimum\": 0}", ["0", "5", "-1", "2.5", "1.0"]),
            2 => new ScalarNode("{\"type\": \"number\"}", ["1.5", "3", "\"n\""]),
            3 => EnumNode(context),
            4 => OverlappingUnion(context),
            5 => Defaulted(context),
            6 => ObjectNode.Create(context, depth + 1),
            7 => new ArrayNode(Create(context, depth + 1)),
            8 => new MapNode(Create(context, depth + 1)),
            9 => RecursiveUnion(context),
            _ => Reference(context, Create(context, depth + 1)),
        };

        private static ScalarNode EnumNode(Context context)
        {
            string[] values = EnumValues.OrderBy(_ => context.Random.Next()).Take(context.Random.Next(2, 5)).ToArray();
            return new ScalarNode($"{{\"enum\": [{string.Join(", ", values.Select(Json))}]}}", [.. values.Select(Json), "\"zz\""]);
        }

        /// <summary>Unions of types whose JSON types overlap: integer and number, in any order, with and without bounds.</summary>
        private static ScalarNode OverlappingUnion(Context context)
        {
            var branches = new List<string> { "{\"type\": \"integer\"}", context.Random.Next(2) == 0 ? "{\"type\": \"number\"}" : "{\"type\": \"number\", \"maximum\": 10}" };
            if (context.Random.Next(2) == 0)
            {
                branches.Add("{\"type\": \"string\"}");
            }

            if (context.Random.Next(2) == 0)
            {
                branches.Add("{\"type\": \"boolean\"}");
            }

            branches = branches.OrderBy(_ => context.Random.Next()).ToList();
            string keyword = context.Random.Next(3) == 0 ? "oneOf" : "anyOf";
            return new ScalarNode($"{{\"{keyword}\": [{string.Join(", ", branches)}]}}", ["1", "2.5", "12", "12.5", "\"s\"", "true", "null", "[]"]);
        }

        /// <summary>A member whose default may break its own schema (JSON Schema allows it: a default is an annotation).</summary>
        private static ScalarNode Defaulted(Context context) => context.Random.Next(6) switch
        {
            0 => new ScalarNode("{\"type\": \"string\", \"pattern\": \"^\\\\d+$\", \"default\": \"\"}", ["\"12\"", "\"a\""]),
            1 => new ScalarNode("{\"type\": \"string\", \"format\": \"email\", \"default\": \"not an e-mail\"}", ["\"a@b.example\"", "\"nope\""]),
            2 => new ScalarNode("{\"type\": \"integer\", \"minimum\": 5, \"default\": 1}", ["6", "4"]),
            3 => new ScalarNode("{\"type\": \"object\", \"required\": [\"n\"], \"properties\": {\"n\": {\"type\": \"integer\"}}, \"default\": {}}", ["{\"n\": 1}", "{}"]),
            4 => new ScalarNode("{\"type\": \"array\", \"items\": {\"type\": \"integer\"}, \"maxItems\": 1, \"default\": [1, 2]}", ["[1]", "[1, 2]"]),
            _ => new ScalarNode("{\"type\": \"string\", \"enum\": [\"a\", \"b\"], \"default\": \"a\"}", ["\"a\"", "\"c\""]),
        };

        /// <summary>A definition that holds itself: a string or a map of itself, an array of itself, or an allOf of itself.</summary>
        private static Node RecursiveUnion(Context context)
        {
            string name = context.DefinitionName();
            string self = $"{{\"$ref\": \"#/$defs/{Pointer(name)}\"}}";
            (string schema, Func<Random, bool, int, string> value) = context.Random.Next(3) switch
            {
                0 => ($"{{\"oneOf\": [{{\"type\": \"string\"}}, {{\"type\": \"object\", \"additionalProperties\": {self}}}]}}", (Func<Random, bool, int, string>)MapOfSelf),
                1 => ($"{{\"anyOf\": [{{\"type\": \"integer\"}}, {{\"type\": \"array\", \"items\": {self}}}]}}", ArrayOfSelf),
                _ => ($"{{\"type\": \"object\", \"properties\": {{\"label\": {{\"type\": \"string\"}}, \"children\": {{\"type\": \"array\", \"items\": {{\"allOf\": [{self}]}}}}}}}}", TreeOfSelf),
            };
            context.Definitions.Add((name, schema));
            return new RecursiveNode(self, value);

            static string MapOfSelf(Random r, bool careful, int depth) =>
                depth > 2 || r.Next(2) == 0 ? (careful || r.Next(4) > 0 ? "\"red\"" : "1") : "{\"k\": " + MapOfSelf(r, careful, depth + 1) + ", \"j\": " + MapOfSelf(r, careful, depth + 1) + "}";

            static string ArrayOfSelf(Random r, bool careful, int depth) =>
                depth > 2 || r.Next(2) == 0 ? (careful || r.Next(4) > 0 ? "3" : "\"x\"") : "[" + ArrayOfSelf(r, careful, depth + 1) + ", " + ArrayOfSelf(r, careful, depth + 1) + "]";

            static string TreeOfSelf(Random r, bool careful, int depth) =>
                "{\"label\": " + (careful || r.Next(4) > 0 ? "\"n\"" : "2") + (depth > 2 || r.Next(2) == 0 ? "" : ", \"children\": [" + TreeOfSelf(r, careful, depth + 1) + "]") + "}";
        }

        private static Node Reference(Context context, Node target)
        {
            string name = context.DefinitionName();
            context.Definitions.Add((name, target.Schema()));
            return new RefNode($"{{\"$ref\": \"#/$defs/{Pointer(name)}\"}}", target);
        }
    }

    private sealed class ScalarNode(string schema, string[] samples) : Node
    {
        public override string Schema() => schema;

        protected override string Value(Random random, bool careful) => careful ? samples[0] : samples[random.Next(samples.Length)];
    }

    private sealed class RecursiveNode(string schema, Func<Random, bool, int, string> value) : Node
    {
        public override string Schema() => schema;

        protected override string Value(Random random, bool careful) => value(random, careful, 0);
    }

    private sealed class RefNode(string schema, Node target) : Node
    {
        public override string Schema() => schema;

        protected override string Value(Random random, bool careful) => target.Instance(random, careful);
    }

    private sealed class ArrayNode(Node item) : Node
    {
        public override string Schema() => $"{{\"type\": \"array\", \"items\": {item.Schema()}}}";

        protected override string Value(Random random, bool careful) =>
            "[" + string.Join(", ", Enumerable.Range(0, random.Next(3)).Select(_ => item.Instance(random, careful))) + "]";
    }

    private sealed class MapNode(Node value) : Node
    {
        public override string Schema() => $"{{\"type\": \"object\", \"additionalProperties\": {value.Schema()}}}";

        protected override string Value(Random random, bool careful) =>
            "{" + string.Join(", ", Enumerable.Range(0, random.Next(3)).Select(i => $"\"k{i}\": {value.Instance(random, careful)}")) + "}";
    }

    private sealed class ObjectNode : Node
    {
        private readonly List<(string Name, Node Node)> _members = [];
        private readonly List<string> _required = [];
        private bool _closed;

        public static ObjectNode Create(Context context, int depth, bool root = false)
        {
            var node = new ObjectNode { _closed = context.Random.Next(4) == 0 };
            int count = context.Random.Next(root ? 3 : 1, root ? 7 : 4);
            for (int i = 0; i < count; i++)
            {
                string name = context.Name();
                if (node._members.Any(m => m.Name == name))
                {
                    continue;
                }

                node._members.Add((name, Node.Create(context, depth)));
                if (context.Random.Next(3) == 0)
                {
                    node._required.Add(name);
                }
            }

            return node;
        }

        public override string Schema()
        {
            var parts = new List<string>
            {
                "\"type\": \"object\"",
                "\"properties\": {" + string.Join(", ", _members.Select(m => $"{Json(m.Name)}: {m.Node.Schema()}")) + "}",
            };
            if (_required.Count > 0)
            {
                parts.Add("\"required\": [" + string.Join(", ", _required.Select(Json)) + "]");
            }

            if (_closed)
            {
                parts.Add("\"additionalProperties\": false");
            }

            return "{" + string.Join(", ", parts) + "}";
        }

        protected override string Value(Random random, bool careful)
        {
            var members = _members.Where(m => _required.Contains(m.Name) ? careful || random.Next(6) > 0 : random.Next(2) == 0)
                .Select(m => $"{Json(m.Name)}: {m.Node.Instance(random, careful)}")
                .ToList();
            if (!careful && random.Next(5) == 0)
            {
                members.Add("\"undeclared\": 1");
            }

            return "{" + string.Join(", ", members) + "}";
        }
    }

    private static string Json(string text)
    {
        var builder = new StringBuilder("\"");
        foreach (char c in text)
        {
            builder.Append(c switch { '"' => "\\\"", '\\' => "\\\\", _ => c.ToString() });
        }

        return builder.Append('"').ToString();
    }

    /// <summary>A definition name as a JSON Pointer token inside a <c>$ref</c> URI.</summary>
    private static string Pointer(string name) => Uri.EscapeDataString(name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal));
}
