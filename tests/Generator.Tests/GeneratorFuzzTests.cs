using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace Insights.Contracts.Generator.Tests;

/// <summary>
/// Seeded fuzzing of the generator: random schemas and byte-level mutations of the Insights
/// schemas. For every file, the generator must not throw, hang or report ICG999, and either an
/// error diagnostic explains why nothing was generated, or the generated code compiles.
/// Schemas are batched per compilation so thousands of cases stay fast; a failure prints the schema.
/// </summary>
public class GeneratorFuzzTests(ITestOutputHelper output)
{
    private const int BatchSize = 150;

    [Theory]
    [InlineData(1, 1_500)]
    [InlineData(2, 1_500)]
    public void Random_schemas_never_break_the_generator(int seed, int count)
    {
        var random = new Random(seed);
        RunBatches(Enumerable.Range(0, count).Select(_ => RandomSchemaText(random)).ToList(), $"random seed {seed}");
    }

    [Theory]
    [InlineData("insights-flow-request.schema.json", 1_000)]
    [InlineData("insights-flow-response.schema.json", 1_000)]
    public void Mutated_insights_schemas_never_break_the_generator(string file, int count)
    {
        string original = File.ReadAllText(Repository.Path("schema", file));
        var random = new Random(file.Length * 7919);
        RunBatches(Enumerable.Range(0, count).Select(_ => Mutate(original, random)).ToList(), $"mutations of {file}");
    }

    /// <summary>
    /// Every schema of the official test suite (../shared), as is and mutated: the JSON-backed
    /// generator meets every keyword, $id/$anchor/$ref form and boolean schema the suite has.
    /// </summary>
    [Theory]
    [InlineData(0)]
    [InlineData(1_500)]
    public void Test_suite_schemas_as_is_and_mutated_never_break_the_generator(int mutations)
    {
        string folder = Path.GetFullPath(Path.Combine(Repository.Root, "..", "shared", "json-schema-test-suite", "tests", "draft2020-12"));
        List<string> schemas = Directory.GetFiles(folder, "*.json")
            .OrderBy(f => f, StringComparer.Ordinal)
            .SelectMany(f => System.Text.Json.JsonDocument.Parse(File.ReadAllText(f)).RootElement.EnumerateArray())
            .Select(g => g.GetProperty("schema").GetRawText())
            .ToList();
        Assert.True(schemas.Count > 300, $"expected the suite's groups in {folder}");

        var random = new Random(20261129);
        RunBatches(mutations == 0 ? schemas : Enumerable.Range(0, mutations).Select(i => Mutate(schemas[i % schemas.Count], random)).ToList(), mutations == 0 ? "suite schemas" : "mutated suite schemas");
    }

    private void RunBatches(List<string> schemas, string what)
    {
        int generated = 0;
        int rejected = 0;
        for (int start = 0; start < schemas.Count; start += BatchSize)
        {
            List<string> batch = schemas.Skip(start).Take(BatchSize).ToList();
            (string Path, string Text)[] files = batch.Select((text, i) => ($"/fuzz/f{start + i}.schema.json", text)).ToArray();

            // Each file in its own namespace, so mutated copies of one schema do not collide (ICG012).
            var options = new TestOptionsProvider(
                new Dictionary<string, string> { ["build_property.RootNamespace"] = "Fuzz" },
                files.ToDictionary(
                    f => f.Path,
                    f => (IReadOnlyDictionary<string, string>)new Dictionary<string, string> { ["build_metadata.AdditionalFiles.Namespace"] = "Fuzz." + Path.GetFileName(f.Path).Split('.')[0].ToUpperInvariant() }));
            GeneratorDriver driver = GeneratorHarness.CreateDriver(files.Select(f => new InMemoryAdditionalText(f.Path, f.Text)), options);

            // A hang fails the test instead of hanging CI.
            Task<GeneratorOutput> run = Task.Run(() => GeneratorHarness.Run(driver, GeneratorHarness.CreateCompilation()));
            Assert.True(run.Wait(TimeSpan.FromSeconds(60)), $"{what}: the generator did not finish a batch within 60 s");
            GeneratorOutput result = run.Result;

            var internalErrors = result.GeneratorDiagnostics.Where(d => d.Id == "ICG999").ToList();
            Assert.True(internalErrors.Count == 0, $"{what}: generator failure\n{Describe(internalErrors, files)}");

            var filesWithErrors = result.GeneratorDiagnostics
                .Where(d => d.Severity == DiagnosticSeverity.Error)
                .Select(d => d.Location.GetLineSpan().Path)
                .ToHashSet();
            foreach ((string path, _) in files)
            {
                string prefix = Path.GetFileName(path).Replace(".schema.json", ".", StringComparison.Ordinal);
                bool hasSources = result.Sources.Any(s => s.HintName.StartsWith(prefix, StringComparison.Ordinal));
                Assert.False(filesWithErrors.Contains(path) && hasSources, $"{what}: {path} has an error diagnostic but generated code");
                Assert.True(filesWithErrors.Contains(path) || hasSources, $"{what}: {path} generated nothing and reported no error\n{files.First(f => f.Path == path).Text}");
            }

            var compileErrors = result.Compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (compileErrors.Count > 0)
            {
                string tree = compileErrors[0].Location.SourceTree?.FilePath ?? "";
                string schemaFile = Path.GetFileName(tree).Split('.')[0];
                string schema = files.FirstOrDefault(f => Path.GetFileName(f.Path).StartsWith(schemaFile + ".", StringComparison.Ordinal)).Text ?? "(unknown)";
                Assert.Fail($"{what}: generated code does not compile: {compileErrors[0]}\nschema:\n{schema}");
            }

            generated += files.Count(f => !filesWithErrors.Contains(f.Path));
            rejected += files.Count(f => filesWithErrors.Contains(f.Path));
        }

        output.WriteLine($"{what}: {schemas.Count} schemas, {generated} generated and compiled, {rejected} rejected with a diagnostic");
        Assert.Equal(schemas.Count, generated + rejected);
    }

