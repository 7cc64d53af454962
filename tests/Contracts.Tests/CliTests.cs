using System;
using System.IO;
using System.Linq;
using System.Text;
using Insights.Contracts.Cli;
using Xunit;

namespace Insights.Contracts.Tests;

/// <summary><c>insights-contracts validate request|response &lt;file|-&gt;...</c>: output lines and exit codes.</summary>
public class CliTests
{
    private sealed record Run(int ExitCode, string[] Output, string Error);

    private static Run Invoke(string[] args, string stdin = "") => Invoke(args, Encoding.UTF8.GetBytes(stdin));

    private static Run Invoke(string[] args, byte[] stdin)
    {
        using var input = new MemoryStream(stdin);
        using var output = new StringWriter();
        using var error = new StringWriter();

        int exitCode = CliApp.Run(args, input, output, error);

        string[] lines = output.ToString().Split(["\r\n", "\n"], StringSplitOptions.None);
        Assert.Equal("", lines[^1]); // every line is terminated
        return new Run(exitCode, lines[..^1], error.ToString());
    }

    private static string Example(params string[] parts) => Repository.Path(["schema", "examples", .. parts]);

    public static TheoryData<string, string> ValidExamples()
    {
        var data = new TheoryData<string, string>();
        foreach (string path in Repository.Files("schema/examples", "*.json"))
        {
            data.Add(Path.GetFileName(path).StartsWith("request", StringComparison.Ordinal) ? "request" : "response", path);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ValidExamples))]
    public void Valid_example_prints_valid_and_exits_0(string kind, string path)
    {
        Run run = Invoke(["validate", kind, path]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["valid"], run.Output);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public void Invalid_request_prints_one_pointer_and_message_line_per_error_and_exits_1()
    {
        Run run = Invoke(["validate", "request", Example("invalid", "request-bad-dates.json")]);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            [
                "/from_date: '2023-02-29' is not a valid calendar date",
                "/to_date: '2024-1-05' is not an ISO 8601 date (YYYY-MM-DD)",
            ],
            run.Output);
        Assert.Equal("", run.Error);
    }

    [Theory]
    [InlineData("request", "request-bad-dates.json", 2)]
    [InlineData("request", "request-ids-with-all-true.json", 1)]
    [InlineData("request", "request-missing-required.json", 3)]
    [InlineData("request", "request-wrong-types.json", 7)]
    [InlineData("response", "response-truncated.json", 1)]
    [InlineData("response", "response-unknown-type.json", 3)]
    public void Every_invalid_example_exits_1_with_one_line_per_error(string kind, string file, int errors)
    {
        Run run = Invoke(["validate", kind, Example("invalid", file)]);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(errors, run.Output.Length);
        Assert.All(run.Output, line => Assert.Matches(@"^(\(root\)|(/[^/:]+)+): \S", line));
    }

    [Fact]
    public void Root_errors_are_printed_as_root()
    {
        Run run = Invoke(["validate", "request", "-"], "[]");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["(root): expected object, got array"], run.Output);
    }

    [Fact]
    public void Response_errors_use_the_response_contract()
    {
        Run run = Invoke(["validate", "response", Example("invalid", "response-unknown-type.json")]);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            [
                "/data/result/type: 'insights_report' is not one of the allowed values: 'error', 'insights_refresh'",
                "/data/result/accounts/0/iban: required property 'iban' is missing",
                "/data/result/insights_consumer_id: must be at least 1 character long, got 0",
            ],
            run.Output);
    }

    [Fact]
    public void A_request_is_not_a_valid_response()
    {
        Run run = Invoke(["validate", "response", Example("request-all-accounts.json")]);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["/data: required property 'data' is missing"], run.Output);
    }

    [Fact]
    public void Dash_reads_the_given_stdin_stream()
    {
        Run valid = Invoke(["validate", "request", "-"], File.ReadAllBytes(Example("request-given-accounts.json")));
        Assert.Equal(0, valid.ExitCode);
        Assert.Equal(["valid"], valid.Output);

        Run invalid = Invoke(["validate", "request", "-"], Documents.Request(("intended_reports", "[]")));
        Assert.Equal(1, invalid.ExitCode);
        Assert.Equal(["/intended_reports: must have at least 1 item, got 0"], invalid.Output);

        Run response = Invoke(["validate", "response", "-"], File.ReadAllBytes(Example("response-finished.json")));
        Assert.Equal(0, response.ExitCode);
    }

    [Fact]
    public void Several_files_prefix_each_line_with_the_file_name()
    {
        string valid = Example("request-account-selection.json");
        string invalid = Example("invalid", "request-bad-dates.json");

        Run run = Invoke(["validate", "request", valid, invalid]);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            [
                $"{valid}: valid",
                $"{invalid}: /from_date: '2023-02-29' is not a valid calendar date",
                $"{invalid}: /to_date: '2024-1-05' is not an ISO 8601 date (YYYY-MM-DD)",
            ],
            run.Output);
    }

    [Fact]
    public void Several_files_including_stdin_prefix_stdin_lines_with_a_dash()
    {
        string valid = Example("request-account-selection.json");

        Run run = Invoke(["validate", "request", valid, "-"], "{}");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            [
                $"{valid}: valid",
                "-: /intended_reports: required property 'intended_reports' is missing",
                "-: /from_date: required property 'from_date' is missing",
                "-: /to_date: required property 'to_date' is missing",
            ],
            run.Output);
    }

    [Fact]
    public void All_valid_files_exit_0()
    {
        string[] files = Repository.Files("schema/examples", "request-*.json");

        Run run = Invoke(["validate", "request", .. files]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(files.Select(f => $"{f}: valid"), run.Output);
    }

    [Fact]
    public void Missing_file_exits_2_and_reports_on_stderr()
    {
        string missing = Path.Combine(Path.GetTempPath(), "insights-contracts-" + Guid.NewGuid().ToString("N") + ".json");

        Run run = Invoke(["validate", "request", missing]);

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Output);
        Assert.Contains($"cannot read '{missing}'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_file_among_others_still_validates_the_rest_and_exits_2()
    {
        string missing = Path.Combine(Path.GetTempPath(), "insights-contracts-" + Guid.NewGuid().ToString("N") + ".json");
        string invalid = Example("invalid", "request-ids-with-all-true.json");

        Run missingFirst = Invoke(["validate", "request", missing, invalid]);
        Run missingLast = Invoke(["validate", "request", invalid, missing]);

        foreach (Run run in new[] { missingFirst, missingLast })
        {
            Assert.Equal(2, run.ExitCode);
            Assert.Single(run.Output);
            Assert.StartsWith($"{invalid}: /accounts: ", run.Output[0], StringComparison.Ordinal);
            Assert.Contains($"{missing}: cannot read '{missing}'", run.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_directory_instead_of_a_file_exits_2()
    {
        Run run = Invoke(["validate", "request", Repository.Path("schema")]);

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Output);
        Assert.NotEqual("", run.Error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("validate")]
    [InlineData("validate request")]
    [InlineData("check request x.json")]
    [InlineData("validate flow x.json")]
    [InlineData("validate Request x.json")]
    [InlineData("--help")]
    public void Bad_usage_exits_2_and_prints_usage_on_stderr(string commandLine)
    {
        string[] args = commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);

        Run run = Invoke(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Output);
        Assert.StartsWith("usage: insights-contracts validate request|response <file|->...", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_stdin_is_invalid_not_unreadable()
    {
        Run run = Invoke(["validate", "request", "-"], "");

        Assert.Equal(1, run.ExitCode);
        Assert.Single(run.Output);
        Assert.StartsWith("(root): invalid JSON", run.Output[0], StringComparison.Ordinal);
    }
}
