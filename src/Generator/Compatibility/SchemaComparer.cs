using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Insights.Contracts.Generator.Model;

namespace Insights.Contracts.Generator.Compatibility;

/// <summary>
/// Compares a baseline schema with the new one, structurally, on the parsed models (never on text):
/// both graphs are walked together from their roots, keyword family by keyword family (one partial
/// file each), and every change is a <see cref="CompatibilityFinding"/> that says in which direction
/// it changes the set of valid documents. A change that narrows the set (the new schema rejects a
/// document the baseline accepted) breaks <see cref="CompatibilityMode.Backward"/>; one that widens it
/// breaks <see cref="CompatibilityMode.Forward"/>. <c>$ref</c> cycles end on a visited set of node
/// pairs; nesting deeper than <see cref="MaxDepth"/> is a finding that the check cannot decide.
/// </summary>
internal sealed partial class SchemaComparer
{
    /// <summary>How deep the two graphs are walked before the check says it cannot decide.</summary>
    public const int MaxDepth = 48;

    // An absent subschema keyword means "anything" (true); these stand for true and false where a
    // model has no node. Negative ids: never in the visited set, never located.
    private static readonly SchemaNode True = new(-1, "");
    private static readonly SchemaNode False = new(-2, "") { IsFalse = true, IsBoolean = true };

    private readonly SchemaModel _old;
    private readonly SchemaModel _new;
    private readonly CancellationToken _cancellationToken;
    private readonly HashSet<(int Old, int New, bool Swapped)> _visited = [];

    // Whether two subschemas accept the same documents, shared by a walk and its trial walks, so each
    // pair is tried once; a pair asked again while it is being tried (a cycle) counts as the same.
    private readonly Dictionary<(int Old, int New), bool> _same;
    private List<CompatibilityFinding> _findings = [];

    private SchemaComparer(SchemaModel baseline, SchemaModel current, CancellationToken cancellationToken, Dictionary<(int Old, int New), bool>? same = null)
    {
        _old = baseline;
        _new = current;
        _cancellationToken = cancellationToken;
        _same = same ?? [];
    }

    /// <summary>Every change from <paramref name="baseline"/> to <paramref name="current"/>, in a stable order.</summary>
    public static ImmutableEquatableArray<CompatibilityFinding> Compare(SchemaModel baseline, SchemaModel current, CancellationToken cancellationToken = default)
    {
        var comparer = new SchemaComparer(baseline, current, cancellationToken);
        comparer.Compare(baseline.RootNode, current.RootNode, Place.Root(current.RootNode));
        return comparer._findings
            .Distinct()
            .OrderBy(f => f, CompatibilityModes.Order)
            .ToImmutableEquatableArray();
    }

    /// <summary>Which way a change moves the set of valid documents.</summary>
    [Flags]
    private enum Direction
    {
        /// <summary>The new schema rejects a document the baseline accepted.</summary>
        Narrows = 1,

        /// <summary>The new schema accepts a document the baseline rejected.</summary>
        Widens = 2,

        Both = Narrows | Widens,
    }

    /// <summary>
    /// Where the walk is: the nearest new node that exists (findings are located there), the keyword
    /// path under it when the new side has no node here, the instance location, the depth, and whether
    /// the walk is inside a <c>not</c> (where narrowing the subschema widens the schema).
    /// </summary>
    private sealed record Place(SchemaNode Anchor, string? At, string InstancePath, int Depth, bool Swapped)
    {
        public static Place Root(SchemaNode root) => new(root, null, "", 0, false);

        /// <summary>One step down: into subschema <paramref name="next"/> of the new side (or where it would be, at <paramref name="keyword"/>).</summary>
        public Place Into(SchemaNode next, string? keyword, string instanceStep = "") =>
            next.Id >= 0
                ? new Place(next, null, InstancePath + instanceStep, Depth + 1, Swapped)
                : new Place(Anchor, At ?? keyword, InstancePath + instanceStep, Depth + 1, Swapped);

        public Place Negated() => this with { Swapped = !Swapped };
    }

    private void Compare(SchemaNode o, SchemaNode n, Place place)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        o = Resolve(_old, o);
        n = Resolve(_new, n);
        if (o.Id < 0 && o.Id == n.Id)
        {
            return; // true against true, false against false: nothing below them to compare
        }

        if (place.Depth > MaxDepth)
        {
            Report("undecided-depth", FindingKind.Undecided, Direction.Both, place, null, $"the schemas nest deeper than {MaxDepth} levels here, so the check cannot decide whether the change is compatible");
            return;
        }

        if (o.Id >= 0 && n.Id >= 0 && !_visited.Add((o.Id, n.Id, place.Swapped)))
        {
            return; // a $ref cycle (or a shared definition) already compared on this pair
        }

        if (n.Id >= 0)
        {
            place = place with { Anchor = n, At = null };
        }

        if (o.IsFalse || n.IsFalse)
        {
            CompareBooleans(o, n, place);
            return;
        }

