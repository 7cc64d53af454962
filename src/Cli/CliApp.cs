using System;
using System.Collections.Generic;
using System.IO;
using Insights.Contracts.Runtime;

namespace Insights.Contracts.Cli;

/// <summary>
/// <c>insights-contracts validate request|response &lt;file|-&gt;...</c>: prints <c>valid</c> or one line per
/// error, <c>&lt;json-pointer&gt;: &lt;message&gt;</c>. With several files each line starts with the file name.
/// Exit code: 0 all valid, 1 any invalid, 2 a file could not be read or the command line is wrong.
/// </summary>
internal static class CliApp
{
    public const int Valid = 0;
    public const int Invalid = 1;
    public const int Unreadable = 2;

    private const string Usage = """
        usage: insights-contracts validate request|response <file|->...
          Checks Insights flow request or response documents against the contract.
          Prints 'valid', or one line per error: <json-pointer>: <message>.
          '-' reads standard input. Exit code: 0 valid, 1 invalid, 2 unreadable input or bad usage.
        """;

    public static int Run(IReadOnlyList<string> args, Stream standardInput, TextWriter output, TextWriter error)
    {
        if (args.Count < 3 || args[0] != "validate" || args[1] is not ("request" or "response"))
        {
            error.WriteLine(Usage);
            return Unreadable;
        }

        Func<byte[], IReadOnlyList<ValidationError>> validate = args[1] == "request"
            ? bytes => InsightsFlowRequest.Parse(bytes).Errors
            : bytes => InsightsFlowResponse.Parse(bytes).Errors;

        bool several = args.Count > 3;
        int exitCode = Valid;
        for (int i = 2; i < args.Count; i++)
        {
            string path = args[i];
            string prefix = several ? path + ": " : "";
            byte[] bytes;
            try
            {
                bytes = path == "-" ? ReadAll(standardInput) : File.ReadAllBytes(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                error.WriteLine($"{prefix}cannot read '{path}': {e.Message}");
                exitCode = Unreadable;
                continue;
            }

            IReadOnlyList<ValidationError> errors = validate(bytes);
            if (errors.Count == 0)
            {
                output.WriteLine(prefix + "valid");
                continue;
            }

            foreach (ValidationError validationError in errors)
            {
                output.WriteLine(prefix + validationError);
            }

            exitCode = Math.Max(exitCode, Invalid);
        }

        return exitCode;
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
