using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.IO;
using Insights.Contracts.Generator.Compatibility;
using Insights.Contracts.Runtime;

namespace Insights.Contracts.Cli;

/// <summary>
/// <c>insights-contracts validate request|response &lt;file|folder|glob|-&gt;... [--format text|json]</c>.
/// The command line is System.CommandLine's: <c>--help</c>/<c>-h</c> at every level (stdout, exit 0),
/// <c>--version</c>, and an unknown command or option is an error that names it (stderr, exit 2).
/// Exit code: 0 every document valid, 1 any invalid, 2 a bad command line or an input that could not be read.
/// </summary>
internal static class CliApp
{
    public const int Valid = 0;
    public const int Invalid = 1;
    public const int UsageOrUnreadable = 2;

    public static int Run(string[] args, Func<Stream> openStandardInput, TextWriter output, TextWriter error)
    {
        RootCommand root = Commands(args, openStandardInput, output, error);
        ParseResult parsed = root.Parse(args);
        if (parsed.Action is not ParseErrorAction parseError)
        {
            // Help and --version write to output and return 0; validation returns its own exit code.
            return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }

        // The errors name each word that could not be placed, with a "did you mean" where one is close.
        // System.CommandLine writes those suggestions to Output, but all of it belongs on stderr; the full
        // help would bury the errors, so point at it instead.
        parseError.ShowHelp = false;
        parsed.Invoke(new InvocationConfiguration { Output = error, Error = error, EnableDefaultExceptionHandler = false });
        error.WriteLine($"Run '{CommandPath(parsed.CommandResult)} --help' for usage.");
        return UsageOrUnreadable;
    }

    private static RootCommand Commands(string[] args, Func<Stream> openStandardInput, TextWriter output, TextWriter error)
    {
        var format = new Option<string>("--format")
        {
            Description = "text: one line per error, '<file>: <pointer>: <message> [<keyword>]'. json: one JSON array, per file {file, status, errors: [{pointer, keyword, message}]}.",
            DefaultValueFactory = _ => "text",
            HelpName = "text|json",
            Recursive = true,
        };
        format.AcceptOnlyFromAmong("text", "json");

        var validate = new Command("validate", "Check Insights flow documents against the contract: every rule of the Insights JSON Schema.")
        {
            format,
        };
        validate.Add(DocumentCommand("request", "Check flow requests (POST body of the Insights flow).", bytes => InsightsFlowRequest.Parse(bytes).Errors));
        validate.Add(DocumentCommand("response", "Check flow responses.", bytes => InsightsFlowResponse.Parse(bytes).Errors));

        return new RootCommand("Insights.Contracts: validate Open Banking Insights flow requests and responses.")
        {
            validate,
            BaselineCommand(),
            DiffCommand(),
        };

        Command BaselineCommand()
        {
            var schemas = new Argument<string[]>("schemas")
            {
                Description = "The schema files (or folders, or globs) as they ship now.",
                HelpName = "file|folder|glob",
                Arity = ArgumentArity.OneOrMore,
            };
            var outputFolder = new Option<string>("--output", "-o")
            {
                Description = "The baseline folder (the project's JsonSchemaBaselineDirectory).",
                DefaultValueFactory = _ => "schemas.baseline",
            };
            var command = new Command("baseline", "Write or refresh the baseline: a copy of each schema as shipped, which the generator and 'diff' compare later versions with.") { schemas, outputFolder };
            command.SetAction(result => Compatibility.Baseline(InputFiles.Expand(result.GetValue(schemas)!), result.GetValue(outputFolder)!, output, error));
            return command;
        }

        Command DiffCommand()
        {
            var before = new Argument<string>("old") { Description = "The baseline schema (or a folder of them)." };
            var after = new Argument<string>("new") { Description = "The new schema (or a folder; files pair by name)." };
            var mode = new Option<string>("--mode")
            {
                Description = "backward: the new schema must accept every document the old one did; forward: the old must accept every document the new one does; full: both.",
                DefaultValueFactory = _ => "backward",
                HelpName = "backward|forward|full",
            };
            mode.AcceptOnlyFromAmong("backward", "forward", "full");
            var command = new Command("diff", "Compare two versions of a schema with the generator's compatibility rules; exit 1 on an incompatible change.") { before, after, mode, format };
            command.SetAction(result =>
            {
                CompatibilityModes.TryParse(result.GetValue(mode), out CompatibilityMode parsedMode);
                return Compatibility.Diff(result.GetValue(before)!, result.GetValue(after)!, parsedMode, result.GetValue(format) == "json", output, error);
            });
            return command;
        }

        Command DocumentCommand(string name, string description, Func<byte[], IReadOnlyList<ValidationError>> check)
        {
            var inputs = new Argument<string[]>("files")
            {
                Description = "Files, folders (every *.json file under them), glob patterns ('examples/request-*.json') or '-' for standard input.",
                HelpName = "file|folder|glob|-",
                Arity = ArgumentArity.OneOrMore,
            };
            // An argument takes any token, so an unknown option such as --json would otherwise be read
            // as a file name; a file whose name starts with '-' can still be given after '--'.
            int endOfOptions = Array.IndexOf(args, "--");
            inputs.Validators.Add(result =>
            {
                foreach (Token token in result.Tokens)
                {
                    if (token.Value.Length > 1 && token.Value[0] == '-' && (endOfOptions < 0 || Array.IndexOf(args, token.Value) < endOfOptions))
                    {
                        result.AddError($"Unrecognized option '{token.Value}'. (A file whose name starts with '-' goes after '--'.)");
                    }
                }
            });
            var command = new Command(name, description) { inputs };
            command.SetAction(result =>
            {
                Report report = result.GetValue(format) == "json" ? new JsonReport(output, error) : new TextReport(output, error);
                return Validation.Run(InputFiles.Expand(result.GetValue(inputs)!), openStandardInput, check, report);
            });
            return command;
        }
    }

    /// <summary>The words of the command that failed to parse, for the "--help" hint: <c>insights-contracts validate request</c>.</summary>
    private static string CommandPath(CommandResult command)
    {
        var names = new List<string>();
        for (SymbolResult? current = command; current is CommandResult { Parent: not null } result; current = result.Parent)
        {
            names.Insert(0, result.Command.Name);
        }

        names.Insert(0, "insights-contracts");
        return string.Join(" ", names);
    }
}