        CompareDefaults(o, n, place);
        if (!CompareLiterals(o, n, place))
        {
            CompareTypes(o, n, place);
            int common = TypeSet(o) & TypeSet(n);
            if ((common & (IntegerType | FractionType)) != 0)
            {
                CompareNumbers(o, n, place, integersOnly: ((TypeSet(o) | TypeSet(n)) & FractionType) == 0);
            }

            if ((common & StringType) != 0)
            {
                CompareStrings(o, n, place);
            }

            if ((common & ArrayType) != 0)
            {
                CompareArrays(o, n, place);
            }

            if ((common & ObjectType) != 0)
            {
                CompareObjects(o, n, place);
            }
        }

        CompareComposition(o, n, place);
    }

    private void CompareBooleans(SchemaNode o, SchemaNode n, Place place)
    {
        if (o.IsFalse && !n.IsFalse)
        {
            Report("false-removed", place, Direction.Widens, null, Accepts("values", "the baseline's false schema rejected every one"));
        }
        else if (n.IsFalse && !o.IsFalse)
        {
            Report("false-added", place, Direction.Narrows, null, "the schema is now false: " + Rejects("every value"));
        }
    }

    /// <summary>
    /// The node a walk compares: a node that only holds a <c>$ref</c> (annotations aside), or only a
    /// single-part <c>allOf</c>, stands for its target, so moving a schema into <c>$defs</c> is no change.
    /// </summary>
    private static SchemaNode Resolve(SchemaModel model, SchemaNode node)
    {
        for (int hops = 0; hops < MaxDepth && node.Id >= 0; hops++)
        {
            if (node.Ref is { } target && OnlyAsserts(node, "$ref"))
            {
                node = model[target];
            }
            else if (node.AllOf.Count == 1 && OnlyAsserts(node, "allOf"))
            {
                node = model[node.AllOf[0]];
            }
            else
            {
                break;
            }
        }

        return node;
    }

    private static bool OnlyAsserts(SchemaNode node, string keyword)
    {
        // Before 2019-09 every keyword beside $ref is ignored.
        if (keyword == "$ref" && node.Draft < Dialect.Draft201909)
        {
            return true;
        }

        foreach (string present in node.Keywords)
        {
            if (present != keyword && Asserts(node, present))
            {
                return false;
            }
        }

        return true;
    }

    private static readonly HashSet<string> AssertionKeywords = new(StringComparer.Ordinal)
    {
        "type", "enum", "const", "multipleOf", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum",
        "maxLength", "minLength", "pattern", "maxItems", "minItems", "uniqueItems", "maxContains", "minContains",
        "contains", "items", "prefixItems", "additionalItems", "maxProperties", "minProperties", "required",
        "dependentRequired", "dependentSchemas", "dependencies", "properties", "patternProperties",
        "additionalProperties", "propertyNames", "allOf", "anyOf", "oneOf", "not", "if", "then", "else",
        "unevaluatedItems", "unevaluatedProperties", "$ref", "$dynamicRef", "$recursiveRef", "contentEncoding",
        "contentMediaType", "nullable",
    };

    private static bool Asserts(SchemaNode node, string keyword) =>
        keyword == "format" ? node.AssertsFormat : AssertionKeywords.Contains(keyword);

    /// <summary>Runs <paramref name="compare"/> into a list of its own, for rules that summarize or test what a sub-walk finds.</summary>
    private List<CompatibilityFinding> Capture(Action compare)
    {
        List<CompatibilityFinding> outer = _findings;
        _findings = [];
        try
        {
            compare();
            return _findings;
        }
        finally
        {
            _findings = outer;
        }
    }

    /// <summary>Whether two subschemas accept the same documents as far as the rules can tell (a walk of its own, with its own visited set).</summary>
    private bool Same(SchemaNode o, SchemaNode n, Place place)
    {
        if (_same.TryGetValue((o.Id, n.Id), out bool known))
        {
            return known;
        }

        _same[(o.Id, n.Id)] = true;
        var trial = new SchemaComparer(_old, _new, _cancellationToken, _same);
        trial.Compare(o, n, place with { Swapped = false });
        return _same[(o.Id, n.Id)] = trial._findings.Count == 0;
    }

    private SchemaNode Old(int? id) => id is { } i ? _old[i] : True;

    private SchemaNode New(int? id) => id is { } i ? _new[i] : True;

    private void Report(string rule, Place place, Direction direction, string? keyword, string message) =>
        Report(rule, FindingKind.Incompatible, direction, place, keyword, message);

    private void Report(string rule, FindingKind kind, Direction direction, Place place, string? keyword, string message)
    {
        if (place.Swapped)
        {
            direction = direction == Direction.Both ? direction : direction ^ Direction.Both;
            message = "inside 'not', the opposite holds: " + message;
        }

        CompatibilityMode breaks = (direction.HasFlag(Direction.Narrows) ? CompatibilityMode.Backward : 0)
            | (direction.HasFlag(Direction.Widens) ? CompatibilityMode.Forward : 0);
        string? at = place.At is null ? keyword : place.At;
        string where = place.InstancePath.Length == 0 ? "" : $"at {place.InstancePath}: ";
        _findings.Add(new CompatibilityFinding(rule, kind, breaks, where + message, place.Anchor.Id, place.Anchor.Location, at, place.InstancePath));
    }

    private static string Rejects(string documents) => $"rejects {documents} that the baseline accepted";

    private static string Accepts(string documents, string? why = null) =>
        why is null ? $"accepts {documents} that the baseline rejected" : $"accepts {documents} ({why})";
}
