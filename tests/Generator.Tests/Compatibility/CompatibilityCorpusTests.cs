using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Insights.Contracts.Generator.Compatibility;
using Insights.Contracts.Generator.Model;
using Insights.Contracts.Generator.Parsing;
using JsonNode = System.Text.Json.Nodes.JsonNode;
using Json.Schema;
using Dialect = Json.Schema.Dialect;
using Xunit;

namespace Insights.Contracts.Generator.Tests.Compatibility;

/// <summary>
/// The compatibility rules against a corpus of before/after schema pairs of our own
/// (Compatibility/pairs.json, each also nested through $ref, allOf, a union, array items, an open
/// object and a recursive closed object), each with the verdict it expects under Backward and
/// Forward (Full is both). No verdict stands on the rules alone: for every mode a pair is flagged
/// incompatible in, a document one side accepts and the other rejects is generated from the two
/// schemas and checked with JsonSchema.Net; for every mode it is declared compatible in, none of the
/// generated documents may tell the two apart.
/// </summary>
public class CompatibilityCorpusTests
{
    public sealed record Pair(string Name, JsonNode Before, JsonNode After, string Backward, string Forward, string[] Rules)
    {
        public override string ToString() => Name;
    }

    private static readonly Lazy<List<Pair>> Corpus = new(Load);

    public static TheoryData<string> Names() => [.. PairNames];

    internal static IEnumerable<string> PairNames => Corpus.Value.Select(p => p.Name);

    private static List<Pair> Load()
    {
        JsonArray leaves = JsonNode.Parse(File.ReadAllText(Repository.Path("tests", "Generator.Tests", "Compatibility", "pairs.json")))!.AsArray();
        var pairs = new List<Pair>();
        foreach (JsonObject leaf in leaves.Cast<JsonObject>())
        {
            var pair = new Pair(
                leaf["name"]!.GetValue<string>(),
                leaf["before"]!,
                leaf["after"]!,
                leaf["backward"]!.GetValue<string>(),
                leaf["forward"]!.GetValue<string>(),
                leaf["rules"]!.AsArray().Select(r => r!.GetValue<string>()).ToArray());
            pairs.Add(pair);

            // Pairs that stand alone (their own $defs, $ref or dialect) are not nested.
            string text = pair.Before.ToJsonString() + pair.After.ToJsonString();
            if (text.Contains("\"$ref\"", StringComparison.Ordinal) || text.Contains("\"$defs\"", StringComparison.Ordinal) || text.Contains("\"$schema\"", StringComparison.Ordinal))
            {
                continue;
            }

            foreach ((string how, Func<JsonNode, JsonNode> wrap) in Wrappers)
            {
                if (how == "in a union with null" && (Valid(pair.Before, "null") || Valid(pair.After, "null")))
                {
                    continue; // the null branch would change the verdict
                }

                pairs.Add(pair with { Name = $"{pair.Name}, {how}", Before = wrap(pair.Before.DeepClone()), After = wrap(pair.After.DeepClone()) });
            }
        }

        return pairs;
    }

