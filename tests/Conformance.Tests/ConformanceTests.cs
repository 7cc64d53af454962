using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Xunit;
using Xunit.Abstractions;

namespace Insights.Contracts.Conformance.Tests;

/// <summary>Collects every file's result and writes the per-file table once all have run.</summary>
public sealed class ConformanceReport : IDisposable
{
    internal ConcurrentDictionary<string, FileResult> Results { get; } = new(StringComparer.Ordinal);

    /// <summary>Where the table is written; <c>.ci/run</c> prints it.</summary>
    public static string ReportPath { get; } = Repository.Path("artifacts", "conformance", "report.txt");

    public void Dispose()
    {
        if (Results.IsEmpty)
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(ReportPath)!);
        File.WriteAllText(ReportPath, Format(Results.Values));
    }

    internal static string Format(IEnumerable<FileResult> results)
    {
        var ordered = results.OrderBy(r => r.File, StringComparer.Ordinal).ToList();
        var text = new StringBuilder();
        text.AppendLine("JSON Schema test suite (draft 2020-12), groups per file:");
        text.AppendLine($"{"file",-42} {"claimed",-8} {"passed",6} {"failed",6} {"skipped",7} {"typed",6}");
        foreach (FileResult file in ordered)
        {
            text.AppendLine($"{file.File,-42} {(file.Claimed ? "yes" : "no"),-8} {file.Count(GroupStatus.Passed),6} {file.Count(GroupStatus.Failed),6} {file.Count(GroupStatus.Skipped),7} {file.Groups.Count(g => g.Typed),6}");
        }

        int Sum(GroupStatus status, bool? claimed = null) =>
            ordered.Where(f => claimed is null || f.Claimed == claimed).Sum(f => f.Count(status));
        text.AppendLine($"{"total",-42} {"",-8} {Sum(GroupStatus.Passed),6} {Sum(GroupStatus.Failed),6} {Sum(GroupStatus.Skipped),7} {ordered.Sum(f => f.Groups.Count(g => g.Typed)),6}");
        text.AppendLine($"{"  claimed files",-42} {"",-8} {Sum(GroupStatus.Passed, true),6} {Sum(GroupStatus.Failed, true),6} {Sum(GroupStatus.Skipped, true),7}");
        text.AppendLine($"{"  unclaimed files",-42} {"",-8} {Sum(GroupStatus.Passed, false),6} {Sum(GroupStatus.Failed, false),6} {Sum(GroupStatus.Skipped, false),7}");
        foreach ((string mode, bool nested) in new[] { ("  as written", false), ("  nested in a typed record", true) })
        {
            var files = ordered.Where(f => f.File.EndsWith(" (as member)", StringComparison.Ordinal) == nested).ToList();
            int count(GroupStatus status) => files.Sum(f => f.Count(status));
            text.AppendLine($"{mode,-42} {"",-8} {count(GroupStatus.Passed),6} {count(GroupStatus.Failed),6} {count(GroupStatus.Skipped),7} {files.Sum(f => f.Groups.Count(g => g.Typed)),6}");
        }
        text.AppendLine("(typed: groups whose schema became a typed record rather than a JSON-backed value)");
        text.AppendLine();
        text.AppendLine("Skipped and failed groups:");
        foreach (FileResult file in ordered)
        {
            foreach (GroupResult group in file.Groups.Where(g => g.Status != GroupStatus.Passed))
            {
                text.AppendLine($"  {group.Status.ToString().ToLowerInvariant(),-7} {file.File}: {group.Description} -- {group.Reason}");
                foreach (string failure in group.Failures.Take(3))
                {
                    text.AppendLine($"            {failure}");
                }
            }
        }

        return text.ToString();
    }
}

/// <summary>
/// The official JSON Schema test suite against the generated validators. A claimed file (see
/// claimed-keywords.txt) fails its test on any failed group; an unclaimed one is reported only.
/// </summary>
public sealed class ConformanceTests(ConformanceReport report, ITestOutputHelper output) : IClassFixture<ConformanceReport>
{
    public static TheoryData<string> Files() => new(ConformanceRunner.SuiteFiles());

    [Theory]
    [MemberData(nameof(Files))]
    public void Suite_file(string file)
    {
        FileResult result = ConformanceRunner.Run(file);
        report.Results[file] = result;
        output.WriteLine(ConformanceReport.Format([result]));
        if (result.Claimed)
        {
            var failed = result.Groups.Where(g => g.Status == GroupStatus.Failed).ToList();
            Assert.True(failed.Count == 0, $"{file}: {failed.Count} claimed group(s) failed:\n" + string.Join("\n", failed.Select(g => $"{g.Description}: {g.Reason}\n  " + string.Join("\n  ", g.Failures))));
        }
    }

    /// <summary>The same groups nested as the member of a typed record, so the typed generator answers them too.</summary>
    [Theory]
    [MemberData(nameof(Files))]
    public void Suite_file_as_a_typed_member(string file)
    {
        FileResult result = ConformanceRunner.Run(file, asMember: true);
        report.Results[result.File] = result;
        output.WriteLine(ConformanceReport.Format([result]));
        if (result.Claimed)
        {
            var failed = result.Groups.Where(g => g.Status == GroupStatus.Failed).ToList();
            Assert.True(failed.Count == 0, $"{file}: {failed.Count} claimed group(s) failed:\n" + string.Join("\n", failed.Select(g => $"{g.Description}: {g.Reason}\n  " + string.Join("\n  ", g.Failures))));
        }
    }

    /// <summary>The runner itself: a wrong answer fails, an unclaimed keyword skips, a schema error fails.</summary>
    [Fact]
    public void The_runner_fails_wrong_answers_and_never_counts_a_skip_as_a_pass()
    {
        const string suite = """
            [
              {"description": "right", "schema": {"type": "integer"}, "tests": [
                {"description": "int", "data": 1, "valid": true}, {"description": "str", "data": "a", "valid": false}]},
              {"description": "wrong expectation", "schema": {"type": "integer"}, "tests": [
                {"description": "str", "data": "a", "valid": true}]},
              {"description": "unclaimed", "schema": {"unevaluatedItems": false}, "tests": [
                {"description": "any", "data": [1], "valid": false}]},
              {"description": "schema error", "schema": {"pattern": "[a-"}, "tests": [
                {"description": "any", "data": "a", "valid": true}]},
              {"description": "remote", "schema": {"$ref": "http://localhost:1234/integer.json"}, "tests": [
                {"description": "int", "data": 1, "valid": true}, {"description": "str", "data": "a", "valid": false}]}
            ]
            """;

        FileResult result = ConformanceRunner.Run("self-test.json", suite);

        Assert.Equal(
            [GroupStatus.Passed, GroupStatus.Failed, GroupStatus.Skipped, GroupStatus.Failed, GroupStatus.Passed],
            result.Groups.Select(g => g.Status));
        Assert.Contains("expected valid, got invalid", Assert.Single(result.Groups[1].Failures));
        Assert.Contains("unevaluatedItems", result.Groups[2].Reason);
        Assert.Contains("ICG005", result.Groups[3].Reason);
    }

    [Fact]
    public void Every_claimed_file_exists_in_the_suite()
    {
        var files = ConformanceRunner.SuiteFiles().ToHashSet(StringComparer.Ordinal);
        Assert.All(ConformanceRunner.Claimed, claimed => Assert.Contains(claimed, files));
    }
}