    private static string Describe(IEnumerable<Diagnostic> diagnostics, (string Path, string Text)[] files) =>
        string.Join("\n", diagnostics.Select(d => $"{d}\n{files.First(f => f.Path == d.Location.GetLineSpan().Path).Text}"));

    private static string Mutate(string text, Random random)
    {
        var builder = new StringBuilder(text);
        int edits = random.Next(1, 4);
        const string alphabet = "{}[]\",:0123456789-.abcxyzt \\\n\u00e9";
        string[] fragments = ["\"type\"", "\"object\"", "\"$ref\"", "\"#/$defs/\"", "null", "true", "[]", "{}", "\"required\"", "\"enum\"", "-1", "1e400", "\"\"", "\"oneOf\"", "\"items\"", "\"#\"", "\"$id\"", "\"$anchor\"", "\"not\"", "false", "\"http://localhost:1234/\""];
        for (int e = 0; e < edits && builder.Length > 0; e++)
        {
            int at = random.Next(builder.Length);
            switch (random.Next(6))
            {
                case 0: builder.Remove(at, Math.Min(random.Next(1, 12), builder.Length - at)); break;
                case 1: builder.Insert(at, alphabet[random.Next(alphabet.Length)]); break;
                case 2: builder[at] = alphabet[random.Next(alphabet.Length)]; break;
                case 3: builder.Insert(at, fragments[random.Next(fragments.Length)]); break;
                case 4: builder.Length = at; break;
                default:
                    int from = random.Next(builder.Length);
                    int length = Math.Min(random.Next(1, 40), builder.Length - from);
                    builder.Insert(at, builder.ToString(from, length));
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>A random schema: mostly sensible shapes, with wrong kinds, odd names and bad references mixed in.</summary>
    private static string RandomSchemaText(Random random)
    {
        var defs = new List<string>();
        int defCount = random.Next(0, 3);
        for (int i = 0; i < defCount; i++)
        {
            defs.Add($"\"D{i}\": {RandomSchema(random, 2, defCount)}");
        }

        string root = RandomObject(random, 3, defCount);
        if (defs.Count > 0 && random.Next(4) > 0)
        {
            root = root.Substring(0, root.Length - 1) + $", \"$defs\": {{{string.Join(", ", defs)}}}}}";
        }

        return random.Next(20) == 0 ? RandomSchema(random, 2, defCount) : root;
    }

    private static string RandomObject(Random random, int depth, int defCount)
    {
        string[] names = ["a", "class", "2fa", "iban-number", "iban_number", "Validate", "x y", "\u00fcber", "", "type", "Value", "a", "__", "$id", "😀"];
        int count = random.Next(0, 6);
        var properties = new List<string>();
        var used = new List<string>();
        for (int i = 0; i < count; i++)
        {
            string name = names[random.Next(names.Length)] + (random.Next(3) == 0 ? i.ToString(System.Globalization.CultureInfo.InvariantCulture) : "");
            used.Add(name);
            properties.Add($"{Quote(name)}: {RandomSchema(random, depth - 1, defCount)}");
        }

        var members = new List<string> { "\"type\": \"object\"" };
        if (properties.Count > 0 || random.Next(2) == 0)
        {
            members.Add($"\"properties\": {{{string.Join(", ", properties)}}}");
        }

        if (used.Count > 0 && random.Next(2) == 0)
        {
            members.Add($"\"required\": [{string.Join(", ", used.Where(_ => random.Next(2) == 0).Select(Quote))}]");
        }

        if (random.Next(3) == 0)
        {
            members.Add($"\"additionalProperties\": {(random.Next(3) == 0 ? "{\"type\": \"string\"}" : random.Next(2) == 0 ? "false" : "true")}");
        }

        if (used.Count > 0 && random.Next(3) == 0)
        {
            string keyword = new[] { "oneOf", "anyOf", "allOf" }[random.Next(3)];
            string branches = string.Join(", ", Enumerable.Range(0, random.Next(1, 4)).Select(b =>
                $"{{{(random.Next(2) == 0 ? $"\"title\": \"B{b}\", " : "")}\"required\": [{Quote(used[random.Next(used.Count)])}]}}"));
            members.Add($"\"{keyword}\": [{branches}]");
        }

        if (used.Count > 0 && random.Next(5) == 0)
        {
            members.Add($"\"if\": {{\"required\": [{Quote(used[0])}]}}, \"then\": {{\"required\": [{Quote(used[^1])}]}}");
        }

        if (random.Next(8) == 0)
        {
            members.Add("\"requried\": []");
        }

        return "{" + string.Join(", ", members) + "}";
    }

    private static string RandomSchema(Random random, int depth, int defCount)
    {
        int choice = random.Next(depth <= 0 ? 9 : 12);
        return choice switch
        {
            0 => $"{{\"type\": \"string\"{(random.Next(2) == 0 ? ", \"minLength\": " + random.Next(-1, 5) : "")}{(random.Next(3) == 0 ? ", \"pattern\": " + Quote(new[] { "^[A-Z]{2}$", "[a-", "^a.b$", "\\\\d+", "^x?$" }[random.Next(5)]) : "")}}}",
            1 => $"{{\"type\": \"integer\"{(random.Next(2) == 0 ? ", \"minimum\": " + random.Next(-5, 5) : "")}{(random.Next(2) == 0 ? ", \"maximum\": " + new[] { "10", "2147483647", "1e30", "9.5" }[random.Next(4)] : "")}{(random.Next(3) == 0 ? ", \"default\": " + new[] { "1", "1.5", "\"x\"", "null" }[random.Next(4)] : "")}}}",
            2 => $"{{\"type\": \"number\", \"multipleOf\": {new[] { "0.5", "0", "-1", "3" }[random.Next(4)]}}}",
            3 => "{\"type\": \"boolean\"" + (random.Next(2) == 0 ? ", \"const\": true" : "") + "}",
            4 => $"{{\"enum\": [{string.Join(", ", Enumerable.Range(0, random.Next(0, 4)).Select(i => new[] { "\"a\"", "\"b-c\"", "\"\"", "\"1x\"", "\"a\"", "1", "null" }[random.Next(7)]))}]}}",
            5 => $"{{\"type\": \"string\", \"format\": {Quote(new[] { "date", "uuid", "date-time", "email", "ipv4", "hostname", "nope" }[random.Next(7)])}{(random.Next(3) == 0 ? ", \"default\": " + Quote(new[] { "2024-01-01", "2024-02-30", "8ed4ac35-04b0-4c4f-a283-41b6e387c422", "x" }[random.Next(4)]) : "")}}}",
            6 => $"{{\"$ref\": \"#/$defs/D{random.Next(0, defCount + 1)}\"{(random.Next(4) == 0 ? ", \"minLength\": 1" : "")}}}",
            7 => new[] { "true", "false", "{}", "[]", "\"x\"", "{\"type\": [\"string\", \"null\"]}", "{\"type\": [\"string\", \"integer\"]}", "{\"type\": \"array\"}" }[random.Next(8)],
            8 => "{\"type\": \"string\", \"anyOf\": [{\"enum\": [\"k1\", \"k2\"]}, {\"type\": \"string\"}]}",
            9 or 10 => RandomObject(random, depth - 1, defCount),
            _ => $"{{\"type\": \"array\", \"items\": {RandomSchema(random, depth - 1, defCount)}{(random.Next(2) == 0 ? ", \"uniqueItems\": true, \"minItems\": 1" : "")}}}",
        };
    }

    private static string Quote(string text) => System.Text.Json.JsonSerializer.Serialize(text);
}
