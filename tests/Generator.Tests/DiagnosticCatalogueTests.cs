using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Xml.Linq;
using Insights.Contracts.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Insights.Contracts.Generator.Tests;

/// <summary>Every descriptor links to its own section of docs/diagnostics.md, in this repository.</summary>
public class DiagnosticCatalogueTests
{
    private static readonly DiagnosticDescriptor[] Descriptors = typeof(DiagnosticDescriptors)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
        .ToArray();

    private static readonly string Catalogue = File.ReadAllText(Repository.Path("docs", "diagnostics.md"));

    public static TheoryData<string> Ids() => [.. Descriptors.Select(d => d.Id)];

    [Fact]
    public void There_are_descriptors_to_check()
    {
        Assert.True(Descriptors.Length >= 16, $"found {Descriptors.Length}");
        Assert.Equal(Descriptors.Length, Descriptors.Select(d => d.Id).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void The_help_link_is_the_ids_section_of_the_catalogue_in_this_repository(string id)
    {
        DiagnosticDescriptor descriptor = Descriptors.Single(d => d.Id == id);
        string repository = XDocument.Load(Repository.Path("Directory.Build.props")).Descendants("PackageProjectUrl").Single().Value;

        Assert.Equal($"{repository}/blob/main/docs/diagnostics.md#{id.ToLowerInvariant()}", descriptor.HelpLinkUri);
        Assert.Contains($"\n## {id}\n", Catalogue, StringComparison.Ordinal);          // GitHub makes "## ICG001" the anchor #icg001
        Assert.Contains($"| [{id}](#{id.ToLowerInvariant()}) |", Catalogue, StringComparison.Ordinal);
    }

    /// <summary>Errors the package's MSBuild targets report (Code="ICG1xx"), with their help links.</summary>
    private static readonly (string Code, string HelpLink)[] BuildErrors = XDocument
        .Load(Repository.Path("src", "Generator", "buildTransitive", "Insights.Contracts.Generator.targets"))
        .Descendants("Error")
        .Select(e => (e.Attribute("Code")!.Value, e.Attribute("HelpLink")!.Value))
        .ToArray();

    [Fact]
    public void Every_section_of_the_catalogue_has_a_descriptor_or_a_build_error()
    {
        // A retired ID keeps its section (IDs are never reused) but has no descriptor.
        string[] sections = Catalogue.Split('\n').Where(l => l.StartsWith("## ICG", StringComparison.Ordinal)).Select(l => l[3..].Trim())
            .Where(id => !Catalogue.Contains($"| [{id}](#{id.ToLowerInvariant()}) | (retired) |", StringComparison.Ordinal))
            .ToArray();

        Assert.Equal(Descriptors.Select(d => d.Id).Concat(BuildErrors.Select(e => e.Code)).Order(), sections.Order());
    }

    [Fact]
    public void Build_errors_link_to_their_section_too()
    {
        Assert.NotEmpty(BuildErrors);
        foreach ((string code, string helpLink) in BuildErrors)
        {
            Assert.Equal($"$(_InsightsContractsHelpLink)#{code.ToLowerInvariant()}", helpLink);
            Assert.Contains($"\n## {code}\n", Catalogue, StringComparison.Ordinal);
            Assert.Contains($"| [{code}](#{code.ToLowerInvariant()}) |", Catalogue, StringComparison.Ordinal);
        }

        string linkBase = XDocument.Load(Repository.Path("src", "Generator", "buildTransitive", "Insights.Contracts.Generator.targets"))
            .Descendants("_InsightsContractsHelpLink").Single().Value;
        Assert.Equal(DiagnosticDescriptors.HelpLinkBase, linkBase + "#");
    }

    [Fact]
    public void A_reported_diagnostic_carries_the_link()
    {
        GeneratorOutput output = GeneratorHarness.Run(("typo.schema.json", """{"type": "object", "requried": ["a"]}"""));

        Diagnostic diagnostic = Assert.Single(output.GeneratorDiagnostics, d => d.Id == "ICG010");
        Assert.EndsWith("docs/diagnostics.md#icg010", diagnostic.Descriptor.HelpLinkUri, StringComparison.Ordinal);
        Assert.Contains("correct its spelling", diagnostic.GetMessage(), StringComparison.Ordinal);
    }
}
