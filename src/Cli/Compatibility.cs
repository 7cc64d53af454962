using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using Insights.Contracts.Generator.Compatibility;
using Insights.Contracts.Generator.Model;
using Insights.Contracts.Generator.Parsing;

namespace Insights.Contracts.Cli;

/// <summary>
/// <c>insights-contracts baseline</c> and <c>insights-contracts diff</c>: the generator's own
/// compatibility rules (the generator assembly is referenced, so the command line and the build can
/// never disagree), for pipelines outside a .NET build.
/// </summary>
internal static class Compatibility
{
    /// <summary>A schema parsed as the generator parses it, or why it cannot be.</summary>
    private sealed record Parsed(string Path, ParsedSchema? Schema, string? Problem);

    private static Parsed Parse(string path)
    {
        if (!File.Exists(path))
        {
            return new Parsed(path, null, "no such file");
        }

        ParsedSchema schema = SchemaReader.Read(new SchemaFileInput(Path.GetFullPath(path), File.ReadAllText(path), "Baseline", null), default);
        string? problem = schema.Model is null
            ? string.Join("; ", schema.Diagnostics.Where(d => d.Descriptor.DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error).Select(d => $"{d.Descriptor.Id} {d.ToDiagnostic().GetMessage()}"))
            : null;
        return new Parsed(path, schema, problem);
    }

    /// <summary>Copies each schema into <paramref name="output"/> under its file name; a schema with errors is never written.</summary>
    public static int Baseline(IEnumerable<InputFile> inputs, string output, TextWriter stdout, TextWriter stderr)
    {
        var files = inputs.ToList();
        bool failed = false;
        Directory.CreateDirectory(output);
        foreach (InputFile input in files)
        {
            if (input.Path is null)
            {
                stderr.WriteLine($"{input.Name}: {input.Problem ?? "standard input cannot be a baseline"}");
                failed = true;
                continue;
            }

            Parsed parsed = Parse(input.Path);
            if (parsed.Problem is not null)
            {
                stderr.WriteLine($"{input.Name}: not written to the baseline: {parsed.Problem}");
                failed = true;
                continue;
            }

            string target = Path.Combine(output, Path.GetFileName(input.Path));
            string text = File.ReadAllText(input.Path);
            bool same = File.Exists(target) && File.ReadAllText(target) == text;
            if (!same)
            {
                File.WriteAllText(target, text);
            }

            stdout.WriteLine($"{input.Name}: {(same ? "unchanged" : "written")} {target}");
        }

        return failed ? CliApp.UsageOrUnreadable : CliApp.Valid;
    }

    /// <summary>
    /// Compares <paramref name="oldPath"/> with <paramref name="newPath"/> (two files, or two folders
    /// whose *.json files pair by name). Exit 1 when a change is incompatible under <paramref name="mode"/>.
    /// </summary>
    public static int Diff(string oldPath, string newPath, CompatibilityMode mode, bool json, TextWriter stdout, TextWriter stderr)
    {
        List<(string Old, string New)> pairs;
        if (Directory.Exists(oldPath) && Directory.Exists(newPath))
        {
            pairs = Directory.EnumerateFiles(newPath, "*.json")
                .OrderBy(p => p, StringComparer.Ordinal)
                .Select(p => (Path.Combine(oldPath, Path.GetFileName(p)), p))
                .Where(p => File.Exists(p.Item1))
                .ToList();
        }
        else
        {
            pairs = [(oldPath, newPath)];
        }

        bool incompatible = false, unreadable = false;
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartArray();
            foreach ((string before, string after) in pairs)
            {
                Parsed oldSchema = Parse(before), newSchema = Parse(after);
                if (oldSchema.Problem is not null || newSchema.Problem is not null)
                {
                    string problem = oldSchema.Problem is not null ? $"{before}: {oldSchema.Problem}" : $"{after}: {newSchema.Problem}";
                    stderr.WriteLine(problem);
                    unreadable = true;
                    continue;
                }

                SchemaModel model = newSchema.Schema!.Model!;
                var spans = new SpanLocator(newSchema.Schema.Spans);
                var findings = SchemaComparer.Compare(oldSchema.Schema!.Model!, model).Where(f => f.ReportedUnder(mode)).ToList();
                incompatible |= findings.Any(f => f.Kind == FindingKind.Incompatible);
                writer.WriteStartObject();
                writer.WriteString("file", after);
                writer.WriteString("baseline", before);
                writer.WriteString("status", findings.Any(f => f.Kind == FindingKind.Incompatible) ? "incompatible" : findings.Count > 0 ? "warnings" : "compatible");
                writer.WriteStartArray("findings");
                foreach (CompatibilityFinding finding in findings)
                {
                    var start = spans.Locate(finding.Node >= 0 ? model[finding.Node] : model.RootNode, finding.Keyword).LineSpan.Start;
                    string kind = finding.Kind switch { FindingKind.Incompatible => "incompatible", FindingKind.DefaultChanged => "default-changed", _ => "undecided" };
                    string breaks = CompatibilityModes.Describe(finding.Breaks & mode);
                    if (!json)
                    {
                        stdout.WriteLine($"{after}({start.Line + 1},{start.Character + 1}): {kind} [{finding.Rule}] {finding.Pointer}: {finding.Message} ({breaks})");
                    }

                    writer.WriteStartObject();
                    writer.WriteString("rule", finding.Rule);
                    writer.WriteString("kind", kind);
                    writer.WriteString("breaks", breaks);
                    writer.WriteString("pointer", finding.Pointer);
                    writer.WriteString("instancePath", finding.InstancePath);
                    writer.WriteNumber("line", start.Line + 1);
                    writer.WriteNumber("column", start.Character + 1);
                    writer.WriteString("message", finding.Message);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
                if (!json && findings.Count == 0)
                {
                    stdout.WriteLine($"{after}: compatible with {before} ({CompatibilityModes.Describe(mode)})");
                }
            }

            writer.WriteEndArray();
        }

        if (json)
        {
            stdout.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        }

        return unreadable ? CliApp.UsageOrUnreadable : incompatible ? CliApp.Invalid : CliApp.Valid;
    }
}
