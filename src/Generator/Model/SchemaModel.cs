using System.Linq;
using Insights.Contracts.Generator.Shared;

namespace Insights.Contracts.Generator.Model;

// Stage 1's output: every subschema of a file, each keyword read once. The model is what the
// incremental cache compares between runs: strings, numbers, enums and equatable arrays only, never
// Roslyn symbols, SourceText or parser nodes, and no source locations (those live beside it in
// SchemaSpans, so moving a line of a schema does not re-run emit).

/// <summary>
/// One schema file as a graph of subschemas. <see cref="Nodes"/> holds the root, every definition,
/// every subschema under them and every schema a <c>$ref</c> reaches in other documents; subschemas
/// refer to each other by index, so <c>$ref</c> cycles are plain numbers.
/// </summary>
/// <param name="Root">Index of the root schema in <see cref="Nodes"/>.</param>
internal sealed record SchemaModel(int Root, ImmutableEquatableArray<SchemaNode> Nodes)
{
    /// <summary>The schema resources (documents and embedded <c>$id</c>s) the nodes belong to, for dynamic references.</summary>
    public ImmutableEquatableArray<SchemaResourceSpec> Resources { get; init; } = ImmutableEquatableArray<SchemaResourceSpec>.Empty;

    /// <summary>Some <c>$dynamicRef</c> or <c>$recursiveRef</c> resolves by the dynamic scope: validators track the resources they enter.</summary>
    public bool UsesDynamicScope => Nodes.Any(n => n.DynamicRef is { IsDynamic: true });

    /// <summary>The schema file as compact JSON (layout dropped, so reformatting re-emits nothing); the root type exposes it as <c>JsonSchemaText</c>.</summary>
    public string Text { get; init; } = "";

    public SchemaNode RootNode => Nodes[Root];

    public SchemaNode this[int id] => Nodes[id];

    /// <summary>The format a node asserts: known to the runtime, and asserted where the node is (the file's option, or its metaschema's vocabulary).</summary>
    public JsonFormat? AssertedFormat(SchemaNode node) =>
        node.AssertsFormat && node.Format is { } name && JsonFormatNames.TryParse(name, out JsonFormat format) ? format : null;
}

/// <summary>
/// One subschema with every keyword it uses. Absent keywords are null or empty; subschemas are
/// indexes into <see cref="SchemaModel.Nodes"/>.
/// </summary>
/// <param name="Location">Where the schema is written: a JSON Pointer fragment of the file (<c>#/properties/a</c>), or an absolute URI in another document.</param>
internal sealed record SchemaNode(int Id, string Location)
{
    /// <summary><c>false</c> as a schema (nothing valid); a <c>true</c> schema is a node without keywords.</summary>
    public bool IsFalse { get; init; }

    /// <summary><c>true</c> or <c>false</c> as a schema rather than an object.</summary>
    public bool IsBoolean { get; init; }

    public string? Title { get; init; }
    public string? Description { get; init; }

    /// <summary><c>default</c>, an annotation.</summary>
    public JsonLiteral? Default { get; init; }

    /// <summary>The <c>type</c> keyword (<see cref="JsonSchemaTypes.None"/>: no <c>type</c>).</summary>
    public JsonSchemaTypes Types { get; init; }

    public JsonLiteral? Const { get; init; }

    /// <summary><c>enum</c>; null when absent (an empty array is a valid <c>enum</c> that nothing matches).</summary>
    public ImmutableEquatableArray<JsonLiteral>? Enum { get; init; }

    /// <summary>
    /// C# names for the <see cref="Enum"/> values, one per value in order, from the vendor arrays
    /// NSwag and openapi-generator read (<c>x-enumNames</c>, <c>x-enum-varnames</c>, <c>x-enum-names</c>);
    /// null when there is none, or it is not an array of strings as long as <c>enum</c>.
    /// </summary>
    public ImmutableEquatableArray<string>? EnumNames { get; init; }

