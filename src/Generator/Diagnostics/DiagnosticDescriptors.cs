using Microsoft.CodeAnalysis;

namespace Insights.Contracts.Generator.Diagnostics;

/// <summary>
/// Every diagnostic the generator reports. IDs are stable: never reuse or renumber one.
/// Each is reported at the offending token in the .json file.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "Insights.Contracts.Schema";

    public static readonly DiagnosticDescriptor InvalidJson = new(
        "ICG001", "Schema file is not valid JSON", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnresolvableReference = new(
        "ICG002", "Unresolvable $ref", "$ref '{0}' cannot be resolved: {1}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnsupportedKeyword = new(
        "ICG003", "Unsupported schema keyword", "Keyword '{0}' is not supported by the generator and is not enforced", Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    // ICG004 ("Unsupported schema construct") is retired: what a typed record cannot hold is the
    // reason ICG016 gives. The ID stays unused.

    public static readonly DiagnosticDescriptor InvalidKeywordValue = new(
        "ICG005", "Invalid keyword value", "Keyword '{0}' {1}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor KeywordNotApplicable = new(
        "ICG006", "Keyword has no effect", "Keyword '{0}' does not apply to {1} values and has no effect", Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor DuplicateKey = new(
        "ICG007", "Duplicate key in schema", "Key '{0}' appears more than once in this object; JSON leaves its meaning undefined", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor NameCollision = new(
        "ICG008", "Generated names collide", "{0}", Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnvalidatedFormat = new(
        "ICG009", "Format is not validated", "Format '{0}' is not validated by the generator; the value is treated as a plain string", Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnknownKeyword = new(
        "ICG010", "Unknown schema keyword", "'{0}' is not a JSON Schema 2020-12 keyword and is ignored (a typo? vendor extensions start with 'x-')", Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor NotUtf8 = new(
        "ICG011", "Schema file is not UTF-8", "The schema file is not valid UTF-8 ({0}); JSON must be UTF-8 (RFC 8259), so save the file as UTF-8", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor DuplicateTypeAcrossFiles = new(
        "ICG012", "Two schema files generate the same type", "Type '{0}' would be generated from both {1} and {2}; give one of them another TypeName or Namespace (neither is generated until then)", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InvalidNamespace = new(
        "ICG013", "Invalid namespace", "'{0}' is not a valid C# namespace; set the schema's Namespace metadata (or JsonSchemaNamespace) to one", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnsupportedMetaschema = new(
        "ICG014", "Unsupported metaschema", "'$schema' is {0}; the generator reads every schema as draft 2020-12 with the standard vocabularies, so rules a custom metaschema adds or removes are not applied", Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InfiniteRecursion = new(
        "ICG015", "Reference cycle never ends", "This reference leads back to {0} without moving into the instance, so validation would never end", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor GeneratedAsJsonValue = new(
        "ICG016", "Generated as a JSON-backed value", "'{0}' is generated as a JSON-backed value (a JsonElement checked by a generated validator) rather than a typed record: {1}", Category, DiagnosticSeverity.Info, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InternalError = new(
        "ICG999", "The generator failed on this schema", "The generator failed on this schema: {0}. Please report this with the schema file.", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
}
