using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Insights.Contracts.Generator.Model;

namespace Insights.Contracts.Generator.Emitting;

internal static partial class ContractEmitter
{
    // A record's checks: the value keywords of each member (read, validated, or inside a branch) and
    // the applicators over the whole record, each branch a method over the record.
    private sealed partial class RecordEmitter
    {
        private readonly Dictionary<int, string> _ruleMethodNames = [];
        private readonly List<(string Method, int Node)> _ruleMethods = [];

        /// <summary>
        /// Writes the checks of one value held in <paramref name="value"/>: the value keywords of
        /// <paramref name="nodes"/> that apply to its C# type, its items, then its counts. In
        /// <see cref="CheckMode.Rule"/> each result is folded into <c>valid</c> and the context may be null.
        /// </summary>
        private void WriteChecks(SourceWriter w, string value, ValueShape shape, IReadOnlyList<int> nodes, CheckMode mode, int depth)
        {
            StackGuard.Check();
            void Check(string call) => w.Line(mode == CheckMode.Rule ? $"valid &= {call};" : call + ";");
            string context = mode == CheckMode.Rule ? "context?." : "context.";
            switch (shape.Kind)
            {
                case ValueKind.String:
                case ValueKind.OpenEnum:
                case ValueKind.Enum:
                    string wire = Qualified(_file, shape.TypeName + "Wire");
                    string text = shape.Kind switch
                    {
                        ValueKind.String => value,
                        ValueKind.OpenEnum => value + ".Value",
                        _ => $"({wire}.IsDefined({value}) ? {wire}.ToWireName({value}) : string.Empty)",
                    };
                    if (mode == CheckMode.Validate)
                    {
                        // Strings set in code are checked for unpaired surrogates, enums for undefined values.
                        Check(shape.Kind == ValueKind.Enum ? $"{wire}.Check({value}, context)" : $"{CompilerServices}JsonCheck.WellFormed({text}, context)");
                    }

                    foreach (int node in nodes)
                    {
                        foreach (string call in _checks.Value(Model[node], shape.Kind, text))
                        {
                            Check(call);
                        }
                    }

                    break;

                case ValueKind.IntegerEnum:
                    // Checked as its number: defined (for a value set in code), then any keywords beside a $ref to it.
                    if (mode == CheckMode.Validate)
                    {
                        Check($"{Qualified(_file, shape.TypeName + "Wire")}.Check({value}, context)");
                    }

                    foreach (int node in nodes)
                    {
                        foreach (string call in _checks.Value(Model[node], ValueKind.Int64, $"(long){value}"))
                        {
                            Check(call);
                        }
                    }

                    break;

                case ValueKind.Int32:
                case ValueKind.Int64:
                case ValueKind.Double:
                case ValueKind.Decimal:
                case ValueKind.Boolean:
                    foreach (int node in nodes)
                    {
                        foreach (string call in _checks.Value(Model[node], shape.Kind, value))
                        {
                            Check(call);
                        }
                    }

                    break;

                case ValueKind.Json:
                    foreach (int node in nodes)
                    {
                        string validator = _validators.Validator(node);
                        Check(mode == CheckMode.Rule ? $"{validator}({value}.Element, context)" : $"{CompilerServices}JsonValueCheck.Validate({value}, {validator}, context)");
                    }

                    break;

                case ValueKind.Map:
                    // While reading, values and names were checked by TryReadMap; only the counts remain.
                    if (mode == CheckMode.Validate)
                    {
                        string entry = "entry" + depth.ToString(CultureInfo.InvariantCulture);
                        string valueChecks = SourceWriter.Capture(inner => WriteChecks(inner, entry + ".Value", shape.Item!, shape.Item!.CheckNodes, mode, depth + 1));
                        SchemaNode map = Model[nodes[0]];
                        if (valueChecks.Length > 0 || map.PropertyNames is not null)
                        {
                            w.Open($"foreach (global::System.Collections.Generic.KeyValuePair<string, {ClrType(_file, shape.Item!)}> {entry} in {value})");
                            if (map.PropertyNames is { } names)
                            {
                                w.Line($"{CompilerServices}JsonValueCheck.PropertyName({entry}.Key, {_validators.Validator(names)}, context);");
                            }

                            w.Line($"context.PushProperty({entry}.Key);");
                            w.Lines(valueChecks);
                            w.Line("context.Pop();");
                            w.Close();
                        }
                    }

                    foreach (int node in nodes)
                    {
                        foreach (string call in ObjectCounts(Model[node], value + ".Count"))
                        {
                            Check(call);
                        }
                    }

                    break;

                case ValueKind.Union when mode == CheckMode.Validate:
                    // While reading, the union's reader checked the alternative it read. A union may
                    // hold itself (a value that is a string or a map of such values), so its checks
                    // are one method that calls itself, never written out inline.
                    w.Line($"{UnionValidator(shape.TypeName!)}({value}, context);");
                    break;

                case ValueKind.Object when mode == CheckMode.Validate:
                    Check($"{CompilerServices}JsonCheck.Object({value}, context)");
                    break;

                case ValueKind.Array:
                    // While reading, items were checked by their reader (ItemReader); only the counts remain.
                    if (mode != CheckMode.Read)
                    {
                        IReadOnlyList<int> itemNodes = mode == CheckMode.Rule
                            ? nodes.Select(n => Model[n].Items).Where(i => i is not null).Select(i => i!.Value).ToList()
                            : shape.Item!.CheckNodes;
                        WriteItemChecks(w, value, shape.Item!, itemNodes, mode, depth);
                    }

                    foreach (int node in nodes)
                    {
                        foreach (string call in _checks.ArrayCounts(Model[node], value))
                        {
                            Check(call);
                        }
                    }

                    break;
            }
        }

