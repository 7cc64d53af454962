using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using CsCheck;
using NJsonSchema;
using Xunit;
using Xunit.Abstractions;

namespace Insights.Contracts.Tests;

/// <summary>
/// Our verdict (valid or not) against NJsonSchema's validator on the same schema, for generated
/// and mutated documents. Every disagreement must fall into a documented class below: a known
/// NJsonSchema deviation from draft 2020-12, or a policy of ours that JSON Schema does not express.
/// An unexplained disagreement fails the test with the document.
/// </summary>
public class DifferentialTests(ITestOutputHelper output)
{
    private const string Seed = "0N0XIzNsQ0O2";

    /// <summary>
    /// NJsonSchema 11 does not resolve draft 2020-12 "$defs" references; the copy uses draft-07
    /// "definitions", which means the same for these schemas (deviation 1).
    /// </summary>
    private static JsonSchema Load(string file) =>
        JsonSchema.FromJsonAsync(File.ReadAllText(Repository.Path("schema", file))
            .Replace("\"$defs\"", "\"definitions\"", StringComparison.Ordinal)
            .Replace("#/$defs/", "#/definitions/", StringComparison.Ordinal)).GetAwaiter().GetResult();

    private static readonly JsonSchema RequestSchema = Load("insights-flow-request.schema.json");
    private static readonly JsonSchema ResponseSchema = Load("insights-flow-response.schema.json");

    /// <summary>
    /// Why the two validators may disagree on a document, or null when nothing explains it. Only
    /// classes actually observed are listed; a new kind of disagreement fails and must be looked at.
    /// </summary>
    private static string? Explain(string json, IReadOnlyList<Runtime.ValidationError> ours, bool oursValid, bool theirsValid, string theirErrors)
    {
        var keywords = ours.Select(e => e.Keyword).ToHashSet();
        if (!oursValid && keywords.SetEquals(["duplicateProperty"]))
        {
            return "policy: duplicate member names are rejected (RFC 8259 leaves them undefined; Newtonsoft keeps the last)";
        }

        if (!oursValid && keywords.SetEquals(["dateRange"]))
        {
            return "policy: to_date before from_date (a rule JSON Schema cannot express)";
        }

        // Probed directly: NJsonSchema 11.6.2 enforces neither "maxItems": 0 nor "const": false (its
        // model reads 0 and false as "not set"), so the three accounts branches overlap for it.
        bool accountsOneOf = theirErrors.Contains("#/accounts NotOneOf", StringComparison.Ordinal);
        if ((oursValid && accountsOneOf && theirErrors.Split("; ").All(e => e.StartsWith("#/accounts NotOneOf", StringComparison.Ordinal)))
            || (!oursValid && theirsValid && ours.All(e => e.Path == "/accounts" && e.Keyword == "oneOf")))
        {
            return "NJsonSchema deviation: maxItems 0 and const false are not enforced, so the accounts oneOf branches overlap";
        }

        return null;
    }

