using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using Insights.Contracts.Runtime;
using Xunit;

namespace Insights.Contracts.Generator.Tests;

/// <summary>
/// The two generated shapes must agree: the Insights schemas generated as JSON-backed values
/// (GenerateAs="JsonValue") accept every valid example and reject every document of the bad-input
/// corpus (tests/Contracts.Tests/Corpus) with an error at the pointer the typed contract reports.
/// </summary>
public class JsonValueDifferentialTests
{
    private static readonly Lazy<Assembly> JsonBacked = new(() =>
    {
        var texts = Repository.Files("schema", "*.schema.json").Select(p => new InMemoryAdditionalText(p, File.ReadAllText(p))).ToList();
        var options = new TestOptionsProvider(
            new Dictionary<string, string> { ["build_property.RootNamespace"] = GeneratorHarness.TestNamespace },
            texts.ToDictionary(t => t.Path, _ => (IReadOnlyDictionary<string, string>)new Dictionary<string, string> { ["build_metadata.AdditionalFiles.GenerateAs"] = "JsonValue" }));
        GeneratorOutput output = GeneratorHarness.Run(GeneratorHarness.CreateDriver(texts, options), GeneratorHarness.CreateCompilation());
        Assert.All(output.GeneratorDiagnostics, d =>
        {
            Assert.Equal("ICG016", d.Id);
            Assert.Contains("GenerateAs", d.GetMessage());
        });
        Assert.Equal(["insights-flow-request.InsightsFlowRequest.g.cs", "insights-flow-response.InsightsFlowResponse.g.cs"], output.Sources.Select(s => s.HintName).Order());
        return GeneratorHarness.Load(output);
    });

    private static string TypeFor(string file) => file.Contains("request", StringComparison.Ordinal) ? "InsightsFlowRequest" : "InsightsFlowResponse";

    public static TheoryData<string> ValidExamples() => [.. Repository.Files(Path.Combine("schema", "examples"), "*.json").Select(f => Path.GetFileName(f))];

    [Theory]
    [MemberData(nameof(ValidExamples))]
    public void Every_valid_example_is_valid_as_a_json_backed_value(string file)
    {
        var (value, errors) = GeneratorHarness.Parse(JsonBacked.Value, TypeFor(file), File.ReadAllText(Repository.Path("schema", "examples", file)));

        Assert.Empty(errors);
        Assert.NotNull(value);
    }

    public static TheoryData<string, string, string> CorpusDocuments()
    {
        var data = new TheoryData<string, string, string>();
        using JsonDocument expectations = JsonDocument.Parse(File.ReadAllText(Repository.Path("tests", "Contracts.Tests", "Corpus", "expectations.json")));
        foreach (JsonProperty entry in expectations.RootElement.EnumerateObject())
        {
            data.Add(entry.Name, entry.Value.GetProperty("pointer").GetString()!, entry.Value.GetProperty("keyword").GetString()!);
        }

        return data;
    }

    /// <summary>
    /// Rules that are not in the schema files, so only the typed contract in src/Contracts has them.
    /// </summary>
    private static readonly HashSet<string> HandWrittenRules = new(StringComparer.Ordinal)
    {
        "request/to-date-before-from-date.json", // dateRange: OnValidate in src/Contracts/InsightsFlowRequest.cs
    };

    [Theory]
    [MemberData(nameof(CorpusDocuments))]
    public void Every_bad_document_is_rejected_at_the_pointer_the_typed_contract_reports(string file, string pointer, string keyword)
    {
        byte[] bytes = File.ReadAllBytes(Repository.Path("tests", "Contracts.Tests", "Corpus", file));
        Type type = JsonBacked.Value.GetType($"{GeneratorHarness.TestNamespace}.{TypeFor(file)}", throwOnError: true)!;
        object result = typeof(JsonValueDifferentialTests).GetMethod(nameof(ParseBytes), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(type)
            .Invoke(null, [bytes])!;
        var errors = (IReadOnlyList<ValidationError>)result.GetType().GetProperty("Errors")!.GetValue(result)!;

        if (HandWrittenRules.Contains(file))
        {
            Assert.Empty(errors);
            return;
        }

        Assert.NotEmpty(errors);
        if (keyword == "syntax")
        {
            // Malformed text is found while the whole value is read, before any schema rule: the
            // typed reader knows the member it was in, the JSON-backed one reports the document.
            Assert.Equal("syntax", Assert.Single(errors).Keyword);
            return;
        }

        Assert.Contains((pointer, keyword), errors.Select(e => (e.Path, e.Keyword)));
    }

    // ReadOnlySpan<byte> cannot be boxed for reflection; a generic helper takes the bytes instead.
    private static ParseResult<T> ParseBytes<T>(byte[] bytes) where T : class, IJsonContract<T> => JsonContract.Parse<T>(bytes);
}