        /// <summary>
        /// The method that checks a union of types built in code, declared once per union (before its
        /// body is written, so that a union that holds itself calls the method it is in).
        /// </summary>
        private string UnionValidator(string unionName)
        {
            if (_unionValidators.TryGetValue(unionName, out string? existing))
            {
                return existing;
            }

            TypeUnionSpec union = _file.Types.OfType<TypeUnionSpec>().Single(t => t.Name == unionName);
            string name = _members.NextName("Check" + union.Name);
            _unionValidators[union.Name] = name;
            var method = new SourceWriter();
            method.Line($"/// <summary>Checks the alternative a <see cref=\"{union.Name}\"/> holds.</summary>");
            method.Open($"private static void {name}({Qualified(_file, union.Name)} value, {Runtime}ValidationContext context)");
            WriteUnionChecks(method, "value", union);
            method.Close();
            _members.Method(method.ToString());
            return name;
        }

        /// <summary>A union of types built in code: the checks of the alternative it holds (for a oneOf/anyOf, as one error of that keyword).</summary>
        private void WriteUnionChecks(SourceWriter w, string value, TypeUnionSpec union)
        {
            bool branches = union.Keyword != "type";
            if (branches)
            {
                w.Line("int unionErrors = context.ErrorCount;");
            }

            for (int i = 0; i < union.Alternatives.Count; i++)
            {
                TypeAlternativeSpec alternative = union.Alternatives[i];
                string local = "held" + alternative.Name;
                string nullable = alternative.Shape.IsReferenceType ? "?" : "";
                w.Open($"{(i == 0 ? "if" : "else if")} ({value}.TryGet{alternative.Name}(out {ClrType(_file, alternative.Shape)}{nullable} {local}))");
                w.Lines(SourceWriter.Capture(inner => WriteChecks(inner, local, alternative.Shape, alternative.Shape.CheckNodes, CheckMode.Validate, 1)));
                if (branches)
                {
                    w.Line($"context.ReplaceErrorsSince(unionErrors, {Literal(union.Keyword)}, {Literal(BranchName(alternative, i))});");
                }

                w.Close();
            }

            w.Open("else");
            w.Line($"context.AddError({Literal(union.Keyword)}, {CompilerServices}ErrorMessages.NoJsonValue);");
            w.Close();
        }

