using System;
using System.ComponentModel;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Insights.Contracts.Runtime.CompilerServices;
using Xunit;

namespace Insights.Contracts.Runtime.Tests;

/// <summary>
/// What a user of the runtime meets: its own names beside System.Text.Json's, plumbing kept out of
/// sight, and a declared public API for every package.
/// </summary>
public class PublicSurfaceTests
{
    [Fact]
    public void JsonAny_and_System_Text_Json_Nodes_are_used_in_one_file_without_qualification()
    {
        // This file imports Insights.Contracts.Runtime (its namespace) and System.Text.Json.Nodes:
        // if both declared JsonValue, this would not compile (CS0104).
        JsonAny any = JsonAny.Parse("[1, 2]");
        JsonValue node = JsonValue.Create(2);

        Assert.Equal("[1, 2]", any.ToString());
        Assert.Equal(2, node.GetValue<int>());
    }

    [Fact]
    public void What_only_generated_code_calls_is_in_CompilerServices_and_hidden_from_IntelliSense()
    {
        Type[] plumbing =
        [
            typeof(JsonRead), typeof(JsonCheck), typeof(ErrorMessages), typeof(JsonValueCheck), typeof(BranchCheck),
            typeof(DynamicScope), typeof(EvaluatedProperties), typeof(EvaluatedItems), typeof(WireNames),
            typeof(WireNumbers), typeof(IsoDate), typeof(JsonWrite), typeof(JsonFormats), typeof(JsonFormat), typeof(JsonFormatNames), typeof(JsonSchemaTypes), typeof(JsonSchemaTypeNames),
            typeof(SchemaValidator<>), typeof(PatternMatcher), typeof(JsonValueReader<>),
        ];
        Assert.All(plumbing, t => Assert.Equal("Insights.Contracts.Runtime.CompilerServices", t.Namespace));

        Type[] compilerServices = typeof(JsonAny).Assembly.GetExportedTypes()
            .Where(t => t.Namespace == "Insights.Contracts.Runtime.CompilerServices" && !t.IsNested).ToArray();
        Assert.Superset(plumbing.ToHashSet(), compilerServices.ToHashSet());
        Assert.Empty(compilerServices.Where(t => t.GetCustomAttributes(typeof(EditorBrowsableAttribute), inherit: false)
            .Cast<EditorBrowsableAttribute>().SingleOrDefault()?.State != EditorBrowsableState.Never).Select(t => t.Name));
    }

    [Fact]
    public void The_types_a_user_meets_are_the_only_ones_beside_them()
    {
        string[] userFacing = typeof(JsonAny).Assembly.GetExportedTypes()
            .Where(t => t.Namespace == "Insights.Contracts.Runtime" && !t.IsNested)
            .Select(t => t.Name).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(
            [
                "ContractJsonConverter`1", "EquatableArray", "EquatableArray`1", "EquatableDictionary", "EquatableDictionary`2",
                "HttpContractExtensions", "IJsonContract`1", "JsonAny", "JsonAnyConverter", "JsonContract", "JsonContractException",
                "JsonContractInfo", "JsonContractInfo`1", "ParseResult`1", "Utf8JsonBuffer", "ValidationContext",
                "ValidationError", "ValidationResult",
            ],
            userFacing);
    }

    /// <summary>
    /// Each packable project declares its public API, read by the public API analyzer (wired in
    /// Directory.Build.targets), so that an undeclared change is a build error and fails CI.
    /// </summary>
    [Fact]
    public void Every_package_declares_its_public_API()
    {
        string[] packable = Directory.GetFiles(Repository.Path("src"), "*.csproj", SearchOption.AllDirectories)
            .Where(p => XDocument.Load(p).Descendants("IsPackable").Any(e => e.Value == "true"))
            .ToArray();
        Assert.Equal(5, packable.Length);
        foreach (string project in packable)
        {
            foreach (string file in new[] { "PublicAPI.Shipped.txt", "PublicAPI.Unshipped.txt" })
            {
                string path = Path.Combine(Path.GetDirectoryName(project)!, file);
                Assert.True(File.Exists(path), $"{path} is missing");
                Assert.Equal("#nullable enable", File.ReadLines(path).First());
            }
        }

        string targets = File.ReadAllText(Repository.Path("Directory.Build.targets"));
        Assert.Contains("Microsoft.CodeAnalysis.PublicApiAnalyzers", targets);
        Assert.Contains("'$(IsPackable)' == 'true'", targets);
    }
}
