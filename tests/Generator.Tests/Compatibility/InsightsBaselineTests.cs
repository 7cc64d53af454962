using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Insights.Contracts.Generator.Tests.Compatibility;

/// <summary>
/// The Insights schemas against their committed baseline (schema.baseline/), under the modes
/// src/Contracts declares (read from the project file, so the test follows the declaration): the
/// schemas as they are pass, and an incompatible edit is the warning that fails the build there.
/// </summary>
public class InsightsBaselineTests
{
    private static readonly XDocument Project = XDocument.Load(Repository.Path("src", "Contracts", "Insights.Contracts.csproj"));

    private static string DeclaredMode(string schemaFile) =>
        Project.Descendants("AdditionalFiles")
            .Single(e => e.Attribute("Update")?.Value.EndsWith(schemaFile, StringComparison.Ordinal) == true)
            .Attribute("Compatibility")!.Value;

    private static GeneratorOutput Run(Func<string, string, string>? edit = null)
    {
        var files = new List<AdditionalText>();
        var perFile = new Dictionary<string, IReadOnlyDictionary<string, string>>();
        foreach (string path in Repository.Files("schema", "*.schema.json"))
        {
            string name = Path.GetFileName(path);
            files.Add(new InMemoryAdditionalText(path, edit is null ? File.ReadAllText(path) : edit(name, File.ReadAllText(path))));
            perFile[path] = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.Compatibility"] = DeclaredMode(name) };
        }

        Assert.Contains(Project.Descendants("AdditionalFiles"), e => e.Attribute("Include")?.Value == @"..\..\schema.baseline\*.schema.json" && e.Attribute("JsonSchemaRole")?.Value == "Baseline");
        foreach (string path in Repository.Files("schema.baseline", "*.schema.json"))
        {
            files.Add(new InMemoryAdditionalText(path, File.ReadAllText(path)));
            perFile[path] = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.JsonSchemaRole"] = "Baseline" };
        }

        var options = new TestOptionsProvider(new Dictionary<string, string> { ["build_property.RootNamespace"] = "Insights.Contracts" }, perFile);
        return GeneratorHarness.Run(GeneratorHarness.CreateDriver(files, options), GeneratorHarness.CreateCompilation());
    }

    [Fact]
    public void Requests_are_checked_Backward_and_responses_Forward()
    {
        Assert.Equal("Backward", DeclaredMode("insights-flow-request.schema.json"));
        Assert.Equal("Forward", DeclaredMode("insights-flow-response.schema.json"));
        Assert.Equal(2, Repository.Files("schema.baseline", "*.schema.json").Length);
    }

    [Fact]
    public void The_schemas_as_committed_are_compatible_with_the_baseline()
    {
        Assert.Empty(Run().GeneratorDiagnostics);
    }

    [Fact]
    public void A_request_that_rejects_what_clients_send_is_a_warning_at_the_change()
    {
        GeneratorOutput output = Run((name, text) => name == "insights-flow-request.schema.json" ? text.Replace("\"maxLength\": 127", "\"maxLength\": 64", StringComparison.Ordinal) : text);

        Diagnostic warning = Assert.Single(output.GeneratorDiagnostics);
        Assert.Equal("ICG027", warning.Id);
        Assert.EndsWith("insights-flow-request.schema.json", warning.Location.GetLineSpan().Path, StringComparison.Ordinal);
        Assert.StartsWith("at /insights_consumer_id: maxLength 127 → 64 rejects strings of 65–127 characters", warning.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_request_that_accepts_more_is_compatible_but_a_response_that_sends_more_is_not()
    {
        static string Widen(string name, string text) => name == "insights-flow-request.schema.json"
            ? text.Replace("\"maxLength\": 127", "\"maxLength\": 255", StringComparison.Ordinal)
            : text.Replace("\"enum\": [\"error\", \"insights_refresh\"]", "\"enum\": [\"error\", \"insights_refresh\", \"insights_report\"]", StringComparison.Ordinal);

        GeneratorOutput output = Run(Widen);

        Diagnostic warning = Assert.Single(output.GeneratorDiagnostics);
        Assert.Equal("ICG027", warning.Id);
        Assert.EndsWith("insights-flow-response.schema.json", warning.Location.GetLineSpan().Path, StringComparison.Ordinal);
        Assert.Contains("\"insights_report\"", warning.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("incompatible under Forward", warning.GetMessage(), StringComparison.Ordinal);
    }
}
