using System.Collections.Generic;

namespace Insights.Contracts.Generator.Model;

// The model is what the incremental cache compares between runs: only strings, numbers and
// equatable arrays, never Roslyn symbols, SourceText or parser objects, and no source locations
// (those live in diagnostics, so moving a line in a schema does not re-run emit).

/// <summary>Everything generated from one schema file.</summary>
internal sealed record ContractFileSpec(
    string SchemaFilePath,
    string SchemaFileName,
    string HintPrefix,
    string Namespace,
    ImmutableEquatableArray<TypeSpec> Types)
{
    /// <summary>The schema as compact JSON (layout dropped, so reformatting re-emits nothing); the root type (the first of <see cref="Types"/>) exposes it as <c>JsonSchemaText</c>.</summary>
    public string SchemaText { get; init; } = "";

    /// <summary>Every top-level type the emitter declares for this file, fully qualified.</summary>
    public IEnumerable<string> DeclaredTypeNames()
    {
        foreach (TypeSpec type in Types)
        {
            yield return $"{Namespace}.{type.Name}";
            switch (type)
            {
                case EnumTypeSpec:
                    yield return $"{Namespace}.{type.Name}Wire";
                    yield return $"{Namespace}.{type.Name}JsonConverter";
                    break;
                case ObjectTypeSpec { Variants: { } variants }:
                    yield return $"{Namespace}.{variants.EnumName}";
                    break;
                case JsonValueTypeSpec { Variants: { } variants }:
                    yield return $"{Namespace}.{variants.EnumName}";
                    break;
            }
        }
    }
}

/// <summary>A type the generator emits.</summary>
internal abstract record TypeSpec(string Name, string? Description);

/// <summary>A JSON object: a sealed record with one property per schema member.</summary>
internal sealed record ObjectTypeSpec(
    string Name,
    string? Description,
    ImmutableEquatableArray<PropertySpec> Properties,
    bool RejectsUnknownProperties,
    ObjectRuleSpec Rules,
    VariantSetSpec? Variants) : TypeSpec(Name, Description);

/// <summary>A closed string enum: a C# enum, wire names kept.</summary>
internal sealed record EnumTypeSpec(string Name, string? Description, ImmutableEquatableArray<EnumMemberSpec> Members)
    : TypeSpec(Name, Description);

/// <summary>An open string enum (<c>anyOf: [{enum: [...]}, {type: string}]</c>): named known values, any string accepted.</summary>
internal sealed record OpenEnumTypeSpec(string Name, string? Description, ImmutableEquatableArray<EnumMemberSpec> Members)
    : TypeSpec(Name, Description);

internal sealed record EnumMemberSpec(string ClrName, string WireName);

/// <summary>One member of an object.</summary>
/// <param name="DefaultLiteral">A C# expression for the schema <c>default</c>; a property with a default is never null.</param>
internal sealed record PropertySpec(
    string WireName,
    string ClrName,
    string? Description,
    ValueTypeSpec Type,
    bool IsRequired,
    string? DefaultLiteral,
    ConstraintSpec Constraints)
{
    /// <summary>Optional members without a default are nullable, so absence stays observable.</summary>
    public bool IsNullable => Type.AllowsNull || (!IsRequired && DefaultLiteral is null);
}

internal enum ValueKind
{
    String,
    Boolean,
    Int32,
    Int64,
    Double,
    Date,
    Guid,
    Object,
    Enum,
    OpenEnum,
    Array,
}

/// <summary>The C# shape of a JSON value.</summary>
/// <param name="TypeName">The generated type, for Object, Enum and OpenEnum.</param>
/// <param name="Item">The item shape, for Array.</param>
/// <param name="AllowsNull">The schema's <c>type</c> includes <c>"null"</c>.</param>
internal sealed record ValueTypeSpec(ValueKind Kind, string? TypeName = null, ValueTypeSpec? Item = null, bool AllowsNull = false);

/// <summary>The value keywords of a schema that the C# type alone does not enforce.</summary>
internal sealed record ConstraintSpec
{
    public static ConstraintSpec None { get; } = new();

    public long? MinLength { get; init; }
    public long? MaxLength { get; init; }
    /// <summary>The schema's <c>pattern</c> (ECMA-262), shown in error messages.</summary>
    public string? Pattern { get; init; }

    /// <summary><see cref="Pattern"/> rewritten to mean the same in .NET's regex dialect.</summary>
    public string? DotNetPattern { get; init; }

