using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using Insights.Contracts.Generator.Diagnostics;
using Insights.Contracts.Generator.Model;
using Insights.Contracts.Generator.Parsing;
using Insights.Contracts.Generator.Projection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Insights.Contracts.Generator.Compatibility;

/// <summary>A baseline file (JsonSchemaRole <c>Baseline</c>): the schema as last shipped, paired with a schema by <see cref="Name"/>.</summary>
internal sealed record BaselineFile(string Name, string Path, string Text);

/// <summary>A schema's compatibility settings: the baseline name it pairs with and its mode (<see cref="UnknownMode"/>: a setting that names none).</summary>
internal sealed record CompatibilityTarget(string SchemaPath, string BaselineName, CompatibilityMode Mode, string? UnknownMode);

/// <summary>
/// A schema with its baseline, read with the schema's own settings (dialect, reference documents);
/// <see cref="Identical"/> when the two files have the same text, which is neither parsed nor compared.
/// </summary>
internal sealed record ParsedBaseline(string SchemaPath, CompatibilityMode Mode, string BaselinePath, SchemaModel? Model, string? Problem, bool Identical = false);

/// <summary>
/// The compatibility branch of the pipeline, apart from the sources: baselines are read and parsed
/// on their own, each schema's parsed model is compared with its baseline's, and the findings are
/// diagnostics only. Nothing here feeds emit, so editing a baseline (or its mode) re-runs the
/// comparison and never the emitters, and an unchanged schema and baseline are served from the cache.
/// </summary>
internal static class CompatibilityPipeline
{
    /// <summary>Baselines pair with schemas by file name unless a <c>BaselineName</c> metadata says otherwise.</summary>
    private const string BaselineNameKey = "build_metadata.AdditionalFiles.BaselineName";

    public static void Register(
        IncrementalGeneratorInitializationContext context,
        IncrementalValuesProvider<(AdditionalText Left, AnalyzerConfigOptionsProvider Right)> files,
        IncrementalValuesProvider<SchemaFileInput> inputs,
        IncrementalValuesProvider<ParsedSchema> parsed)
    {
        IncrementalValueProvider<ImmutableEquatableArray<BaselineFile>> baselines = files
            .Where(static pair => ContractGenerator.Role(pair.Left, pair.Right) == "Baseline")
            .Select(static (pair, cancellationToken) => new BaselineFile(
                ContractGenerator.Option(pair.Right.GetOptions(pair.Left), BaselineNameKey) ?? Path.GetFileName(pair.Left.Path),
                pair.Left.Path,
                pair.Left.GetText(cancellationToken)?.ToString() ?? string.Empty))
            .Collect()
            .Select(static (all, _) => all.OrderBy(b => b.Name, StringComparer.Ordinal).ThenBy(b => b.Path, StringComparer.Ordinal).ToImmutableEquatableArray())
            .WithTrackingName(TrackingNames.Baselines);

        IncrementalValueProvider<ImmutableEquatableArray<CompatibilityTarget>> targets = files
            .Where(static pair => ContractGenerator.IsSchema(pair.Left, pair.Right))
            .Select(static (pair, _) => Target(pair.Left, pair.Right))
            .Collect()
            .Select(static (all, _) => all.OrderBy(t => t.SchemaPath, StringComparer.Ordinal).ToImmutableEquatableArray())
            .WithTrackingName(TrackingNames.CompatibilityTargets);

        IncrementalValueProvider<ImmutableEquatableArray<ParsedBaseline>> parsedBaselines = inputs
            .Combine(targets.Combine(baselines))
            .Select(static (pair, _) => BaselineInput(pair.Left, pair.Right.Left, pair.Right.Right))
            .Where(static pair => pair is not null)
            .Select(static (pair, cancellationToken) => ParseBaseline(pair!.Value.Target, pair.Value.Input, pair.Value.SchemaText, cancellationToken))
            .Collect()
            .Select(static (all, _) => all.OrderBy(b => b.SchemaPath, StringComparer.Ordinal).ToImmutableEquatableArray())
            .WithTrackingName(TrackingNames.ParsedBaselines);

        IncrementalValuesProvider<ImmutableEquatableArray<DiagnosticInfo>> findings = parsed
            .Combine(parsedBaselines)
            .Select(static (pair, cancellationToken) => Diagnose(pair.Left, pair.Right, cancellationToken))
            .WithTrackingName(TrackingNames.Compatibility);

        IncrementalValueProvider<ImmutableEquatableArray<DiagnosticInfo>> settings = targets
            .Select(static (all, _) => all.Where(t => t.UnknownMode is not null).Select(UnknownMode).ToImmutableEquatableArray());

        context.RegisterSourceOutput(findings, Report);
        context.RegisterSourceOutput(settings, Report);
    }

    private static void Report(SourceProductionContext output, ImmutableEquatableArray<DiagnosticInfo> list)
    {
        foreach (DiagnosticInfo diagnostic in list)
        {
            output.ReportDiagnostic(diagnostic.ToDiagnostic());
        }
    }

