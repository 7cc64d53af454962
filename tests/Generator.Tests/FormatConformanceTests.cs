using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Insights.Contracts.Runtime;
using Xunit;

namespace Insights.Contracts.Generator.Tests;

/// <summary>
/// The runtime's format checks against the official JSON Schema test suite's optional format
/// tests (../shared/json-schema-test-suite, beside the repository as in CI). Only string
/// instances: a format does not apply to other types, which the generated types enforce anyway.
/// </summary>
public class FormatConformanceTests
{
    private static readonly string SuiteFolder = Path.GetFullPath(Path.Combine(Repository.Root, "..", "shared", "json-schema-test-suite", "tests", "draft2020-12", "optional", "format"));

    private static readonly Dictionary<string, Func<string, bool>> Formats = new()
    {
        ["date"] = s => IsoDate.TryParse(s, out _) == IsoDate.DateProblem.None,
        ["uuid"] = JsonFormats.IsUuid,
        ["date-time"] = JsonFormats.IsDateTime,
        ["time"] = JsonFormats.IsTime,
        ["email"] = JsonFormats.IsEmail,
        ["ipv4"] = JsonFormats.IsIPv4,
        ["ipv6"] = JsonFormats.IsIPv6,
        ["uri"] = JsonFormats.IsUri,
    };

    public static TheoryData<string, string, string, bool> Cases()
    {
        Assert.True(Directory.Exists(SuiteFolder), $"The JSON Schema test suite is expected at {SuiteFolder}");
        var data = new TheoryData<string, string, string, bool>();
        foreach (string format in Formats.Keys)
        {
            using JsonDocument file = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(SuiteFolder, format + ".json")));
            foreach (JsonElement group in file.RootElement.EnumerateArray())
            {
                foreach (JsonElement test in group.GetProperty("tests").EnumerateArray())
                {
                    if (test.GetProperty("data").ValueKind == JsonValueKind.String)
                    {
                        data.Add(format, test.GetProperty("description").GetString()!, test.GetProperty("data").GetString()!, test.GetProperty("valid").GetBoolean());
                    }
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Format_check_agrees_with_the_official_suite(string format, string description, string value, bool valid)
    {
        Assert.True(Formats[format](value) == valid, $"{format}: {description}: '{value}' should be {(valid ? "valid" : "invalid")}");
    }
}
