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
                case UnionTypeSpec union:
                    yield return $"{File.Namespace}.{union.EnumName}";
                    break;
            }
        }
    }
}

/// <summary>A type the generator emits for the schema node <see cref="Node"/>.</summary>
internal abstract record TypeSpec(string Name, int Node, string? Description);

/// <summary>A JSON object with declared members: a sealed record with one property per member.</summary>
/// <param name="RejectsUnknownProperties"><c>additionalProperties: false</c>.</param>
/// <param name="RulesCheckedAsJson">
/// Why the object's own rules have no check over the record's members (a keyword about the members
/// it does not declare, a branch naming members it lacks...), or null when they all have one. Then
/// the record's JSON validator checks the whole object before its members are read.
/// </param>
internal sealed record RecordTypeSpec(
    string Name,
    int Node,
    string? Description,
    ImmutableEquatableArray<PropertySpec> Properties,
    bool RejectsUnknownProperties,
    VariantSetSpec? Variants,
    string? RulesCheckedAsJson = null) : TypeSpec(Name, Node, Description)
{
    /// <summary>The schemas the record is the object of (<see cref="TypeSpec.Node"/> first): several where allOf parts each describe one member.</summary>
    public ImmutableEquatableArray<int> Seeds { get; init; } = ImmutableEquatableArray<int>.Empty;

    /// <summary>The seeds and the allOf parts (and <c>$ref</c> targets) merged into the record, whose rules the record checks.</summary>
    public ImmutableEquatableArray<int> Parts { get; init; } = ImmutableEquatableArray<int>.Empty;

    /// <summary>The required members of every part, in order.</summary>
    public ImmutableEquatableArray<string> Required { get; init; } = ImmutableEquatableArray<string>.Empty;

    /// <summary>The union this record is one alternative of (it derives from the union's abstract record), or null.</summary>
    public UnionCaseSpec? UnionCase { get; init; }

    /// <summary>The members the schema describes by <c>additionalProperties</c> or <c>patternProperties</c> rather than by name, or null.</summary>
    public AdditionalMembersSpec? AdditionalMembers { get; init; }
}

/// <summary>
/// A record's map of the members it does not declare: a read-only dictionary property holding
/// every member <c>additionalProperties</c> (a schema) describes, or every member whose name
/// matches the one <see cref="Pattern"/> of <c>patternProperties</c>.
/// </summary>
/// <param name="Value">The C# shape of each value.</param>
/// <param name="OthersRejected">With a pattern: <c>additionalProperties: false</c> rejects a name that does not match it (else such a member is skipped).</param>
internal sealed record AdditionalMembersSpec(string ClrName, ValueShape Value, SchemaPattern? Pattern, bool OthersRejected);

/// <summary>
/// A <c>oneOf</c>/<c>anyOf</c> whose branches are all objects: an abstract record, with one sealed
/// record per branch deriving from it, and an enum of the alternatives.
/// </summary>
/// <param name="Keyword"><c>oneOf</c> (exactly one branch matches) or <c>anyOf</c> (the first that matches is read).</param>
/// <param name="Discriminator">The member whose <c>const</c> value tells the branches apart (every branch requires it), or null: then the branch that matches is found by validating the JSON.</param>
/// <param name="SaysObject">The union's schema says <c>"type": "object"</c>, so a value of another type fails <c>type</c> rather than the union.</param>
internal sealed record UnionTypeSpec(
    string Name,
    int Node,
    string? Description,
    string Keyword,
    string EnumName,
    string? Discriminator,
    ImmutableEquatableArray<UnionCaseSpec> Cases,
    bool SaysObject) : TypeSpec(Name, Node, Description);

/// <summary>
/// A value of one of several JSON types (<c>"type": ["string", "array"]</c>, or a <c>oneOf</c>/<c>anyOf</c>
/// whose branches each take another type): a struct holding one alternative, read by the JSON
/// type of the value, with <c>Is...</c>/<c>TryGet...</c> members per alternative.
/// </summary>
/// <param name="Keyword"><c>type</c>, <c>oneOf</c> or <c>anyOf</c>: the keyword a value of no alternative (or an invalid one, for the branches) fails.</param>
internal sealed record TypeUnionSpec(string Name, int Node, string? Description, string Keyword, ImmutableEquatableArray<TypeAlternativeSpec> Alternatives)
    : TypeSpec(Name, Node, Description);

/// <summary>One alternative of a <see cref="TypeUnionSpec"/>.</summary>
/// <param name="Name">The JSON type it holds, as its members are named: String, Integer, Number, Boolean, Array or Object.</param>
/// <param name="Branch">The <c>oneOf</c>/<c>anyOf</c> branch it is, or null for a union of <c>type</c>.</param>
internal sealed record TypeAlternativeSpec(string Name, ValueShape Shape, int? Branch);