    public NumberLimit? Minimum { get; init; }
    public NumberLimit? Maximum { get; init; }
    public NumberLimit? ExclusiveMinimum { get; init; }
    public NumberLimit? ExclusiveMaximum { get; init; }
    public NumberLimit? MultipleOf { get; init; }

    public long? MinLength { get; init; }
    public long? MaxLength { get; init; }
    public SchemaPattern? Pattern { get; init; }

    /// <summary>The <c>format</c> name as written, known or not.</summary>
    public string? Format { get; init; }

    /// <summary>Whether <see cref="Format"/> is asserted (the default) or only annotates.</summary>
    public bool AssertsFormat { get; init; }

    /// <summary>
    /// <c>contentEncoding</c> and <c>contentMediaType</c> where they are asserted (draft-07, as its
    /// optional tests expect; from 2019-09 on they only annotate): a string in that encoding, holding a
    /// document of that media type. Only <c>base64</c> and <c>application/json</c> are checked.
    /// </summary>
    public string? ContentEncoding { get; init; }

    public string? ContentMediaType { get; init; }

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
    public ImmutableEquatableArray<NamedSchema> Properties { get; init; } = ImmutableEquatableArray<NamedSchema>.Empty;
    public ImmutableEquatableArray<PatternSchema> PatternProperties { get; init; } = ImmutableEquatableArray<PatternSchema>.Empty;
    public int? AdditionalProperties { get; init; }
    public int? PropertyNames { get; init; }
    public ImmutableEquatableArray<DependentRequired> DependentRequired { get; init; } = ImmutableEquatableArray<DependentRequired>.Empty;
    public ImmutableEquatableArray<NamedSchema> DependentSchemas { get; init; } = ImmutableEquatableArray<NamedSchema>.Empty;

    public int? Ref { get; init; }

    /// <summary><c>$dynamicRef</c> (2020-12) or <c>$recursiveRef</c> (2019-09).</summary>
    public DynamicReference? DynamicRef { get; init; }

    public int? UnevaluatedItems { get; init; }
    public int? UnevaluatedProperties { get; init; }

    /// <summary>The draft the node is read in (the draft's meaning survives where the model cannot normalize it away).</summary>
    public Dialect Draft { get; init; } = Dialect.Draft202012;

    /// <summary>The resource this node belongs to (index into <see cref="SchemaModel.Resources"/>).</summary>
    public int Resource { get; init; }

    /// <summary>This node starts its resource: a document's root, or a schema with an identifier of its own.</summary>
    public bool IsResourceRoot { get; init; }

    /// <summary>OpenAPI's <c>discriminator.propertyName</c>, an annotation: which member a union is told apart by, when its branches fix more than one.</summary>
    public string? DiscriminatorName { get; init; }

    public ImmutableEquatableArray<int> AllOf { get; init; } = ImmutableEquatableArray<int>.Empty;
    public ImmutableEquatableArray<int> AnyOf { get; init; } = ImmutableEquatableArray<int>.Empty;
    public ImmutableEquatableArray<int> OneOf { get; init; } = ImmutableEquatableArray<int>.Empty;
    public int? Not { get; init; }
    public int? If { get; init; }
    public int? Then { get; init; }
    public int? Else { get; init; }

    /// <summary><c>$defs</c> and <c>definitions</c>, in the order of the schema text.</summary>
    public ImmutableEquatableArray<NamedSchema> Definitions { get; init; } = ImmutableEquatableArray<NamedSchema>.Empty;

    /// <summary>Every keyword present on this node, in the order of the schema text (for shape decisions and messages).</summary>
    public ImmutableEquatableArray<string> Keywords { get; init; } = ImmutableEquatableArray<string>.Empty;

