using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Extensions.FileSystemGlobbing;
using Microsoft.Extensions.FileSystemGlobbing.Abstractions;

namespace Insights.Contracts.Cli;

/// <summary>One document to check: a file, standard input, or an argument that names nothing readable.</summary>
/// <param name="Name">What the output calls it: the path as the user wrote it (or as a folder or glob expanded to), or <c>(stdin)</c>.</param>
/// <param name="Path">The file to read; null for standard input or a problem.</param>
/// <param name="Problem">Why the argument gives no document (an empty folder, a glob that matches nothing).</param>
internal sealed record InputFile(string Name, string? Path, string? Problem)
{
    public const string StandardInputName = "(stdin)";

    public bool IsStandardInput => Path is null && Problem is null;
}

/// <summary>Turns the command's arguments into documents, the way a user expects of a file argument.</summary>
internal static class InputFiles
{
    /// <summary>
    /// <c>-</c> is standard input; a folder is every <c>*.json</c> file under it (sorted, subfolders
    /// included); an argument with <c>*</c> that is not an existing file is a glob (<c>**</c> crosses
    /// folders), for shells that pass it on unexpanded (quoted, or on Windows); anything else is a
    /// file, read later so that a missing one is reported in order with the others.
    /// </summary>
    public static IEnumerable<InputFile> Expand(IEnumerable<string> arguments)
    {
        foreach (string argument in arguments)
        {
            if (argument == "-")
            {
                yield return new InputFile(InputFile.StandardInputName, null, null);
            }
            else if (Directory.Exists(argument))
            {
                string[] files = Directory.EnumerateFiles(argument, "*.json", SearchOption.AllDirectories)
                    .Select(file => System.IO.Path.Join(argument, System.IO.Path.GetRelativePath(argument, file)))
                    .OrderBy(file => file, StringComparer.Ordinal)
                    .ToArray();
                if (files.Length == 0)
                {
                    yield return new InputFile(argument, null, "this folder has no .json files");
                }

                foreach (string file in files)
                {
                    yield return new InputFile(file, file, null);
                }
            }
            else if (argument.Contains('*', StringComparison.Ordinal) && !File.Exists(argument))
            {
                string[] files = Glob(argument);
                if (files.Length == 0)
                {
                    yield return new InputFile(argument, null, "no file matches this pattern");
                }

                foreach (string file in files)
                {
                    yield return new InputFile(file, file, null);
                }
            }
            else
            {
                yield return new InputFile(argument, argument, null);
            }
        }
    }

    private static string[] Glob(string pattern)
    {
        // The folder part before the first wildcard is where matching starts; it keeps the user's spelling.
        int wildcard = pattern.IndexOf('*', StringComparison.Ordinal);
        int separator = pattern.LastIndexOfAny(['/', System.IO.Path.DirectorySeparatorChar], wildcard);
        string folder = separator < 0 ? "" : pattern[..(separator + 1)];
        string relative = pattern[(separator + 1)..];
        var start = new DirectoryInfo(folder.Length == 0 ? "." : folder);
        if (!start.Exists)
        {
            return [];
        }

        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddInclude(relative);
        return matcher.Execute(new DirectoryInfoWrapper(start)).Files
            .Select(match => folder + match.Path)
            .OrderBy(file => file, StringComparer.Ordinal)
            .ToArray();
    }
}
