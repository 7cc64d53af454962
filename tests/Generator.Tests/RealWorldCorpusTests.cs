using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Insights.Contracts.Generator.Parsing;
using Insights.Contracts.Runtime;
using Json.Schema;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace Insights.Contracts.Generator.Tests;

/// <summary>
/// The real-world corpus (<c>RealWorld/</c>, see its README): schemas written in the styles of public
/// APIs and config files, each with valid and invalid documents. JsonSchema.Net 8.0.5 checks that
/// the corpus itself is right; one generator run and one compilation over every schema check the
/// generated <c>Parse</c> against it, except for the documents <c>known-failures.json</c> names (an
/// entry that no longer fails fails the test, so the list cannot go stale); and the shape each
/// schema got (typed root or JSON-backed value) is reported.
/// </summary>
public class RealWorldCorpusTests(ITestOutputHelper output)
{
    [Fact]
    public void The_corpus_is_complete()
    {
        Corpus corpus = LoadedCorpus.Value;
        var problems = new List<string>();
        foreach (CorpusSchema schema in corpus.Schemas)
        {
            if (schema.Dialect is not ("draft-07" or "2020-12"))
            {
                problems.Add($"{schema.Name}: $schema is neither draft-07 nor 2020-12");
            }

            if (!schema.Documents.Any(d => d.Valid) || !schema.Documents.Any(d => !d.Valid))
            {
                problems.Add($"{schema.Name}: needs valid-*.json and invalid-*.json documents");
            }
        }

        problems.AddRange(corpus.Documents.Where(d => !d.Valid && !d.Id.Contains("/invalid-", StringComparison.Ordinal)).Select(d => $"{d.Id}: a document's name starts with valid- or invalid-"));
        var invalid = corpus.Documents.Where(d => !d.Valid).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(invalid.Where(id => !corpus.Expectations.ContainsKey(id)).Select(id => $"{id}: no entry in expectations.json"));
        problems.AddRange(corpus.Expectations.Keys.Where(id => !invalid.Contains(id)).Select(id => $"expectations.json names {id}, which is no invalid-*.json document"));
        var ids = corpus.Documents.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(corpus.KnownFailures.Documents.Keys.Where(id => !ids.Contains(id)).Select(id => $"known-failures.json names {id}, which is no document"));
        problems.AddRange(corpus.KnownFailures.Schemas.Keys.Where(name => corpus.Schemas.All(s => s.Name != name)).Select(name => $"known-failures.json names schema {name}, which does not exist"));

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(corpus.Schemas.Count >= 40, $"{corpus.Schemas.Count} schemas; the corpus promises at least 40");
    }

