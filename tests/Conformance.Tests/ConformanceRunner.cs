using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using System.Text.Json;
using Insights.Contracts.Generator.Tests;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Insights.Contracts.Conformance.Tests;

internal enum GroupStatus
{
    Passed,
    Failed,
    Skipped,
}

/// <summary>The outcome of one test-suite group: its schema generated, compiled, and every instance checked.</summary>
/// <param name="Typed">The schema was generated as a typed record (no ICG016), not as a JSON-backed value.</param>
internal sealed record GroupResult(string Description, GroupStatus Status, string? Reason, IReadOnlyList<string> Failures, bool Typed = false);

/// <param name="Required">A required file of the suite (not under optional/): every group must pass, none may be skipped.</param>
internal sealed record FileResult(string File, bool Required, IReadOnlyList<GroupResult> Groups)
{
    public int Count(GroupStatus status) => Groups.Count(g => g.Status == status);
}

/// <summary>
/// Runs one file of the official JSON Schema test suite through the real generator: every group's
/// schema becomes one in-memory AdditionalFile (one generator run and one compilation per file, so
/// it stays fast), the suite's remotes are further AdditionalFiles with their
/// <c>http://localhost:1234/</c> URIs, and each instance goes through the generated <c>Parse</c>
/// (parse + validate): valid iff the suite says valid.
/// </summary>
internal static class ConformanceRunner
{
    public const string RemoteBase = "http://localhost:1234/";

    /// <summary>The suite, beside the repository as in CI (../shared).</summary>
    public static string SuiteRoot { get; } = Path.GetFullPath(Path.Combine(Repository.Root, "..", "shared", "json-schema-test-suite"));

    /// <summary>The drafts, as the suite names their folders.</summary>
    public static readonly string[] Drafts = ["draft4", "draft6", "draft7", "draft2019-09", "draft2020-12"];

