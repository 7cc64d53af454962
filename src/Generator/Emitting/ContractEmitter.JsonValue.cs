using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Insights.Contracts.Generator.Model;

namespace Insights.Contracts.Generator.Emitting;

internal static partial class ContractEmitter
{
    /// <summary>
    /// Writes a JSON-backed contract: a class holding the validated <c>JsonElement</c>, and one
    /// private validator method per schema node. Each method checks its node's keywords against
    /// any JSON value; a null context means "only answer whether it matches" (used for
    /// <c>anyOf</c>/<c>oneOf</c>/<c>not</c>/<c>if</c>/<c>contains</c>), which also lets it stop early.
    /// </summary>
    private sealed class JsonValueEmitter(SourceWriter writer, ContractFileSpec file, JsonValueTypeSpec spec)
    {
        private const string Check = Runtime + "JsonValueCheck.";
        private const string Context = Runtime + "ValidationContext";

        private readonly List<string> _fields = [];
        private readonly Dictionary<string, string> _regexFields = new(System.StringComparer.Ordinal);

        private string Self => Qualified(file, spec.Name);

        private string Interface => $"{Runtime}IJsonContract<{Self}>";

        public void Write()
        {
            if (spec.Variants is { } variants)
            {
                WriteVariantEnum(variants);
            }

            writer.Doc("summary", spec.Description ?? $"A JSON value valid against {file.SchemaFileName}.");
            writer.Line($"/// <remarks>Generated as a JSON-backed value: <see cref=\"Value\"/> holds the JSON, checked against every rule of the schema.</remarks>");
            writer.Line($"[{Serialization}JsonConverter(typeof({Self}.Converter))]");
            writer.Line(GeneratedCode);
            writer.Open($"public sealed partial class {spec.Name} : {Interface}, global::System.IEquatable<{Self}>");
            WriteMembers();
            HashSet<int> reachable = ReachableNodes();
            foreach (SchemaNodeSpec node in spec.Nodes.Where(n => reachable.Contains(n.Id)))
            {
                writer.Line();
                WriteValidator(node);
            }

            if (_fields.Count > 0)
            {
                writer.Line();
                foreach (string field in _fields)
                {
                    writer.Line(field);
                }
            }

            writer.Line();
            // The runtime's converter (the same read and write), so a framework can find the contract from its type.
            writer.Line($"/// <summary>Reads and writes <see cref=\"{spec.Name}\"/> with System.Text.Json; invalid JSON throws <see cref=\"{Runtime}JsonContractException\"/>.</summary>");
            writer.Line(GeneratedCode);
            writer.Line($"public sealed class Converter : {Runtime}ContractJsonConverter<{Self}>");
            writer.Open();
            writer.Close();
            writer.Close();
        }

        private void WriteVariantEnum(JsonVariantSetSpec variants)
        {
            writer.Line($"/// <summary>Which <c>{variants.Keyword}</c> branch of <see cref=\"{spec.Name}\"/> a value matched.</summary>");
            writer.Line(GeneratedCode);
            writer.Open($"public enum {variants.EnumName}");
            foreach (JsonVariantSpec variant in variants.Variants)
            {
                writer.Line($"/// <summary>{SourceWriter.EscapeXml(variant.Title)}</summary>");
                writer.Line($"{variant.ClrName},");
            }

            writer.Close();
            writer.Line();
        }

