using Microsoft.CodeAnalysis;

namespace Insights.Contracts.Generator.Diagnostics;

/// <summary>
/// Every diagnostic the generator reports. IDs are stable: never reuse or renumber one.
/// Each is reported at the offending token in the .json file.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "Insights.Contracts.Schema";

    /// <summary>
    /// Each ID's section of the catalogue (<c>## ICG001</c> is <c>#icg001</c>), for IDEs and SARIF. The
    /// repository is Directory.Build.props's PackageProjectUrl (a test keeps the two the same).
    /// </summary>
    public const string HelpLinkBase = "https://github.com/insights-contracts/insights-contracts/blob/main/docs/diagnostics.md#";

    public static readonly DiagnosticDescriptor InvalidJson = new(
        "ICG001", "Schema file is not valid JSON", "{0}; the schema must be strict JSON (RFC 8259): fix it at this position", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + "icg001");

    public static readonly DiagnosticDescriptor UnresolvableReference = new(
        "ICG002", "Unresolvable $ref", "$ref '{0}' cannot be resolved: {1}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + "icg002");

    // ICG003 ("Unsupported schema keyword") is retired: every keyword of every draft the generator
    // reads is enforced. The ID stays unused.

    // ICG004 ("Unsupported schema construct") is retired: what a typed record cannot hold is the
    // reason ICG016 gives. The ID stays unused.

    public static readonly DiagnosticDescriptor InvalidKeywordValue = new(
        "ICG005", "Invalid keyword value", "Keyword '{0}' {1}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + "icg005");

    public static readonly DiagnosticDescriptor KeywordNotApplicable = new(
        "ICG006", "Keyword has no effect", "Keyword '{0}' does not apply to {1} values and has no effect; remove it, or move it to a schema of a type it applies to", Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + "icg006");

    public static readonly DiagnosticDescriptor DuplicateKey = new(
        "ICG007", "Duplicate key in schema", "Key '{0}' appears more than once in this object; JSON leaves its meaning undefined, so keep only one", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + "icg007");

    public static readonly DiagnosticDescriptor NameCollision = new(
        "ICG008", "Generated names collide", "{0}; {1}", Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + "icg008");

    public static readonly DiagnosticDescriptor UnvalidatedFormat = new(
        "ICG009", "Format is not validated", "Format '{0}' is not validated by the generator; the value is treated as a plain string (checked formats: {1}; use a pattern for anything else){2}", Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + "icg009");

    public static readonly DiagnosticDescriptor UnknownKeyword = new(
        "ICG010", "Unknown schema keyword", "'{0}' {1} and is ignored; {2}", Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + "icg010");

    public static readonly DiagnosticDescriptor NotUtf8 = new(
        "ICG011", "Schema file is not UTF-8", "The schema file is not valid UTF-8 ({0}); JSON must be UTF-8 (RFC 8259), so save the file as UTF-8", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + "icg011");

    public static readonly DiagnosticDescriptor DuplicateTypeAcrossFiles = new(
        "ICG012", "Two schema files generate the same type", "Type '{0}' would be generated from both {1} and {2}; give one of them another TypeName or Namespace (neither is generated until then)", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + "icg012");

    public static readonly DiagnosticDescriptor InvalidNamespace = new(
        "ICG013", "Invalid namespace", "'{0}' is not a valid C# namespace; set the schema's Namespace metadata (or JsonSchemaNamespace) to one", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + "icg013");

    public static readonly DiagnosticDescriptor UnsupportedMetaschema = new(
        "ICG014", "Unsupported metaschema", "{0} is {1}, so the schema is read as {2}; use a standard draft's metaschema URI, or give the metaschema as a JsonSchemaReference item", Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + "icg014");

    public static readonly DiagnosticDescriptor InfiniteRecursion = new(
        "ICG015", "Reference cycle never ends", "This reference leads back to {0} without moving into the instance, so validation would never end; remove the reference, or let the recursion go through a property or an item", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + "icg015");

    public static readonly DiagnosticDescriptor GeneratedAsJsonValue = new(
        "ICG016", "Generated as a JSON-backed value", "'{0}' is generated as a JSON-backed value (a JsonElement checked by a generated validator) rather than a typed record: {1}", Category, DiagnosticSeverity.Info, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + "icg016");

    public static readonly DiagnosticDescriptor IgnoredBesideRef = new(
        "ICG017", "Keyword beside $ref is ignored", "Keyword '{0}' beside $ref is ignored in {1}, where $ref replaces the schema it is in; move it into an allOf with the $ref", Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + "icg017");

    public static readonly DiagnosticDescriptor TypedAsJson = new(
        "ICG018", "A typed schema is generated as JSON", "{0} asks for {2} but holds its JSON (checked against its schema) instead: {1}", Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + "icg018");

    public static readonly DiagnosticDescriptor GeneratedAsJsonMember = new(
        "ICG019", "Generated as a JSON value", "{0} is generated as a JsonAny (its JSON, checked against its schema): {1}", Category, DiagnosticSeverity.Info, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + "icg019");

    public static readonly DiagnosticDescriptor DefaultIgnored = new(
        "ICG020", "Default cannot be set", "The default of '{0}' is not set in C#, because {1}; the member is null when the JSON leaves it out", Category, DiagnosticSeverity.Info, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + "icg020");

    public static readonly DiagnosticDescriptor RulesCheckedAsJson = new(
        "ICG021", "Object rules checked as JSON", "'{0}' is a typed record whose object rules are checked on its JSON before its members are read: {1}", Category, DiagnosticSeverity.Info, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + "icg021");

    public static readonly DiagnosticDescriptor AllOfConflict = new(
        "ICG022", "Parts of allOf disagree on a member", "'{0}' (member '{1}') is declared differently by parts of allOf: {2}; it is generated as a JsonAny checked against every part", Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + "icg022");

    public static readonly DiagnosticDescriptor EnumValueNeverValid = new(
        "ICG030", "Enum value can never be valid", "The enum value {0} is {1}, so it can never be valid and the C# enum has no member for it; remove the value or correct the bound", Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + "icg030");

    public static readonly DiagnosticDescriptor UnknownSetting = new(
        "ICG023", "Unknown setting value", "The {0} setting '{1}' is not {2}, so it is ignored and {3}; set it to one of them", Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + "icg023");

    public static readonly DiagnosticDescriptor DefaultBreaksSchema = new(
        "ICG024", "Default does not satisfy its schema", "The default at {0} does not satisfy its own schema ({1}), so the member gets no default: it is absent (null) when the JSON leaves it out; correct the default, or remove it", Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + "icg024");

    public static readonly DiagnosticDescriptor TooDeep = new(
        "ICG025", "Schema nests too deeply", "{0} nests too deeply for the generator (it would overflow the compiler's stack); flatten it, for example into definitions referenced with $ref", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + "icg025");

    public static readonly DiagnosticDescriptor MayNotBeUtf8 = new(
        "ICG026", "Schema file may not be UTF-8", "The schema file holds a replacement character U+FFFD, which is what a byte that is not UTF-8 becomes ({0}); it is read as written, but if the file is not UTF-8, save it as UTF-8, or write the character as \\uFFFD", Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + "icg026");

    public static readonly DiagnosticDescriptor IncompatibleChange = new(
        "ICG027", "Schema change is incompatible with the baseline", "{0} [{1}]; incompatible under {2} compatibility with the baseline {3}: keep the documents the mode protects valid, or refresh the baseline (insights-contracts baseline) when the break is intended", Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + "icg027");

    public static readonly DiagnosticDescriptor DefaultChanged = new(
        "ICG028", "Default changed from the baseline", "{0} [{1}], compared with the baseline {2}; keep the default, or refresh the baseline (insights-contracts baseline) when the new meaning is intended", Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + "icg028");

    public static readonly DiagnosticDescriptor CompatibilityUndecided = new(
        "ICG029", "Compatibility with the baseline cannot be decided", "{0} [{1}], compared with the baseline {2}; check the change by hand, then refresh the baseline (insights-contracts baseline) or set the file's Compatibility to None", Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + "icg029");

    public static readonly DiagnosticDescriptor InternalError = new(
        "ICG999", "The generator failed on this schema", "The generator failed on this schema: {0}. Please report this with the schema file.", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + "icg999");
}
