using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Insights.Contracts.Generator.Diagnostics;
using Insights.Contracts.Generator.Emitting;
using Insights.Contracts.Generator.Model;
using Insights.Contracts.Generator.Parsing;
using Insights.Contracts.Generator.Projection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Insights.Contracts.Generator;

/// <summary>
/// Generates contract records, JSON converters and validators from <c>*.schema.json</c> files passed as
/// AdditionalFiles. One pipeline, three stages: parse (<see cref="SchemaReader"/>: text to one
/// value-equatable model of every subschema, text spans kept beside it), decide
/// (<see cref="ShapeDecider"/>: which C# shape each subschema gets, and why not) and emit
/// (<see cref="ContractEmitter"/>: model to source). Sources and diagnostics are registered
/// separately, so a change that only moves a diagnostic does not re-emit.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ContractGenerator : IIncrementalGenerator
{
    /// <summary>The file ending that marks an AdditionalFile as a schema for this generator, unless its JsonSchemaRole metadata says otherwise.</summary>
    public const string SchemaFileEnding = ".schema.json";

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Documents a $ref may name by URI: AdditionalFiles with JsonSchemaUri metadata that are not
        // schema files themselves. Sorted, so the order files arrive in does not count as a change.
        IncrementalValuesProvider<(AdditionalText Left, AnalyzerConfigOptionsProvider Right)> files = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider);
        IncrementalValueProvider<ImmutableEquatableArray<ReferenceDocument>> references = files
            .Where(static pair => !IsSchema(pair.Left, pair.Right))
            .Select(static (pair, cancellationToken) => ReadReference(pair.Left, pair.Right, cancellationToken))
            .Where(static document => document is not null)
            .Collect()
            .Select(static (documents, _) => documents.Select(d => d!).OrderBy(d => d.Uri, StringComparer.Ordinal).ToImmutableEquatableArray())
            .WithTrackingName(TrackingNames.ReferenceDocuments);

        IncrementalValuesProvider<SchemaFileInput> inputs = files
            .Where(static pair => IsSchema(pair.Left, pair.Right))
            .Select(static (pair, cancellationToken) => ReadInput(pair.Left, pair.Right, cancellationToken))
            .Combine(references)
            .Select(static (pair, _) => pair.Left with { ReferenceDocuments = pair.Right })
            .WithTrackingName(TrackingNames.SchemaFiles);

        IncrementalValuesProvider<ParsedSchema> parsed = inputs
            .Select(static (input, cancellationToken) => SchemaReader.Read(input, cancellationToken))
            .WithTrackingName(TrackingNames.Parsed);

        IncrementalValuesProvider<DecidedContract> decided = parsed
            .Select(static (schema, _) => ShapeDecider.Decide(schema))
            .WithTrackingName(TrackingNames.Decided);

        IncrementalValuesProvider<ContractFileSpec> models = decided
            .Where(static result => result.Contract is not null)
            .Select(static (result, _) => result.Contract!)
            .WithTrackingName(TrackingNames.Model);

        IncrementalValuesProvider<ImmutableEquatableArray<DiagnosticInfo>> diagnostics = decided
            .Select(static (result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);

        // Two files that would declare the same type: neither is emitted, and each gets an error,
        // instead of the user facing CS0101 in generated code.
        IncrementalValueProvider<ImmutableEquatableArray<DiagnosticInfo>> collisions = models
            .Collect()
            .Select(static (all, _) => TypeCollisions.Find(all))
            .WithTrackingName(TrackingNames.Collisions);

        IncrementalValueProvider<ImmutableEquatableArray<HintPrefix>> sharedHintPrefixes = models
            .Collect()
            .Select(static (all, _) => TypeCollisions.SharedHintPrefixes(all))
            .WithTrackingName(TrackingNames.SharedHintPrefixes);

        context.RegisterSourceOutput(models.Combine(collisions).Combine(sharedHintPrefixes), static (output, pair) =>
        {
            ((ContractFileSpec spec, ImmutableEquatableArray<DiagnosticInfo> clashes), ImmutableEquatableArray<HintPrefix> shared) = pair;
            if (TypeCollisions.Involves(clashes, spec))
            {
                return;
            }

            // Nothing may escape a generator: an exception drops every contract of the compilation
            // (CS8785). Sources are added only once the whole file emitted, so a failure adds none.
            try
            {
                string hintPrefix = shared.FirstOrDefault(h => h.Path == spec.File.Path)?.Prefix ?? spec.File.HintPrefix;
                List<(string HintName, string Source)> sources = ContractEmitter.Emit(spec, hintPrefix).ToList();
                foreach ((string hintName, string source) in sources)
                {
                    output.AddSource(hintName, SourceText.From(source, System.Text.Encoding.UTF8));
                }
            }
            catch (InsufficientExecutionStackException)
            {
                output.ReportDiagnostic(new DiagnosticInfo(DiagnosticDescriptors.TooDeep, new LocationInfo(spec.File.Path, default, default), new[] { "The schema file" }.ToImmutableEquatableArray()).ToDiagnostic());
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                output.ReportDiagnostic(ShapeDecider.InternalError(spec.File.Path, e).ToDiagnostic());
            }
        });

        // Compatibility with the shipped schemas: a branch of its own, diagnostics only (issue 20).
        Compatibility.CompatibilityPipeline.Register(context, files, inputs, parsed);

        context.RegisterSourceOutput(collisions, static (output, list) =>
        {
            foreach (DiagnosticInfo diagnostic in list)
            {
                output.ReportDiagnostic(diagnostic.ToDiagnostic());
            }
        });

        context.RegisterSourceOutput(diagnostics, static (output, list) =>
        {
            foreach (DiagnosticInfo diagnostic in list)
            {
                output.ReportDiagnostic(diagnostic.ToDiagnostic());
            }
        });
    }

    /// <summary>
    /// A JsonSchema item is a schema whatever its file is called (the package's .targets mark it), a
    /// JsonSchemaReference or JsonSchemaBaseline item never is; any other AdditionalFile is one when it ends in <see cref="SchemaFileEnding"/>.
    /// </summary>
    internal static bool IsSchema(AdditionalText file, AnalyzerConfigOptionsProvider options) =>
        Role(file, options) switch
        {
            "Schema" => true,
            "Reference" or "Baseline" => false,
            _ => file.Path.EndsWith(SchemaFileEnding, StringComparison.OrdinalIgnoreCase),
        };

    /// <summary>The file's JsonSchemaRole metadata: Schema, Reference, Baseline, or null.</summary>
    internal static string? Role(AdditionalText file, AnalyzerConfigOptionsProvider options) =>
        Option(options.GetOptions(file), "build_metadata.AdditionalFiles.JsonSchemaRole");

    private static SchemaFileInput ReadInput(AdditionalText file, AnalyzerConfigOptionsProvider options, CancellationToken cancellationToken)
    {
        AnalyzerConfigOptions fileOptions = options.GetOptions(file);
        string? ns = Option(fileOptions, "build_metadata.AdditionalFiles.Namespace")
            ?? Option(options.GlobalOptions, "build_property.JsonSchemaNamespace")
            ?? Option(options.GlobalOptions, "build_property.RootNamespace")
            ?? "GeneratedContracts";
        string? typeName = Option(fileOptions, "build_metadata.AdditionalFiles.TypeName");
        SourceText? source = file.GetText(cancellationToken);
        string? assertFormats = Option(fileOptions, "build_metadata.AdditionalFiles.FormatAssertion")
            ?? Option(options.GlobalOptions, "build_property.JsonSchemaFormatAssertion");

        // The compiler first decodes a file as strict UTF-8 (an encoding that throws on invalid
        // bytes); only a file that is not valid UTF-8 falls back to a lenient or other encoding.
        // In-memory text has no encoding and is exact.
        System.Text.Encoding? encoding = source?.Encoding;
        string? dialectSetting = Option(fileOptions, "build_metadata.AdditionalFiles.JsonSchemaDialect")
            ?? Option(options.GlobalOptions, "build_property.JsonSchemaDialect");
        bool knownDialect = Dialects.TryParseSetting(dialectSetting ?? "2020-12", out Dialect dialect);
        string? numberType = Option(fileOptions, "build_metadata.AdditionalFiles.NumberType")
            ?? Option(options.GlobalOptions, "build_property.JsonSchemaNumberType");
        NumberRepresentation? numbers = numberType is null ? NumberRepresentation.Automatic
            : string.Equals(numberType, "double", StringComparison.OrdinalIgnoreCase) ? NumberRepresentation.Double
            : string.Equals(numberType, "decimal", StringComparison.OrdinalIgnoreCase) ? NumberRepresentation.Decimal
            : null;
        return new SchemaFileInput(file.Path, source?.ToString() ?? string.Empty, ns, typeName)
        {
            DefaultDialect = knownDialect ? dialect : Dialect.Draft202012,
            UnknownDialectSetting = knownDialect ? null : dialectSetting,
            DecodedExactly = encoding is null || encoding.DecoderFallback is System.Text.DecoderExceptionFallback,
            FallbackEncodingName = encoding?.WebName,
            BaseUri = Option(fileOptions, "build_metadata.AdditionalFiles.JsonSchemaUri"),
            AssertFormats = !string.Equals(assertFormats, "false", StringComparison.OrdinalIgnoreCase),
            ForceJsonValue = string.Equals(Option(fileOptions, "build_metadata.AdditionalFiles.GenerateAs"), "JsonValue", StringComparison.OrdinalIgnoreCase),
            AnnotationKeywords = AnnotationKeywords(Option(options.GlobalOptions, "build_property.JsonSchemaAnnotationKeywords")),
            Numbers = numbers ?? NumberRepresentation.Automatic,
            UnknownNumberTypeSetting = numbers is null ? numberType : null,
        };
    }

    /// <summary>
    /// The keywords a <c>JsonSchemaAnnotationKeywords</c> list declares, sorted and without repeats, so
    /// that how it is written is no change. The package's .targets turn an MSBuild list's <c>;</c> into
    /// <c>,</c> (in the compiler's options a <c>;</c> starts a comment); either separates here.
    /// </summary>
    private static ImmutableEquatableArray<string> AnnotationKeywords(string? setting) =>
        setting is null
            ? ImmutableEquatableArray<string>.Empty
            : setting.Split([';', ','], StringSplitOptions.RemoveEmptyEntries)
                .Select(k => k.Trim())
                .Where(k => k.Length > 0)
                .Distinct(StringComparer.Ordinal)
                .OrderBy(k => k, StringComparer.Ordinal)
                .ToImmutableEquatableArray();

    private static ReferenceDocument? ReadReference(AdditionalText file, AnalyzerConfigOptionsProvider options, CancellationToken cancellationToken)
    {
        string? uri = Option(options.GetOptions(file), "build_metadata.AdditionalFiles.JsonSchemaUri");
        return uri is null ? null : new ReferenceDocument(uri, file.GetText(cancellationToken)?.ToString() ?? string.Empty, file.Path);
    }

    internal static string? Option(AnalyzerConfigOptions options, string key) =>
        options.TryGetValue(key, out string? value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}