    private static CompatibilityTarget Target(AdditionalText file, AnalyzerConfigOptionsProvider options)
    {
        AnalyzerConfigOptions fileOptions = options.GetOptions(file);
        string? setting = ContractGenerator.Option(fileOptions, "build_metadata.AdditionalFiles.Compatibility")
            ?? ContractGenerator.Option(options.GlobalOptions, "build_property.JsonSchemaCompatibility");
        bool known = CompatibilityModes.TryParse(setting ?? "Backward", out CompatibilityMode mode);
        return new CompatibilityTarget(
            file.Path,
            ContractGenerator.Option(fileOptions, BaselineNameKey) ?? Path.GetFileName(file.Path),
            known ? mode : CompatibilityMode.Backward,
            known ? null : setting);
    }

    private static DiagnosticInfo UnknownMode(CompatibilityTarget target) => new(
        DiagnosticDescriptors.UnknownSetting,
        new LocationInfo(target.SchemaPath, default, default),
        new[] { "Compatibility", target.UnknownMode!, CompatibilityModes.Names, "the file is checked under Backward" }.ToImmutableEquatableArray());

    /// <summary>The baseline of <paramref name="input"/> as a parser input with the schema's own settings, or null when it has none (or its mode is None).</summary>
    private static (CompatibilityTarget Target, SchemaFileInput Input, string SchemaText)? BaselineInput(SchemaFileInput input, ImmutableEquatableArray<CompatibilityTarget> targets, ImmutableEquatableArray<BaselineFile> baselines)
    {
        CompatibilityTarget? target = targets.FirstOrDefault(t => t.SchemaPath == input.Path);
        if (target is null || target.Mode == CompatibilityMode.None)
        {
            return null;
        }

        BaselineFile? baseline = baselines.FirstOrDefault(b => string.Equals(b.Name, target.BaselineName, StringComparison.OrdinalIgnoreCase));
        return baseline is null ? null : (target, input with { Path = baseline.Path, Text = baseline.Text }, input.Text);
    }

    private static ParsedBaseline ParseBaseline(CompatibilityTarget target, SchemaFileInput baseline, string schemaText, CancellationToken cancellationToken)
    {
        // Most schemas are as shipped: the same text is the same schema, at the cost of one string comparison.
        if (baseline.Text == schemaText)
        {
            return new ParsedBaseline(target.SchemaPath, target.Mode, baseline.Path, null, null, Identical: true);
        }

        ParsedSchema parsed = SchemaReader.Read(baseline, cancellationToken);
        string? problem = parsed.Model is null
            ? parsed.Diagnostics.FirstOrDefault(d => d.Descriptor.DefaultSeverity == DiagnosticSeverity.Error)?.ToDiagnostic().GetMessage() ?? "it has errors"
            : null;
        return new ParsedBaseline(target.SchemaPath, target.Mode, baseline.Path, parsed.Model, problem);
    }

    /// <summary>The findings for one schema under its mode, located at the changed token of the new file; never an exception.</summary>
    private static ImmutableEquatableArray<DiagnosticInfo> Diagnose(ParsedSchema schema, ImmutableEquatableArray<ParsedBaseline> baselines, CancellationToken cancellationToken)
    {
        ParsedBaseline? baseline = baselines.FirstOrDefault(b => b.SchemaPath == schema.File.Path);
        if (baseline is null || baseline.Identical || schema.Model is not { } model)
        {
            return ImmutableEquatableArray<DiagnosticInfo>.Empty;
        }

        string baselineName = Path.GetFileName(baseline.BaselinePath);
        if (baseline.Model is not { } baselineModel)
        {
            return new[]
            {
                new DiagnosticInfo(
                    DiagnosticDescriptors.CompatibilityUndecided,
                    new LocationInfo(schema.File.Path, default, default),
                    new[] { $"the baseline cannot be read ({baseline.Problem}), so nothing is compared", "baseline-unreadable", baselineName }.ToImmutableEquatableArray()),
            }.ToImmutableEquatableArray();
        }

        try
        {
            var spans = new SpanLocator(schema.Spans);
            return SchemaComparer.Compare(baselineModel, model, cancellationToken)
                .Where(f => f.ReportedUnder(baseline.Mode))
                .Select(f => ToDiagnostic(f, model, spans, baseline.Mode, baselineName))
                .ToImmutableEquatableArray();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new[] { ShapeDecider.InternalError(schema.File.Path, e) }.ToImmutableEquatableArray();
        }
    }

    private static DiagnosticInfo ToDiagnostic(CompatibilityFinding finding, SchemaModel model, SpanLocator spans, CompatibilityMode mode, string baselineName)
    {
        SchemaNode node = finding.Node >= 0 ? model[finding.Node] : model.RootNode;
        LocationInfo location = spans.Locate(node, finding.Keyword);
        return finding.Kind switch
        {
            FindingKind.Incompatible => new DiagnosticInfo(
                DiagnosticDescriptors.IncompatibleChange,
                location,
                new[] { finding.Message, finding.Rule, CompatibilityModes.Describe(finding.Breaks & mode), baselineName }.ToImmutableEquatableArray()),
            FindingKind.DefaultChanged => new DiagnosticInfo(
                DiagnosticDescriptors.DefaultChanged,
                location,
                new[] { finding.Message, finding.Rule, baselineName }.ToImmutableEquatableArray()),
            _ => new DiagnosticInfo(
                DiagnosticDescriptors.CompatibilityUndecided,
                location,
                new[] { finding.Message, finding.Rule, baselineName }.ToImmutableEquatableArray()),
        };
    }
}