        private void WriteMembers()
        {
            writer.Open($"private {spec.Name}({Json}JsonElement value)");
            writer.Line("Value = value;");
            if (spec.Variants is { } variants)
            {
                // The same array the root's oneOf/anyOf check uses (Field declares it once).
                string branches = Field($"{Runtime}JsonSchemaValidator[]", $"s_{Camel(variants.Keyword)}{spec.Root}", $"[{string.Join(", ", variants.Variants.Select(v => Method(v.Node)))}]");
                writer.Line($"Variant = ({variants.EnumName}){Check}FirstMatch(value, {branches});");
            }

            writer.Close();
            writer.Line();
            writer.Line("/// <summary>The JSON value; valid against the schema.</summary>");
            writer.Line($"public {Json}JsonElement Value {{ get; }}");
            writer.Line();
            if (spec.Variants is { } set)
            {
                string list = string.Join(", ", set.Variants.Select(v => SourceWriter.EscapeXml(v.Title)));
                writer.Line($"/// <summary>The first <c>{set.Keyword}</c> branch the value matches ({list}).</summary>");
                writer.Line($"public {set.EnumName} Variant {{ get; }}");
                writer.Line();
            }

            writer.Line("/// <summary>Checks a JSON value against the schema; returns all errors, each with its JSON Pointer.</summary>");
            writer.Open($"public static {Runtime}ValidationResult Validate({Json}JsonElement value)");
            writer.Line($"var context = new {Context}();");
            writer.Line($"{Check}Validate(value, {Method(spec.Root)}, context);");
            writer.Line("return context.ToResult();");
            writer.Close();
            writer.Line();
            writer.Line("/// <summary>Wraps a JSON value that is valid against the schema; throws <see cref=\"" + Runtime + "JsonContractException\"/> listing every error otherwise.</summary>");
            writer.Open($"public static {Self} From({Json}JsonElement value)");
            writer.Line($"{Runtime}ValidationResult result = Validate(value);");
            writer.Line($"return result.IsValid ? new {Self}(value.Clone()) : throw new {Runtime}JsonContractException({Literal(spec.Name)}, result.Errors);");
            writer.Close();
            writer.Line();
            WriteContractApi(writer, file, spec, Self, "");
            writer.Line("/// <summary>The JSON text.</summary>");
            writer.Line("public override string ToString() => Value.GetRawText();");
            writer.Line();
            writer.Line("/// <summary>JSON equality: numbers by value (1 equals 1.0), object members in any order.</summary>");
            writer.Line($"public bool Equals({Self}? other) => other is not null && {Check}DeepEquals(Value, other.Value);");
            writer.Line();
            writer.Line("/// <inheritdoc/>");
            writer.Line($"public override bool Equals(object? obj) => Equals(obj as {Self});");
            writer.Line();
            writer.Line("/// <inheritdoc/>");
            writer.Line($"public override int GetHashCode() => {Check}GetDeepHashCode(Value);");
            writer.Line();
            writer.Line("/// <inheritdoc/>");
            writer.Line($"public void WriteJson({Json}Utf8JsonWriter writer) => Value.WriteTo(writer);");
            writer.Line();
            writer.Open($"static {Self}? {Interface}.ReadJson(ref {Json}Utf8JsonReader reader, {Context} context)");
            writer.Line($"{Json}JsonElement value = {Json}JsonElement.ParseValue(ref reader);");
            writer.Line($"return {Check}Validate(value, {Method(spec.Root)}, context) ? new {Self}(value) : null;");
            writer.Close();
            writer.Line();
            writer.Line($"static void {Interface}.ValidateJson({Self} value, {Context} context) => {Check}Validate(value.Value, {Method(spec.Root)}, context);");
        }

        private void WriteValidator(SchemaNodeSpec node)
        {
            writer.Line($"/// <summary>Validates against <c>{SourceWriter.EscapeXml(node.Location)}</c>.</summary>");
            writer.Open($"private static bool {Method(node.Id)}({Json}JsonElement value, {Context}? context)");
            if (node.IsFalse)
            {
                writer.Line($"return {Check}Never(\"no value is allowed here (the schema is false)\", context);");
                writer.Close();
                return;
            }

            var checks = new List<string>();
            WriteValueChecks(node, checks);
            AddApplicatorChecks(node, checks);
            bool loops = LoopsOverItems(node) || LoopsOverMembers(node);
            if (!loops && checks.Count <= 1)
            {
                writer.Line(checks.Count == 0 ? "return true; // any value is valid here" : $"return {checks[0]};");
                writer.Close();
                return;
            }

            writer.Line("bool valid = true;");
            foreach (string check in checks)
            {
                writer.Line($"valid &= {check};");
            }

            WriteArrayChecks(node);
            WriteObjectChecks(node);
            writer.Line("return valid;");
            writer.Close();
        }

        private static bool CountsContains(SchemaNodeSpec node) => node.Contains is not null && !(node.MinContains == 0 && node.MaxContains is null);

        private static bool LoopsOverItems(SchemaNodeSpec node) => node.PrefixItems.Count > 0 || node.Items is not null || CountsContains(node);

