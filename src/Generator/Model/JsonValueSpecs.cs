namespace Insights.Contracts.Generator.Model;

/// <summary>
/// A contract generated as a JSON-backed value: for schemas that are not one typed object (a bare
/// <c>{"minimum": 5}</c>, a union of types, <c>true</c>/<c>false</c>, <c>patternProperties</c>...).
/// The generated class holds the <c>JsonElement</c> and a validator compiled from the schema over
/// any JSON instance. The schema graph is flattened into <see cref="Nodes"/>; subschemas refer to
/// each other by index, so <c>$ref</c> cycles are plain numbers and the model stays value-equatable.
/// </summary>
/// <param name="Root">Index of the root schema in <see cref="Nodes"/>.</param>
/// <param name="Variants">Set when the root's <c>oneOf</c>/<c>anyOf</c> branches all have a title.</param>
internal sealed record JsonValueTypeSpec(
    string Name,
    string? Description,
    int Root,
    ImmutableEquatableArray<SchemaNodeSpec> Nodes,
    JsonVariantSetSpec? Variants) : TypeSpec(Name, Description);

/// <summary>The titled branches of the root's <c>oneOf</c> or <c>anyOf</c>, surfaced as an enum.</summary>
internal sealed record JsonVariantSetSpec(string EnumName, string Keyword, ImmutableEquatableArray<JsonVariantSpec> Variants);

/// <param name="Node">The branch schema's index in the node list.</param>
internal sealed record JsonVariantSpec(string ClrName, string Title, int Node);

/// <summary>
/// One schema of a JSON-backed contract, with every keyword it uses. Absent keywords are null or
/// empty; subschemas are indexes into <see cref="JsonValueTypeSpec.Nodes"/>.
/// </summary>
/// <param name="Location">Where the schema is (<c>#/properties/a</c>, or a remote URI), for comments.</param>
internal sealed record SchemaNodeSpec(int Id, string Location)
{
    /// <summary><c>false</c> as a schema (nothing valid); a <c>true</c> schema is simply a node without keywords.</summary>
    public bool IsFalse { get; init; }

    public string? Title { get; init; }

    /// <summary>The <c>type</c> keyword as <c>JsonSchemaTypes</c> flags (0 = no <c>type</c>).</summary>
    public int Types { get; init; }

    /// <summary><c>const</c> as compact JSON text.</summary>
    public string? Const { get; init; }

    /// <summary><c>enum</c> as a compact JSON array text.</summary>
    public string? Enum { get; init; }

    public NumberLimitSpec? Minimum { get; init; }
    public NumberLimitSpec? Maximum { get; init; }
    public NumberLimitSpec? ExclusiveMinimum { get; init; }
    public NumberLimitSpec? ExclusiveMaximum { get; init; }
    public NumberLimitSpec? MultipleOf { get; init; }

    public long? MinLength { get; init; }
    public long? MaxLength { get; init; }

    /// <summary>The <c>pattern</c> as written (ECMA-262), for messages.</summary>
    public string? Pattern { get; init; }
    public string? DotNetPattern { get; init; }

    /// <summary>An asserted <c>format</c>, as a <c>JsonFormat</c> member name.</summary>
    public string? Format { get; init; }

    public long? MinItems { get; init; }
    public long? MaxItems { get; init; }
    public bool UniqueItems { get; init; }
    public ImmutableEquatableArray<int> PrefixItems { get; init; } = ImmutableEquatableArray<int>.Empty;
    public int? Items { get; init; }
    public int? Contains { get; init; }
    public long? MinContains { get; init; }
    public long? MaxContains { get; init; }

    public long? MinProperties { get; init; }
    public long? MaxProperties { get; init; }
    public ImmutableEquatableArray<string> Required { get; init; } = ImmutableEquatableArray<string>.Empty;
    public ImmutableEquatableArray<NamedSchemaSpec> Properties { get; init; } = ImmutableEquatableArray<NamedSchemaSpec>.Empty;
    public ImmutableEquatableArray<PatternSchemaSpec> PatternProperties { get; init; } = ImmutableEquatableArray<PatternSchemaSpec>.Empty;
    public int? AdditionalProperties { get; init; }
    public int? PropertyNames { get; init; }
    public ImmutableEquatableArray<DependentRequiredSpec> DependentRequired { get; init; } = ImmutableEquatableArray<DependentRequiredSpec>.Empty;
    public ImmutableEquatableArray<NamedSchemaSpec> DependentSchemas { get; init; } = ImmutableEquatableArray<NamedSchemaSpec>.Empty;

    public int? Ref { get; init; }
    public ImmutableEquatableArray<int> AllOf { get; init; } = ImmutableEquatableArray<int>.Empty;
    public ImmutableEquatableArray<int> AnyOf { get; init; } = ImmutableEquatableArray<int>.Empty;
    public ImmutableEquatableArray<int> OneOf { get; init; } = ImmutableEquatableArray<int>.Empty;
    public int? Not { get; init; }
    public int? If { get; init; }
    public int? Then { get; init; }
    public int? Else { get; init; }
}

/// <summary>A number from the schema: its text, and whether it also fits a C# decimal exactly.</summary>
internal sealed record NumberLimitSpec(string Text, bool FitsDecimal);

internal sealed record NamedSchemaSpec(string Name, int Node);

internal sealed record PatternSchemaSpec(string Pattern, string DotNetPattern, int Node);