        private void WriteItemChecks(SourceWriter w, string value, ValueShape item, IReadOnlyList<int> itemNodes, CheckMode mode, int depth)
        {
            string index = "i" + depth.ToString(CultureInfo.InvariantCulture);
            string local = "item" + depth.ToString(CultureInfo.InvariantCulture);
            string checks = SourceWriter.Capture(inner => WriteChecks(inner, local, item, itemNodes, mode, depth + 1));

            // Items of reference type may be null in an array built in code: Validate() reports them.
            bool nullCheck = mode == CheckMode.Validate && item.IsReferenceType;
            if (checks.Length == 0 && !nullCheck)
            {
                return;
            }

            string context = mode == CheckMode.Rule ? "context?." : "context.";
            w.Open($"for (int {index} = 0; {index} < {value}.Count; {index}++)");
            w.Line($"{ClrType(_file, item)} {local} = {value}[{index}];");
            w.Line($"{context}PushIndex({index});");
            if (nullCheck)
            {
                w.Open($"if ({local} is null)");
                w.Line($"context.AddTypeMismatch({Literal(item.Kind == ValueKind.String ? "string" : "object")}, {Json}JsonTokenType.Null);");
                w.Close();
                w.Open("else");
                w.Lines(checks);
                w.Close();
            }
            else
            {
                w.Lines(checks);
            }

            w.Line($"{context}Pop();");
            w.Close();
        }

        /// <summary>
        /// The applicators of <paramref name="node"/> over the record, folded into <c>valid</c>, in the
        /// order JSON-backed values check them: allOf, anyOf, oneOf, not, dependentRequired, if/then/else.
        /// Branches are matched by direct calls; the runtime runs them again only to explain a failure.
        /// </summary>
        private void WriteApplicators(SourceWriter w, SchemaNode node, bool isPart = false)
        {
            // An allOf part merged into the record is checked by its members and required list instead.
            foreach (int branch in node.AllOf.Where(b => !(isPart && _spec.Parts.Contains(b))))
            {
                w.Line($"valid &= {RuleMethod(branch)}(value, context);");
            }

            if (node.AnyOf.Count > 0)
            {
                IEnumerable<string> matches = node.AnyOf.Select(b => $"{RuleMethod(b, VariantMethod("anyOf", b))}(value, null)");
                w.Line($"valid &= {string.Join(" || ", matches)} || {CompilerServices}BranchCheck.NoBranchMatched(value, \"anyOf\", {Branches(node.AnyOf)}, context);");
            }

            if (node.OneOf.Count > 0)
            {
                IEnumerable<string> matches = node.OneOf.Select(b => $"({RuleMethod(b, VariantMethod("oneOf", b))}(value, null) ? 1 : 0)");
                w.Line($"valid &= {string.Join(" + ", matches)} == 1 || {CompilerServices}BranchCheck.OneOfFailed(value, {Branches(node.OneOf)}, context);");
            }

            if (node.Not is { } not)
            {
                w.Line($"valid &= {CompilerServices}BranchCheck.Not({RuleMethod(not)}(value, null), context);");
            }

            foreach (DependentRequired dependency in node.DependentRequired)
            {
                foreach (string needed in dependency.Required.Distinct())
                {
                    if (PresenceCheck(needed) is { } present)
                    {
                        string trigger = PresenceCheck(dependency.Name) ?? "true";
                        w.Line($"valid &= {CompilerServices}JsonCheck.DependentRequired({trigger}, {present}, {Literal(dependency.Name)}, {Literal(needed)}, context);");
                    }
                }
            }

            if (node.If is { } condition && (node.Then is not null || node.Else is not null))
            {
                string then = node.Then is { } t ? $"{RuleMethod(t)}(value, context)" : "true";
                string otherwise = node.Else is { } e ? $"{RuleMethod(e)}(value, context)" : "true";
                w.Line($"valid &= {RuleMethod(condition)}(value, null) ? {then} : {otherwise};");
            }
        }

