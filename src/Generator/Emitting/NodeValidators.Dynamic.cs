using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Insights.Contracts.Generator.Model;

namespace Insights.Contracts.Generator.Emitting;

internal static partial class ContractEmitter
{
    // The keywords whose outcome depends on more than the node and the value: $dynamicRef and
    // $recursiveRef (the resources entered on the way, the dynamic scope), and unevaluatedProperties
    // and unevaluatedItems (the members and items every successful subschema evaluated).
    private sealed partial class NodeValidators
    {
        private readonly Dictionary<(int Node, Annotation Kind), string> _annotationMethods = [];
        private readonly List<(string Method, int Node, Annotation Kind)> _pendingAnnotations = [];
        private readonly Dictionary<int, string> _dynamicMethods = [];

        private enum Annotation
        {
            Properties,
            Items,
        }

        /// <summary>
        /// A call of <paramref name="to"/>'s validator from <paramref name="from"/>: entering
        /// <paramref name="to"/>'s resource first when evaluation crosses into it and the dynamic scope
        /// matters (a resource's root enters it itself).
        /// </summary>
        private string Call(SchemaNode from, int to, string value = "value", string context = "context")
        {
            SchemaNode target = Model[to];
            return Model.UsesDynamicScope && target.Resource != from.Resource && !target.IsResourceRoot
                ? $"{CompilerServices}DynamicScope.Within({Index(target.Resource)}, {value}, {context}, {Method(to)})"
                : $"{Method(to)}({value}, {context})";
        }

        /// <summary>The check of a <c>$dynamicRef</c>/<c>$recursiveRef</c>: its static target, or a dispatch on the dynamic scope.</summary>
        private string DynamicCall(SchemaNode node, DynamicReference reference) =>
            reference.IsDynamic ? $"{DynamicDispatch(node, reference)}(value, context)" : Call(node, reference.Target);

        /// <summary>The nodes a dynamic reference can land on, by the resource whose entering picks each.</summary>
        private IEnumerable<(int Resource, int Node)> Candidates(DynamicReference reference) =>
            Model.Resources
                .Select((resource, index) => (Index: index, Node: reference.Anchor is { } name
                    ? resource.DynamicAnchors.FirstOrDefault(a => a.Name == name)?.Node
                    : resource.RecursiveRoot))
                .Where(c => c.Node is not null)
                .Select(c => (c.Index, c.Node!.Value));

        private string DynamicDispatch(SchemaNode node, DynamicReference reference)
        {
            if (_dynamicMethods.TryGetValue(node.Id, out string? existing))
            {
                return existing;
            }

            string name = "ResolveDynamicNode" + Index(node.Id);
            _dynamicMethods.Add(node.Id, name);
            var candidates = Candidates(reference).ToList();
            string scope = _members.Field("int[]", "s_dynamicScope", "[" + string.Join(", ", candidates.Select(c => Index(c.Resource))) + "]");
            var method = new SourceWriter();
            string what = reference.Anchor is { } anchor ? $"$dynamicRef to '{SourceWriter.EscapeXml(anchor)}'" : "$recursiveRef";
            method.Line($"/// <summary>The {what} at <c>{SourceWriter.EscapeXml(node.Location)}</c>: the outermost resource in the dynamic scope that declares it, else where it points.</summary>");
            method.Open($"private static bool {name}({Json}JsonElement value, {Context}? context) => {CompilerServices}DynamicScope.Outermost({scope}) switch");
            foreach ((int resource, int candidate) in candidates)
            {
                method.Line($"{Index(resource)} => {Call(node, candidate)},");
            }

            method.Line($"_ => {Call(node, reference.Target)},");
            method.Close(";");
            _members.Method(method.ToString());
            return name;
        }

        /// <summary>Every node a dynamic reference may call, for the reachable set.</summary>
        private IEnumerable<int> DynamicTargets(SchemaNode node) =>
            node.DynamicRef is not { } reference ? []
            : reference.IsDynamic ? Candidates(reference).Select(c => c.Node).Append(reference.Target)
            : [reference.Target];

