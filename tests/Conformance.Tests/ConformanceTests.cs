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
        foreach (string draft in ConformanceRunner.Drafts)
        {
            foreach ((string kind, bool required) in new[] { ("required", true), ("optional", false) })
            {
                var files = ordered.Where(f => f.File.StartsWith(draft + "/", StringComparison.Ordinal) && f.Required == required && !f.File.EndsWith(" (as member)", StringComparison.Ordinal)).ToList();
                if (files.Count > 0)
                {
                    text.AppendLine($"{draft} {kind}: {files.Sum(f => f.Count(GroupStatus.Passed))} passed, {files.Sum(f => f.Count(GroupStatus.Failed))} failed, {files.Sum(f => f.Count(GroupStatus.Skipped))} skipped");
                }
            }
        }

        var nested = ordered.Where(f => f.File.EndsWith(" (as member)", StringComparison.Ordinal)).ToList();
        if (nested.Count > 0)
        {
            text.AppendLine($"nested as the member of a typed record: {nested.Sum(f => f.Count(GroupStatus.Passed))} passed, {nested.Sum(f => f.Count(GroupStatus.Failed))} failed, {nested.Sum(f => f.Count(GroupStatus.Skipped))} skipped, {nested.Sum(f => f.Groups.Count(g => g.Typed))} of them typed records");
        }

        text.AppendLine();
        text.AppendLine("Groups per file (typed: groups whose schema became a typed record rather than a JSON-backed value):");
        text.AppendLine($"{"file",-56} {"kind",-8} {"passed",6} {"failed",6} {"skipped",7} {"typed",6}");
        foreach (FileResult file in ordered)
        {
            text.AppendLine($"{file.File,-56} {(file.Required ? "required" : "optional"),-8} {file.Count(GroupStatus.Passed),6} {file.Count(GroupStatus.Failed),6} {file.Count(GroupStatus.Skipped),7} {file.Groups.Count(g => g.Typed),6}");
        }

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
/// The official JSON Schema test suite of every draft against the generated validators: every
/// group of a required file must pass (none skipped), and no group of an optional file may fail.
/// </summary>
public sealed class ConformanceTests(ConformanceReport report, ITestOutputHelper output) : IClassFixture<ConformanceReport>
{
    /// <summary>The drafts whose groups also run nested as the member of a typed record (the typed-record generator answering them).</summary>
    private static readonly string[] NestedDrafts = ["draft7", "draft2020-12"];

    public static TheoryData<string> Files() => new(ConformanceRunner.SuiteFiles());

    public static TheoryData<string> NestedFiles() => new(ConformanceRunner.SuiteFiles().Where(f => NestedDrafts.Any(d => f.StartsWith(d + "/", StringComparison.Ordinal))));

    [Theory]
    [MemberData(nameof(Files))]
    public void Suite_file(string file)
    {
        FileResult result = ConformanceRunner.Run(file);
        report.Results[file] = result;
        output.WriteLine(ConformanceReport.Format([result]));
        AssertOutcome(file, result);
    }

    /// <summary>The same groups nested as the member of a typed record, so the typed generator answers them too.</summary>
    [Theory]
    [MemberData(nameof(NestedFiles))]
    public void Suite_file_as_a_typed_member(string file)
    {
        FileResult result = ConformanceRunner.Run(file, asMember: true);
        report.Results[result.File] = result;
        output.WriteLine(ConformanceReport.Format([result]));
        AssertOutcome(file, result);
    }

    private static void AssertOutcome(string file, FileResult result)
    {
        var failed = result.Groups.Where(g => g.Status == GroupStatus.Failed).ToList();
        Assert.True(failed.Count == 0, $"{file}: {failed.Count} group(s) failed:\n" + string.Join("\n", failed.Select(g => $"{g.Description}: {g.Reason}\n  " + string.Join("\n  ", g.Failures))));
        var skipped = result.Groups.Where(g => g.Status == GroupStatus.Skipped).ToList();
        Assert.True(!result.Required || skipped.Count == 0 || result.File.EndsWith(" (as member)", StringComparison.Ordinal), $"{file}: a required file skipped {skipped.Count} group(s):\n" + string.Join("\n", skipped.Select(g => $"{g.Description}: {g.Reason}")));
    }

    /// <summary>The runner itself: a wrong answer fails, a metaschema the generator cannot read skips, a schema error fails.</summary>
    [Fact]
    public void The_runner_fails_wrong_answers_and_never_counts_a_skip_as_a_pass()
    {
        const string suite = """
            [
              {"description": "right", "schema": {"type": "integer"}, "tests": [
                {"description": "int", "data": 1, "valid": true}, {"description": "str", "data": "a", "valid": false}]},
              {"description": "wrong expectation", "schema": {"type": "integer"}, "tests": [
                {"description": "str", "data": "a", "valid": true}]},
              {"description": "unknown metaschema", "schema": {"$schema": "https://example.com/my-dialect", "minItems": 2}, "tests": [
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
        Assert.Contains("ICG014", result.Groups[2].Reason);
        Assert.Contains("ICG005", result.Groups[3].Reason);
    }

    [Fact]
    public void Every_draft_has_its_files()
    {
        Assert.All(ConformanceRunner.Drafts, draft => Assert.Contains(ConformanceRunner.SuiteFiles(), f => f.StartsWith(draft + "/ref.json", StringComparison.Ordinal)));
    }
}
