using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Insights.Contracts.Generator.Emitting;
using Insights.Contracts.Generator.Model;
using Insights.Contracts.Generator.Parsing;
using Insights.Contracts.Generator.Shared;

namespace Insights.Contracts.Generator.Projection;

// Whether a typed value may hold null: what the schema's type says, and what the rest of it lets through.
internal sealed partial class ShapeDecider
{
    private bool AllowsNull(SchemaNode node) => (AcceptedTypes(node) & JsonSchemaTypes.Null) != 0;

    private const string NullRejectedReason = "its type allows null but the rest of the schema (enum, oneOf, not...) rejects it, and a C# null is not checked against the schema";

    /// <summary>
    /// Whether null is valid against all of <paramref name="node"/> (true), not (false), or cannot be
    /// told (null: a reference cycle). A C# null is never checked against the schema, so a typed value
    /// may hold null only when null passes every keyword, not only <c>type</c>.
    /// </summary>
    private bool? NullPasses(SchemaNode node, HashSet<int> visiting)
    {
        StackGuard.Check();
        if (node.IsBoolean || (node.Types != JsonSchemaTypes.None && (node.Types & JsonSchemaTypes.Null) == 0)
            || (node.Const is { } constant && constant.Kind != JsonLiteralKind.Null)
            || (node.Enum is { } values && values.All(v => v.Kind != JsonLiteralKind.Null)))
        {
            return node.IsBoolean && !node.IsFalse;
        }

        if (!visiting.Add(node.Id))
        {
            return null;
        }

        bool? Passes(int id) => NullPasses(_model[id], visiting);
        bool? All(IEnumerable<bool?> results) => results.ToList() is var all && all.Contains(false) ? false : all.Contains(null) ? null : true;
        var checks = new List<bool?> { All(node.AllOf.Concat(node.Ref is { } target ? [target] : []).Select(Passes)) };
        if (node.AnyOf.Count > 0)
        {
            checks.Add(!All(node.AnyOf.Select(b => !Passes(b))));
        }

        if (node.OneOf.Count > 0)
        {
            List<bool?> branches = node.OneOf.Select(Passes).ToList();
            checks.Add(branches.Contains(null) ? null : branches.Count(b => b == true) == 1);
        }

        if (node.Not is { } not)
        {
            checks.Add(!Passes(not));
        }

        if (node.If is { } condition)
        {
            bool? matched = Passes(condition);
            int? branch = matched == true ? node.Then : node.Else;
            checks.Add(matched is null ? All([node.Then is null, node.Else is null]) : branch is { } b ? Passes(b) : true);
        }

        visiting.Remove(node.Id);
        return All(checks);
    }
}