    /// <summary><see cref="Pattern"/> as parts that a direct loop can match, when it is that simple.</summary>
    public ImmutableEquatableArray<PatternPartSpec>? SimplePattern { get; init; }

    // Numbers are kept as their JSON text; the emitter writes them as C# literals of the value's type.
    public string? Minimum { get; init; }
    public string? Maximum { get; init; }
    public string? ExclusiveMinimum { get; init; }
    public string? ExclusiveMaximum { get; init; }
    public string? MultipleOf { get; init; }

    public long? MinItems { get; init; }
    public long? MaxItems { get; init; }
    public bool UniqueItems { get; init; }

    /// <summary>A <c>format</c> checked on a string (a <c>JsonFormat</c> member name), for formats that do not become a type.</summary>
    public string? Format { get; init; }

    /// <summary>Values from <c>const</c> (one) or <c>enum</c> where they do not define a type.</summary>
    public ImmutableEquatableArray<LiteralSpec> AllowedValues { get; init; } = ImmutableEquatableArray<LiteralSpec>.Empty;
    public string AllowedValuesKeyword { get; init; } = "enum";

    /// <summary>Constraints on each item of an array.</summary>
    public ConstraintSpec? Items { get; init; }

    public bool IsEmpty => Equals(None);
}

internal enum LiteralKind
{
    String,
    Number,
    Boolean,
    Null,
}

/// <summary>A JSON scalar: its kind and its text (unquoted for strings).</summary>
internal sealed record LiteralSpec(LiteralKind Kind, string Text);

/// <summary>
/// Object-level rules from <c>required</c>, <c>properties</c> and the applicators, as they appear inside
/// <c>allOf</c>/<c>anyOf</c>/<c>oneOf</c>/<c>not</c> branches, evaluated against the typed record.
/// </summary>
internal sealed record ObjectRuleSpec(
    string? Title,
    string? Description,
    ImmutableEquatableArray<string> Required,
    ImmutableEquatableArray<PropertyRuleSpec> Properties,
    ImmutableEquatableArray<ObjectRuleSpec> AllOf,
    ImmutableEquatableArray<ObjectRuleSpec> AnyOf,
    ImmutableEquatableArray<ObjectRuleSpec> OneOf,
    ObjectRuleSpec? Not)
{
    /// <summary><c>dependentRequired</c>: when a member is present, these others must be too.</summary>
    public ImmutableEquatableArray<DependentRequiredSpec> DependentRequired { get; init; } = ImmutableEquatableArray<DependentRequiredSpec>.Empty;

    /// <summary><c>if</c>/<c>then</c>/<c>else</c>.</summary>
    public ConditionalSpec? Conditional { get; init; }

    public static ObjectRuleSpec Empty { get; } = new(
        null,
        null,
        ImmutableEquatableArray<string>.Empty,
        ImmutableEquatableArray<PropertyRuleSpec>.Empty,
        ImmutableEquatableArray<ObjectRuleSpec>.Empty,
        ImmutableEquatableArray<ObjectRuleSpec>.Empty,
        ImmutableEquatableArray<ObjectRuleSpec>.Empty,
        null);
}

internal sealed record PropertyRuleSpec(string WireName, ConstraintSpec Constraints);

/// <summary>One part of a simple pattern: a set of character ranges, repeated Min to Max times (Max -1: unbounded).</summary>
internal sealed record PatternPartSpec(ImmutableEquatableArray<CharRangeSpec> Ranges, int Min, int Max);

internal sealed record CharRangeSpec(char From, char To);

internal sealed record DependentRequiredSpec(string WireName, ImmutableEquatableArray<string> Required);

/// <summary><c>if</c>/<c>then</c>/<c>else</c>; a missing <c>then</c> or <c>else</c> always holds.</summary>
internal sealed record ConditionalSpec(ObjectRuleSpec If, ObjectRuleSpec? Then, ObjectRuleSpec? Else);

/// <summary>A <c>oneOf</c> (or else <c>anyOf</c>) whose branches all have a <c>title</c>: the matched branch is surfaced as an enum.</summary>
internal sealed record VariantSetSpec(string EnumName, ImmutableEquatableArray<VariantSpec> Variants)
{
    /// <summary><c>oneOf</c> (exactly one branch matches) or <c>anyOf</c> (the first matching branch is the variant).</summary>
    public string Keyword { get; init; } = "oneOf";
}

internal sealed record VariantSpec(string ClrName, string Title, string? Description);
