using System;
using System.Collections.Generic;
using System.IO;

namespace Insights.Contracts.Cli;

/// <summary>Reads each document, checks it against the contract and tells the report.</summary>
internal static class Validation
{
    public static int Run(IEnumerable<InputFile> inputs, Func<Stream> openStandardInput, Func<byte[], IReadOnlyList<Runtime.ValidationError>> check, Report report)
    {
        int exitCode = CliApp.Valid;
        foreach (InputFile input in inputs)
        {
            if (Read(input, openStandardInput, out string? problem) is not byte[] bytes)
            {
                report.Unreadable(input.Name, problem!);
                exitCode = CliApp.UsageOrUnreadable;
                continue;
            }

            IReadOnlyList<Runtime.ValidationError> errors = check(bytes);
            report.Checked(input.Name, errors);
            if (errors.Count > 0)
            {
                exitCode = Math.Max(exitCode, CliApp.Invalid);
            }
        }

        report.Finish();
        return exitCode;
    }

    private static byte[]? Read(InputFile input, Func<Stream> openStandardInput, out string? problem)
    {
        problem = input.Problem;
        if (problem is not null)
        {
            return null;
        }

        try
        {
            if (input.IsStandardInput)
            {
                using Stream stream = openStandardInput();
                using var buffer = new MemoryStream();
                stream.CopyTo(buffer);
                return buffer.ToArray();
            }

            return File.ReadAllBytes(input.Path!);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            // The exception's own sentence names the full path and the API; say what is wrong in the user's words.
            problem = e switch
            {
                FileNotFoundException or DirectoryNotFoundException => "no such file",
                UnauthorizedAccessException => "permission denied",
                ArgumentException or NotSupportedException => "not a valid file name",
                PathTooLongException => "the path is too long",
                _ => "cannot read the file: " + e.Message,
            };
            return null;
        }
    }
}