    /// <summary>Every file of every draft, required and optional, as <c>draft/relative path</c>.</summary>
    public static IEnumerable<string> SuiteFiles()
    {
        foreach (string draft in Drafts)
        {
            string root = Path.Combine(SuiteRoot, "tests", draft);
            foreach (string file in Directory.GetFiles(root, "*.json", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
            {
                yield return draft + "/" + Path.GetRelativePath(root, file).Replace('\\', '/');
            }
        }
    }

    /// <summary>Optional files about numbers beyond long and double: nested in a typed record they test a promise it does not make.</summary>
    private static readonly string[] TypedNumberLimits = ["/optional/bignum.json", "/optional/float-overflow.json"];

    /// <summary>A required file must pass every group; an optional one (under <c>optional/</c>) must fail none, and says why it skips any.</summary>
    public static bool IsRequired(string file) => !file.Contains("/optional/", StringComparison.Ordinal);

    private static readonly Lazy<List<InMemoryAdditionalText>> Remotes = new(() =>
    {
        string root = Path.Combine(SuiteRoot, "remotes");
        return Directory.GetFiles(root, "*.json", SearchOption.AllDirectories)
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => new InMemoryAdditionalText("/remotes/" + Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllText(f)))
            .ToList();
    });

    public static FileResult Run(string file, bool asMember = false) =>
        Run(file, File.ReadAllText(Path.Combine(SuiteRoot, "tests", file)), asMember);

    /// <summary>
    /// Runs suite-format JSON text (an array of groups) under the name <paramref name="file"/> (<c>draft/relative path</c>).
    /// With <paramref name="asMember"/>, each group's schema becomes the required member <c>v</c> of a
    /// <c>"type": "object"</c> schema and each instance <c>{"v": data}</c>: the same answers are
    /// expected, but now most schemas go through the typed-record generator. Groups whose schema
    /// uses <c>$ref</c>, <c>$id</c> or anchors (which would mean something else once nested) are skipped.
    /// </summary>
    public static FileResult Run(string file, string suiteJson, bool asMember = false)
    {
        string draft = file.Contains('/', StringComparison.Ordinal) ? file[..file.IndexOf('/', StringComparison.Ordinal)] : "draft2020-12";
        using JsonDocument suite = JsonDocument.Parse(asMember ? NestAsMember(suiteJson) : suiteJson);
        var groups = suite.RootElement.EnumerateArray().ToList();

        // Format is an annotation in draft 2020-12 unless the format-assertion vocabulary is on,
        // which is what the optional format tests presume.
        bool assertFormats = file.Contains("/optional/format/", StringComparison.Ordinal);
        var texts = new List<AdditionalText>();
        var perFile = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        for (int i = 0; i < groups.Count; i++)
        {
            string path = SchemaPath(i);
            texts.Add(new InMemoryAdditionalText(path, groups[i].GetProperty("schema").GetRawText()));
            perFile[path] = new Dictionary<string, string>
            {
                ["build_metadata.AdditionalFiles.Namespace"] = Namespace(i),
                ["build_metadata.AdditionalFiles.TypeName"] = "Schema",
                ["build_metadata.AdditionalFiles.FormatAssertion"] = assertFormats ? "true" : "false",
                ["build_metadata.AdditionalFiles.JsonSchemaDialect"] = draft,
            };
        }

        foreach (InMemoryAdditionalText remote in Remotes.Value)
        {
            texts.Add(remote);
            perFile[remote.Path] = new Dictionary<string, string>
            {
                ["build_metadata.AdditionalFiles.JsonSchemaUri"] = RemoteBase + remote.Path["/remotes/".Length..],
            };
        }

        GeneratorOutput output = GeneratorHarness.Run(
            GeneratorHarness.CreateDriver(texts, new TestOptionsProvider(new Dictionary<string, string>(), perFile)),
            GeneratorHarness.CreateCompilation());

        // Per group: a reason it is not run (skipped or failed), from the generator's diagnostics.
        var notRun = new Dictionary<int, GroupResult>();
        for (int i = 0; i < groups.Count; i++)
        {
            string description = groups[i].GetProperty("description").GetString()!;
            var diagnostics = output.GeneratorDiagnostics.Where(d => d.Location.GetLineSpan().Path == SchemaPath(i)).ToList();
            if (groups[i].TryGetProperty("unwrappable", out _))
            {
                notRun[i] = new GroupResult(description, GroupStatus.Skipped, "uses $ref/$id/anchors, which would resolve differently nested in a member", []);
            }
            else if (SkipReason(diagnostics) is { } skip)
            {
                notRun[i] = new GroupResult(description, GroupStatus.Skipped, skip, []);
            }
            else if (diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error) is { } error)
            {
                notRun[i] = new GroupResult(description, GroupStatus.Failed, $"generator error {error.Id}: {error.GetMessage(CultureInfo.InvariantCulture)}", []);
            }
        }

        Func<int, string, bool>? check = Compile(output, groups.Count, notRun, groups);
        var results = new List<GroupResult>();
        for (int i = 0; i < groups.Count; i++)
        {
            if (notRun.TryGetValue(i, out GroupResult? result))
            {
                results.Add(result);
                continue;
            }

            var failures = new List<string>();
            foreach (JsonElement test in groups[i].GetProperty("tests").EnumerateArray())
            {
                bool expected = test.GetProperty("valid").GetBoolean();
                string data = test.GetProperty("data").GetRawText();
                try
                {
                    bool actual = check!(i, data);
                    if (actual != expected)
                    {
                        failures.Add($"'{test.GetProperty("description").GetString()}': expected {(expected ? "valid" : "invalid")}, got {(actual ? "valid" : "invalid")} for {Shorten(data)}");
                    }
                }
                catch (Exception e)
                {
                    failures.Add($"'{test.GetProperty("description").GetString()}': threw {e.GetBaseException().GetType().Name}: {e.GetBaseException().Message}");
                }
            }

            bool typed = !output.GeneratorDiagnostics.Any(d => d.Id == "ICG016" && d.Location.GetLineSpan().Path == SchemaPath(i));
            if (failures.Count > 0 && typed && asMember && TypedNumberLimits.Any(f => file.EndsWith(f, StringComparison.Ordinal)))
            {
                // Arbitrary precision, which a typed record does not promise (README: typed numbers).
                results.Add(new GroupResult(groups[i].GetProperty("description").GetString()!, GroupStatus.Skipped, "a typed record holds an integer as long and a number as double", failures, typed));
                continue;
            }

            results.Add(new GroupResult(
                groups[i].GetProperty("description").GetString()!,
                failures.Count == 0 ? GroupStatus.Passed : GroupStatus.Failed,
                failures.Count == 0 ? null : $"{failures.Count} instance(s) wrong",
                failures,
                typed));
        }

        return new FileResult(asMember ? file + " (as member)" : file, IsRequired(file), results);
    }

    private static string NestAsMember(string suiteJson)
    {
        var groups = System.Text.Json.Nodes.JsonNode.Parse(suiteJson)!.AsArray();
        foreach (System.Text.Json.Nodes.JsonNode? group in groups)
        {
            string schema = group!["schema"]!.ToJsonString();
            if (schema.Contains("Ref\"", StringComparison.Ordinal) || schema.Contains("\"$ref\"", StringComparison.Ordinal) || schema.Contains("\"$id\"", StringComparison.Ordinal)
                || schema.Contains("Anchor\"", StringComparison.Ordinal) || schema.Contains("\"$anchor\"", StringComparison.Ordinal))
            {
                group["unwrappable"] = true;
            }

            group["schema"] = System.Text.Json.Nodes.JsonNode.Parse("{\"type\": \"object\", \"required\": [\"v\"], \"properties\": {\"v\": " + schema + "}}");
            foreach (System.Text.Json.Nodes.JsonNode? test in group["tests"]!.AsArray())
            {
                test!["data"] = new System.Text.Json.Nodes.JsonObject { ["v"] = test["data"]?.DeepClone() };
            }
        }

        return groups.ToJsonString();
    }

