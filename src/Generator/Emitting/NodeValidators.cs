using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Insights.Contracts.Generator.Model;

namespace Insights.Contracts.Generator.Emitting;

internal static partial class ContractEmitter
{
    /// <summary>
    /// Writes, into one generated type, one private validator method per schema node that type
    /// needs, over any JSON value: the whole schema of a JSON-backed value, or the members and rules
    /// of a typed record that have no exact C# shape. Each method checks its node's keywords; a null
    /// context means "only answer whether it matches" (used for <c>anyOf</c>/<c>oneOf</c>/<c>not</c>/
    /// <c>if</c>/<c>contains</c>), which also lets it stop early. A node's checks come in the order a
    /// typed record reports errors in: the value, its items, its members, then the object's counts and
    /// applicators.
    /// </summary>
    private sealed partial class NodeValidators(SourceWriter writer, SchemaModel model, TypeMembers members)
    {
        private const string Context = Runtime + "ValidationContext";

        private readonly SourceWriter _writer = writer;
        private readonly TypeMembers _members = members;
        private readonly KeywordChecks _checks = new(model, members);
        private readonly HashSet<int> _roots = [];

        private SchemaModel Model { get; } = model;

        /// <summary>The validator of <paramref name="node"/>; it and every node it calls are written by <see cref="WriteAll"/>.</summary>
        public string Validator(int node)
        {
            _roots.Add(node);
            return Method(node);
        }

        /// <summary>Writes the validators of every node reachable from those asked for, then the annotation collectors they use.</summary>
        public void WriteAll()
        {
            HashSet<int> reachable = ReachableNodes();
            foreach (SchemaNode node in Model.Nodes.Where(n => reachable.Contains(n.Id)))
            {
                _writer.Line();
                WriteValidator(node);
            }

            WriteAnnotationMethods();
        }

        private void WriteValidator(SchemaNode node)
        {
            _writer.Line($"/// <summary>Validates against <c>{SourceWriter.EscapeXml(node.Location)}</c>.</summary>");
            string method = Method(node.Id);
            if (Model.UsesDynamicScope && node.IsResourceRoot)
            {
                // The root of a resource enters it: a dynamic reference inside resolves against the resources entered.
                _writer.Open($"private static bool {method}({Json}JsonElement value, {Context}? context)");
                _writer.Line($"{CompilerServices}DynamicScope.Enter({Index(node.Resource)});");
                _writer.Open("try");
                _writer.Line($"return {method}InScope(value, context);");
                _writer.Close();
                _writer.Open("finally");
                _writer.Line($"{CompilerServices}DynamicScope.Exit();");
                _writer.Close();
                _writer.Close();
                _writer.Line();
                method += "InScope";
            }

            _writer.Open($"private static bool {method}({Json}JsonElement value, {Context}? context)");
            if (node.IsFalse)
            {
                _writer.Line($"return {CompilerServices}JsonValueCheck.Never(context);");
                _writer.Close();
                return;
            }

            var checks = _checks.Value(node, null, "value").ToList();
            if (node.Ref is { } target)
            {
                checks.Add(Call(node, target));
            }

            if (node.DynamicRef is { } dynamicReference)
            {
                checks.Add(DynamicCall(node, dynamicReference));
            }

            List<string> arrayCounts = _checks.ArrayCounts(node, "value").ToList();
            List<string> objectChecks = _checks.ObjectCounts(node, "value").Concat(Applicators(node)).ToList();
            bool loops = LoopsOverItems(node) || LoopsOverMembers(node) || node.UnevaluatedItems is not null || node.UnevaluatedProperties is not null;
            if (!loops && checks.Count + arrayCounts.Count + objectChecks.Count <= 1)
            {
                string? only = checks.Concat(arrayCounts).Concat(objectChecks).FirstOrDefault();
                _writer.Line(only is null ? "return true; // any value is valid here" : $"return {only};");
                _writer.Close();
                return;
            }

            _writer.Line("bool valid = true;");
            WriteAll(checks);
            WriteItemLoop(node);
            WriteAll(arrayCounts);
            WriteMemberLoop(node);
            WriteAll(objectChecks);
            WriteUnevaluated(node);
            _writer.Line("return valid;");
            _writer.Close();
        }

        private void WriteAll(IEnumerable<string> checks)
        {
            foreach (string check in checks)
            {
                _writer.Line($"valid &= {check};");
            }
        }