    [Fact]
    public void Verdicts_agree_with_njsonschema_or_the_difference_is_documented()
    {
        var classes = new SortedDictionary<string, int>(StringComparer.Ordinal);
        int cases = 0;
        int agreed = 0;
        Gen<(string Json, bool IsRequest)> documents = Gen.OneOf(
            PropertyTests.Request.Select(r => (r.ToJson(), true)),
            PropertyTests.Response.Select(r => (r.ToJson(), false)));
        Gen<(string, bool)> mutated = Gen.Select(documents, Gen.Int[0, 11], Gen.Int[0, int.MaxValue], (doc, kind, pick) => (Mutate(doc.Json, kind, pick), doc.IsRequest));

        mutated.Sample(
            ((string json, bool isRequest) input) =>
            {
                IReadOnlyList<Runtime.ValidationError> errors = input.isRequest ? InsightsFlowRequest.Parse(input.json).Errors : InsightsFlowResponse.Parse(input.json).Errors;
                bool ours = errors.Count == 0;
                bool theirs;
                string theirErrors;
                try
                {
                    var njErrors = (input.isRequest ? RequestSchema : ResponseSchema).Validate(input.json);
                    theirs = njErrors.Count == 0;
                    theirErrors = string.Join("; ", njErrors.Select(e => $"{e.Path} {e.Kind}"));
                }
                catch (Newtonsoft.Json.JsonException e)
                {
                    theirs = false; // NJsonSchema could not read it as JSON at all
                    theirErrors = e.GetType().Name;
                }

                cases++;
                if (ours == theirs)
                {
                    agreed++;
                    return;
                }

                string? reason = Explain(input.json, errors, ours, theirs, theirErrors);
                Assert.True(reason is not null, $"Unexplained disagreement (ours {(ours ? "valid" : "invalid")}, NJsonSchema {(theirs ? "valid" : "invalid")}): ours [{string.Join("; ", errors)}] theirs [{theirErrors}]\n{input.json}");
                classes[reason!] = classes.GetValueOrDefault(reason!) + 1;
            },
            iter: 4_000,
            seed: Seed,
            threads: 1);

        output.WriteLine($"{cases} documents, {agreed} verdicts agree");
        foreach ((string reason, int count) in classes)
        {
            output.WriteLine($"  {count,5}  {reason}");
        }

        Assert.True(agreed > cases / 2, "most documents should agree; otherwise the mutations are not meaningful");
    }

    /// <summary>JSON-level mutations: boundary values, wrong kinds, dropped, added and duplicated members.</summary>
    private static string Mutate(string json, int kind, int pick)
    {
        JsonObject root = JsonNode.Parse(json)!.AsObject();
        List<(JsonObject Owner, string Name)> members = [];
        Collect(root, members);
        (JsonObject owner, string name) = members[pick % members.Count];
        JsonNode? current = owner[name];
        switch (kind)
        {
            case 0: return json;                                                            // unchanged
            case 1: owner.Remove(name); break;                                              // drop a member
            case 2: owner[name] = current is JsonValue ? new JsonArray() : JsonValue.Create("x"); break; // wrong kind
            case 3: owner[name] = null; break;                                              // null
            case 4: owner["unknown_" + (pick % 3)] = 1; break;                              // unknown member
            case 5: owner[name] = new[] { "2023-02-29", "2024-13-01", "2024-01-5", "2024-01-01T00:00:00", "2024-02-29", "" }[pick % 6]; break;
            case 6: owner[name] = new[] { 0, 1, -1, int.MaxValue, 10 }[pick % 5]; break;
            case 7: owner[name] = new[] { 1.5, 2147483648d, 10.0 }[pick % 3]; break;
            case 8: owner[name] = new[] { "", "de89370400440532013000", "DE89 3704", "8ed4ac35-04b0-4c4f-a283-41b6e387c42", "insights_report", "error" }[pick % 6]; break;
            case 9: owner[name] = new JsonArray(JsonValue.Create("income"), JsonValue.Create("income")); break;
            case 10: owner[name] = new[] { true, false }[pick % 2]; break;
            default:
                // A duplicate member, which JsonNode cannot hold: add it in the text.
                string text = root.ToJsonString();
                int brace = text.IndexOf('{', 1);
                return brace < 0 ? text : text.Insert(brace + 1, "\"" + name + "\":" + (current?.ToJsonString() ?? "null") + ",");
        }

        return root.ToJsonString();
    }

    private static void Collect(JsonObject node, List<(JsonObject, string)> into)
    {
        foreach ((string name, JsonNode? value) in node.ToList())
        {
            into.Add((node, name));
            if (value is JsonObject child)
            {
                Collect(child, into);
            }
            else if (value is JsonArray array)
            {
                foreach (JsonObject item in array.OfType<JsonObject>())
                {
                    Collect(item, into);
                }
            }
        }
    }
}