        private static bool LoopsOverMembers(SchemaNodeSpec node) =>
            node.Properties.Count > 0 || node.PatternProperties.Count > 0 || node.AdditionalProperties is not null || node.PropertyNames is not null;

        /// <summary>
        /// The nodes some generated code calls, from the root: a <c>false</c> under
        /// <c>additionalProperties</c> becomes a direct "not allowed" check, a <c>contains</c> that
        /// cannot fail and an <c>if</c> without <c>then</c>/<c>else</c> are never evaluated.
        /// </summary>
        private HashSet<int> ReachableNodes()
        {
            var reached = new HashSet<int>();
            var pending = new Stack<int>();
            pending.Push(spec.Root);
            foreach (JsonVariantSpec variant in spec.Variants?.Variants ?? ImmutableEquatableArray<JsonVariantSpec>.Empty)
            {
                pending.Push(variant.Node);
            }

            while (pending.Count > 0)
            {
                int id = pending.Pop();
                if (!reached.Add(id))
                {
                    continue;
                }

                SchemaNodeSpec node = spec.Nodes[id];
                var next = new List<int?> { node.Ref, node.Not, node.Items, node.PropertyNames };
                next.AddRange(node.AllOf.Concat(node.AnyOf).Concat(node.OneOf).Concat(node.PrefixItems).Select(n => (int?)n));
                next.AddRange(node.Properties.Concat(node.DependentSchemas).Select(p => (int?)p.Node));
                next.AddRange(node.PatternProperties.Select(p => (int?)p.Node));
                if (node.If is not null && (node.Then is not null || node.Else is not null))
                {
                    next.AddRange([node.If, node.Then, node.Else]);
                }

                if (CountsContains(node))
                {
                    next.Add(node.Contains);
                }

                if (node.AdditionalProperties is { } additional && !spec.Nodes[additional].IsFalse)
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

        private void WriteValueChecks(SchemaNodeSpec node, List<string> checks)
        {
            if (node.Types != 0)
            {
                checks.Add($"{Check}Type(value, {TypeFlags(node.Types)}, context)");
            }

            if (node.Const is { } constant)
            {
                checks.Add($"{Check}Const(value, {Field($"{Json}JsonElement", $"s_const{node.Id}", $"{Check}Literal({Literal(constant)})")}, context)");
            }

            if (node.Enum is { } values)
            {
                checks.Add($"{Check}Enum(value, {Field($"{Json}JsonElement[]", $"s_enum{node.Id}", $"{Check}Literals({Literal(values)})")}, context)");
            }

            foreach ((NumberLimitSpec? limit, string keyword) in new[]
            {
                (node.Minimum, "Minimum"), (node.Maximum, "Maximum"), (node.ExclusiveMinimum, "ExclusiveMinimum"),
                (node.ExclusiveMaximum, "ExclusiveMaximum"), (node.MultipleOf, "MultipleOf"),
            })
            {
                if (limit is not null)
                {
                    string exact = limit.FitsDecimal ? limit.Text + "m" : "null";
                    string approximate = keyword == "MultipleOf" ? $"{DoubleLiteral(limit.Text)}, " : "";
                    checks.Add($"{Check}{keyword}(value, {exact}, {approximate}{Literal(limit.Text)}, context)");
                }
            }

            AddCount(checks, node.MinLength, "MinLength");
            AddCount(checks, node.MaxLength, "MaxLength");
            if (node.Pattern is { } pattern)
            {
                checks.Add($"{Check}Pattern(value, {RegexField(node.DotNetPattern!)}, {Literal(pattern)}, context)");
            }

            if (node.Format is { } format)
            {
                checks.Add($"{Check}Format(value, {Runtime}JsonFormat.{format}, context)");
            }

            AddCount(checks, node.MinItems, "MinItems");
            AddCount(checks, node.MaxItems, "MaxItems");
            if (node.UniqueItems)
            {
                checks.Add($"{Check}UniqueItems(value, context)");
            }

            AddCount(checks, node.MinProperties, "MinProperties");
            AddCount(checks, node.MaxProperties, "MaxProperties");
            foreach (string required in node.Required)
            {
                checks.Add($"{Check}Required(value, {Literal(required)}, context)");
            }

            foreach (DependentRequiredSpec dependent in node.DependentRequired)
            {
                foreach (string required in dependent.Required)
                {
                    checks.Add($"{Check}DependentRequired(value, {Literal(dependent.WireName)}, {Literal(required)}, context)");
                }
            }
        }

        private static void AddCount(List<string> checks, long? count, string keyword)
        {
            if (count is { } value)
            {
                checks.Add($"{Check}{keyword}(value, {value.ToString(CultureInfo.InvariantCulture)}, context)");
            }
        }

        private void AddApplicatorChecks(SchemaNodeSpec node, List<string> checks)
        {
            if (node.Ref is { } target)
            {
                checks.Add($"{Method(target)}(value, context)");
            }

            checks.AddRange(node.AllOf.Select(branch => $"{Method(branch)}(value, context)"));
            if (node.AnyOf.Count > 0)
            {
                checks.Add($"{Check}AnyOf(value, {Branches(node, "AnyOf", node.AnyOf)}, context)");
            }

            if (node.OneOf.Count > 0)
            {
                checks.Add($"{Check}OneOf(value, {Branches(node, "OneOf", node.OneOf)}, context)");
            }

            if (node.Not is { } not)
            {
                checks.Add($"{Check}Not(value, {Method(not)}, context)");
            }

            if (node.If is { } condition && (node.Then is not null || node.Else is not null))
            {
                string then = node.Then is { } t ? $"{Method(t)}(value, context)" : "true";
                string otherwise = node.Else is { } e ? $"{Method(e)}(value, context)" : "true";
                checks.Add($"({Method(condition)}(value, null) ? {then} : {otherwise})");
            }

            checks.AddRange(node.DependentSchemas.Select(dependent =>
                $"(!{Check}HasMember(value, {Literal(dependent.Name)}) || {Method(dependent.Node)}(value, context))"));
        }

        private string Branches(SchemaNodeSpec node, string keyword, ImmutableEquatableArray<int> branches)
        {
            string validators = Field($"{Runtime}JsonSchemaValidator[]", $"s_{Camel(keyword)}{node.Id}", $"[{string.Join(", ", branches.Select(Method))}]");
            string titles = Field("string?[]", $"s_{Camel(keyword)}{node.Id}Titles", $"[{string.Join(", ", branches.Select(b => spec.Nodes[b].Title is { } title ? Literal(title) : "null"))}]");
            return $"{validators}, {titles}";
        }

        private void WriteArrayChecks(SchemaNodeSpec node)
        {
            bool countsContains = CountsContains(node);
            if (!LoopsOverItems(node))
            {
                return;
            }

            writer.Open($"if (value.ValueKind == {Json}JsonValueKind.Array && (valid || context is not null))");
            writer.Line("int index = 0;");
            if (countsContains)
            {
                writer.Line("int contained = 0;");
            }

            writer.Open($"foreach ({Json}JsonElement item in value.EnumerateArray())");
            string itemCheck(int target) => $"valid &= {Check}Item(item, index, {Method(target)}, context);";
            if (node.PrefixItems.Count > 0)
            {
                writer.Open("switch (index)");
                for (int i = 0; i < node.PrefixItems.Count; i++)
                {
                    writer.Line($"case {i.ToString(CultureInfo.InvariantCulture)}: {itemCheck(node.PrefixItems[i])} break;");
                }

                if (node.Items is { } rest)
                {
                    writer.Line($"default: {itemCheck(rest)} break;");
                }

                writer.Close();
            }
            else if (node.Items is { } items)
            {
                writer.Line(itemCheck(items));
            }

            if (countsContains)
            {
                writer.Open($"if ({Method(node.Contains!.Value)}(item, null))");
                writer.Line("contained++;");
                writer.Close();
            }

            writer.Line("index++;");
            writer.Close();
            if (countsContains)
            {
                string maximum = node.MaxContains is { } max ? max.ToString(CultureInfo.InvariantCulture) : "null";
                writer.Line($"valid &= {Check}Contains(contained, {(node.MinContains ?? 1).ToString(CultureInfo.InvariantCulture)}, {maximum}, context);");
            }

            writer.Close();
        }

        private void WriteObjectChecks(SchemaNodeSpec node)
        {
            if (!LoopsOverMembers(node))
            {
                return;
            }

            bool tracksDeclared = node.AdditionalProperties is not null;
            bool needsName = node.PropertyNames is not null;
            writer.Open($"if (value.ValueKind == {Json}JsonValueKind.Object && (valid || context is not null))");
            writer.Open($"foreach ({Json}JsonProperty property in value.EnumerateObject())");
            if (needsName)
            {
                writer.Line("string name = property.Name;");
            }

            if (tracksDeclared)
            {
                writer.Line("bool declared = false;");
            }

            // Declared members are found by comparing UTF-8 names, so a valid document allocates no names.
            for (int i = 0; i < node.Properties.Count; i++)
            {
                NamedSchemaSpec property = node.Properties[i];
                writer.Open($"{(i == 0 ? "if" : "else if")} (property.NameEquals({Utf8Literal(property.Name)}))");
                writer.Line($"valid &= {Check}Member(property, {Method(property.Node)}, context);");
                if (tracksDeclared)
                {
                    writer.Line("declared = true;");
                }

                writer.Close();
            }

            foreach (PatternSchemaSpec pattern in node.PatternProperties)
            {
                writer.Open($"if ({Check}NameMatches({RegexField(pattern.DotNetPattern)}, {Literal(pattern.Pattern)}, property, ref valid, context))");
                writer.Line($"valid &= {Check}Member(property, {Method(pattern.Node)}, context);");
                if (tracksDeclared)
                {
                    writer.Line("declared = true;");
                }

                writer.Close();
            }

            if (node.AdditionalProperties is { } additional)
            {
                writer.Open("if (!declared)");
                writer.Line(spec.Nodes[additional].IsFalse
                    ? $"valid &= {Check}NotAllowed(property.Name, context);"
                    : $"valid &= {Check}Member(property, {Method(additional)}, context);");
                writer.Close();
            }

            if (node.PropertyNames is { } names)
            {
                writer.Line($"valid &= {Check}PropertyName(name, {Method(names)}, context);");
            }

            writer.Open("if (!valid && context is null)");
            writer.Line("return false;");
            writer.Close();
            writer.Close();
            writer.Close();
        }

        /// <summary>A <c>u8</c> literal, or the string itself where it holds an unpaired surrogate (no UTF-8 form).</summary>
        private static string Utf8Literal(string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                if (char.IsSurrogate(text[i]) && !(char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[++i])))
                {
                    return Literal(text);
                }
            }

            return Literal(text) + "u8";
        }