/// <summary>One alternative of a union.</summary>
/// <param name="Union">The abstract record it derives from.</param>
/// <param name="EnumName">The union's enum of alternatives.</param>
/// <param name="TypeName">The sealed record of the branch.</param>
/// <param name="VariantName">Its member of the enum.</param>
/// <param name="Branch">The branch schema (as written in <c>oneOf</c>, a <c>$ref</c> perhaps).</param>
/// <param name="Value">The discriminator's value for this branch, when the union has one.</param>
internal sealed record UnionCaseSpec(string Union, string EnumName, string TypeName, string VariantName, int Branch, string? Value, string? Description);

/// <summary>A closed enum: a C# enum, wire names kept (of strings), or numbers as its underlying values (of integers).</summary>
internal sealed record EnumTypeSpec(string Name, int Node, string? Description, ImmutableEquatableArray<EnumMemberSpec> Members)
    : TypeSpec(Name, Node, Description)
{
    /// <summary>For an enum of JSON integers, its underlying type (<c>int</c> or <c>long</c>), each member's <see cref="EnumMemberSpec.WireName"/> its number; null for strings.</summary>
    public string? IntegerType { get; init; }
}

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
/// <param name="DefaultLiteral">A C# expression for the schema <c>default</c>; a property with a default is never null. Of an array, object or JSON value, it builds a new value: the record keeps one in a static field.</param>
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

    /// <summary>The default builds a value (an array, a record, a JSON value) rather than being a constant.</summary>
    public bool DefaultIsShared => DefaultLiteral is not null && Shape.Kind is ValueKind.Array or ValueKind.Object or ValueKind.Json or ValueKind.Map or ValueKind.Union;
}

internal enum ValueKind
{
    String,
    Boolean,
    Int32,
    Int64,
    Double,

    /// <summary>A <c>number</c> held as <c>decimal</c> (the NumberType option, or a decimal-fraction <c>multipleOf</c>).</summary>
    Decimal,
    Date,

    /// <summary>An RFC 3339 <c>date-time</c> held as <c>DateTimeOffset</c>.</summary>
    DateTime,
    Guid,
    Object,
    Enum,
    OpenEnum,

    /// <summary>An enum of JSON integers: the C# enum <see cref="ValueShape.TypeName"/> whose underlying values are the numbers.</summary>
    IntegerEnum,
    Array,

    /// <summary>Any JSON value (<c>JsonAny</c>), checked by the validator of its schema: for schemas without an exact C# type.</summary>
    Json,

    /// <summary>A JSON object whose every member has one schema (<c>additionalProperties</c>): an <c>EquatableDictionary</c> of <see cref="ValueShape.Item"/>.</summary>
    Map,

    /// <summary>A value of one of several JSON types: the generated struct <see cref="ValueShape.TypeName"/> (a <see cref="TypeUnionSpec"/>).</summary>
    Union,
}

/// <summary>The C# shape of a JSON value, and the schema nodes whose value keywords it is checked against.</summary>
/// <param name="TypeName">The generated type, for Object, Enum and OpenEnum.</param>
/// <param name="Item">The item shape, for Array; the value shape, for Map.</param>
/// <param name="AllowsNull">The schema's <c>type</c> includes <c>"null"</c> (a <c>JsonAny</c> holds null itself, so never for Json).</param>
/// <param name="CheckNodes">Nodes whose value keywords (<c>minLength</c>, <c>maximum</c>, <c>uniqueItems</c>...) apply to the value; what the C# type already guarantees is not among them.</param>
/// <param name="TypeFrom">
/// The keyword (<c>const</c> or <c>enum</c>) whose values gave a schema without <c>type</c> its C#
/// type: a value of another JSON type fails that keyword, not <c>type</c>.
/// </param>
internal sealed record ValueShape(ValueKind Kind, ImmutableEquatableArray<int> CheckNodes, string? TypeName = null, ValueShape? Item = null, bool AllowsNull = false, string? TypeFrom = null)
{
    public bool IsReferenceType => Kind is ValueKind.String or ValueKind.Object;
}

/// <summary>A <c>oneOf</c> (or else <c>anyOf</c>) whose branches all have a <c>title</c>: the matched branch is surfaced as an enum.</summary>
/// <param name="Keyword"><c>oneOf</c> (exactly one branch matches) or <c>anyOf</c> (the first matching branch is the variant).</param>
internal sealed record VariantSetSpec(string EnumName, string Keyword, ImmutableEquatableArray<VariantSpec> Variants);

/// <param name="Node">The branch schema.</param>
internal sealed record VariantSpec(string ClrName, string Title, string? Description, int Node);