        /// <summary>
        /// <c>unevaluatedItems</c> and <c>unevaluatedProperties</c>, after every other keyword of the
        /// node: the items or members no successful subschema evaluated must match their schema.
        /// </summary>
        private void WriteUnevaluated(SchemaNode node)
        {
            if (node.UnevaluatedItems is { } items)
            {
                _writer.Open($"if (value.ValueKind == {Json}JsonValueKind.Array && (valid || context is not null))");
                _writer.Line($"var evaluated = new {CompilerServices}EvaluatedItems();");
                _writer.Line($"{AnnotationMethod(node.Id, Annotation.Items)}(value, evaluated);");
                _writer.Line("int index = 0;");
                _writer.Open($"foreach ({Json}JsonElement item in value.EnumerateArray())");
                _writer.Open("if (!evaluated.Contains(index))");
                _writer.Line(Model[items].IsFalse
                    ? $"valid &= {CompilerServices}JsonValueCheck.NotEvaluated(index, context);"
                    : $"valid &= {CompilerServices}JsonValueCheck.Item(item, index, {Method(items)}, context);");
                _writer.Close();
                _writer.Line("index++;");
                _writer.Close();
                _writer.Close();
            }

            if (node.UnevaluatedProperties is { } properties)
            {
                _writer.Open($"if (value.ValueKind == {Json}JsonValueKind.Object && (valid || context is not null))");
                _writer.Line($"var evaluated = new {CompilerServices}EvaluatedProperties();");
                _writer.Line($"{AnnotationMethod(node.Id, Annotation.Properties)}(value, evaluated);");
                _writer.Open($"foreach ({Json}JsonProperty property in value.EnumerateObject())");
                _writer.Open("if (!evaluated.Contains(property.Name))");
                _writer.Line(Model[properties].IsFalse
                    ? $"valid &= {CompilerServices}JsonValueCheck.NotEvaluated(property.Name, context);"
                    : $"valid &= {CompilerServices}JsonValueCheck.Member(property, {Method(properties)}, context);");
                _writer.Close();
                _writer.Close();
                _writer.Close();
            }
        }

        /// <summary>The method that collects what <paramref name="node"/> evaluates (without its own unevaluated keyword), declared on first use.</summary>
        private string AnnotationMethod(int node, Annotation kind)
        {
            if (!_annotationMethods.TryGetValue((node, kind), out string? name))
            {
                name = $"Evaluated{kind}{Index(node)}";
                _annotationMethods.Add((node, kind), name);
                _pendingAnnotations.Add((name, node, kind));
            }

            return name;
        }

        /// <summary>Writes the annotation collectors; writing one may declare more (the subschemas it applies).</summary>
        private void WriteAnnotationMethods()
        {
            for (int i = 0; i < _pendingAnnotations.Count; i++)
            {
                (string name, int id, Annotation kind) = _pendingAnnotations[i];
                SchemaNode node = Model[id];
                string type = kind == Annotation.Items ? $"{CompilerServices}EvaluatedItems" : $"{CompilerServices}EvaluatedProperties";
                _writer.Line();
                _writer.Line($"/// <summary>Records the {(kind == Annotation.Items ? "items" : "members")} <c>{SourceWriter.EscapeXml(node.Location)}</c> evaluates.</summary>");
                _writer.Open($"private static void {name}({Json}JsonElement value, {type} evaluated)");
                if (Model.UsesDynamicScope && node.IsResourceRoot)
                {
                    _writer.Line($"{CompilerServices}DynamicScope.Enter({Index(node.Resource)});");
                    _writer.Open("try");
                    WriteAnnotationBody(node, kind);
                    _writer.Close();
                    _writer.Open("finally");
                    _writer.Line($"{CompilerServices}DynamicScope.Exit();");
                    _writer.Close();
                }
                else
                {
                    WriteAnnotationBody(node, kind);
                }

                _writer.Close();
            }
        }