        /// <summary>The applicators over the same value, in the order typed records check them.</summary>
        private IEnumerable<string> Applicators(SchemaNode node)
        {
            foreach (int branch in node.AllOf)
            {
                yield return Call(node, branch);
            }

            if (node.AnyOf.Count > 0)
            {
                yield return $"{CompilerServices}BranchCheck.AnyOf(value, {Branches(node.AnyOf)}, context)";
            }

            if (node.OneOf.Count > 0)
            {
                yield return $"{CompilerServices}BranchCheck.OneOf(value, {Branches(node.OneOf)}, context)";
            }

            if (node.Not is { } not)
            {
                yield return $"{CompilerServices}BranchCheck.Not({Method(not)}(value, null), context)";
            }

            foreach (DependentRequired dependency in node.DependentRequired)
            {
                foreach (string required in dependency.Required.Distinct())
                {
                    yield return $"{CompilerServices}JsonCheck.DependentRequired(value, {Literal(dependency.Name)}, {Literal(required)}, context)";
                }
            }

            if (node.If is { } condition && (node.Then is not null || node.Else is not null))
            {
                string then = node.Then is { } t ? $"{Method(t)}(value, context)" : "true";
                string otherwise = node.Else is { } e ? $"{Method(e)}(value, context)" : "true";
                yield return $"({Method(condition)}(value, null) ? {then} : {otherwise})";
            }

            foreach (NamedSchema dependent in node.DependentSchemas)
            {
                yield return $"(!{CompilerServices}JsonValueCheck.HasMember(value, {Literal(dependent.Name)}) || {Method(dependent.Node)}(value, context))";
            }
        }

        private static bool CountsContains(SchemaNode node) => node.Contains is not null && !(node.MinContains == 0 && node.MaxContains is null);

        private static bool LoopsOverItems(SchemaNode node) => node.PrefixItems.Count > 0 || node.Items is not null || CountsContains(node);

        private static bool LoopsOverMembers(SchemaNode node) =>
            node.Properties.Count > 0 || node.PatternProperties.Count > 0 || node.AdditionalProperties is not null || node.PropertyNames is not null;

        /// <summary>
        /// The nodes some generated code calls, from the root: a <c>false</c> under
        /// <c>additionalProperties</c> becomes a direct "not allowed" check, a <c>contains</c> that
        /// cannot fail and an <c>if</c> without <c>then</c>/<c>else</c> are never evaluated.
        /// </summary>
        private HashSet<int> ReachableNodes()
        {
            var reached = new HashSet<int>();
            var pending = new Stack<int>(_roots);
            while (pending.Count > 0)
            {
                int id = pending.Pop();
                if (!reached.Add(id))
                {
                    continue;
                }

                SchemaNode node = Model[id];
                var next = new List<int?> { node.Ref, node.Not, node.Items, node.PropertyNames };
                next.AddRange(new[] { node.UnevaluatedItems, node.UnevaluatedProperties }.Where(u => u is { } n && !Model[n].IsFalse));
                next.AddRange(DynamicTargets(node).Select(n => (int?)n));
                next.AddRange(node.AllOf.Concat(node.AnyOf).Concat(node.OneOf).Concat(node.PrefixItems).Select(n => (int?)n));
                next.AddRange(node.Properties.Concat(node.DependentSchemas).Select(p => (int?)p.Node));
                next.AddRange(node.PatternProperties.Select(p => (int?)p.Node));
                // An if without then/else and a contains that cannot fail check nothing, but the
                // annotations unevaluated* collects still ask whether they match.
                bool annotates = Model.Nodes.Any(n => n.UnevaluatedItems is not null || n.UnevaluatedProperties is not null);
                if (node.If is not null && (node.Then is not null || node.Else is not null || annotates))
                {
                    next.AddRange([node.If, node.Then, node.Else]);
                }

                if (CountsContains(node) || annotates)
                {
                    next.Add(node.Contains);
                }

                if (node.AdditionalProperties is { } additional && !Model[additional].IsFalse)
                {
                    next.Add(additional);
                }

                foreach (int? target in next)
                {
                    if (target is { } t)
                    {
                        pending.Push(t);
                    }
                }
            }

            return reached;
        }

        private string Branches(ImmutableEquatableArray<int> branches)
        {
            string titles = _members.Field("string?[]", "s_branchTitles", "[" + string.Join(", ", branches.Select(b => Model[b].Title is { } title ? Literal(title) : "null")) + "]");
            return $"{BranchValidators(branches)}, {titles}";
        }

