using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using Insights.Contracts.Generator;
using Insights.Contracts.Runtime;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Insights.Contracts.Cli;

/// <summary>
/// Any schema's contract, for <c>validate --schema</c>: the generator runs in-process on the schema
/// exactly as in a user's build, the generated code is compiled in memory, and the root type's own
/// reader judges each document, so the verdicts and errors are exactly those of the generated types.
/// The compiled assembly is cached by a hash of the schema and the tool's version (compiling takes
/// seconds; loading a cached one, milliseconds).
/// </summary>
[RequiresUnreferencedCode("Loads and reflects over the assembly compiled from the schema.")]
internal sealed class SchemaCompiler(string cacheFolder)
{
    /// <summary>The namespace of the types generated from a schema given on the command line.</summary>
    private const string Namespace = "Insights.Contracts.Cli.UserSchema";

    /// <summary>Where compiled schemas are kept: <c>INSIGHTS_CONTRACTS_CACHE</c>, else the user's local application data.</summary>
    public static string DefaultCacheFolder =>
        Environment.GetEnvironmentVariable("INSIGHTS_CONTRACTS_CACHE") is { Length: > 0 } folder
            ? folder
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "insights-contracts", "schemas");

    /// <summary>
    /// The contract of the schema at <paramref name="schemaPath"/>, or null with the generator's
    /// errors in <paramref name="problems"/> (its warnings are there too when it succeeds).
    /// </summary>
    public JsonContractInfo? Compile(string schemaPath, out IReadOnlyList<string> problems)
    {
        byte[] schema = File.ReadAllBytes(schemaPath);
        string name = Path.GetFileName(schemaPath);
        string assemblyPath = Path.Combine(cacheFolder, CacheKey(name, schema) + ".dll");
        string warningsPath = Path.ChangeExtension(assemblyPath, ".warnings.txt");
        if (!File.Exists(assemblyPath))
        {
            if (Generate(name, schema, out problems) is not { } compiled)
            {
                return null;
            }

            Directory.CreateDirectory(cacheFolder);
            // Written whole, then moved: two runs at once never load half a file.
            string temporary = assemblyPath + "." + Guid.NewGuid().ToString("N") + ".tmp";
            File.WriteAllBytes(temporary, compiled);
            File.WriteAllLines(warningsPath, problems);
            File.Move(temporary, assemblyPath, overwrite: true);
        }
        else
        {
            problems = File.Exists(warningsPath) ? File.ReadAllLines(warningsPath) : [];
        }

        Assembly assembly = new AssemblyLoadContext(name, isCollectible: false).LoadFromAssemblyPath(assemblyPath);
        return assembly.GetTypes()
            .Select(JsonContractInfo.Find)
            .FirstOrDefault(contract => contract?.JsonSchemaText is not null)
            ?? throw new InvalidOperationException($"The code generated from {name} has no root contract.");
    }

    /// <summary>A file name from the schema's bytes, its file name (type names come from it) and the tool's version.</summary>
    private static string CacheKey(string name, byte[] schema)
    {
        string version = typeof(SchemaCompiler).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "";
        byte[] header = Encoding.UTF8.GetBytes(version + "\n" + name + "\n");
        return Convert.ToHexStringLower(SHA256.HashData([.. header, .. schema]));
    }

    private static byte[]? Generate(string name, byte[] schema, out IReadOnlyList<string> problems)
    {
        var text = new SchemaText("/schema/" + name, SourceText.From(schema, schema.Length, Encoding.UTF8, canBeEmbedded: false));
        var options = new Options(new Dictionary<string, string>
        {
            ["build_property.RootNamespace"] = Namespace,
            // Any file name is a schema here; the tool was told so.
            ["build_metadata.AdditionalFiles.JsonSchemaRole"] = "Schema",
        });
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        GeneratorDriver driver = CSharpGeneratorDriver.Create([new ContractGenerator().AsSourceGenerator()], [text], parseOptions, options);
        CSharpCompilation compilation = CSharpCompilation.Create(
            "Insights.Contracts.Cli.UserSchema." + Guid.NewGuid().ToString("N"),
            [],
            References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation generated, out ImmutableArray<Diagnostic> diagnostics, CancellationToken.None);

        problems = diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => Describe(name, d)).ToArray();
        if (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            return null;
        }

        using var stream = new MemoryStream();
        var emit = generated.Emit(stream);
        if (!emit.Success)
        {
            // Generated code that does not compile is a generator bug: say so rather than hide it.
            problems = [.. problems, .. emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => $"{name}: the generated code does not compile (a generator bug): {d}")];
            return null;
        }

        return stream.ToArray();
    }

    /// <summary><c>order.schema.json(3,14): warning ICG018: ...</c>, as the compiler writes a diagnostic.</summary>
    private static string Describe(string name, Diagnostic diagnostic)
    {
        FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
        string where = span.IsValid ? $"{name}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1})" : name;
        return $"{where}: {diagnostic.Severity.ToString().ToLowerInvariant()} {diagnostic.Id}: {diagnostic.GetMessage()}";
    }

    /// <summary>The running runtime's own assemblies and the contracts runtime: what a net10.0 project compiles against.</summary>
    private static IEnumerable<MetadataReference> References() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .Append(typeof(ValidationError).Assembly.Location)
            .Distinct(StringComparer.Ordinal)
            .Select(p => MetadataReference.CreateFromFile(p));

    private sealed class SchemaText(string path, SourceText text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => text;
    }

    /// <summary>The MSBuild properties and item metadata a project would pass; the same for the one file.</summary>
    private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptionsProvider
    {
        private readonly Values _values = new(values);

        public override AnalyzerConfigOptions GlobalOptions => _values;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _values;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _values;

        private sealed class Values(Dictionary<string, string> values) : AnalyzerConfigOptions
        {
            // A non-null out value meets the base's [NotNullWhen(true)] without naming the attribute, which
            // the generator (whose internals the CLI sees for its compatibility rules) declares as a polyfill too.
            public override bool TryGetValue(string key, out string value)
            {
                bool found = values.TryGetValue(key, out string? text);
                value = text ?? string.Empty;
                return found;
            }
        }
    }
}