        private void WriteAnnotationBody(SchemaNode node, Annotation kind)
        {
            if (node.IsBoolean)
            {
                return; // true evaluates nothing it can annotate; false holds for nothing
            }

            _writer.Open($"if (value.ValueKind != {Json}JsonValueKind.{(kind == Annotation.Items ? "Array" : "Object")})");
            _writer.Line("return;");
            _writer.Close();
            if (kind == Annotation.Items)
            {
                if (node.PrefixItems.Count > 0)
                {
                    _writer.Line($"evaluated.AddPrefix({Index(node.PrefixItems.Count)});");
                }

                if (node.Items is not null)
                {
                    _writer.Line("evaluated.AddAll();");
                }

                // contains annotates the items it matches from draft 2020-12 on.
                if (node.Contains is { } contains && node.Draft == Dialect.Draft202012)
                {
                    _writer.Line("int index = 0;");
                    _writer.Open($"foreach ({Json}JsonElement item in value.EnumerateArray())");
                    _writer.Open($"if ({Method(contains)}(item, null))");
                    _writer.Line("evaluated.Add(index);");
                    _writer.Close();
                    _writer.Line("index++;");
                    _writer.Close();
                }
            }
            else if (node.AdditionalProperties is not null)
            {
                _writer.Line("evaluated.AddAll();");
            }
            else if (node.Properties.Count > 0 || node.PatternProperties.Count > 0)
            {
                IEnumerable<string> declared = node.Properties.Select(p => $"property.NameEquals({Utf8Literal(p.Name)})")
                    .Concat(node.PatternProperties.Select(p => $"{_members.PatternMatcher(p.Pattern)}(property.Name)"));
                _writer.Open($"foreach ({Json}JsonProperty property in value.EnumerateObject())");
                _writer.Open($"if ({string.Join(" || ", declared)})");
                _writer.Line("evaluated.Add(property.Name);");
                _writer.Close();
                _writer.Close();
            }

            // In-place subschemas that hold contribute what they evaluate.
            foreach (int target in new[] { node.Ref }.Concat(node.AllOf.Select(b => (int?)b)).Where(t => t is not null).Select(t => t!.Value))
            {
                Annotate(_writer, node, target, kind);
            }

            if (node.DynamicRef is { } reference)
            {
                _writer.Line($"{DynamicAnnotationDispatch(node, reference, kind)}(value, evaluated);");
            }

            foreach (int branch in node.AnyOf.Concat(node.OneOf))
            {
                _writer.Open($"if ({Call(node, branch, context: "null")})");
                Annotate(_writer, node, branch, kind);
                _writer.Close();
            }

            if (node.If is { } condition)
            {
                _writer.Open($"if ({Call(node, condition, context: "null")})");
                Annotate(_writer, node, condition, kind);
                if (node.Then is { } then)
                {
                    Annotate(_writer, node, then, kind);
                }

                _writer.Close();
                if (node.Else is { } otherwise)
                {
                    _writer.Open("else");
                    Annotate(_writer, node, otherwise, kind);
                    _writer.Close();
                }
            }

            foreach (NamedSchema dependent in node.DependentSchemas)
            {
                _writer.Open($"if ({CompilerServices}JsonValueCheck.HasMember(value, {Literal(dependent.Name)}))");
                Annotate(_writer, node, dependent.Node, kind);
                _writer.Close();
            }
        }

        /// <summary>Collects what <paramref name="to"/> evaluates, its own unevaluated keyword included (it evaluates everything left).</summary>
        private void Annotate(SourceWriter w, SchemaNode from, int to, Annotation kind)
        {
            SchemaNode target = Model[to];
            string method = AnnotationMethod(to, kind);
            w.Line(Model.UsesDynamicScope && target.Resource != from.Resource && !target.IsResourceRoot
                ? $"{CompilerServices}DynamicScope.Within({Index(target.Resource)}, value, evaluated, {method});"
                : $"{method}(value, evaluated);");
            if ((kind == Annotation.Items ? target.UnevaluatedItems : target.UnevaluatedProperties) is not null)
            {
                w.Line("evaluated.AddAll();");
            }
        }

        private string DynamicAnnotationDispatch(SchemaNode node, DynamicReference reference, Annotation kind)
        {
            if (!reference.IsDynamic)
            {
                return AnnotationMethod(reference.Target, kind);
            }

            string name = $"Evaluated{kind}DynamicNode{Index(node.Id)}";
            if (_annotationMethods.ContainsKey((-node.Id - 1, kind)))
            {
                return name;
            }

            _annotationMethods.Add((-node.Id - 1, kind), name);
            var candidates = Candidates(reference).ToList();
            string scope = _members.Field("int[]", "s_dynamicScope", "[" + string.Join(", ", candidates.Select(c => Index(c.Resource))) + "]");
            string type = kind == Annotation.Items ? $"{CompilerServices}EvaluatedItems" : $"{CompilerServices}EvaluatedProperties";
            var method = new SourceWriter();
            method.Line($"/// <summary>What the dynamic reference at <c>{SourceWriter.EscapeXml(node.Location)}</c> evaluates, where the dynamic scope sends it.</summary>");
            method.Open($"private static void {name}({Json}JsonElement value, {type} evaluated)");
            method.Open($"switch ({CompilerServices}DynamicScope.Outermost({scope}))");
            foreach ((int resource, int candidate) in candidates.Append((-1, reference.Target)))
            {
                method.Open(resource < 0 ? "default:" : $"case {Index(resource)}:");
                Annotate(method, node, candidate, kind);
                method.Line("break;");
                method.Close();
            }

            method.Close();
            method.Close();
            _members.Method(method.ToString());
            return name;
        }

        private static string Index(int value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