/// <summary>Names of the pipeline steps, for incrementality tests.</summary>
public static class TrackingNames
{
    /// <summary>Schema AdditionalFiles with their options.</summary>
    public const string SchemaFiles = nameof(SchemaFiles);

    /// <summary>Parse results: the schema model, its text spans and the parse diagnostics.</summary>
    public const string Parsed = nameof(Parsed);

    /// <summary>The C# shape decided for each subschema, with every diagnostic of the file.</summary>
    public const string Decided = nameof(Decided);

    /// <summary>The value-equatable model and shapes that emit runs on.</summary>
    public const string Model = nameof(Model);

    /// <summary>The diagnostics, reported apart from the sources.</summary>
    public const string Diagnostics = nameof(Diagnostics);

    /// <summary>Documents that <c>$ref</c> can name by URI.</summary>
    public const string ReferenceDocuments = nameof(ReferenceDocuments);

    /// <summary>Type names declared by more than one schema file.</summary>
    public const string Collisions = nameof(Collisions);

    /// <summary>Schema files that share a file name (their generated files add the namespace).</summary>
    public const string SharedHintPrefixes = nameof(SharedHintPrefixes);

    /// <summary>Baseline files (the schemas as last shipped), by name.</summary>
    public const string Baselines = nameof(Baselines);

    /// <summary>Each schema's compatibility mode and baseline name.</summary>
    public const string CompatibilityTargets = nameof(CompatibilityTargets);

    /// <summary>The baselines, parsed with their schema's settings.</summary>
    public const string ParsedBaselines = nameof(ParsedBaselines);

    /// <summary>The compatibility findings of each schema against its baseline, as diagnostics.</summary>
    public const string Compatibility = nameof(Compatibility);
}