    public bool Has(string keyword)
    {
        foreach (string present in Keywords)
        {
            if (present == keyword)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The name <paramref name="keyword"/> (as <see cref="Keywords"/> holds it, in 2020-12's words) has
    /// in this node's draft, for messages and locations: a draft-07 tuple's <c>prefixItems</c> is
    /// written <c>items</c> and its <c>items</c> is <c>additionalItems</c>, draft-04's <c>$id</c> is
    /// <c>id</c>, and before 2019-09 <c>dependentRequired</c>/<c>dependentSchemas</c> are <c>dependencies</c>.
    /// </summary>
    public string Written(string keyword) => keyword switch
    {
        "prefixItems" when Draft < Dialect.Draft202012 => "items",
        "items" when Draft < Dialect.Draft202012 && PrefixItems.Count > 0 => "additionalItems",
        "$id" when Draft == Dialect.Draft4 => "id",
        "dependentRequired" or "dependentSchemas" when Draft < Dialect.Draft201909 => "dependencies",
        _ => keyword,
    };

    /// <summary>The subschema of a <c>properties</c> entry, or null.</summary>
    public int? Property(string name)
    {
        foreach (NamedSchema property in Properties)
        {
            if (property.Name == name)
            {
                return property.Node;
            }
        }

        return null;
    }
}

/// <summary>
/// A reference resolved by the dynamic scope. <see cref="Target"/> is where it resolves statically
/// (as <c>$ref</c> would); when <see cref="IsDynamic"/>, evaluation instead uses the outermost resource
/// in the dynamic scope that declares <c>$dynamicAnchor</c> <see cref="Anchor"/> (2020-12), or that has
/// <c>$recursiveAnchor: true</c> (2019-09, <see cref="Anchor"/> null).
/// </summary>
internal sealed record DynamicReference(int Target, string? Anchor, bool IsDynamic);

/// <summary>A schema resource: its URI, and what dynamic references can land on in it.</summary>
/// <param name="DynamicAnchors">Its <c>$dynamicAnchor</c>s, by name.</param>
/// <param name="RecursiveRoot">Its root, when the root has <c>$recursiveAnchor: true</c> (2019-09).</param>
internal sealed record SchemaResourceSpec(string Uri, ImmutableEquatableArray<NamedSchema> DynamicAnchors, int? RecursiveRoot);

internal enum JsonLiteralKind
{
    String,
    Number,
    Boolean,
    Null,
    Object,
    Array,
}

/// <summary>A JSON value from the schema (<c>const</c>, <c>enum</c>, <c>default</c>).</summary>
/// <param name="Text">A string's unescaped text, a number's text, <c>true</c>/<c>false</c>/<c>null</c>, or the compact JSON of an object or array.</param>
/// <param name="Json">The value as compact JSON text.</param>
internal sealed record JsonLiteral(JsonLiteralKind Kind, string Text, string Json);

/// <summary>A number from the schema: its text, and whether it is exactly a C# decimal (<see cref="ExactDecimal"/>).</summary>
internal sealed record NumberLimit(string Text, bool FitsDecimal);

/// <summary>A <c>pattern</c> (or <c>patternProperties</c> key): as written (ECMA-262), and in .NET's dialect.</summary>
/// <param name="Simple">The pattern as parts a direct character loop can match, when it is that simple.</param>
internal sealed record SchemaPattern(string Text, string DotNet, ImmutableEquatableArray<PatternPart>? Simple);

/// <summary>One part of a simple pattern: a set of character ranges, repeated Min to Max times (Max -1: unbounded).</summary>
internal sealed record PatternPart(ImmutableEquatableArray<CharRange> Ranges, int Min, int Max);

internal sealed record CharRange(char From, char To);

internal sealed record NamedSchema(string Name, int Node);

internal sealed record PatternSchema(SchemaPattern Pattern, int Node);

/// <summary><c>dependentRequired</c>: when <see cref="Name"/> is present, <see cref="Required"/> must be too.</summary>
internal sealed record DependentRequired(string Name, ImmutableEquatableArray<string> Required);
