using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Insights.Contracts.Generator.Diagnostics;
using Insights.Contracts.Generator.Model;
using Insights.Contracts.Generator.Parsing;
using Insights.Contracts.Generator.Shared;

namespace Insights.Contracts.Generator.Projection;

/// <summary>Stage 2's output: the contract to emit (null when the file has errors) and every diagnostic of the file.</summary>
internal sealed record DecidedContract(ContractFileSpec? Contract, ImmutableEquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>Why a subschema has no exact C# shape: the node, the place inside it (a keyword, <c>required/0</c>...), and a clause.</summary>
/// <param name="AtName">Point at the member name at <see cref="Path"/> rather than its value.</param>
internal sealed record ShapeRefusal(int Node, string? Path, bool AtName, string Reason);

/// <summary>
/// Stage 2 of the pipeline: decides, on the model alone, which C# shape each subschema gets (record,
/// enum, open enum, primitive, array) and, where there is none, records why, the way the Regex
/// generator decides whether it can generate code before it emits any. Today one refusal makes the
/// whole file a JSON-backed value; the decisions are made per subschema so that a file can later
/// keep its typed records with one JSON-backed member.
/// </summary>
internal sealed partial class ShapeDecider
{
    private readonly SchemaFileSpec _file;
    private readonly SchemaModel _model;
    private readonly SpanLocator _spans;
    private readonly List<DiagnosticInfo> _diagnostics = [];
    private readonly List<TypeSpec?> _types = [];
    private readonly HashSet<string> _typeNames = Identifiers.NewTypeNameSet();
    private readonly Dictionary<int, string> _definitionTypeNames = [];
    private readonly HashSet<int> _decidedDefinitions = [];
    private readonly HashSet<int> _inlining = [];
    private readonly Dictionary<int, JsonSchemaTypes> _acceptedTypes = [];
    private readonly Dictionary<int, ShapeRefusal> _definitionRefusals = [];
    private readonly HashSet<int> _branchReferences = [];
    private readonly HashSet<int> _classifying = [];
    private readonly Dictionary<string, string> _recordNames = new(StringComparer.Ordinal);
    private ShapeRefusal? _refusal;
    private string _rootName = "";

    /// <summary>How deep <see cref="DecideValue"/> is: nesting levels, in the text and through definitions.</summary>
    private int _depth;

    /// <summary>The deepest nesting decided as C# types (a bound on the generator's stack, see <see cref="DecideValue"/>).</summary>
    internal const int MaxDecisionDepth = 128;

    /// <summary>Below this depth a referenced record is decided where it is first referenced (which keeps the order of names as it was).</summary>
    private const int DeferRecordsBeyondDepth = 16;

    private ShapeDecider(SchemaFileSpec file, SchemaModel model, SpanLocator spans)
    {
        _file = file;
        _model = model;
        _spans = spans;
    }

    public static DecidedContract Decide(ParsedSchema parsed)
    {
        if (parsed.Model is not { } model)
        {
            return new DecidedContract(null, parsed.Diagnostics);
        }

        try
        {
            return Decide(parsed, model);
        }
        catch (InsufficientExecutionStackException)
        {
            // Deciding types recurses through the schema's nesting; a schema deeper than the stack
            // allows is still exactly a JSON-backed value, whose validators are one method per node.
            var spans = new SpanLocator(parsed.Spans);
            ShapeDecider fallback = JsonBacked(parsed.File, model, spans, null, "it nests too deeply to be decided as C# types");
            var contract = new ContractFileSpec(parsed.File, model, fallback._types.OfType<TypeSpec>().ToImmutableEquatableArray());
            return new DecidedContract(contract, parsed.Diagnostics.Concat(fallback._diagnostics).ToImmutableEquatableArray());
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // As in the parser: an error at the schema, not a generator exception that drops every contract.
            return new DecidedContract(null, parsed.Diagnostics.Concat([InternalError(parsed.File.Path, e)]).ToImmutableEquatableArray());
        }
    }

    /// <summary>ICG999 for an exception the generator itself threw while working on the file at <paramref name="path"/>.</summary>
    public static DiagnosticInfo InternalError(string path, Exception e)
    {
        // The generator's method that threw, so a report of the bug says where to look.
        string? where = new System.Diagnostics.StackTrace(e).GetFrames()?
            .Select(f => f.GetMethod())
            .FirstOrDefault(m => m?.DeclaringType?.Namespace?.StartsWith("Insights.Contracts.Generator", StringComparison.Ordinal) == true) is { } method
            ? $" in {method.DeclaringType!.Name}.{method.Name}"
            : null;
        return new(DiagnosticDescriptors.InternalError, new LocationInfo(path, default, default), new[] { $"{e.GetType().Name}{where}: {e.Message}" }.ToImmutableEquatableArray());
    }

    private static DecidedContract Decide(ParsedSchema parsed, SchemaModel model)
    {

        var spans = new SpanLocator(parsed.Spans);
        ShapeDecider decider;
        if (parsed.File.ForceJsonValue)
        {
            decider = JsonBacked(parsed.File, model, spans, null, "its GenerateAs metadata asks for JsonValue");
        }
        else if (model.UsesDynamicScope)
        {
            // A dynamic reference resolves by the path the validation took from the root, which
            // typed members read one by one do not keep.
            decider = JsonBacked(parsed.File, model, spans, null, "its $dynamicRef/$recursiveRef resolves by the path from the root");
        }
        else
        {
            decider = new ShapeDecider(parsed.File, model, spans);
            decider.DecideTyped();
            if (decider._refusal is { } refusal)
            {
                // A typed record would not be exact: the whole file becomes a JSON-backed value, which
                // implements every keyword the reader accepted.
                decider = JsonBacked(parsed.File, model, spans, refusal, refusal.Reason);
            }
        }

        var contract = new ContractFileSpec(parsed.File, model, decider._types.OfType<TypeSpec>().ToImmutableEquatableArray());

        // A schema used in several places is decided at each; what it says about itself is said once.
        IEnumerable<DiagnosticInfo> decided = decider._diagnostics.GroupBy(d => (d.Descriptor.Id, d.Location)).Select(g => g.First());
        return new DecidedContract(contract, parsed.Diagnostics.Concat(decided).ToImmutableEquatableArray());
    }

    private static ShapeDecider JsonBacked(SchemaFileSpec file, SchemaModel model, SpanLocator spans, ShapeRefusal? refusal, string reason)
    {
        var decider = new ShapeDecider(file, model, spans);
        SchemaNode root = model.RootNode;
        string name = decider.ReserveTypeName(file.RootTypeName, root);
        decider._types.Add(new JsonValueTypeSpec(name, root.Id, root.Description, decider.JsonValueVariants(name, root)));
        LocationInfo location = refusal is null
            ? new LocationInfo(file.Path, default, default)
            : spans.Locate(model[refusal.Node], refusal.Path, refusal.AtName);
        // A root that says it is an object, in a file that did not ask for JSON, was meant to be a
        // record: a warning, as for a member. Otherwise the JSON-backed value is what the schema asks for.
        bool saysObject = !file.ForceJsonValue && (root.Types & ~JsonSchemaTypes.Null) == JsonSchemaTypes.Object;
        decider._diagnostics.Add(saysObject
            ? new DiagnosticInfo(DiagnosticDescriptors.TypedAsJson, location, new[] { $"Root type '{name}'", reason, "a record (\"type\": \"object\")" }.ToImmutableEquatableArray())
            : new DiagnosticInfo(DiagnosticDescriptors.GeneratedAsJsonValue, location, new[] { name, reason }.ToImmutableEquatableArray()));
        return decider;
    }

    /// <summary>The root's <c>oneOf</c> (or else <c>anyOf</c>) branches, when there are two or more and all have a title.</summary>
    private VariantSetSpec? JsonValueVariants(string typeName, SchemaNode root)
    {
        (string keyword, ImmutableEquatableArray<int> branches) = root.OneOf.Count > 0 ? ("oneOf", root.OneOf) : ("anyOf", root.AnyOf);
        if (branches.Count < 2 || branches.Any(b => _model[b].Title is null))
        {
            return null;
        }

        var taken = new HashSet<string>(StringComparer.Ordinal);
        var variants = branches
            .Select(b => new VariantSpec(Naming.MakeUnique(Naming.ToPascalCase(_model[b].Title!), taken), _model[b].Title!, _model[b].Description, b))
            .ToImmutableEquatableArray();
        return new VariantSetSpec(typeName + "Variant", keyword, variants);
    }

    private void DecideTyped()
    {
        SchemaNode root = _model.RootNode;
        TypeShape rootShape = ClassifyType(root);
        if (rootShape is not (TypeShape.Record or TypeShape.Union) || (root.Types & JsonSchemaTypes.Null) != 0)
        {
            Refuse(root, root.Has("type") ? "type" : null, "the root schema does not say it is one JSON object (\"type\": \"object\")");
            return;
        }

        _rootName = ReserveTypeName(_file.RootTypeName, root);

        // Name every type-producing definition first, so a reference can name its type before (or
        // without) the definition being decided; definitions are then decided in document order.
        var definitions = new List<int>();
        foreach (NamedSchema definition in root.Definitions)
        {
            if (ClassifyType(_model[definition.Node]) is TypeShape.Record or TypeShape.Union or TypeShape.TypeUnion or TypeShape.ClosedEnum or TypeShape.OpenEnum or TypeShape.IntegerEnum
                && !_definitionTypeNames.ContainsKey(definition.Node))
            {
                _definitionTypeNames[definition.Node] = ReserveTypeName(Naming.ToPascalCase(definition.Name), root, PathFrom(root, _model[definition.Node]));
                definitions.Add(definition.Node);
            }
        }

        _decidedDefinitions.Add(root.Id);
        if (rootShape == TypeShape.Union)
        {
            if (!DecideUnion(root, _rootName))
            {
                return; // the refusal makes the file JSON-backed
            }
        }
        else
        {
            DecideRecord(root, _rootName);
        }

        foreach (int definition in definitions)
        {
            EnsureDefinitionDecided(definition);
        }
    }

    /// <summary>Where <paramref name="descendant"/> is written, relative to <paramref name="node"/> (<c>$defs/Name</c>), or null when it is elsewhere.</summary>
    private static string? PathFrom(SchemaNode node, SchemaNode descendant) =>
        descendant.Location.StartsWith(node.Location + "/", StringComparison.Ordinal) ? descendant.Location.Substring(node.Location.Length + 1) : null;

    private enum TypeShape
    {
        Reference,
        Record,
        Union,
        TypeUnion,
        Map,
        ClosedEnum,
        OpenEnum,
        IntegerEnum,
        Value,
    }

    private TypeShape ClassifyType(SchemaNode node)
    {
        StackGuard.Check();
        if (node.IsBoolean)
        {
            return TypeShape.Value;
        }

        if (node.Ref is not null)
        {
            return TypeShape.Reference;
        }

        if (_classifying.Add(node.Id))
        {
            try
            {
                if (IsUnion(node))
                {
                    return TypeShape.Union;
                }

                if (TypeAlternatives(node) is not null)
                {
                    return TypeShape.TypeUnion;
                }
            }
            finally
            {
                _classifying.Remove(node.Id);
            }
        }

        JsonSchemaTypes accepted = AcceptedTypes(node) & ~JsonSchemaTypes.Null;
        if (accepted == JsonSchemaTypes.Object)
        {
            return IsMap(node) ? TypeShape.Map : TypeShape.Record;
        }

        // null among the values makes the enum nullable; it is no member.
        if (accepted == JsonSchemaTypes.String && node.Enum is { } values && values.Any(v => v.Kind == JsonLiteralKind.String) && values.All(v => v.Kind is JsonLiteralKind.String or JsonLiteralKind.Null))
        {
            return TypeShape.ClosedEnum;
        }

        if (IntegerEnumValues(node) is not null)
        {
            return TypeShape.IntegerEnum;
        }

        if ((node.Types & JsonSchemaTypes.String) != 0 && OpenEnumValues(node) is not null)
        {
            return TypeShape.OpenEnum;
        }

        return TypeShape.Value;
    }

    /// <summary>
    /// An object whose every member has the one schema of <c>additionalProperties</c>, with nothing
    /// else but checks on its names and count: a dictionary rather than a record.
    /// </summary>
    private bool IsMap(SchemaNode node) =>
        node.Id != _model.Root
        && node.Properties.Count == 0
        && node.PatternProperties.Count == 0
        && node.AdditionalProperties is { } additional && !_model[additional].IsFalse && !AllowsAnything(_model[additional])
        && node.Keywords.All(k => !Vocabulary.Validates(k) || k is "type" or "additionalProperties" or "propertyNames" or "minProperties" or "maxProperties");

    /// <summary>Every JSON type, as <see cref="AcceptedTypes"/> says "not constrained".</summary>
    private const JsonSchemaTypes AnyType = JsonSchemaTypes.Null | JsonSchemaTypes.Boolean | JsonSchemaTypes.Object | JsonSchemaTypes.Array
        | JsonSchemaTypes.Number | JsonSchemaTypes.String | JsonSchemaTypes.Integer;

    /// <summary>
    /// The JSON types a valid value of <paramref name="node"/> can have: its <c>type</c> where it has
    /// one; else what the kinds of its <c>const</c>/<c>enum</c> values, the types of its <c>$ref</c>
    /// and <c>allOf</c> branches, and the union of its <c>anyOf</c>/<c>oneOf</c> branches allow (a
    /// schema without <c>type</c> whose <c>oneOf</c> branches are all objects accepts only objects).
    /// <c>number</c> includes <c>integer</c>.
    /// </summary>
    private JsonSchemaTypes AcceptedTypes(SchemaNode node)
    {
        StackGuard.Check();
        if (node.Types != JsonSchemaTypes.None)
        {
            return (node.Types & JsonSchemaTypes.Number) != 0 ? node.Types | JsonSchemaTypes.Integer : node.Types;
        }

        if (_acceptedTypes.TryGetValue(node.Id, out JsonSchemaTypes known))
        {
            return known;
        }

        _acceptedTypes[node.Id] = AnyType; // a cycle constrains nothing
        JsonSchemaTypes accepted = node.IsFalse ? JsonSchemaTypes.None : AnyType;
        if (node.Const is { } constant)
        {
            accepted &= LiteralTypes(constant);
        }

        if (node.Enum is { } values)
        {
            accepted &= values.Aggregate(JsonSchemaTypes.None, (types, value) => types | LiteralTypes(value));
        }

        foreach (int branch in node.AllOf.Concat(node.Ref is { } target ? [target] : []))
        {
            accepted &= AcceptedTypes(_model[branch]);
        }

        foreach (ImmutableEquatableArray<int> branches in new[] { node.AnyOf, node.OneOf })
        {
            if (branches.Count > 0)
            {
                accepted &= branches.Aggregate(JsonSchemaTypes.None, (types, branch) => types | AcceptedTypes(_model[branch]));
            }
        }

        _acceptedTypes[node.Id] = accepted;
        return accepted;
    }

    private static JsonSchemaTypes LiteralTypes(JsonLiteral literal) => literal.Kind switch
    {
        JsonLiteralKind.String => JsonSchemaTypes.String,
        JsonLiteralKind.Boolean => JsonSchemaTypes.Boolean,
        JsonLiteralKind.Null => JsonSchemaTypes.Null,
        JsonLiteralKind.Object => JsonSchemaTypes.Object,
        JsonLiteralKind.Array => JsonSchemaTypes.Array,
        _ => IsIntegral(literal.Text) ? JsonSchemaTypes.Number | JsonSchemaTypes.Integer : JsonSchemaTypes.Number,
    };

    /// <summary>Whether a JSON number has no fractional part (<c>1.0</c> and <c>1e2</c> do not).</summary>
    private static bool IsIntegral(string number) =>
        decimal.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal value) ? value == decimal.Truncate(value)
        : double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double large) && Math.Floor(large) == large;

    /// <summary>
    /// The numbers of an enum of JSON integers that a C# enum holds exactly, or null when the node is
    /// not one: every value an integer that fits a <c>long</c> (or null, which makes it nullable), no
    /// keyword but <c>type</c> and <c>enum</c> (with others it stays a checked <c>long</c>), and not a
    /// draft-04 <c>integer</c>, which tells <c>1.0</c> from <c>1</c>.
    /// </summary>
    private static long?[]? IntegerEnumValues(SchemaNode node)
    {
        if (node.Enum is not { } values || !values.Any(v => v.Kind == JsonLiteralKind.Number)
            || (node.Types & ~(JsonSchemaTypes.Integer | JsonSchemaTypes.Number | JsonSchemaTypes.Null)) != 0
            || (node.Draft == Dialect.Draft4 && (node.Types & JsonSchemaTypes.Integer) != 0)
            || node.Keywords.Any(k => Vocabulary.Validates(k) && k is not ("type" or "enum")))
        {
            return null;
        }

        var numbers = new long?[values.Count];
        for (int i = 0; i < values.Count; i++)
        {
            if (values[i].Kind == JsonLiteralKind.Null)
            {
                continue;
            }

            if (values[i].Kind != JsonLiteralKind.Number || IntegerLiteral(values[i].Text) is not { } number)
            {
                return null;
            }

            numbers[i] = number;
        }

        return numbers;
    }

    /// <summary>A JSON number with no fractional part that fits a <c>long</c> (<c>1</c>, <c>1.0</c>, <c>1e2</c>), or null.</summary>
    private static long? IntegerLiteral(string number) =>
        decimal.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal value) && value == decimal.Truncate(value) && value >= long.MinValue && value <= long.MaxValue
            ? (long)value
            : null;

    /// <summary>The known values of <c>anyOf: [{enum: [strings]}, {type: "string"}]</c> (either order), or null when the node is not that idiom.</summary>
    private ImmutableEquatableArray<JsonLiteral>? OpenEnumValues(SchemaNode node)
    {
        if (node.AnyOf.Count != 2)
        {
            return null;
        }

        static bool isAnnotation(string k) => k is "title" or "description" or "$comment";
        bool isKnownValues(SchemaNode n) => n.Enum is { Count: > 0 } e && e.All(v => v.Kind == JsonLiteralKind.String)
            && n.Keywords.All(k => k == "enum" || (k == "type" && n.Types == JsonSchemaTypes.String) || isAnnotation(k));
        bool isAnyString(SchemaNode n) => n.Types == JsonSchemaTypes.String && n.Keywords.All(k => k == "type" || isAnnotation(k));
        SchemaNode first = _model[node.AnyOf[0]];
        SchemaNode second = _model[node.AnyOf[1]];
        return isKnownValues(first) && isAnyString(second) ? first.Enum
            : isKnownValues(second) && isAnyString(first) ? second.Enum
            : null;
    }

    /// <param name="mayDefer">The caller needs only the definition's name, not its spec.</param>
    private void EnsureDefinitionDecided(int definition, bool mayDefer = false)
    {
        if (_decidedDefinitions.Contains(definition))
        {
            return; // every later reference lands here: nothing to classify again
        }

        SchemaNode node = _model[definition];
        TypeShape shape = ClassifyType(node);

        // A record's name is all a reference to it needs, and a record is never refused: deep in a
        // chain of definitions it is left for DecideTyped's loop over every definition, so that a
        // chain of a thousand definitions is not decided a thousand calls deep.
        if (mayDefer && shape == TypeShape.Record && _depth > DeferRecordsBeyondDepth)
        {
            return;
        }

        _decidedDefinitions.Add(definition);
        string name = _definitionTypeNames[definition];
        if (shape == TypeShape.Record)
        {
            DecideRecord(node, name);
        }
        else if (RefusalOf(() =>
            {
                if (shape == TypeShape.Union)
                {
                    DecideUnion(node, name);
                }
                else if (shape == TypeShape.TypeUnion)
                {
                    DecideTypeUnion(node, name);
                }
                else
                {
                    DecideEnum(node, name, shape);
                }
            }) is { } refusal)
        {
            // No type for it: each member that refers to it holds a JSON value instead.
            _definitionRefusals[definition] = refusal;
        }
    }

    /// <summary>Runs a decision and returns the first reason it gave for a missing C# shape, instead of passing it on.</summary>
    private ShapeRefusal? RefusalOf(Action decide)
    {
        ShapeRefusal? outer = _refusal;
        _refusal = null;
        try
        {
            decide();
            return _refusal;
        }
        finally
        {
            _refusal = outer;
        }
    }

    /// <summary>Any JSON value, checked against <paramref name="node"/> (nothing to check when the schema asserts nothing).</summary>
    private static ValueShape JsonShape(SchemaNode node) =>
        new(ValueKind.Json, AllowsAnything(node) ? ImmutableEquatableArray<int>.Empty : new[] { node.Id }.ToImmutableEquatableArray());

    /// <summary>
    /// A schema that asserts nothing (<c>true</c>, <c>{}</c>, one with only annotations): any JSON
    /// value is valid. Draft-07's asserted <c>contentEncoding</c>/<c>contentMediaType</c> count as assertions.
    /// </summary>
    private static bool AllowsAnything(SchemaNode schema) =>
        !schema.IsFalse && !schema.Keywords.Any(Vocabulary.Validates) && schema.ContentEncoding is null && schema.ContentMediaType is null;

    /// <summary>
    /// Says that <paramref name="what"/> holds a JSON value, at the place of the reason: a warning
    /// when its schema asks for a C# type it does not get (one <c>type</c>, an <c>enum</c> of one
    /// JSON type, a <c>$ref</c> to a generated type), since the user learns it otherwise only from
    /// the member's type; an info diagnostic when the schema leaves the type open.
    /// </summary>
    private void ReportJsonValue(SchemaNode schema, ShapeRefusal? refusal, string what)
    {
        if (refusal is null)
        {
            return;
        }

        SchemaNode target = schema.Ref is { } reference ? _model[reference] : schema;
        string? asked = AskedType(schema.Types | target.Types, schema.Enum ?? target.Enum)
            ?? (_definitionTypeNames.TryGetValue(target.Id, out string? typeName) ? $"'{typeName}' (its $ref)" : null);
        LocationInfo location = _spans.Locate(_model[refusal.Node], refusal.Path, refusal.AtName);
        _diagnostics.Add(asked is null
            ? new DiagnosticInfo(DiagnosticDescriptors.GeneratedAsJsonMember, location, new[] { what, refusal.Reason }.ToImmutableEquatableArray())
            : new DiagnosticInfo(DiagnosticDescriptors.TypedAsJson, location, new[] { what, refusal.Reason, asked }.ToImmutableEquatableArray()));
    }

    /// <summary>
    /// The C# type a schema asks for, as a message names it: its one JSON type besides null, else the
    /// one JSON type of its <c>enum</c> values; null when it leaves the type open (no or several types).
    /// </summary>
    private static string? AskedType(JsonSchemaTypes types, ImmutableEquatableArray<JsonLiteral>? values)
    {
        JsonSchemaTypes single = types & ~JsonSchemaTypes.Null;
        if (single == JsonSchemaTypes.Object)
        {
            return "a record (\"type\": \"object\")";
        }

        if (single != JsonSchemaTypes.None && (single & (single - 1)) == 0)
        {
            return $"\"type\": \"{JsonSchemaTypeNames.Describe(single)}\"";
        }

        JsonLiteralKind[] kinds = values?.Where(v => v.Kind != JsonLiteralKind.Null).Select(v => v.Kind).Distinct().ToArray() ?? [];
        return kinds.Length == 1 ? $"an enum of {kinds[0].ToString().ToLowerInvariant()}s" : null;
    }

    /// <summary>Records the first reason the file cannot be typed; returns null for the caller to pass on.</summary>
    private T? Refuse<T>(SchemaNode node, string? path, string reason, bool atName = false)
        where T : class
    {
        Refuse(node, path, reason, atName);
        return null;
    }

    private void Refuse(SchemaNode node, string? path, string reason, bool atName = false) =>
        _refusal ??= new ShapeRefusal(node.Id, path, atName, reason);

    private string ReserveTypeName(string name, SchemaNode node, string? path = null)
    {
        // A type cannot have a member with its own name (CS0542), and every contract has these.
        if (Identifiers.IsReservedType(name))
        {
            Report(DiagnosticDescriptors.NameCollision, node, path, $"'{name}' is the name of a member every contract has, so the type is generated as '{name}Contract'", RenameType);
            name += "Contract";
        }

        string unique = Naming.MakeUnique(name, _typeNames);
        if (unique != name)
        {
            string? existing = _typeNames.FirstOrDefault(t => string.Equals(t, name, StringComparison.OrdinalIgnoreCase) && t != name);
            string taken = existing is not null ? $"like '{existing}' but for case (generated files are named after types, and compared without case)," : "already used in this schema";
            Report(DiagnosticDescriptors.NameCollision, node, path, $"The type name '{name}' is {taken}; this one is generated as '{unique}'", RenameType);
        }

        return unique;
    }

    /// <summary>What ICG008 says to do about a type name.</summary>
    private const string RenameType = "rename the definition or property, or set the TypeName metadata, to choose the name";

    private int ReserveSlot()
    {
        _types.Add(null);
        return _types.Count - 1;
    }

    private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, SchemaNode node, string? path, params string[] args) =>
        _diagnostics.Add(new DiagnosticInfo(descriptor, _spans.Locate(node, path, atName: path is not null), args.ToImmutableEquatableArray()));
}