        /// <summary>The name of the variant branch method, when <paramref name="branch"/> is one of the record's titled variants.</summary>
        private string? VariantMethod(string keyword, int branch) =>
            _spec.Variants is { } variants && variants.Keyword == keyword && variants.Variants.FirstOrDefault(v => v.Node == branch) is { } variant
                ? "Matches" + variant.ClrName
                : null;

        /// <summary>The branch validators and their titles, as the arguments <c>BranchCheck</c> takes.</summary>
        private string Branches(ImmutableEquatableArray<int> branches)
        {
            string validators = _members.Field($"{CompilerServices}SchemaValidator<{Self}>[]", "s_branches", "[" + string.Join(", ", branches.Select(b => RuleMethod(b))) + "]");
            string titles = _members.Field("string?[]", "s_branchTitles", "[" + string.Join(", ", branches.Select(b => Model[b].Title is { } title ? Literal(title) : "null")) + "]");
            return $"{validators}, {titles}";
        }

        /// <summary>The method that checks the branch <paramref name="node"/> on the record, declared on first use.</summary>
        private string RuleMethod(int node, string? name = null)
        {
            if (_ruleMethodNames.TryGetValue(node, out string? existing))
            {
                return existing;
            }

            name ??= _members.NextName("MatchesRule");
            _ruleMethodNames.Add(node, name);
            _ruleMethods.Add((name, node));
            return name;
        }

        /// <summary>Each branch becomes a method over the record; writing one may declare more (nested branches).</summary>
        private void WriteRuleMethods()
        {
            for (int index = 0; index < _ruleMethods.Count; index++)
            {
                (string method, int id) = _ruleMethods[index];
                SchemaNode branch = Model[id];
                _writer.Doc("summary", branch.Title is null ? "One branch of the schema's applicators." : $"The '{branch.Title}' branch: {branch.Description ?? branch.Title}");
                _writer.Open($"private static bool {method}({Self} value, {Runtime}ValidationContext? context)");
                if (branch.IsBoolean)
                {
                    _writer.Line(branch.IsFalse ? $"return {CompilerServices}JsonValueCheck.Never(context);" : "return true;");
                    _writer.Close();
                    _writer.Line();
                    continue;
                }

                _writer.Line("bool valid = true;");
                foreach (NamedSchema member in branch.Properties)
                {
                    PropertySpec property = _properties[member.Name];
                    string local = Camel(property.ClrName) + "Value";
                    string checks = SourceWriter.Capture(w => WriteChecks(w, local, property.Shape, [member.Node], CheckMode.Rule, 0));
                    if (checks.Length > 0)
                    {
                        _writer.Open($"if (value.{property.ClrName} is {{ }} {local})");
                        _writer.Line($"context?.PushProperty({Literal(member.Name)});");
                        _writer.Lines(checks);
                        _writer.Line("context?.Pop();");
                        _writer.Close();
                    }
                }

                // Members first, then what is missing, then the applicators: the order of a record's own checks.
                foreach (string required in branch.Required.Distinct())
                {
                    if (PresenceCheck(required) is { } present)
                    {
                        _writer.Line($"valid &= {CompilerServices}JsonCheck.Required({present}, {Literal(required)}, context);");
                    }
                }

                WriteApplicators(_writer, branch);
                if (branch.Ref is { } target)
                {
                    _writer.Line($"valid &= {RuleMethod(target)}(value, context);");
                }

                _writer.Line("return valid;");
                _writer.Close();
                _writer.Line();
            }
        }

        /// <summary>
        /// An expression that is true when the member is present, or null when it always is (a
        /// required member, or one with a default). Only a nullable member can be absent.
        /// </summary>
        private string? PresenceCheck(string wireName) =>
            _properties[wireName] is { IsNullable: true, Shape.AllowsNull: false } property ? $"value.{property.ClrName} is not null" : null;
    }
}