        private string RegexField(string dotNetPattern)
        {
            if (!_regexFields.TryGetValue(dotNetPattern, out string? name))
            {
                name = Field(
                    "global::System.Text.RegularExpressions.Regex",
                    "s_pattern" + _regexFields.Count.ToString(CultureInfo.InvariantCulture),
                    $"{Runtime}JsonCheck.CreatePattern({Literal(dotNetPattern)})");
                _regexFields.Add(dotNetPattern, name);
            }

            return name;
        }

        /// <summary>Declares a static readonly field (once) and returns its name.</summary>
        private string Field(string type, string name, string initializer)
        {
            string declaration = $"private static readonly {type} {name} = {initializer};";
            if (!_fields.Contains(declaration))
            {
                _fields.Add(declaration);
            }

            return name;
        }

        private static string TypeFlags(int types)
        {
            string[] names = ["Null", "Boolean", "Object", "Array", "Number", "String", "Integer"];
            return string.Join(" | ", names.Where((_, bit) => (types & (1 << bit)) != 0).Select(name => $"{Runtime}JsonSchemaTypes.{name}"));
        }

        // Validators and their data are named so that no contract name can equal them (CS0542).
        private static string Method(int node) => "ValidateNode" + node.ToString(CultureInfo.InvariantCulture);

        private static string DoubleLiteral(string text)
        {
            // The schema's number text as a C# double: out-of-range values become infinities, as in JSON parsers.
            double value = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
            return double.IsPositiveInfinity(value) ? "double.PositiveInfinity"
                : double.IsNegativeInfinity(value) ? "double.NegativeInfinity"
                : value.ToString("R", CultureInfo.InvariantCulture) + "d";
        }
    }
}
