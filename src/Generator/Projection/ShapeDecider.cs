using System;
using System.Collections.Generic;
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
    /// <summary>Member names every generated record already has; a schema property with one of them gets a suffix.</summary>
    private static readonly HashSet<string> ReservedMemberNames = new(StringComparer.Ordinal)
    {
        "Validate", "Parse", "TryParse", "TryParseJson", "JsonSchemaText", "ToJson", "ToUtf8Json", "WriteJson", "Variant", "Converter", "EqualityContract",
        "Equals", "GetHashCode", "ToString", "PrintMembers", "Deconstruct", "GetType", "MemberwiseClone", "Finalize",
    };

    private readonly SchemaFileSpec _file;
    private readonly SchemaModel _model;
    private readonly SpanLocator _spans;
    private readonly List<DiagnosticInfo> _diagnostics = [];
    private readonly List<TypeSpec?> _types = [];
    private readonly HashSet<string> _typeNames = new(StringComparer.Ordinal);
    private readonly Dictionary<int, string> _definitionTypeNames = [];
    private readonly HashSet<int> _decidedDefinitions = [];
    private readonly HashSet<int> _inlining = [];
    private ShapeRefusal? _refusal;
    private string _rootName = "";

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

        var spans = new SpanLocator(parsed.Spans);
        ShapeDecider decider;
        if (parsed.File.ForceJsonValue)
        {
            decider = JsonBacked(parsed.File, model, spans, null, "its GenerateAs metadata asks for JsonValue");
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

        var contract = new ContractFileSpec(parsed.File, model, decider._types.Select(t => t!).ToImmutableEquatableArray());
        return new DecidedContract(contract, parsed.Diagnostics.Concat(decider._diagnostics).ToImmutableEquatableArray());
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
        decider._diagnostics.Add(new DiagnosticInfo(DiagnosticDescriptors.GeneratedAsJsonValue, location, new[] { name, reason }.ToImmutableEquatableArray()));
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
        if (ClassifyType(root) != TypeShape.Record || (root.Types & JsonSchemaTypes.Null) != 0)
        {
            Refuse(root, null, "the root schema does not say it is one JSON object (\"type\": \"object\")");
            return;
        }

        _rootName = ReserveTypeName(_file.RootTypeName, root);

        // Name every type-producing definition first, so a reference can name its type before (or
        // without) the definition being decided; definitions are then decided in document order.
        var definitions = new List<int>();
        foreach (NamedSchema definition in root.Definitions)
        {
            if (ClassifyType(_model[definition.Node]) is TypeShape.Record or TypeShape.ClosedEnum or TypeShape.OpenEnum
                && !_definitionTypeNames.ContainsKey(definition.Node))
            {
                _definitionTypeNames[definition.Node] = ReserveTypeName(Naming.ToPascalCase(definition.Name), root, PathFrom(root, _model[definition.Node]));
                definitions.Add(definition.Node);
            }
        }

        _decidedDefinitions.Add(root.Id);
        DecideRecord(root, _rootName);
        foreach (int definition in definitions)
        {
            if (_refusal is not null)
            {
                return;
            }

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
        ClosedEnum,
        OpenEnum,
        Value,
    }

    private TypeShape ClassifyType(SchemaNode node)
    {
        if (node.IsBoolean)
        {
            return TypeShape.Value;
        }

        if (node.Ref is not null)
        {
            return TypeShape.Reference;
        }

        if ((node.Types & JsonSchemaTypes.Object) != 0)
        {
            return TypeShape.Record;
        }

        bool stringOrUntyped = node.Types == JsonSchemaTypes.None || (node.Types & JsonSchemaTypes.String) != 0;
        if (stringOrUntyped && node.Enum is { Count: > 0 } values && values.All(v => v.Kind == JsonLiteralKind.String))
        {
            return TypeShape.ClosedEnum;
        }

        if ((node.Types & JsonSchemaTypes.String) != 0 && OpenEnumValues(node) is not null)
        {
            return TypeShape.OpenEnum;
        }

        return TypeShape.Value;
    }

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

    private void EnsureDefinitionDecided(int definition)
    {
        if (!_decidedDefinitions.Add(definition))
        {
            return;
        }

        SchemaNode node = _model[definition];
        string name = _definitionTypeNames[definition];
        switch (ClassifyType(node))
        {
            case TypeShape.Record:
                DecideRecord(node, name);
                break;
            case TypeShape.ClosedEnum:
                DecideEnum(node, name, open: false);
                break;
            case TypeShape.OpenEnum:
                DecideEnum(node, name, open: true);
                break;
        }
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
        if (ReservedMemberNames.Contains(name) || name is "Value" or "From")
        {
            Report(DiagnosticDescriptors.NameCollision, node, path, $"'{name}' is the name of a member every contract has, so the type is generated as '{name}Contract'");
            name += "Contract";
        }

        string unique = Naming.MakeUnique(name, _typeNames);
        if (unique != name)
        {
            Report(DiagnosticDescriptors.NameCollision, node, path, $"The type name '{name}' is already used in this schema; this one is generated as '{unique}'");
        }

        return unique;
    }

    private int ReserveSlot()
    {
        _types.Add(null);
        return _types.Count - 1;
    }

    private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, SchemaNode node, string? path, params string[] args) =>
        _diagnostics.Add(new DiagnosticInfo(descriptor, _spans.Locate(node, path, atName: path is not null), args.ToImmutableEquatableArray()));
}
