using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
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
        string buildTransitive = Repository.Path("src", "Generator", "buildTransitive", "Insights.Contracts.Generator");
        File.WriteAllText(Path.Combine(_project, "User.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <Import Project="{buildTransitive}.props" />
              <PropertyGroup><TargetFramework>net10.0</TargetFramework>{properties}</PropertyGroup>
              <ItemGroup>{items}</ItemGroup>
              <Import Project="{buildTransitive}.targets" />
            </Project>
            """);
        var start = new ProcessStartInfo("dotnet", ["msbuild", "User.csproj", "-getItem:AdditionalFiles", "-getItem:CompilerVisibleItemMetadata", "-nologo"])
        {
            WorkingDirectory = _project,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using Process process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, output + process.StandardError.ReadToEnd());

        JsonElement itemsJson = JsonDocument.Parse(output).RootElement.GetProperty("Items");
        string[] visible = itemsJson.GetProperty("CompilerVisibleItemMetadata").EnumerateArray().Select(i => i.GetProperty("MetadataName").GetString()!).ToArray();
        Assert.Equal(["FormatAssertion", "GenerateAs", "JsonSchemaRole", "JsonSchemaUri", "Namespace", "TypeName"], visible.Order());
        if (!itemsJson.TryGetProperty("AdditionalFiles", out JsonElement files))
        {
            return [];
        }

        return files.EnumerateArray()
            .Select(i => (i.GetProperty("Identity").GetString()!.Replace('\\', '/'), i.Clone()))
            .OrderBy(i => i.Item1, StringComparer.Ordinal)
            .ToArray();
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

    public void Dispose() => Directory.Delete(_project, recursive: true);
}
