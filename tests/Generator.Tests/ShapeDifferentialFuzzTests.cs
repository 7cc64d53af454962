using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using Insights.Contracts.Runtime;
using Xunit;
using Xunit.Abstractions;
using static Insights.Contracts.Generator.Tests.RandomSchemas;

namespace Insights.Contracts.Generator.Tests;

/// <summary>
/// Random object schemas generated twice, as typed records and as JSON-backed values
/// (<c>GenerateAs="JsonValue"</c>), and random documents for each: both shapes must give the same
/// verdict, and each shape's first error (pointer and keyword) must be one the other reports too.
/// (Which of several errors comes first can differ: a typed record checks a branch's members in
/// schema order, a JSON-backed value in document order.) Documents keep numbers to what a C#
/// <c>long</c> and <c>double</c> hold exactly, where the typed shape is exact by design.
/// The schemas use what real-world schemas use and the typed shape decides per subschema: unions
/// of objects (with and without a discriminator, inline and by <c>$ref</c>), <c>allOf</c>
/// inheritance, members without a C# type, and object rules that are checked on the JSON.
/// </summary>
public class ShapeDifferentialFuzzTests(ITestOutputHelper output)
{
    private const int SchemasPerBatch = 30;
    private const int DocumentsPerSchema = 40;

    /// <summary>Keywords that some typed schema of every batch must use, so that a change to the random generator cannot quietly stop exercising them.</summary>
    private static readonly string[] ExercisedKeywords =
        ["\"oneOf\"", "\"anyOf\"", "\"allOf\"", "\"$ref\"", "\"const\"", "\"prefixItems\"", "\"contains\"", "\"patternProperties\"", "\"propertyNames\"", "\"default\""];

