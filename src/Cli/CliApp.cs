using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Linq;
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

        var schema = new Option<string>("--schema")
        {
            Description = "Check the documents against this JSON Schema file (any schema): its generated contract, compiled in memory and cached by the schema's hash, judges them.",
            HelpName = "schema file",
        };
        // The documents of --schema are the command's unmatched words rather than an argument, so the
        // usage of request and response does not show a second list of files before their name.
        var validate = new Command("validate", "Check documents against a contract: Insights flow requests or responses (the commands below), or any JSON Schema: validate --schema <schema file> <file|folder|glob|->...")
        {
            format,
            schema,
        };
        validate.TreatUnmatchedTokensAsErrors = false;
        validate.Add(DocumentCommand("request", "Check flow requests (POST body of the Insights flow).", bytes => InsightsFlowRequest.Parse(bytes).Errors));
        validate.Add(DocumentCommand("response", "Check flow responses.", bytes => InsightsFlowResponse.Parse(bytes).Errors));
        validate.SetAction(result =>
        {
            string[] documents = [.. result.UnmatchedTokens];
            if (Array.Find(documents, d => d.Length > 1 && d[0] == '-') is { } unknown && Array.IndexOf(args, "--") is int end && (end < 0 || Array.IndexOf(args, unknown) < end))
            {
                error.WriteLine($"Unrecognized option '{unknown}'. (A file whose name starts with '-' goes after '--'.)");
                error.WriteLine("Run 'insights-contracts validate --help' for usage.");
                return UsageOrUnreadable;
            }

            documents = [.. documents.Where(d => d != "--")];
            if (result.GetValue(schema) is not { } schemaPath)
            {
                // Without a contract there is nothing to check against: name the choices (and the
                // command a mistyped word was probably meant to be).
                if (documents.Length > 0 && !File.Exists(documents[0]) && !Directory.Exists(documents[0])
                    && new[] { "request", "response" }.FirstOrDefault(c => Distance(c, documents[0]) <= 2) is { } meant)
                {
                    error.WriteLine($"'{documents[0]}' is not a command of validate; did you mean '{meant}'?");
                }

                error.WriteLine("Say what to check the documents against: 'validate request <file>...', 'validate response <file>...' or 'validate --schema <schema file> <file>...'.");
                error.WriteLine("Run 'insights-contracts validate --help' for usage.");
                return UsageOrUnreadable;
            }

            return ValidateAgainstSchema(schemaPath, documents, result.GetValue(format) == "json", openStandardInput, output, error);
        });

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
            Argument<string[]> inputs = FilesArgument();
            var command = new Command(name, description) { inputs };
            command.SetAction(result =>
            {
                Report report = result.GetValue(format) == "json" ? new JsonReport(output, error) : new TextReport(output, error);
                return Validation.Run(InputFiles.Expand(result.GetValue(inputs)!), openStandardInput, check, report);
            });
            return command;
        }

        Argument<string[]> FilesArgument()
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
            return inputs;
        }
    }

    /// <summary>
    /// <c>validate --schema S files...</c>: the schema's generated contract judges each document, so
    /// the verdicts and errors are the generated types'. Generator warnings go to stderr; a schema the
    /// generator refuses (its errors, located in the file) is exit code 2.
    /// </summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "The tool is not trimmed; the compiled schema's types are found by reflection.")]
    private static int ValidateAgainstSchema(string schemaPath, string[] documents, bool json, Func<Stream> openStandardInput, TextWriter output, TextWriter error)
    {
        if (documents.Length == 0)
        {
            error.WriteLine("Give the documents to check: 'validate --schema <schema file> <file|folder|glob|->...'.");
            return UsageOrUnreadable;
        }

        JsonContractInfo? contract;
        IReadOnlyList<string> problems;
        try
        {
            contract = new SchemaCompiler(SchemaCompiler.DefaultCacheFolder).Compile(schemaPath, out problems);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"{schemaPath}: cannot read the schema: {e.Message}");
            return UsageOrUnreadable;
        }

        foreach (string problem in problems)
        {
            error.WriteLine(problem);
        }

        if (contract is null)
        {
            error.WriteLine($"{schemaPath}: the schema has errors; no document was checked.");
            return UsageOrUnreadable;
        }

        Report report = json ? new JsonReport(output, error) : new TextReport(output, error);
        return Validation.Run(InputFiles.Expand(documents), openStandardInput, bytes => Check(contract, bytes), report);
    }

    private static IReadOnlyList<ValidationError> Check(JsonContractInfo contract, byte[] utf8Json)
    {
        // A MemoryStream completes every read synchronously; the limit is the document itself.
        using Utf8JsonBuffer buffer = Utf8JsonBuffer.ReadAsync(new MemoryStream(utf8Json), utf8Json.LongLength + 1).AsTask().GetAwaiter().GetResult();
        return contract.Parse(buffer).Errors;
    }

    /// <summary>The edit distance (insertions, deletions, substitutions) of two words, for "did you mean".</summary>
    private static int Distance(string a, string b)
    {
        int[] previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (int i = 1; i <= a.Length; i++)
        {
            int[] current = new int[b.Length + 1];
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
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