    /// <summary>(a) An independent validator agrees with every verdict, pointer and keyword the corpus states.</summary>
    [Fact]
    public void JsonSchemaNet_agrees_with_every_verdict_in_the_corpus()
    {
        var disagreements = new List<string>();
        foreach (CorpusSchema schema in LoadedCorpus.Value.Schemas)
        {
            // JsonSchema.Net 8 does not pick the dialect from $schema (it reads every file in its
            // own "v1" dialect unless told): give it the file's own, so draft-07 means draft-07.
            // A registry and base URI of its own: schemas without $id would otherwise share JsonSchema.Net's
            // default base URI, and a $ref could resolve into another schema of the corpus.
            JsonSchema oracle = JsonSchema.FromText(
                schema.Text,
                new BuildOptions { Dialect = schema.Dialect == "draft-07" ? Dialect.Draft07 : Dialect.Draft202012, SchemaRegistry = new SchemaRegistry() },
                new Uri($"https://corpus.test/{schema.Name}/schema.json"));
            foreach (CorpusDocument document in schema.Documents)
            {
                using JsonDocument instance = JsonDocument.Parse(document.Text);
                EvaluationResults results = oracle.Evaluate(instance.RootElement, new EvaluationOptions
                {
                    OutputFormat = OutputFormat.Hierarchical,
                    RequireFormatValidation = true, // the generator asserts formats by default
                });
                List<OracleError> errors = OracleError.Collect(results);
                string reported = string.Join("; ", errors.Select(e => $"{e.Pointer} {e.Keyword}"));
                if (document.Valid)
                {
                    if (!results.IsValid)
                    {
                        disagreements.Add($"{document.Id}: valid in the corpus, invalid for JsonSchema.Net: {reported}");
                    }

                    continue;
                }

                Expectation expected = LoadedCorpus.Value.Expectations[document.Id];
                string pointer = expected.OraclePointer ?? expected.Pointer;
                if (results.IsValid)
                {
                    disagreements.Add($"{document.Id}: invalid in the corpus, valid for JsonSchema.Net");
                }
                else if (!errors.Any(e => e.Pointer == pointer && e.Keyword == expected.Keyword))
                {
                    disagreements.Add($"{document.Id}: expected '{pointer}' {expected.Keyword}, JsonSchema.Net reports: {reported}");
                }
                else if (errors.FirstOrDefault(e => !e.InBranch && !(e.Pointer == pointer && e.Keyword == expected.Keyword) && !IsUnionAround(e.Pointer, e.Keyword, pointer)) is { } other)
                {
                    // One clear mistake: apart from what the branches of a failing oneOf/anyOf say,
                    // the validator reports the expected error and nothing else.
                    disagreements.Add($"{document.Id}: a second mistake, '{other.Pointer}' {other.Keyword}; JsonSchema.Net reports: {reported}");
                }

                if (expected.OraclePointer == expected.Pointer)
                {
                    disagreements.Add($"{document.Id}: oraclePointer equals pointer; drop it");
                }
            }
        }

        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements));
    }

    /// <summary>Whether the error is a oneOf/anyOf failing at <paramref name="pointer"/> or above it, so a branch error there explains it.</summary>
    private static bool IsUnionAround(string errorPointer, string errorKeyword, string pointer) =>
        errorKeyword is "oneOf" or "anyOf" && (pointer == errorPointer || pointer.StartsWith(errorPointer + "/", StringComparison.Ordinal));

    /// <summary>(b) The generated Parse gives every verdict of the corpus, except the known failures, which must still fail.</summary>
    [Fact]
    public void Generated_parse_gives_every_verdict_except_the_known_failures()
    {
        Generated generated = GeneratedCorpus.Value;
        KnownFailures known = LoadedCorpus.Value.KnownFailures;
        var problems = new List<string>();
        foreach (CorpusSchema schema in LoadedCorpus.Value.Schemas)
        {
            string? refusal = generated.Refusals.GetValueOrDefault(schema.Name);
            bool listed = known.Schemas.ContainsKey(schema.Name);
            if (refusal is not null && !listed)
            {
                problems.Add($"{schema.Name}: the generator refuses it ({refusal}); fix it or list it under \"schemas\" in known-failures.json");
            }
            else if (refusal is null && listed)
            {
                problems.Add($"{schema.Name}: listed as refused in known-failures.json, but it generates now; remove the entry");
            }

            if (refusal is not null)
            {
                problems.AddRange(schema.Documents.Where(d => known.Documents.ContainsKey(d.Id)).Select(d => $"{d.Id}: listed in known-failures.json, but its schema is refused, so it is never parsed; list the schema only"));
                continue;
            }

            foreach (CorpusDocument document in schema.Documents)
            {
                string? wrong = generated.WrongVerdict(schema, document);
                bool expectedToFail = known.Documents.ContainsKey(document.Id);
                if (wrong is not null && !expectedToFail)
                {
                    problems.Add($"{document.Id}: {wrong}");
                }
                else if (wrong is null && expectedToFail)
                {
                    problems.Add($"{document.Id}: listed in known-failures.json ({known.Documents[document.Id]}), but the generated Parse gets it right now; remove the entry");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>(c) What shape each schema got, and what the generator said about it: reported, not yet asserted.</summary>
    [Fact]
    public void Report_the_shape_each_schema_gets()
    {
        Generated generated = GeneratedCorpus.Value;
        Corpus corpus = LoadedCorpus.Value;
        var report = new StringBuilder();
        var differing = new StringBuilder();
        int typed = 0, jsonBacked = 0, refused = 0, warned = 0, exact = 0, atUnion = 0, judged = 0, typedMembers = 0, jsonMembers = 0;
        foreach (CorpusSchema schema in corpus.Schemas)
        {
            Diagnostic[] diagnostics = generated.Diagnostics(schema);
            string shape;
            RootShape root = generated.Refusals.ContainsKey(schema.Name) ? default : generated.Shape(schema);
            if (generated.Refusals.ContainsKey(schema.Name))
            {
                shape = "refused";
                refused++;
            }
            else if (root.JsonBacked || (root.Alternatives == 0 && root.TypedMembers == 0 && root.JsonMembers > 0))
            {
                // A record whose every member is a JsonAny types nothing: it counts as JSON-backed.
                shape = "JSON-backed";
                jsonBacked++;
            }
            else
            {
                shape = root.Alternatives > 0 ? $"union of {root.Alternatives}" : "typed record";
                typed++;
            }

            typedMembers += root.AllTypedMembers;
            jsonMembers += root.AllJsonMembers;

            Diagnostic[] warnings = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning).ToArray();
            warned += warnings.Length > 0 ? 1 : 0;
            string ids = string.Join(", ", diagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Count() == 1 ? g.Key : $"{g.Key}×{g.Count()}"));
            string members = shape == "refused" || root.JsonBacked ? "" : $"{root.AllTypedMembers}/{root.AllTypedMembers + root.AllJsonMembers} typed";
            report.AppendLine($"{schema.Name,-28} {schema.Dialect,-8} {shape,-13} {members,-14} {ids}");
            foreach (var said in diagnostics.Where(d => d.Id is "ICG016" or "ICG019" or "ICG020" or "ICG021" || d.Severity >= DiagnosticSeverity.Warning).GroupBy(d => $"{d.Id}: {d.GetMessage()}"))
            {
                report.AppendLine($"    {said.Key}{(said.Count() > 1 ? $" (×{said.Count()})" : "")}");
            }

            if (shape == "refused")
            {
                continue;
            }

            foreach (CorpusDocument document in schema.Documents.Where(d => !d.Valid))
            {
                if (generated.Errors(schema, document, out _) is not { Count: > 0 } errors)
                {
                    continue;
                }

                judged++;
                Expectation expected = corpus.Expectations[document.Id];
                if (errors.Any(e => e.Keyword == expected.Keyword && (e.Path == expected.Pointer || (e.Keyword == "required" && Parent(e.Path) == expected.Pointer))))
                {
                    exact++;
                }
                else if (errors.Any(e => IsUnionAround(e.Path, e.Keyword, expected.Pointer)))
                {
                    atUnion++;
                }
                else
                {
                    differing.AppendLine($"    {document.Id}: expected '{expected.Pointer}' {expected.Keyword}, generated {string.Join("; ", errors.Select(e => $"'{e.Path}' {e.Keyword}"))}");
                }
            }
        }

        report.Insert(0,
            $"Real-world corpus: {corpus.Schemas.Count} schemas, {corpus.Documents.Count} documents\n"
            + $"typed roots: {typed} ({100.0 * typed / Math.Max(1, typed + jsonBacked):F0}% of the schemas that generate), JSON-backed roots: {jsonBacked}, refused: {refused}, schemas with warnings: {warned}\n"
            + $"members of the generated records: {typedMembers} with a C# type, {jsonMembers} JsonAny\n"
            + $"known failures: {corpus.KnownFailures.Schemas.Count} schemas, {corpus.KnownFailures.Documents.Count} documents\n"
            + $"invalid documents the generated Parse rejects: {judged}; with the expected pointer and keyword: {exact}; with the oneOf/anyOf around it: {atUnion}; otherwise: {judged - exact - atUnion}\n\n");
        report.AppendLine().AppendLine("Invalid documents whose generated errors name neither the expected pointer and keyword nor a oneOf/anyOf around it:").Append(differing);
        output.WriteLine(report.ToString());
        string path = Repository.Path("artifacts", "real-world", "report.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, report.ToString());
        Assert.Equal(corpus.Schemas.Count, typed + jsonBacked + refused);
    }

    /// <summary>A JSON Pointer (or an evaluation path) without its last step.</summary>
    private static string Parent(string pointer) => pointer.Substring(0, Math.Max(0, pointer.LastIndexOf('/')));

    private static readonly Lazy<Corpus> LoadedCorpus = new(Corpus.Load);

    private static readonly Lazy<Generated> GeneratedCorpus = new(() => Generated.Run(LoadedCorpus.Value));

    /// <summary>One error of JsonSchema.Net's hierarchical output, with the keyword that failed.</summary>
    /// <param name="InBranch">Reported inside a branch of a oneOf/anyOf, to say why that branch did not match.</param>
    private sealed record OracleError(string Pointer, string Keyword, bool InBranch)
    {
        /// <summary>
        /// The errors of the failing nodes, skipping the failed branches of an anyOf/oneOf that passed
        /// and the subschemas of if/not (their failure is no error). A oneOf that matched more or
        /// fewer than one branch, and an anyOf that matched none, count as an error of that keyword:
        /// JsonSchema.Net 8 writes no message for them.
        /// </summary>
        public static List<OracleError> Collect(EvaluationResults root)
        {
            var errors = new List<OracleError>();
            Walk(root);
            return errors;

            void Walk(EvaluationResults node)
            {
                if (node.IsValid)
                {
                    return;
                }

                string[] path = node.EvaluationPath.ToString().Split('/');
                bool inBranch = path.Zip(path.Skip(1)).Any(p => p.First is "oneOf" or "anyOf" && int.TryParse(p.Second, out _));
                foreach ((string keyword, string _) in node.Errors ?? new Dictionary<string, string>())
                {
                    // A false schema reports no keyword: the one that applied it is the last step of the path.
                    errors.Add(new OracleError(node.InstanceLocation.ToString(), keyword.Length > 0 ? keyword : path[^1], inBranch));
                }

                List<EvaluationResults> children = node.Details ?? [];
                foreach (var union in children.Where(IsBranch).GroupBy(c => Parent(c.EvaluationPath.ToString())))
                {
                    int matched = union.Count(c => c.IsValid);
                    string keyword = union.Key.Substring(union.Key.LastIndexOf('/') + 1);
                    if (keyword == "oneOf" ? matched == 1 : matched > 0)
                    {
                        continue;
                    }

                    errors.Add(new OracleError(node.InstanceLocation.ToString(), keyword, inBranch));
                    foreach (EvaluationResults branch in union)
                    {
                        Walk(branch);
                    }
                }

                foreach (EvaluationResults child in children.Where(c => !IsBranch(c)))
                {
                    // The if and not keywords, not members called "if" or "not" (properties/not).
                    string[] steps = child.EvaluationPath.ToString().Split('/');
                    if (steps[^1] is not ("if" or "not") || (steps.Length > 1 && steps[^2] == "properties"))
                    {
                        Walk(child);
                    }
                }
            }

            static bool IsBranch(EvaluationResults node) => Parent(node.EvaluationPath.ToString()) is { } parent && (parent.EndsWith("/oneOf", StringComparison.Ordinal) || parent.EndsWith("/anyOf", StringComparison.Ordinal));
        }
    }

    /// <summary>One invalid document's error as a JSON Schema validator reports it (expectations.json).</summary>
    /// <param name="OraclePointer">Where JsonSchema.Net 8.0.5 reports it, when that differs from the right pointer (a quirk of the oracle, explained in the file).</param>
    private sealed record Expectation(string Pointer, string Keyword, string? OraclePointer);

    private sealed record CorpusDocument(string Id, bool Valid, string Text);

    private sealed record CorpusSchema(string Name, string Path, string Text, string Dialect, IReadOnlyList<CorpusDocument> Documents)
    {
        /// <summary>Each schema's types get their own namespace, so names like Address repeat freely across schemas.</summary>
        public string Namespace { get; } = "RealWorld." + Naming.ToPascalCase(Name);

        public string RootTypeName { get; } = Naming.ToPascalCase(Name);
    }

    /// <param name="Schemas">Schemas the generator refuses (an error diagnostic, nothing generated), with the reason.</param>
    /// <param name="Documents">Documents whose verdict the generated Parse gets wrong, with the reason.</param>
    private sealed record KnownFailures(IReadOnlyDictionary<string, string> Schemas, IReadOnlyDictionary<string, string> Documents);

    private sealed record Corpus(IReadOnlyList<CorpusSchema> Schemas, IReadOnlyDictionary<string, Expectation> Expectations, KnownFailures KnownFailures)
    {
        public IReadOnlyList<CorpusDocument> Documents { get; } = Schemas.SelectMany(s => s.Documents).ToList();

        public static Corpus Load()
        {
            string root = Repository.Path("tests", "Generator.Tests", "RealWorld");
            var schemas = new List<CorpusSchema>();
            foreach (string folder in Directory.GetDirectories(root).OrderBy(f => f, StringComparer.Ordinal))
            {
                string name = System.IO.Path.GetFileName(folder);
                string path = System.IO.Path.Combine(folder, name + ContractGenerator.SchemaFileEnding);
                string text = File.ReadAllText(path);
                using JsonDocument parsed = JsonDocument.Parse(text);
                string dialect = parsed.RootElement.TryGetProperty("$schema", out JsonElement uri) ? uri.GetString() switch
                {
                    "http://json-schema.org/draft-07/schema#" => "draft-07",
                    "https://json-schema.org/draft/2020-12/schema" => "2020-12",
                    var other => other ?? "",
                } : "";
                var documents = Directory.GetFiles(folder, "*.json")
                    .Select(f => System.IO.Path.GetFileName(f))
                    .Where(f => !f.EndsWith(ContractGenerator.SchemaFileEnding, StringComparison.Ordinal))
                    .OrderBy(f => f, StringComparer.Ordinal)
                    .Select(f => new CorpusDocument($"{name}/{f}", f.StartsWith("valid-", StringComparison.Ordinal), File.ReadAllText(System.IO.Path.Combine(folder, f))))
                    .ToList();
                schemas.Add(new CorpusSchema(name, path, text, dialect, documents));
            }

            using JsonDocument expectations = JsonDocument.Parse(File.ReadAllText(System.IO.Path.Combine(root, "expectations.json")));
            var expected = expectations.RootElement.EnumerateObject().ToDictionary(
                e => e.Name,
                e => new Expectation(
                    e.Value.GetProperty("pointer").GetString()!,
                    e.Value.GetProperty("keyword").GetString()!,
                    e.Value.TryGetProperty("oraclePointer", out JsonElement oracle) ? oracle.GetString() : null),
                StringComparer.Ordinal);

            using JsonDocument known = JsonDocument.Parse(File.ReadAllText(System.IO.Path.Combine(root, "known-failures.json")));
            Dictionary<string, string> reasons(string member) => known.RootElement.GetProperty(member).EnumerateObject()
                .ToDictionary(e => e.Name, e => e.Value.GetString()!, StringComparer.Ordinal);
            return new Corpus(schemas, expected, new KnownFailures(reasons("schemas"), reasons("documents")));
        }
    }

    /// <summary>Every schema of the corpus through one generator run and one compilation.</summary>
    /// <summary>The root type's shape (see <see cref="Generated.Shape"/>).</summary>
    private readonly record struct RootShape(bool JsonBacked, int Alternatives, int TypedMembers, int JsonMembers, int AllTypedMembers, int AllJsonMembers);

    private sealed class Generated
    {
        private readonly GeneratorOutput _output;
        private readonly Assembly _assembly;

        private Generated(GeneratorOutput output, Assembly assembly, IReadOnlyDictionary<string, string> refusals)
        {
            _output = output;
            _assembly = assembly;
            Refusals = refusals;
        }

        /// <summary>Schemas with an error diagnostic (so nothing generated), with the first error.</summary>
        public IReadOnlyDictionary<string, string> Refusals { get; }

        public static Generated Run(Corpus corpus)
        {
            var perFile = corpus.Schemas.ToDictionary(
                s => s.Path,
                s => (IReadOnlyDictionary<string, string>)new Dictionary<string, string> { ["build_metadata.AdditionalFiles.Namespace"] = GeneratorHarness.TestNamespace + "." + s.Namespace });
            var options = new TestOptionsProvider(new Dictionary<string, string> { ["build_property.RootNamespace"] = GeneratorHarness.TestNamespace }, perFile);
            GeneratorOutput output = GeneratorHarness.Run(
                GeneratorHarness.CreateDriver(corpus.Schemas.Select(s => new InMemoryAdditionalText(s.Path, s.Text)), options),
                GeneratorHarness.CreateCompilation());
            var refusals = corpus.Schemas
                .Select(s => (s.Name, Error: output.GeneratorDiagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error && d.Location.GetLineSpan().Path == s.Path)))
                .Where(r => r.Error is not null)
                .ToDictionary(r => r.Name, r => $"{r.Error!.Id}: {r.Error.GetMessage()}", StringComparer.Ordinal);
            return new Generated(output, GeneratorHarness.Load(output), refusals);
        }

        public Diagnostic[] Diagnostics(CorpusSchema schema) =>
            _output.GeneratorDiagnostics.Where(d => d.Location.GetLineSpan().Path == schema.Path).ToArray();

        /// <summary>The generated Parse's errors for the document, or null when it threw (with the exception's message).</summary>
        public IReadOnlyList<ValidationError>? Errors(CorpusSchema schema, CorpusDocument document, out string? thrown)
        {
            thrown = null;
            try
            {
                return GeneratorHarness.Parse(_assembly, schema.Namespace + "." + schema.RootTypeName, document.Text).Errors;
            }
            catch (TargetInvocationException e)
            {
                thrown = $"{e.InnerException?.GetType().Name}: {e.InnerException?.Message}";
                return null;
            }
        }

        /// <summary>
        /// What the root type is: a JSON-backed value, a union (its alternatives), or a record; and how
        /// many members of the root and of every record of the schema have a C# type or are JsonValues.
        /// </summary>
        public RootShape Shape(CorpusSchema schema)
        {
            string ns = GeneratorHarness.TestNamespace + "." + schema.Namespace;
            Type root = _assembly.GetType(ns + "." + schema.RootTypeName, throwOnError: true)!;
            Type[] types = _assembly.GetTypes().Where(t => t.Namespace == ns && !t.IsNested).ToArray();
            (int Typed, int Json) Count(Type type)
            {
                var members = type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                    .Where(p => p.Name != "Variant" && p.GetMethod?.IsVirtual != true || p.GetMethod?.IsFinal == true)
                    .Where(p => p.Name is not ("Variant" or "EqualityContract"))
                    .ToList();
                int json = members.Count(p => (Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType) == typeof(JsonAny));
                return (members.Count - json, json);
            }

            bool jsonBacked = root.GetMethod("From", BindingFlags.Public | BindingFlags.Static) is not null;
            (int typed, int json) = jsonBacked || root.IsAbstract ? (0, 0) : Count(root);
            var records = types.Where(t => t.IsClass && !t.IsAbstract && typeof(IEquatable<>).MakeGenericType(t).IsAssignableFrom(t) && t.GetMethod("From", BindingFlags.Public | BindingFlags.Static) is null).Select(Count).ToList();
            return new RootShape(jsonBacked, root.IsAbstract ? types.Count(t => t.BaseType == root) : 0, typed, json, records.Sum(r => r.Typed), records.Sum(r => r.Json));
        }

        /// <summary>What is wrong with the generated Parse's verdict on the document, or null when it is right.</summary>
        public string? WrongVerdict(CorpusSchema schema, CorpusDocument document) =>
            (Errors(schema, document, out string? thrown), document.Valid) switch
            {
                (null, _) => "the generated Parse threw " + thrown,
                ({ Count: > 0 } errors, true) => "valid, but the generated Parse reports " + string.Join("; ", errors.Select(e => $"'{e.Path}' {e.Keyword}: {e.Message}")),
                ({ Count: 0 }, false) => "invalid, but the generated Parse accepts it",
                _ => null,
            };
    }
}