    [Theory]
    [InlineData(101)]
    [InlineData(202)]
    [InlineData(303)]
    public void Typed_and_json_backed_shapes_agree_on_random_documents(int seed)
    {
        var random = new Random(seed);
        List<RandomSchema> schemas = Enumerable.Range(0, SchemasPerBatch).Select(_ => RandomSchema.Create(random)).ToList();
        var texts = new List<InMemoryAdditionalText>();
        var perFile = new Dictionary<string, IReadOnlyDictionary<string, string>>();
        for (int i = 0; i < schemas.Count; i++)
        {
            foreach ((string shape, string? generateAs) in new[] { ("T", (string?)null), ("J", "JsonValue") })
            {
                string path = $"/fuzz/{shape}{i:00}.schema.json";
                texts.Add(new InMemoryAdditionalText(path, schemas[i].Text));
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

        GeneratorOutput generated = GeneratorHarness.Run(GeneratorHarness.CreateDriver(texts, new TestOptionsProvider(new Dictionary<string, string>(), perFile)), GeneratorHarness.CreateCompilation());
        Assert.DoesNotContain(generated.GeneratorDiagnostics, d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        Assembly assembly = GeneratorHarness.Load(generated);

        // Schemas whose root became a JSON-backed value (a class that holds the document's JsonElement) rather than typed.
        var fellBack = Enumerable.Range(0, schemas.Count)
            .Where(i => assembly.GetType($"Fuzz.T{i:00}.Doc", throwOnError: true)!.GetProperty("Value")?.PropertyType == typeof(JsonElement))
            .ToHashSet();

        // Most random schemas must really exercise the typed shape, or the comparison proves little.
        Assert.True(fellBack.Count <= SchemasPerBatch / 3, $"{fellBack.Count} of {SchemasPerBatch} schemas were not typed: {string.Join("; ", generated.GeneratorDiagnostics.Where(d => d.Id is "ICG016" or "ICG018").Select(d => d.GetMessage()))}");
        var typedTexts = schemas.Where((_, i) => !fellBack.Contains(i)).Select(s => s.Text).ToList();
        foreach (string keyword in ExercisedKeywords)
        {
            Assert.True(typedTexts.Any(t => t.Contains(keyword, StringComparison.Ordinal)), $"no typed schema of seed {seed} uses {keyword}");
        }

        int valid = 0;
        int invalid = 0;
        var disagreements = new List<string>();
        for (int i = 0; i < schemas.Count; i++)
        {
            if (fellBack.Contains(i))
            {
                continue;
            }

            Func<string, ParseOutcome> typed = Parser(assembly, $"Fuzz.T{i:00}.Doc");
            Func<string, ParseOutcome> jsonBacked = Parser(assembly, $"Fuzz.J{i:00}.Doc");
            for (int d = 0; d < DocumentsPerSchema; d++)
            {
                // Half the documents are drawn carefully (valid where the generator can tell), so that valid ones are common too.
                string document = schemas[i].Root.Instance(new DocumentRandom(random.Next(), careful: d % 2 == 0));
                ParseOutcome a = typed(document);
                ParseOutcome b = jsonBacked(document);
                if (Disagreement(a, b, DispatchedUnions(schemas[i].Root, document)) is { } problem)
                {
                    disagreements.Add($"{problem}\nschema: {schemas[i].Text}\ndocument: {document}\ntyped: {a}\njson-backed: {b}");
                }

                if (a.IsValid)
                {
                    valid++;
                }
                else
                {
                    invalid++;
                }
            }
        }

        output.WriteLine($"seed {seed}: {SchemasPerBatch - fellBack.Count} of {SchemasPerBatch} schemas typed; {valid} valid and {invalid} invalid documents");
        Assert.True(disagreements.Count == 0, $"{disagreements.Count} documents disagree; the first:\n{string.Join("\n\n", disagreements.Take(3))}");

        // Both verdicts must be well represented, or agreeing on them proves little.
        int compared = valid + invalid;
        Assert.True(compared >= SchemasPerBatch * DocumentsPerSchema * 2 / 3);
        Assert.True(valid >= compared / 5 && invalid >= compared / 5, $"{valid} valid and {invalid} invalid documents");
    }

    /// <summary>
    /// Why the two outcomes disagree, or null: the verdicts must be the same, and each shape's first
    /// error must be one the other reports. An error at or inside a union that the typed shape
    /// dispatched by its discriminator counts as the union's own oneOf/anyOf error (see <see cref="DispatchedUnions"/>).
    /// </summary>
    private static string? Disagreement(ParseOutcome typed, ParseOutcome jsonBacked, IReadOnlyDictionary<string, string> dispatched)
    {
        if (typed.IsValid != jsonBacked.IsValid)
        {
            return "verdicts differ";
        }

        if (typed.IsValid)
        {
            return null;
        }

        (string Path, string Keyword) AsReported((string Path, string Keyword) error) =>
            dispatched.Where(u => error.Path == u.Key || error.Path.StartsWith(u.Key + "/", StringComparison.Ordinal)).OrderBy(u => u.Key.Length).Select(u => (u.Key, u.Value)).FirstOrDefault() is ({ } path, { } keyword)
                ? (path, keyword)
                : error;
        var typedErrors = typed.Errors.Select(AsReported).ToList();
        var jsonErrors = jsonBacked.Errors.Select(AsReported).ToList();
        return !jsonErrors.Contains(typedErrors[0]) ? "the typed shape's first error is not reported by the JSON-backed one"
            : !typedErrors.Contains(jsonErrors[0]) ? "the JSON-backed shape's first error is not reported by the typed one"
            : null;
    }

    /// <summary>
    /// The pointers (with their keyword) of the unions in <paramref name="document"/> whose
    /// discriminator names a branch. The typed shape reads such a union as that branch's record
    /// and reports the errors inside it (by design: UnionBehaviourTests); a JSON-backed value checks
    /// the union's branches as its oneOf/anyOf, and reports only that the union failed.
    /// </summary>
    private static Dictionary<string, string> DispatchedUnions(Spec root, string document)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        using JsonDocument parsed = JsonDocument.Parse(document);
        Walk(root, parsed.RootElement, "");
        return found;

        void Walk(Spec spec, JsonElement value, string pointer)
        {
            switch (spec)
            {
                case RefSpec reference:
                    Walk(reference.Target, value, pointer);
                    break;
                case UnionSpec union when value.ValueKind == JsonValueKind.Object:
                    if (union.Tag is { } tag && value.TryGetProperty(tag, out JsonElement tagValue) && tagValue.ValueKind == JsonValueKind.String
                        && union.BranchNamed(tagValue.GetString()!) is { } branch)
                    {
                        found.TryAdd(pointer, union.Keyword);
                        Walk(branch, value, pointer);
                    }

                    break;
                case ObjectSpec or DerivedSpec when value.ValueKind == JsonValueKind.Object:
                    IReadOnlyList<ObjectSpec> parts = spec is DerivedSpec derived ? derived.Parts : [(ObjectSpec)spec];
                    foreach (JsonProperty member in value.EnumerateObject())
                    {
                        foreach ((string _, Spec memberSpec) in parts.SelectMany(p => p.Properties).Where(p => p.Name == member.Name))
                        {
                            Walk(memberSpec, member.Value, pointer + "/" + member.Name.Replace("~", "~0").Replace("/", "~1"));
                        }
                    }

                    break;
                case ArraySpec array when value.ValueKind == JsonValueKind.Array:
                    int index = 0;
                    foreach (JsonElement item in value.EnumerateArray())
                    {
                        if ((index < array.PrefixItems.Count ? array.PrefixItems[index] : array.Item) is { } itemSpec)
                        {
                            Walk(itemSpec, item, pointer + "/" + index.ToString(CultureInfo.InvariantCulture));
                        }

                        index++;
                    }

                    break;
            }
        }
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
}
