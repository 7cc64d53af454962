using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Xml.Linq;
using Xunit;

namespace Insights.Contracts.Generator.Tests;

/// <summary>
/// The package's buildTransitive props/targets, evaluated by MSBuild the way a user's project
/// imports them: which files reach the generator as AdditionalFiles, with which metadata.
/// </summary>
public sealed class BuildIntegrationTests : IDisposable
{
    private readonly string _project = Path.Combine(Path.GetTempPath(), "schema-items-" + Guid.NewGuid().ToString("N"));

    public BuildIntegrationTests()
    {
        string[] files =
        [
            "schemas/order.schema.json", "schemas/nested/line.schema.json", "schemas/notes.json",
            "obj/stale.schema.json", "bin/copied.schema.json",
            // Front-end libraries ship schemas of their own (an options.schema.json became a public type Options).
            "wwwroot/lib/widget/options.schema.json", "node_modules/widget/options.schema.json",
            "client/node_modules/chart/config.schema.json", "tools/helper/bin/Debug/copied.schema.json",
        ];
        foreach (string file in files)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(_project, file))!);
            File.WriteAllText(Path.Combine(_project, file), "{}");
        }

        // The repository's own props must not leak into this "user" project.
        File.WriteAllText(Path.Combine(_project, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(_project, "Directory.Packages.props"), "<Project />");
    }

    private (string Path, string? Namespace, string? TypeName)[] AdditionalFiles(string items = "", string properties = "") =>
        AdditionalFilesWithUri(items, properties).Select(f => (f.Path, f.Namespace, f.TypeName)).ToArray();

    private (string Path, string? Namespace, string? TypeName, string? Uri)[] AdditionalFilesWithUri(string items = "", string properties = "") =>
        EvaluateAdditionalFiles(items, properties).Select(i => (i.Path, Metadata(i.Item, "Namespace"), Metadata(i.Item, "TypeName"), Metadata(i.Item, "JsonSchemaUri"))).ToArray();

    private (string Path, string? Role)[] Roles(string items) =>
        EvaluateAdditionalFiles(items, "").Select(i => (i.Path, Metadata(i.Item, "JsonSchemaRole"))).ToArray();

    private static string? Metadata(JsonElement item, string name) =>
        item.TryGetProperty(name, out JsonElement value) && value.GetString() is { Length: > 0 } text ? text : null;

    /// <summary>The AdditionalFiles items of a user project that imports the package's props and targets, sorted by path.</summary>
    private (string Path, JsonElement Item)[] EvaluateAdditionalFiles(string items, string properties)
    {
        WriteProject(items, properties);
        (int exitCode, string output, string error) = MsBuild("-getItem:AdditionalFiles", "-getItem:CompilerVisibleItemMetadata");
        Assert.True(exitCode == 0, output + error);

        JsonElement itemsJson = JsonDocument.Parse(output).RootElement.GetProperty("Items");
        string[] visible = itemsJson.GetProperty("CompilerVisibleItemMetadata").EnumerateArray().Select(i => i.GetProperty("MetadataName").GetString()!).ToArray();
        Assert.Equal(GeneratorOptions("build_metadata.AdditionalFiles."), visible.Order());
        if (!itemsJson.TryGetProperty("AdditionalFiles", out JsonElement files))
        {
            return [];
        }

        return files.EnumerateArray()
            .Select(i => (i.GetProperty("Identity").GetString()!.Replace('\\', '/'), i.Clone()))
            .OrderBy(i => i.Item1, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>
    /// The names of the options the generator's source reads with <paramref name="prefix"/>
    /// (<c>build_property.</c> or <c>build_metadata.AdditionalFiles.</c>), sorted: each one must be made
    /// visible to the compiler by the props, or a user's setting silently never reaches the generator.
    /// </summary>
    private static string[] GeneratorOptions(string prefix) =>
        Directory.EnumerateFiles(Repository.Path("src", "Generator"), "*.cs", SearchOption.AllDirectories)
            .SelectMany(file => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(file), "\"" + System.Text.RegularExpressions.Regex.Escape(prefix) + "([A-Za-z]+)\"").Select(m => m.Groups[1].Value))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToArray();

    [Fact]
    public void Every_property_the_generator_reads_is_visible_to_it()
    {
        WriteProject();
        (int exitCode, string output, string error) = MsBuild("-getItem:CompilerVisibleProperty");
        Assert.True(exitCode == 0, output + error);
        string[] visible = JsonDocument.Parse(output).RootElement.GetProperty("Items").GetProperty("CompilerVisibleProperty").EnumerateArray()
            .Select(i => i.GetProperty("Identity").GetString()!)
            .ToArray();

        string[] read = GeneratorOptions("build_property.");
        Assert.Contains("JsonSchemaDialect", read);
        Assert.Empty(read.Except(visible));
    }

    /// <summary>
    /// The compiler passes properties to the generator as .editorconfig lines, where ';' starts a
    /// comment and a line break ends the value: an MSBuild list must reach it with commas, whole.
    /// </summary>
    [Fact]
    public void An_annotation_keyword_list_reaches_the_generator_whole()
    {
        WriteProject(properties: """
            <JsonSchemaAnnotationKeywords>javaType;tsType;
              ui:*</JsonSchemaAnnotationKeywords>
            """);
        (int exitCode, string output, string error) = MsBuild("-getProperty:JsonSchemaAnnotationKeywords");
        Assert.True(exitCode == 0, output + error);

        Assert.Equal("javaType,tsType,ui:*", output.Trim());
    }

    /// <summary>A user project that imports the package's props and targets the way NuGet does (props first, targets last).</summary>
    private void WriteProject(string items = "", string properties = "")
    {
        string buildTransitive = Repository.Path("src", "Generator", "buildTransitive", "Insights.Contracts.Generator");
        File.WriteAllText(Path.Combine(_project, "User.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <Import Project="{buildTransitive}.props" />
              <PropertyGroup><TargetFramework>net10.0</TargetFramework>{properties}</PropertyGroup>
              <ItemGroup>{items}</ItemGroup>
              <Import Project="{buildTransitive}.targets" />
            </Project>
            """);
    }

    /// <summary>Runs dotnet msbuild on the user project; MSBuild reports build errors on stdout, other trouble on stderr.</summary>
    private (int ExitCode, string Output, string Error) MsBuild(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", ["msbuild", "User.csproj", "-nologo", .. arguments])
        {
            WorkingDirectory = _project,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using Process process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.Result);
    }

    [Fact]
    public void Without_items_every_schema_in_the_project_is_used_but_not_bin_obj_node_modules_or_wwwroot()
    {
        var files = AdditionalFiles();

        Assert.Equal(["schemas/nested/line.schema.json", "schemas/order.schema.json"], files.Select(f => f.Path));
    }

    [Fact]
    public void The_default_excludes_can_be_replaced()
    {
        var files = AdditionalFiles(properties: "<JsonSchemaDefaultExcludes>schemas/nested/**</JsonSchemaDefaultExcludes>");

        Assert.Equal(
            ["client/node_modules/chart/config.schema.json", "node_modules/widget/options.schema.json", "schemas/order.schema.json", "tools/helper/bin/Debug/copied.schema.json", "wwwroot/lib/widget/options.schema.json"],
            files.Select(f => f.Path));
    }

    [Fact]
    public void A_declared_item_under_wwwroot_is_still_used()
    {
        var files = AdditionalFiles(items: """<JsonSchema Include="wwwroot/lib/widget/options.schema.json" />""");

        Assert.Equal(["wwwroot/lib/widget/options.schema.json"], files.Select(f => f.Path));
    }

    [Fact]
    public void Declared_items_replace_the_default_and_carry_their_metadata()
    {
        var files = AdditionalFiles(items: """
            <JsonSchema Include="schemas/*.schema.json" Namespace="My.Contracts" />
            <JsonSchema Update="schemas/order.schema.json" TypeName="PurchaseOrder" />
            """);

        Assert.Equal([("schemas/order.schema.json", "My.Contracts", "PurchaseOrder")], files);
    }

    [Fact]
    public void The_default_can_be_turned_off()
    {
        Assert.Empty(AdditionalFiles(properties: "<EnableDefaultJsonSchemaItems>false</EnableDefaultJsonSchemaItems>"));
    }

    [Fact]
    public void A_schema_already_listed_as_an_additional_file_is_not_passed_twice()
    {
        var files = AdditionalFiles(items: """
            <AdditionalFiles Include="schemas/order.schema.json" />
            <JsonSchema Include="schemas/order.schema.json" Namespace="My.Contracts" />
            """);

        Assert.Single(files);
    }

    [Fact]
    public void Reference_documents_reach_the_generator_with_their_uri()
    {
        var files = AdditionalFilesWithUri(items: """
            <JsonSchema Include="schemas/order.schema.json" />
            <JsonSchemaReference Include="schemas/notes.json" JsonSchemaUri="https://example.com/notes.json" />
            """);

        Assert.Equal(
            [("schemas/notes.json", null, null, "https://example.com/notes.json"), ("schemas/order.schema.json", null, null, null)],
            files);
    }

    [Fact]
    public void A_JsonSchema_item_is_marked_a_schema_whatever_its_name_and_a_reference_item_a_reference()
    {
        var roles = Roles("""
            <JsonSchema Include="schemas/notes.json" />
            <JsonSchemaReference Include="schemas/order.schema.json" JsonSchemaUri="https://example.com/order.json" />
            <AdditionalFiles Include="schemas/nested/line.schema.json" />
            """);

        Assert.Equal([("schemas/nested/line.schema.json", null), ("schemas/notes.json", "Schema"), ("schemas/order.schema.json", "Reference")], roles);
    }

    [Theory]
    [InlineData("net10.0")]
    [InlineData("net10.0-windows")]
    [InlineData("net11.0")]
    public void A_project_on_a_framework_the_runtime_supports_passes_the_framework_check(string framework)
    {
        WriteProject();

        (int exitCode, string output, string error) = MsBuild("-t:InsightsContractsCheckTargetFramework", $"-p:TargetFramework={framework}");

        Assert.True(exitCode == 0, output + error);
        Assert.DoesNotContain("ICG100", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("net8.0")]
    [InlineData("net9.0")]
    [InlineData("netstandard2.0")]
    [InlineData("net48")]
    public void A_project_on_an_older_framework_gets_ICG100_naming_both_frameworks(string framework)
    {
        WriteProject();

        (int exitCode, string output, _) = MsBuild("-t:InsightsContractsCheckTargetFramework", $"-p:TargetFramework={framework}");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("error ICG100: Insights.Contracts.Generator needs a project that targets net10.0 or later", output, StringComparison.Ordinal);
        Assert.Contains($"This project targets {framework}.", output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_framework_check_asks_for_the_framework_the_runtime_is_built_for()
    {
        string runtime = XDocument.Load(Repository.Path("src", "Runtime", "Insights.Contracts.Runtime.csproj")).Descendants("TargetFramework").Single().Value;
        string checkedFor = XDocument.Load(Repository.Path("src", "Generator", "buildTransitive", "Insights.Contracts.Generator.targets")).Descendants("_InsightsContractsRuntimeFramework").Single().Value;

        Assert.Equal(runtime, checkedFor);
    }

    [Fact]
    public void The_framework_check_is_the_first_and_only_error_of_a_net8_build()
    {
        WriteProject();

        // Not even restored: the check comes before package assets are read and before the compiler runs.
        (int exitCode, string output, _) = MsBuild("-t:Build", "-p:TargetFramework=net8.0", "-v:q");

        Assert.NotEqual(0, exitCode);
        string[] errors = output.Split('\n').Where(l => l.Contains(": error ", StringComparison.Ordinal)).Distinct().ToArray();
        Assert.Contains("error ICG100:", Assert.Single(errors), StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_project, recursive: true);
}