    /// <summary>
    /// A group is skipped, never passed, when the generator says it does not implement something the
    /// schema uses: a metaschema it cannot read (ICG014). The draft metaschemas are built into the
    /// generator, so a reference to one that does not resolve fails.
    /// </summary>
    private static string? SkipReason(IReadOnlyList<Diagnostic> diagnostics)
    {
        foreach (Diagnostic diagnostic in diagnostics)
        {
            if (diagnostic.Id == "ICG014")
            {
                return $"{diagnostic.Id}: {diagnostic.GetMessage(CultureInfo.InvariantCulture)}";
            }
        }

        return null;
    }

    /// <summary>Compiles the generated code plus a dispatcher; a group whose code does not compile fails alone.</summary>
    private static Func<int, string, bool>? Compile(GeneratorOutput output, int groupCount, Dictionary<int, GroupResult> notRun, List<JsonElement> groups)
    {
        var generated = output.Compilation.SyntaxTrees.ToList();
        while (true)
        {
            var dispatcher = new StringBuilder("public static class ConformanceDispatch\n{\n    public static bool Check(int group, string json) => group switch\n    {\n");
            for (int i = 0; i < groupCount; i++)
            {
                if (!notRun.ContainsKey(i))
                {
                    dispatcher.Append(CultureInfo.InvariantCulture, $"        {i} => global::{Namespace(i)}.Schema.Parse(json).IsValid,\n");
                }
            }

            dispatcher.Append("        _ => throw new global::System.ArgumentOutOfRangeException(nameof(group)),\n    };\n}\n");
            var trees = generated
                .Where(t => GroupOf(t) is not { } g || !notRun.ContainsKey(g))
                .Append(CSharpSyntaxTree.ParseText(dispatcher.ToString(), GeneratorHarness.ParseOptions))
                .ToList();
            CSharpCompilation compilation = output.Compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(trees);

            // Users build with warnings as errors: a warning in generated code fails its group too.
            var warned = compilation.GetDiagnostics()
                .Where(d => d.Severity == DiagnosticSeverity.Warning)
                .Select(d => (Group: GroupOf(d.Location.SourceTree), Diagnostic: d))
                .Where(x => x.Group is not null && !notRun.ContainsKey(x.Group.Value))
                .GroupBy(x => x.Group!.Value)
                .ToList();
            foreach (var group in warned)
            {
                notRun[group.Key] = new GroupResult(
                    groups[group.Key].GetProperty("description").GetString()!,
                    GroupStatus.Failed,
                    "generated code has a warning: " + group.First().Diagnostic,
                    []);
            }

            if (warned.Count > 0)
            {
                continue;
            }

            using var stream = new MemoryStream();
            var emit = compilation.Emit(stream);
            if (emit.Success)
            {
                stream.Position = 0;
                Assembly assembly = new AssemblyLoadContext("conformance", isCollectible: true).LoadFromStream(stream);
                MethodInfo method = assembly.GetType("ConformanceDispatch")!.GetMethod("Check")!;
                return method.CreateDelegate<Func<int, string, bool>>();
            }

            var broken = emit.Diagnostics
                .Where(d => d.Severity == DiagnosticSeverity.Error)
                .Select(d => (Group: GroupOf(d.Location.SourceTree), Diagnostic: d))
                .Where(x => x.Group is not null && !notRun.ContainsKey(x.Group.Value))
                .GroupBy(x => x.Group!.Value)
                .ToList();
            if (broken.Count == 0)
            {
                throw new InvalidOperationException("The conformance dispatcher does not compile:\n" + string.Join("\n", emit.Diagnostics.Take(10)));
            }

            foreach (var group in broken)
            {
                notRun[group.Key] = new GroupResult(
                    groups[group.Key].GetProperty("description").GetString()!,
                    GroupStatus.Failed,
                    "generated code does not compile: " + group.First().Diagnostic,
                    []);
            }
        }
    }

    private static int? GroupOf(SyntaxTree? tree)
    {
        // Hint names start with the schema file stem: groupNNN.
        string name = Path.GetFileName(tree?.FilePath ?? string.Empty);
        return name.StartsWith("group", StringComparison.Ordinal) && int.TryParse(name.AsSpan(5, 3), NumberStyles.None, CultureInfo.InvariantCulture, out int group)
            ? group
            : null;
    }

    private static string SchemaPath(int group) => $"/conformance/group{group:000}.schema.json";

    private static string Namespace(int group) => $"Conformance.G{group:000}";

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";
}
