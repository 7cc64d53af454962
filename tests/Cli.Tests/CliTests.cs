using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Insights.Contracts.Tests;
using Xunit;

namespace Insights.Contracts.Cli.Tests;

/// <summary>
/// <c>insights-contracts</c> run as a user runs it: the built program in its own process, from the
/// repository root, with real arguments, standard input, output streams and exit code.
/// </summary>
public sealed partial class CliTests : IDisposable
{
    private readonly string _scratch = Path.Combine(Path.GetTempPath(), "insights-cli-" + Guid.NewGuid().ToString("N"));

    public CliTests() => Directory.CreateDirectory(_scratch);

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    private sealed record Run(int ExitCode, string[] Output, string Error)
    {
        public string Text => string.Join("\n", Output);
    }

    private static Run Invoke(params string[] args) => Invoke(args, stdin: []);

    private static Run Invoke(string[] args, string stdin) => Invoke(args, Encoding.UTF8.GetBytes(stdin));

    private static Run Invoke(string[] args, byte[] stdin, string? workingDirectory = null)
    {
        // The test project references the CLI, so its build output (insights-contracts.dll and its
        // runtimeconfig) is next to the tests; run it with the same dotnet host that runs the tests.
        string program = Path.Combine(AppContext.BaseDirectory, "insights-contracts.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = workingDirectory ?? Repository.Root,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        // Schemas compiled by validate --schema are cached here, never in the user's own cache.
        start.Environment["INSIGHTS_CONTRACTS_CACHE"] = SchemaCache;
        start.ArgumentList.Add(program);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        process.StandardInput.BaseStream.Write(stdin);
        process.StandardInput.Close();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)), "insights-contracts did not finish within 60 s");

        string[] lines = output.Result.Split('\n');
        Assert.Equal("", lines[^1]); // every line is terminated
        return new Run(process.ExitCode, lines[..^1], error.Result);
    }

    private static string Example(params string[] parts) => string.Join('/', ["schema", "examples", .. parts]);

    public static TheoryData<string, string> ValidExamples()
    {
        var data = new TheoryData<string, string>();
        foreach (string path in Repository.Files("schema/examples", "*.json"))
        {
            string name = Path.GetFileName(path);
            data.Add(name.StartsWith("request", StringComparison.Ordinal) ? "request" : "response", Example(name));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ValidExamples))]
    public void Valid_example_prints_file_valid_and_exits_0(string kind, string path)
    {
        Run run = Invoke("validate", kind, path);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal([$"{path}: valid"], run.Output);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public void Invalid_request_prints_file_pointer_message_and_keyword_per_error_and_exits_1()
    {
        string file = Example("invalid", "request-bad-dates.json");

        Run run = Invoke("validate", "request", file);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            [
                $"{file}: /from_date: '2023-02-29' is not a valid calendar date: February 2023 has 28 days, so day 29 does not exist [format]",
                $"{file}: /to_date: '2024-1-05' is not an ISO 8601 date (YYYY-MM-DD) [format]",
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
        string path = Example("invalid", file);

        Run run = Invoke("validate", kind, path);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(errors, run.Output.Length);
        Assert.All(run.Output, line => Assert.Matches(@"^" + path + @": (\(root\)|(/[^/:]+)+): \S.* \[[A-Za-z]+\]$", line));
    }

    [Fact]
    public void Root_errors_from_stdin_name_stdin_and_root()
    {
        Run run = Invoke(["validate", "request", "-"], "[]");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["(stdin): (root): expected object, got array [type]"], run.Output);
    }

    [Fact]
    public void Response_errors_use_the_response_contract()
    {
        string file = Example("invalid", "response-unknown-type.json");

        Run run = Invoke("validate", "response", file);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            [
                $"{file}: /data/result/type: 'insights_report' is not one of the allowed values: 'error', 'insights_refresh' [enum]",
                $"{file}: /data/result/accounts/0/iban: required property 'iban' is missing [required]",
                $"{file}: /data/result/insights_consumer_id: must be at least 1 character long, got 0 [minLength]",
            ],
            run.Output);
    }

    [Fact]
    public void A_request_is_not_a_valid_response()
    {
        string file = Example("request-all-accounts.json");

        Run run = Invoke("validate", "response", file);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal([$"{file}: /data: required property 'data' is missing [required]"], run.Output);
    }

    [Fact]
    public void Dash_reads_standard_input()
    {
        Run valid = Invoke(["validate", "request", "-"], Repository.ReadBytes("schema", "examples", "request-given-accounts.json"));
        Assert.Equal(0, valid.ExitCode);
        Assert.Equal(["(stdin): valid"], valid.Output);

        Run invalid = Invoke(["validate", "request", "-"], Documents.Request(("intended_reports", "[]")));
        Assert.Equal(1, invalid.ExitCode);
        Assert.Equal(["(stdin): /intended_reports: must have at least 1 item, got 0 [minItems]"], invalid.Output);

        Run response = Invoke(["validate", "response", "-"], Repository.ReadBytes("schema", "examples", "response-finished.json"));
        Assert.Equal(0, response.ExitCode);
    }

    [Fact]
    public void Several_inputs_are_reported_in_order_each_line_with_its_name()
    {
        string valid = Example("request-account-selection.json");
        string invalid = Example("invalid", "request-bad-dates.json");

        Run run = Invoke(["validate", "request", valid, invalid, "-"], "{}");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            [
                $"{valid}: valid",
                $"{invalid}: /from_date: '2023-02-29' is not a valid calendar date: February 2023 has 28 days, so day 29 does not exist [format]",
                $"{invalid}: /to_date: '2024-1-05' is not an ISO 8601 date (YYYY-MM-DD) [format]",
                "(stdin): /intended_reports: required property 'intended_reports' is missing [required]",
                "(stdin): /from_date: required property 'from_date' is missing [required]",
                "(stdin): /to_date: required property 'to_date' is missing [required]",
            ],
            run.Output);
    }

    [Fact]
    public void A_glob_the_shell_did_not_expand_is_expanded_like_the_shell_would()
    {
        string[] expected = Repository.Files("schema/examples", "request-*.json").Select(f => Example(Path.GetFileName(f))).ToArray();

        Run run = Invoke("validate", "request", "schema/examples/request-*.json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(expected.Select(f => $"{f}: valid"), run.Output);
        Assert.Equal(3, run.Output.Length);
    }

    [Fact]
    public void A_double_star_glob_crosses_folders()
    {
        Run run = Invoke("validate", "response", "schema/**/response-*.json");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            [Example("invalid", "response-truncated.json"), Example("invalid", "response-unknown-type.json"), Example("response-finished.json")],
            run.Output.Select(line => line[..line.IndexOf(": ", StringComparison.Ordinal)]).Distinct());
    }

    [Fact]
    public void A_glob_that_matches_nothing_is_an_error_that_names_it()
    {
        Run run = Invoke("validate", "request", "schema/examples/nothing-*.json");

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Output);
        Assert.Equal("schema/examples/nothing-*.json: no file matches this pattern\n", run.Error);
    }

    [Fact]
    public void A_folder_is_every_json_file_under_it_in_order()
    {
        string docs = Path.Combine(_scratch, "docs");
        Directory.CreateDirectory(Path.Combine(docs, "a"));
        File.WriteAllText(Path.Combine(docs, "b.json"), "{}");
        File.WriteAllBytes(Path.Combine(docs, "a", "ok.json"), Repository.ReadBytes("schema", "examples", "request-all-accounts.json"));
        File.WriteAllText(Path.Combine(docs, "notes.txt"), "not a document");

        Run run = Invoke(["validate", "request", "docs"], [], workingDirectory: _scratch);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            [
                "docs/a/ok.json: valid",
                "docs/b.json: /intended_reports: required property 'intended_reports' is missing [required]",
                "docs/b.json: /from_date: required property 'from_date' is missing [required]",
                "docs/b.json: /to_date: required property 'to_date' is missing [required]",
            ],
            run.Output);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public void A_folder_without_json_files_is_an_error_that_says_so()
    {
        Run run = Invoke(["validate", "request", "."], [], workingDirectory: _scratch);

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Output);
        Assert.Equal(".: this folder has no .json files\n", run.Error);
    }

    [Fact]
    public void A_missing_file_is_reported_in_plain_words_and_the_others_are_still_checked()
    {
        string invalid = Example("invalid", "request-ids-with-all-true.json");

        Run missingFirst = Invoke("validate", "request", "no-such.json", invalid);
        Run missingLast = Invoke("validate", "request", invalid, "no-such.json");

        foreach (Run run in new[] { missingFirst, missingLast })
        {
            Assert.Equal(2, run.ExitCode);
            Assert.StartsWith($"{invalid}: /accounts: ", Assert.Single(run.Output), StringComparison.Ordinal);
            Assert.Equal("no-such.json: no such file\n", run.Error);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \n\t")]
    public void An_empty_file_is_invalid_and_the_message_says_it_is_empty(string content)
    {
        File.WriteAllText(Path.Combine(_scratch, "empty.json"), content);

        Run run = Invoke(["validate", "request", "empty.json"], [], workingDirectory: _scratch);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["empty.json: (root): the document is empty; expected a JSON value [syntax]"], run.Output);
    }

    [Fact]
    public void Json_format_is_one_array_with_pointer_keyword_and_message_per_error()
    {
        string valid = Example("request-all-accounts.json");
        string invalid = Example("invalid", "request-bad-dates.json");

        Run run = Invoke("validate", "request", "--format", "json", valid, invalid, "no-such.json");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("no-such.json: no such file\n", run.Error); // a person still sees it
        using JsonDocument report = JsonDocument.Parse(run.Text);
        JsonElement[] files = report.RootElement.EnumerateArray().ToArray();
        Assert.Equal([valid, invalid, "no-such.json"], files.Select(f => f.GetProperty("file").GetString()));
        Assert.Equal(["valid", "invalid", "unreadable"], files.Select(f => f.GetProperty("status").GetString()));
        Assert.Empty(files[0].GetProperty("errors").EnumerateArray());
        Assert.Equal(
            [
                ("/from_date", "format", "'2023-02-29' is not a valid calendar date: February 2023 has 28 days, so day 29 does not exist"),
                ("/to_date", "format", "'2024-1-05' is not an ISO 8601 date (YYYY-MM-DD)"),
            ],
            files[1].GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("pointer").GetString(), e.GetProperty("keyword").GetString(), e.GetProperty("message").GetString())));
        Assert.Equal("no such file", files[2].GetProperty("message").GetString());
    }

    [Fact]
    public void Json_format_gives_the_root_as_the_empty_pointer_and_may_come_before_the_command()
    {
        Run run = Invoke(["validate", "--format", "json", "response", "-"], "[]");

        Assert.Equal(1, run.ExitCode);
        using JsonDocument report = JsonDocument.Parse(run.Text);
        JsonElement error = report.RootElement[0].GetProperty("errors")[0];
        Assert.Equal("(stdin)", report.RootElement[0].GetProperty("file").GetString());
        Assert.Equal("", error.GetProperty("pointer").GetString());
        Assert.Equal("type", error.GetProperty("keyword").GetString());
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("validate --help")]
    [InlineData("validate -h")]
    [InlineData("validate request --help")]
    [InlineData("validate response -h")]
    public void Help_goes_to_stdout_and_exits_0_at_every_level(string commandLine)
    {
        Run run = Invoke(commandLine.Split(' '));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        Assert.Contains("Usage:", run.Output);
        Assert.Contains(run.Output, line => line.StartsWith("  insights-contracts", StringComparison.Ordinal));
    }

    [Fact]
    public void Command_help_explains_inputs_and_formats()
    {
        Run run = Invoke("validate", "request", "--help");

        Assert.Contains("insights-contracts validate request <files>... [options]", run.Text, StringComparison.Ordinal);
        Assert.Contains("--format <text|json>", run.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Version_prints_the_package_version_and_exits_0()
    {
        string version = XDocument.Load(Repository.Path("Directory.Build.props")).Descendants("Version").Single().Value;

        Run run = Invoke("--version");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches("^" + version.Replace(".", "\\.", StringComparison.Ordinal) + @"(\+[0-9a-f]+)?$", Assert.Single(run.Output));
    }

    [Theory]
    [InlineData("validatee request x.json", "'validatee'", "validate")]
    [InlineData("validate reqest x.json", "'reqest'", "request")]
    [InlineData("check", "'check'", null)]
    [InlineData("validate request --json x.json", "'--json'", null)]
    [InlineData("validate request x.json --strict", "'--strict'", null)]
    [InlineData("validate request --format xml x.json", "'xml'", "json")]
    public void An_unknown_command_option_or_value_is_an_error_that_names_it_and_exits_2(string commandLine, string named, string? suggested)
    {
        Run run = Invoke(commandLine.Split(' '));

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Output);
        Assert.Contains(named, run.Error, StringComparison.Ordinal);
        if (suggested is not null)
        {
            Assert.Contains(suggested, run.Error, StringComparison.Ordinal);
        }

        Assert.Contains("--help' for usage.", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "Required command was not provided.", "insights-contracts --help")]
    [InlineData("validate", "Say what to check the documents against: 'validate request <file>...', 'validate response <file>...' or 'validate --schema <schema file> <file>...'.", "insights-contracts validate --help")]
    [InlineData("validate request", "Required argument 'file|folder|glob|-' missing", "insights-contracts validate request --help")]
    public void A_missing_command_or_file_is_an_error_that_points_at_help_and_exits_2(string commandLine, string message, string hint)
    {
        Run run = Invoke(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries));

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Output);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.Contains($"Run '{hint}' for usage.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_named_like_an_option_is_read_after_double_dash()
    {
        File.WriteAllText(Path.Combine(_scratch, "--json"), "{}");

        Run run = Invoke(["validate", "request", "--", "--json"], [], workingDirectory: _scratch);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("--json: /intended_reports: ", run.Output[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Baseline_writes_the_schemas_and_diff_finds_an_incompatible_change_with_exit_1()
    {
        string baseline = Path.Combine(_scratch, "baseline");
        Run written = Invoke("baseline", "schema/insights-flow-request.schema.json", "-o", baseline);
        Assert.Equal(0, written.ExitCode);
        Assert.StartsWith("schema/insights-flow-request.schema.json: written ", written.Output[0], StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(Repository.Path("schema", "insights-flow-request.schema.json")), File.ReadAllText(Path.Combine(baseline, "insights-flow-request.schema.json")));
        Assert.EndsWith(": unchanged " + Path.Combine(baseline, "insights-flow-request.schema.json"), Invoke("baseline", "schema/insights-flow-request.schema.json", "-o", baseline).Output[0], StringComparison.Ordinal);

        string changed = Path.Combine(_scratch, "insights-flow-request.schema.json");
        File.WriteAllText(changed, File.ReadAllText(Repository.Path("schema", "insights-flow-request.schema.json")).Replace("\"maxLength\": 127", "\"maxLength\": 64", StringComparison.Ordinal));
        string shipped = Path.Combine(baseline, "insights-flow-request.schema.json");

        Run diff = Invoke("diff", shipped, changed);
        Assert.Equal(1, diff.ExitCode);
        Assert.Equal($"{changed}(35,20): incompatible [maxLength-tightened] #/properties/insights_consumer_id/maxLength: at /insights_consumer_id: maxLength 127 → 64 rejects strings of 65–127 characters that the baseline accepted (Backward)", diff.Output[0]);

        Run forward = Invoke("diff", shipped, changed, "--mode", "forward", "--format", "json");
        Assert.Equal(0, forward.ExitCode); // accepting less is no break for readers of the baseline
        using JsonDocument report = JsonDocument.Parse(forward.Text);
        Assert.Equal("compatible", report.RootElement[0].GetProperty("status").GetString());

        Assert.Equal(0, Invoke("diff", shipped, Repository.Path("schema", "insights-flow-request.schema.json"), "--mode", "full").ExitCode);
    }

    [Fact]
    public void Baseline_refuses_a_schema_with_errors()
    {
        string broken = Path.Combine(_scratch, "broken.schema.json");
        File.WriteAllText(broken, "{ \"type\": ");

        Run run = Invoke("baseline", broken, "-o", Path.Combine(_scratch, "baseline"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("not written to the baseline: ICG001", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_scratch, "baseline", "broken.schema.json")));
    }
}