        /// <summary>A static array of the validators of <paramref name="branches"/> (each written by <see cref="WriteAll"/>).</summary>
        public string BranchValidators(IEnumerable<int> branches) =>
            _members.Field($"{CompilerServices}SchemaValidator<{Json}JsonElement>[]", "s_branches", "[" + string.Join(", ", branches.Select(Validator)) + "]");

        private void WriteItemLoop(SchemaNode node)
        {
            bool countsContains = CountsContains(node);
            if (!LoopsOverItems(node))
            {
                return;
            }

            _writer.Open($"if (value.ValueKind == {Json}JsonValueKind.Array && (valid || context is not null))");
            _writer.Line("int index = 0;");
            if (countsContains)
            {
                _writer.Line("int contained = 0;");
            }

            _writer.Open($"foreach ({Json}JsonElement item in value.EnumerateArray())");
            string itemCheck(int target) => $"valid &= {CompilerServices}JsonValueCheck.Item(item, index, {Method(target)}, context);";
            if (node.PrefixItems.Count > 0)
            {
                _writer.Open("switch (index)");
                for (int i = 0; i < node.PrefixItems.Count; i++)
                {
                    _writer.Line($"case {i.ToString(CultureInfo.InvariantCulture)}: {itemCheck(node.PrefixItems[i])} break;");
                }

                if (node.Items is { } rest)
                {
                    _writer.Line($"default: {itemCheck(rest)} break;");
                }

                _writer.Close();
            }
            else if (node.Items is { } items)
            {
                _writer.Line(itemCheck(items));
            }

            if (countsContains)
            {
                _writer.Open($"if ({Method(node.Contains!.Value)}(item, null))");
                _writer.Line("contained++;");
                _writer.Close();
            }

            _writer.Line("index++;");
            _writer.Close();
            if (countsContains)
            {
                string maximum = node.MaxContains is { } max ? CSharpLiteral.Count(max) : "null";
                _writer.Line($"valid &= {CompilerServices}JsonValueCheck.Contains(contained, {CSharpLiteral.Count(node.MinContains ?? 1)}, {maximum}, context);");
            }

            _writer.Close();
        }

        private void WriteMemberLoop(SchemaNode node)
        {
            if (!LoopsOverMembers(node))
            {
                return;
            }

            bool tracksDeclared = node.AdditionalProperties is not null;
            _writer.Open($"if (value.ValueKind == {Json}JsonValueKind.Object && (valid || context is not null))");
            _writer.Open($"foreach ({Json}JsonProperty property in value.EnumerateObject())");
            if (tracksDeclared)
            {
                _writer.Line("bool declared = false;");
            }

            // Declared members are found by comparing UTF-8 names, so a valid document allocates no names.
            for (int i = 0; i < node.Properties.Count; i++)
            {
                NamedSchema property = node.Properties[i];
                _writer.Open($"{(i == 0 ? "if" : "else if")} (property.NameEquals({Utf8Literal(property.Name)}))");
                _writer.Line($"valid &= {CompilerServices}JsonValueCheck.Member(property, {Method(property.Node)}, context);");
                if (tracksDeclared)
                {
                    _writer.Line("declared = true;");
                }

                _writer.Close();
            }

            foreach (PatternSchema pattern in node.PatternProperties)
            {
                string matcher = _members.PatternMatcher(pattern.Pattern);
                _writer.Open($"if ({CompilerServices}JsonValueCheck.NameMatches({matcher}, {Literal(pattern.Pattern.Text)}, property, ref valid, context))");
                _writer.Line($"valid &= {CompilerServices}JsonValueCheck.Member(property, {Method(pattern.Node)}, context);");
                if (tracksDeclared)
                {
                    _writer.Line("declared = true;");
                }

                _writer.Close();
            }

            if (node.AdditionalProperties is { } additional)
            {
                _writer.Open("if (!declared)");
                _writer.Line(Model[additional].IsFalse
                    ? $"valid &= {CompilerServices}JsonValueCheck.NotAllowed(property.Name, context);"
                    : $"valid &= {CompilerServices}JsonValueCheck.Member(property, {Method(additional)}, context);");
                _writer.Close();
            }

            if (node.PropertyNames is { } names)
            {
                _writer.Line($"valid &= {CompilerServices}JsonValueCheck.PropertyName(property.Name, {Method(names)}, context);");
            }

            _writer.Open("if (!valid && context is null)");
            _writer.Line("return false;");
            _writer.Close();
            _writer.Close();
            _writer.Close();
        }

        // Validators are named so that no contract name can equal them (CS0542).
        private static string Method(int node) => "ValidateNode" + node.ToString(CultureInfo.InvariantCulture);
    }
}
