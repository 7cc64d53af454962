using System.Collections.Generic;

namespace Insights.Contracts.Generator.Model;

// Stage 2's output: which C# type each subschema becomes. Specs name nodes of the model by index;
// everything a check needs is read from the nodes themselves, so both emitters read one model.

/// <summary>Everything generated from one schema file: the model, and the C# shapes decided on it.</summary>
internal sealed record ContractFileSpec(SchemaFileSpec File, SchemaModel Model, ImmutableEquatableArray<TypeSpec> Types)
{
    /// <summary>Every top-level type the emitter declares for this file, fully qualified.</summary>
    public IEnumerable<string> DeclaredTypeNames()
    {
        foreach (TypeSpec type in Types)
        {
            yield return $"{File.Namespace}.{type.Name}";
            switch (type)
            {
                case EnumTypeSpec:
                    yield return $"{File.Namespace}.{type.Name}Wire";
                    yield return $"{File.Namespace}.{type.Name}JsonConverter";
                    break;
                case RecordTypeSpec { Variants: { } variants }:
                    yield return $"{File.Namespace}.{variants.EnumName}";
                    break;
                case JsonValueTypeSpec { Variants: { } variants }:
                    yield return $"{File.Namespace}.{variants.EnumName}";
                    break;
            }
        }
    }
}

/// <summary>A type the generator emits for the schema node <see cref="Node"/>.</summary>
internal abstract record TypeSpec(string Name, int Node, string? Description);

/// <summary>A JSON object with declared members: a sealed record with one property per member.</summary>
/// <param name="RejectsUnknownProperties"><c>additionalProperties: false</c>.</param>
internal sealed record RecordTypeSpec(
    string Name,
    int Node,
    string? Description,
    ImmutableEquatableArray<PropertySpec> Properties,
    bool RejectsUnknownProperties,
    VariantSetSpec? Variants) : TypeSpec(Name, Node, Description);

/// <summary>A closed string enum: a C# enum, wire names kept.</summary>
internal sealed record EnumTypeSpec(string Name, int Node, string? Description, ImmutableEquatableArray<EnumMemberSpec> Members)
    : TypeSpec(Name, Node, Description);

/// <summary>An open string enum (<c>anyOf: [{enum: [...]}, {type: string}]</c>): named known values, any string accepted.</summary>
internal sealed record OpenEnumTypeSpec(string Name, int Node, string? Description, ImmutableEquatableArray<EnumMemberSpec> Members)
    : TypeSpec(Name, Node, Description);

/// <summary>
/// A JSON-backed value: a class holding the validated <c>JsonElement</c>, with one validator per
/// node reachable from <see cref="TypeSpec.Node"/>. For schemas without an exact C# shape.
/// </summary>
internal sealed record JsonValueTypeSpec(string Name, int Node, string? Description, VariantSetSpec? Variants)
    : TypeSpec(Name, Node, Description);

internal sealed record EnumMemberSpec(string ClrName, string WireName);

/// <summary>One member of a record.</summary>
/// <param name="Node">The member's schema (<c>properties/name</c>).</param>
/// <param name="DefaultLiteral">A C# expression for the schema <c>default</c>; a property with a default is never null.</param>
internal sealed record PropertySpec(
    string WireName,
    string ClrName,
    int Node,
    string? Description,
    ValueShape Shape,
    bool IsRequired,
    string? DefaultLiteral)
{
    /// <summary>Optional members without a default are nullable, so absence stays observable.</summary>
    public bool IsNullable => Shape.AllowsNull || (!IsRequired && DefaultLiteral is null);
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

/// <summary>The C# shape of a JSON value, and the schema nodes whose value keywords it is checked against.</summary>
/// <param name="TypeName">The generated type, for Object, Enum and OpenEnum.</param>
/// <param name="Item">The item shape, for Array.</param>
/// <param name="AllowsNull">The schema's <c>type</c> includes <c>"null"</c>.</param>
/// <param name="CheckNodes">Nodes whose value keywords (<c>minLength</c>, <c>maximum</c>, <c>uniqueItems</c>...) apply to the value; what the C# type already guarantees is not among them.</param>
internal sealed record ValueShape(ValueKind Kind, ImmutableEquatableArray<int> CheckNodes, string? TypeName = null, ValueShape? Item = null, bool AllowsNull = false)
{
    public bool IsReferenceType => Kind is ValueKind.String or ValueKind.Object;
}

/// <summary>A <c>oneOf</c> (or else <c>anyOf</c>) whose branches all have a <c>title</c>: the matched branch is surfaced as an enum.</summary>
/// <param name="Keyword"><c>oneOf</c> (exactly one branch matches) or <c>anyOf</c> (the first matching branch is the variant).</param>
internal sealed record VariantSetSpec(string EnumName, string Keyword, ImmutableEquatableArray<VariantSpec> Variants);

/// <param name="Node">The branch schema.</param>
internal sealed record VariantSpec(string ClrName, string Title, string? Description, int Node);
