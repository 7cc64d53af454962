using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Text.Json;
using Insights.Contracts.Runtime;
using Insights.Contracts.Runtime.CompilerServices;
using Xunit;

namespace Insights.Contracts.Runtime.Tests;

/// <summary>
/// Every test of the official suite's optional format files (../shared/json-schema-test-suite,
/// beside the repository as in CI), of all five drafts, straight against the runtime's format
/// checks. Each group's schema is <c>{"format": name}</c>; a format applies to strings only, so any
/// other instance must pass. Only <c>unknown.json</c> names a format that no draft defines: its tests
/// are not asserted, and any other file whose format the runtime does not know fails.
/// </summary>
public class FormatSuiteTests
{
    private static readonly string[] Drafts = ["draft4", "draft6", "draft7", "draft2019-09", "draft2020-12"];

    private static readonly ConcurrentDictionary<string, JsonDocument> Files = new();

    public static TheoryData<string, string, int, int, string> Cases()
    {
        var data = new TheoryData<string, string, int, int, string>();
        foreach (string draft in Drafts)
        {
            string folder = FormatFolder(draft);
            Assert.True(Directory.Exists(folder), $"The JSON Schema test suite is expected at {folder}");
            foreach (string path in Directory.GetFiles(folder, "*.json").Order())
            {
                string file = Path.GetFileNameWithoutExtension(path);
                JsonElement groups = Load(draft, file).RootElement;
                for (int group = 0; group < groups.GetArrayLength(); group++)
                {
                    JsonElement tests = groups[group].GetProperty("tests");
                    for (int test = 0; test < tests.GetArrayLength(); test++)
                    {
                        data.Add(draft, file, group, test, tests[test].GetProperty("description").GetString()!);
                    }
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Format_check_agrees_with_the_official_suite(string draft, string file, int group, int test, string description)
    {
        JsonElement groupElement = Load(draft, file).RootElement[group];
        string name = groupElement.GetProperty("schema").GetProperty("format").GetString()!;
        JsonElement testElement = groupElement.GetProperty("tests")[test];
        JsonElement instance = testElement.GetProperty("data");
        bool valid = testElement.GetProperty("valid").GetBoolean();
        if (!JsonFormatNames.TryParse(name, out JsonFormat format))
        {
            Assert.True(file == "unknown", $"{draft}/{file}: the format '{name}' is not checked");
            return;
        }

        string expected = $"{draft}/{file}: {description}: {instance.GetRawText()} should be {(valid ? "valid" : "invalid")}";
        Assert.True(valid == JsonCheck.Format(instance, format, context: null), expected + " (JsonElement)");
        if (instance.ValueKind == JsonValueKind.String)
        {
            Assert.True(valid == JsonFormats.IsValid(instance.GetString()!, format), expected + " (string)");
        }
    }

    private static string FormatFolder(string draft) =>
        Path.GetFullPath(Path.Combine(Repository.Root, "..", "shared", "json-schema-test-suite", "tests", draft, "optional", "format"));

    private static JsonDocument Load(string draft, string file) =>
        Files.GetOrAdd($"{draft}/{file}", _ => JsonDocument.Parse(File.ReadAllBytes(Path.Combine(FormatFolder(draft), file + ".json"))));
}