    private static readonly (string How, Func<JsonNode, JsonNode> Wrap)[] Wrappers =
    [
        ("as a member of an open object", s => new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["x"] = s } }),
        ("through $ref", s => new JsonObject
        {
            ["$defs"] = new JsonObject { ["target"] = s },
            ["type"] = "object",
            ["properties"] = new JsonObject { ["x"] = new JsonObject { ["$ref"] = "#/$defs/target" } },
            ["required"] = new JsonArray("x"),
        }),
        ("in allOf", s => new JsonObject { ["allOf"] = new JsonArray(s, new JsonObject { ["$comment"] = "a second part" }) }),
        ("in a union with null", s => new JsonObject { ["anyOf"] = new JsonArray(s, new JsonObject { ["type"] = "null" }) }),
        ("as array items", s => new JsonObject { ["type"] = "array", ["items"] = s }),
        ("in a recursive closed object", s => new JsonObject
        {
            ["$defs"] = new JsonObject
            {
                ["node"] = new JsonObject
                {
                    ["type"] = "object",
                    ["properties"] = new JsonObject { ["value"] = s, ["next"] = new JsonObject { ["$ref"] = "#/$defs/node" } },
                    ["additionalProperties"] = false,
                },
            },
            ["$ref"] = "#/$defs/node",
        }),
    ];

    [Fact]
    public void The_corpus_has_at_least_100_pairs_of_our_own_and_each_rule_both_ways()
    {
        JsonArray leaves = JsonNode.Parse(File.ReadAllText(Repository.Path("tests", "Generator.Tests", "Compatibility", "pairs.json")))!.AsArray();
        Assert.True(leaves.Count >= 100, $"{leaves.Count} written pairs");
        Assert.True(Corpus.Value.Count >= 400, $"{Corpus.Value.Count} pairs with the nested ones");
        foreach (string nesting in new[] { "through $ref", "in allOf", "in a union with null", "as a member of an open object", "in a recursive closed object" })
        {
            Assert.True(Corpus.Value.Count(p => p.Name.EndsWith(nesting, StringComparison.Ordinal)) >= 50, nesting);
        }

        // Each keyword family is exercised narrowing and widening.
        foreach (string family in new[] { "type", "enum", "const", "minimum", "maximum", "multipleOf", "minLength", "maxLength", "pattern", "format", "minItems", "maxItems", "uniqueItems", "contains", "required", "member", "additionalProperties", "maxProperties", "dependentRequired", "anyOf-branch", "oneOf-branch", "not", "false" })
        {
            Assert.Contains(Corpus.Value, p => p.Backward == "break" && p.Rules.Any(r => r.StartsWith(family, StringComparison.Ordinal)));
            Assert.Contains(Corpus.Value, p => p.Forward == "break" && p.Rules.Any(r => r.StartsWith(family, StringComparison.Ordinal)));
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Verdicts_match_the_corpus_and_every_incompatibility_has_a_witness(string name)
    {
        Pair pair = Corpus.Value.Single(p => p.Name == name);
        ImmutableEquatableArray<CompatibilityFinding> findings = Compare(pair.Before.ToJsonString(), pair.After.ToJsonString());
        string found = string.Join("\n", findings.Select(f => $"  {f.Rule} {f.Kind} {f.Breaks} at {f.Pointer}: {f.Message}"));

        Assert.True(Verdict(findings, CompatibilityMode.Backward) == pair.Backward, $"Backward: expected {pair.Backward}, findings:\n{found}");
        Assert.True(Verdict(findings, CompatibilityMode.Forward) == pair.Forward, $"Forward: expected {pair.Forward}, findings:\n{found}");
        string full = pair.Backward == "break" || pair.Forward == "break" ? "break" : pair.Backward == "undecided" || pair.Forward == "undecided" ? "undecided" : "ok";
        Assert.Equal(full, Verdict(findings, CompatibilityMode.Full));
        foreach (string rule in pair.Rules)
        {
            Assert.True(findings.Any(f => f.Rule == rule), $"expected rule {rule}, findings:\n{found}");
        }

        // The witnesses: a document the baseline accepts and the new schema rejects breaks Backward;
        // one the new schema accepts and the baseline rejects breaks Forward.
        JsonSchema before = Oracle(pair.Before), after = Oracle(pair.After);
        List<(JsonNode? Document, bool Before, bool After)> verdicts = WitnessGenerator.Candidates(pair.Before, pair.After)
            .Select(d => (d, Valid(before, d), Valid(after, d)))
            .ToList();
        (JsonNode? Document, bool, bool)? backwardWitness = verdicts.FirstOrDefault(v => v.Before && !v.After) is { Document: var bd } bw && (bw.Before && !bw.After) ? bw : null;
        (JsonNode? Document, bool, bool)? forwardWitness = verdicts.FirstOrDefault(v => !v.Before && v.After) is var fw && !fw.Before && fw.After ? fw : null;

        Assert.True(
            (pair.Backward == "break") == (backwardWitness is not null) || pair.Backward == "undecided",
            pair.Backward == "break"
                ? $"Backward is flagged, but no generated document is valid under the baseline and invalid under the new schema ({verdicts.Count} tried)"
                : $"Backward is declared compatible, but {Show(backwardWitness)} is valid under the baseline and invalid under the new schema");
        Assert.True(
            (pair.Forward == "break") == (forwardWitness is not null) || pair.Forward == "undecided",
            pair.Forward == "break"
                ? $"Forward is flagged, but no generated document is valid under the new schema and invalid under the baseline ({verdicts.Count} tried)"
                : $"Forward is declared compatible, but {Show(forwardWitness)} is valid under the new schema and invalid under the baseline");
    }

    private static string Show((JsonNode? Document, bool, bool)? witness) => witness?.Document?.ToJsonString() ?? "null";

    internal static ImmutableEquatableArray<CompatibilityFinding> Compare(string before, string after)
    {
        SchemaModel Model(string path, string text)
        {
            ParsedSchema parsed = SchemaReader.Read(new SchemaFileInput(path, text, "Test.Contracts", null), default);
            Assert.True(parsed.Model is not null, $"{path} does not parse: {string.Join("; ", parsed.Diagnostics.Select(d => d.ToDiagnostic().GetMessage()))}");
            return parsed.Model!;
        }

        return SchemaComparer.Compare(Model("/baseline/pair.schema.json", before), Model("/s/pair.schema.json", after));
    }

    /// <summary>break when an incompatible finding is reported under the mode, else undecided when one says so, else ok.</summary>
    internal static string Verdict(IEnumerable<CompatibilityFinding> findings, CompatibilityMode mode)
    {
        var reported = findings.Where(f => f.ReportedUnder(mode)).ToList();
        return reported.Any(f => f.Kind == FindingKind.Incompatible) ? "break"
            : reported.Any(f => f.Kind == FindingKind.Undecided) ? "undecided"
            : "ok";
    }

    private static int _oracles;

    private static JsonSchema Oracle(JsonNode schema)
    {
        string text = schema.ToJsonString();
        bool draft07 = text.Contains("draft-07", StringComparison.Ordinal);
        return JsonSchema.FromText(
            text,
            new BuildOptions { Dialect = draft07 ? Dialect.Draft07 : Dialect.Draft202012, SchemaRegistry = new SchemaRegistry() },
            new Uri($"https://compatibility.test/{System.Threading.Interlocked.Increment(ref _oracles)}/schema.json"));
    }

    private static bool Valid(JsonNode schema, string document) => Valid(Oracle(schema), JsonNode.Parse(document));

    private static bool Valid(JsonSchema schema, JsonNode? document)
    {
        using JsonDocument instance = JsonDocument.Parse(document?.ToJsonString() ?? "null");
        return schema.Evaluate(instance.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.Flag, RequireFormatValidation = true }).IsValid;
    }
}
