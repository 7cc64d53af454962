using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Insights.Contracts.Generator.Model;

namespace Insights.Contracts.Generator.Emitting;

internal static partial class ContractEmitter
{
    /// <summary>How a check reacts to a failure: report it with its path, or just answer false (oneOf/anyOf branches).</summary>
    private enum CheckMode
    {
        /// <summary>Validate(): report every failure, validating nested objects too.</summary>
        Report,

        /// <summary>While reading: report, but nested objects and enums were already checked by their own readers.</summary>
        ReportWhileReading,

        /// <summary>Branch matching: no report, the first failure returns false.</summary>
        Test,
    }

    /// <summary>Writes one object record: members, JSON reading and writing, validation, converter.</summary>
    private sealed class ObjectEmitter(SourceWriter writer, ContractFileSpec file, ObjectTypeSpec spec)
    {
        private readonly List<string> _staticFields = [];
        private readonly Dictionary<string, string> _staticFieldNames = [];
        private readonly Dictionary<string, int> _prefixCounters = [];
        private readonly Dictionary<string, string> _patternMatchers = [];
        private readonly List<string> _helperMethods = [];
        private readonly List<(string Method, ObjectRuleSpec Rule)> _ruleMethods = [];
        private readonly Dictionary<string, PropertySpec> _properties = spec.Properties.ToDictionary(p => p.WireName);
        private int _ruleCounter;

        private string Self => Qualified(file, spec.Name);

        private string Interface => $"{Runtime}IJsonContract<{Self}>";

        public void Write()
        {
            writer.Doc("summary", spec.Description);
            writer.Line($"[{Serialization}JsonConverter(typeof({Self}.Converter))]");
            writer.Line(GeneratedCode);
            writer.Open($"public sealed partial record {spec.Name} : {Interface}");
            WriteProperties();
            WriteVariantProperty();
            WritePublicApi();
            WriteReadJson();
            WriteWriteJson();
            WriteValidateJson();
            WriteRuleMethods();
            WriteConverter();
            WriteStaticFields();
            writer.Close();
            WriteVariantEnum();
        }

        private void WriteProperties()
        {
            foreach (PropertySpec property in spec.Properties)
            {
                writer.Doc("summary", property.Description);
                string presence = property.IsRequired ? "required" : property.DefaultLiteral is not null ? $"optional, default {property.DefaultLiteral}" : "optional";
                writer.Line($"/// <remarks>JSON member <c>{SourceWriter.EscapeXml(property.WireName)}</c> ({SourceWriter.EscapeXml(presence)}).</remarks>");
                string type = ClrType(file, property.Type) + (property.IsNullable ? "?" : "");
                string required = property.IsRequired ? "required " : "";
                string initializer = property.DefaultLiteral is not null && !property.IsRequired ? $" = {property.DefaultLiteral};" : "";
                writer.Line($"public {required}{type} {property.ClrName} {{ get; init; }}{initializer}");
                writer.Line();
            }
        }

        private void WriteVariantProperty()
        {
            if (spec.Variants is not { } variants)
            {
                return;
            }

            string enumType = Qualified(file, variants.EnumName);
            bool oneOf = variants.Keyword == "oneOf";
            writer.Line("/// <summary>");
            writer.Line(oneOf
                ? "/// Which alternative of the schema's <c>oneOf</c> this value is, or null when it matches none or"
                : "/// The first alternative of the schema's <c>anyOf</c> this value matches, or null when it matches none");
            writer.Line(oneOf
                ? "/// more than one (then <see cref=\"Validate\"/> reports a <c>oneOf</c> error)."
                : "/// (then <see cref=\"Validate\"/> reports an <c>anyOf</c> error).");
            writer.Line("/// </summary>");
            writer.Open($"public {enumType}? Variant");
            writer.Open("get");
            for (int i = 0; i < variants.Variants.Count; i++)
            {
                writer.Line($"bool matches{variants.Variants[i].ClrName} = Matches{variants.Variants[i].ClrName}(this);");
            }

            writer.Line($"int matched = {string.Join(" + ", variants.Variants.Select(v => $"(matches{v.ClrName} ? 1 : 0)"))};");
            writer.Open(oneOf ? "if (matched != 1)" : "if (matched == 0)");
            writer.Line("return null;");
            writer.Close();
            writer.Line();
            string chain = string.Join(" : ", variants.Variants.Take(variants.Variants.Count - 1).Select(v => $"matches{v.ClrName} ? {enumType}.{v.ClrName}"));
            string last = $"{enumType}.{variants.Variants[variants.Variants.Count - 1].ClrName}";
            writer.Line($"return {(chain.Length > 0 ? chain + " : " : "")}{last};");
            writer.Close();
            writer.Close();
            writer.Line();
        }

        private void WritePublicApi() => WriteContractApi(writer, file, spec, Self, ", members in schema order");

        private void WriteReadJson()
        {
            writer.Open($"static {Self}? {Interface}.ReadJson(ref {Json}Utf8JsonReader reader, {Runtime}ValidationContext context)");
            writer.Open($"if (reader.TokenType != {Json}JsonTokenType.StartObject)");
            writer.Line($"{Runtime}JsonRead.Mismatch(ref reader, context, \"object\", out bool _);");
            writer.Line("return null;");
            writer.Close();
            writer.Line();
            writer.Line("int errorsBefore = context.ErrorCount;");
            writer.Line("bool complete = true;");
            foreach (PropertySpec property in spec.Properties)
            {
                writer.Line($"bool has{property.ClrName} = false;");
                writer.Line($"{LocalType(property)} value{property.ClrName} = {LocalInitializer(property)};");
            }

            writer.Line();
            // One flat 'if ... continue' per member: an else-if chain would nest as deep as the
            // member count, and the compiler's cost (and stack) grows with that depth.
            writer.Open($"while (reader.Read() && reader.TokenType == {Json}JsonTokenType.PropertyName)");
            foreach (PropertySpec property in spec.Properties)
            {
                writer.Open($"if (reader.ValueTextEquals({Literal(property.WireName)}u8))");
                writer.Line("reader.Read();");
                writer.Open($"if (has{property.ClrName})");
                writer.Line($"{Runtime}JsonRead.RejectDuplicate(ref reader, context, {Literal(property.WireName)});");
                writer.Line("continue;");
                writer.Close();
                writer.Line();
                writer.Line($"has{property.ClrName} = true;");
                writer.Line($"context.PushProperty({Literal(property.WireName)});");
                string read = $"if ({ReadCall(file, property.Type, "reader", "context", $"{ClrType(file, property.Type)} read{property.ClrName}")})";
                if (property.Type.AllowsNull)
                {
                    writer.Open($"if (reader.TokenType == {Json}JsonTokenType.Null)");
                    writer.Line($"value{property.ClrName} = null;");
                    writer.Close();
                    read = "else " + read;
                }

                writer.Open(read);
                writer.Line($"value{property.ClrName} = read{property.ClrName};");
                if (HasChecks(property.Type, property.Constraints, CheckMode.ReportWhileReading))
                {
                    WriteChecks($"read{property.ClrName}", property.Type, property.Constraints, CheckMode.ReportWhileReading, 0);
                }

                writer.Close();
                writer.Open("else");
                writer.Line("complete = false;");
                writer.Close();
                writer.Line();
                writer.Line("context.Pop();");
                writer.Line("continue;");
                writer.Close();
                writer.Line();
            }

            if (spec.RejectsUnknownProperties)
            {
                writer.Line("string unknownName = reader.GetString()!;");
                writer.Line("reader.Read();");
                writer.Line($"{Runtime}JsonRead.RejectProperty(ref reader, context, unknownName);");
            }
            else
            {
                writer.Line("// The schema allows members it does not declare; they are skipped.");
                writer.Line($"{Runtime}JsonRead.SkipUnknownMember(ref reader, context);");
            }

            writer.Close();
            writer.Line();
            foreach (PropertySpec property in spec.Properties.Where(p => p.IsRequired))
            {
                writer.Open($"if (!has{property.ClrName})");
                writer.Line($"context.AddRequiredMissing({Literal(property.WireName)});");
                writer.Line("complete = false;");
                writer.Close();
                writer.Line();
            }

            writer.Line("// Object-level rules need every member; without them only the member errors above are reported.");
            writer.Open("if (!complete)");
            writer.Line("return null;");
            writer.Close();
            writer.Line();
            writer.Line($"var result = new {Self}");
            writer.Open();
            foreach (PropertySpec property in spec.Properties)
            {
                string bang = property.IsRequired && !property.Type.AllowsNull && IsReferenceType(property.Type) ? "!" : "";
                writer.Line($"{property.ClrName} = value{property.ClrName}{bang},");
            }

            writer.Close(";");
            writer.Line("ValidateObjectRules(result, context);");
            writer.Line("return context.ErrorCount == errorsBefore ? result : null;");
            writer.Close();
            writer.Line();
        }

        private string LocalType(PropertySpec property)
        {
            string type = ClrType(file, property.Type);
            bool nullable = property.IsNullable || (IsReferenceType(property.Type) && property.IsRequired);
            return nullable ? type + "?" : type;
        }

        private static string LocalInitializer(PropertySpec property) =>
            property.DefaultLiteral is not null && !property.IsRequired ? property.DefaultLiteral : "default";

        private void WriteWriteJson()
        {
            writer.Line("/// <summary>Writes this value as a JSON object, members in schema order.</summary>");
            writer.Open($"public void WriteJson({Json}Utf8JsonWriter writer)");
            writer.Line("global::System.ArgumentNullException.ThrowIfNull(writer);");
            writer.Line("writer.WriteStartObject();");
            foreach (PropertySpec property in spec.Properties)
            {
                string nameField = StaticField(
                    $"{Json}JsonEncodedText",
                    $"s_{Camel(property.ClrName)}Name",
                    $"{Json}JsonEncodedText.Encode({Literal(property.WireName)})");
                bool mayBeNull = property.IsNullable || IsReferenceType(property.Type);
                if (!mayBeNull)
                {
                    writer.Line($"writer.WritePropertyName({nameField});");
                    WriteValue(writer, file, property.Type, property.ClrName);
                    continue;
                }

                string local = Camel(property.ClrName) + "Value";
                bool writeNull = property.IsRequired;
                writer.Open($"if ({property.ClrName} is {{ }} {local})");
                writer.Line($"writer.WritePropertyName({nameField});");
                WriteValue(writer, file, property.Type, local);
                writer.Close();
                if (writeNull)
                {
                    // A required member set to null in code: write null rather than drop it, so the receiver sees the mistake.
                    writer.Open("else");
                    writer.Line($"writer.WriteNull({nameField});");
                    writer.Close();
                }
            }

            writer.Line("writer.WriteEndObject();");
            writer.Close();
            writer.Line();
        }

        private void WriteValidateJson()
        {
            writer.Open($"static void {Interface}.ValidateJson({Self} value, {Runtime}ValidationContext context)");
            foreach (PropertySpec property in spec.Properties)
            {
                if (property.IsRequired && !property.Type.AllowsNull && IsReferenceType(property.Type))
                {
                    writer.Open($"if (value.{property.ClrName} is null)");
                    writer.Line($"context.AddRequiredMissing({Literal(property.WireName)});");
                    writer.Close();
                    writer.Line();
                }

                if (!HasChecks(property.Type, property.Constraints, CheckMode.Report))
                {
                    continue;
                }

                string local = Camel(property.ClrName) + "Value";
                writer.Open($"if (value.{property.ClrName} is {{ }} {local})");
                writer.Line($"context.PushProperty({Literal(property.WireName)});");
                WriteChecks(local, property.Type, property.Constraints, CheckMode.Report, 0);
                writer.Line("context.Pop();");
                writer.Close();
                writer.Line();
            }

            writer.Line("ValidateObjectRules(value, context);");
            writer.Close();
            writer.Line();
            writer.Line("/// <summary>The rules over the whole object (applicators and <see cref=\"OnValidate\"/>), shared by reading and <see cref=\"Validate\"/>.</summary>");
            writer.Open($"private static void ValidateObjectRules({Self} value, {Runtime}ValidationContext context)");
            WriteObjectRuleReports(spec.Rules);
            writer.Line("value.OnValidate(context);");
            writer.Close();
            writer.Line();
            writer.Line("/// <summary>Implement in a partial declaration to add rules JSON Schema cannot express; report them to <paramref name=\"context\"/>.</summary>");
            writer.Line($"partial void OnValidate({Runtime}ValidationContext context);");
            writer.Line();
        }

        /// <summary>Top-level applicators: report which alternatives were expected when they fail.</summary>
        private void WriteObjectRuleReports(ObjectRuleSpec rules)
        {
            for (int i = 0; i < rules.AllOf.Count; i++)
            {
                string method = AddRuleMethod(rules.AllOf[i], null);
                writer.Open($"if (!{method}(value))");
                writer.Line($"context.AddError(\"allOf\", {Literal("does not satisfy " + Describe(rules.AllOf[i], i))});");
                writer.Close();
                writer.Line();
            }

            if (rules.AnyOf.Count > 0)
            {
                List<string> methods = rules.AnyOf
                    .Select((r, i) => AddRuleMethod(r, spec.Variants is { Keyword: "anyOf" } v ? "Matches" + v.Variants[i].ClrName : null))
                    .ToList();
                string alternatives = AlternativesField("s_anyOfAlternatives", rules.AnyOf);
                writer.Open($"if (!({string.Join(" || ", methods.Select(m => m + "(value)"))}))");
                writer.Line($"context.AddError(\"anyOf\", {Runtime}ErrorMessages.NoVariantMatched({alternatives}));");
                writer.Close();
                writer.Line();
            }

            if (rules.OneOf.Count > 0)
            {
                List<string> methods = rules.OneOf
                    .Select((r, i) => AddRuleMethod(r, spec.Variants is { Keyword: "oneOf" } v ? "Matches" + v.Variants[i].ClrName : null))
                    .ToList();
                string alternatives = AlternativesField("s_oneOfAlternatives", rules.OneOf);
                string titles = StaticField("string[]", "s_oneOfTitles", "{ " + string.Join(", ", rules.OneOf.Select((r, i) => Literal(r.Title ?? $"alternative {i + 1}"))) + " }");
                List<string> flags = methods.Select((m, i) => "oneOf" + i.ToString(CultureInfo.InvariantCulture)).ToList();
                for (int i = 0; i < methods.Count; i++)
                {
                    writer.Line($"bool {flags[i]} = {methods[i]}(value);");
                }

                writer.Line($"int matched = {string.Join(" + ", flags.Select(f => $"({f} ? 1 : 0)"))};");
                writer.Open("if (matched == 0)");
                writer.Line($"context.AddError(\"oneOf\", {Runtime}ErrorMessages.NoVariantMatched({alternatives}));");
                writer.Close();
                writer.Open("else if (matched > 1)");
                writer.Line($"context.AddError(\"oneOf\", {Runtime}ErrorMessages.SeveralVariantsMatched({titles}, new[] {{ {string.Join(", ", flags)} }}));");
                writer.Close();
                writer.Line();
            }

            if (rules.Not is { } not)
            {
                string method = AddRuleMethod(not, null);
                writer.Open($"if ({method}(value))");
                writer.Line($"context.AddError(\"not\", {Literal("must not match " + (not.Title ?? "the schema under 'not'"))});");
                writer.Close();
                writer.Line();
            }

            foreach (DependentRequiredSpec dependency in rules.DependentRequired)
            {
                string? trigger = PresenceCheck(dependency.WireName);
                foreach (string needed in dependency.Required)
                {
                    string? absent = AbsenceCheck(needed);
                    if (absent is null)
                    {
                        continue; // always present
                    }

                    writer.Open($"if ({(trigger is null ? "" : trigger + " && ")}{absent})");
                    writer.Line($"context.AddErrorAt({Literal(needed)}, \"dependentRequired\", {Literal($"property '{needed}' is required when '{dependency.WireName}' is present")});");
                    writer.Close();
                    writer.Line();
                }
            }

            if (rules.Conditional is { } conditional)
            {
                string condition = AddRuleMethod(conditional.If, null);
                writer.Open($"if ({condition}(value))");
                if (conditional.Then is { } then)
                {
                    writer.Open($"if (!{AddRuleMethod(then, null)}(value))");
                    writer.Line($"context.AddError(\"then\", {Literal("does not satisfy the 'then' schema" + (then.Title is { } t ? $" ({t})" : "") + ", which applies because the 'if' schema matches")});");
                    writer.Close();
                }

                writer.Close();
                if (conditional.Else is { } otherwise)
                {
                    writer.Open($"else if (!{AddRuleMethod(otherwise, null)}(value))");
                    writer.Line($"context.AddError(\"else\", {Literal("does not satisfy the 'else' schema" + (otherwise.Title is { } t ? $" ({t})" : "") + ", which applies because the 'if' schema does not match")});");
                    writer.Close();
                }

                writer.Line();
            }
        }

        /// <summary>
        /// An expression that is true when the member is present, or null when it always is (a
        /// required member, or one with a default). Only a nullable member can be absent.
        /// </summary>
        private string? PresenceCheck(string wireName) => CanBeAbsent(wireName) ? $"value.{_properties[wireName].ClrName} is not null" : null;

        /// <summary>The negation of <see cref="PresenceCheck"/>, written plainly: null when the member is always present.</summary>
        private string? AbsenceCheck(string wireName) => CanBeAbsent(wireName) ? $"value.{_properties[wireName].ClrName} is null" : null;

        private bool CanBeAbsent(string wireName) => _properties[wireName] is { IsNullable: true, Type.AllowsNull: false };

        private string AlternativesField(string name, IReadOnlyList<ObjectRuleSpec> branches) =>
            StaticField("string[]", name, "{ " + string.Join(", ", branches.Select((r, i) => Literal(Describe(r, i)))) + " }");

        private static string Describe(ObjectRuleSpec rule, int index) =>
            (rule.Title ?? $"alternative {index + 1}") + (rule.Description is { } d ? $" ({d.TrimEnd('.')})" : "");

        private string AddRuleMethod(ObjectRuleSpec rule, string? name)
        {
            name ??= "MatchesRule" + (++_ruleCounter).ToString(CultureInfo.InvariantCulture);
            _ruleMethods.Add((name, rule));
            return name;
        }

        /// <summary>Each branch becomes a boolean method over the typed record; nested branches add more.</summary>
        private void WriteRuleMethods()
        {
            for (int index = 0; index < _ruleMethods.Count; index++)
            {
                (string method, ObjectRuleSpec rule) = _ruleMethods[index];
                writer.Doc("summary", rule.Title is null ? "One branch of the schema's applicators." : $"The '{rule.Title}' branch: {rule.Description ?? rule.Title}");
                writer.Open($"private static bool {method}({Self} value)");
                foreach (string wireName in rule.Required)
                {
                    if (AbsenceCheck(wireName) is { } absent)
                    {
                        writer.Open($"if ({absent})");
                        writer.Line("return false;");
                        writer.Close();
                        writer.Line();
                    }
                }

                foreach (PropertyRuleSpec propertyRule in rule.Properties)
                {
                    PropertySpec property = _properties[propertyRule.WireName];
                    if (!HasChecks(property.Type, propertyRule.Constraints, CheckMode.Test))
                    {
                        continue;
                    }

                    string local = Camel(property.ClrName) + "Value";
                    writer.Open($"if (value.{property.ClrName} is {{ }} {local})");
                    WriteChecks(local, property.Type, propertyRule.Constraints, CheckMode.Test, 0);
                    writer.Close();
                    writer.Line();
                }

                foreach (ObjectRuleSpec all in rule.AllOf)
                {
                    writer.Open($"if (!{AddRuleMethod(all, null)}(value))");
                    writer.Line("return false;");
                    writer.Close();
                    writer.Line();
                }

                if (rule.AnyOf.Count > 0)
                {
                    writer.Open($"if (!({string.Join(" || ", rule.AnyOf.Select(r => AddRuleMethod(r, null) + "(value)"))}))");
                    writer.Line("return false;");
                    writer.Close();
                    writer.Line();
                }

                if (rule.OneOf.Count > 0)
                {
                    writer.Open($"if ({string.Join(" + ", rule.OneOf.Select(r => $"({AddRuleMethod(r, null)}(value) ? 1 : 0)"))} != 1)");
                    writer.Line("return false;");
                    writer.Close();
                    writer.Line();
                }

                if (rule.Not is { } not)
                {
                    writer.Open($"if ({AddRuleMethod(not, null)}(value))");
                    writer.Line("return false;");
                    writer.Close();
                    writer.Line();
                }

                foreach (DependentRequiredSpec dependency in rule.DependentRequired)
                {
                    string? trigger = PresenceCheck(dependency.WireName);
                    foreach (string? absent in dependency.Required.Select(AbsenceCheck).Where(a => a is not null))
                    {
                        writer.Open($"if ({(trigger is null ? "" : trigger + " && ")}{absent})");
                        writer.Line("return false;");
                        writer.Close();
                        writer.Line();
                    }
                }

                if (rule.Conditional is { } conditional)
                {
                    string then = conditional.Then is null ? "true" : AddRuleMethod(conditional.Then, null) + "(value)";
                    string otherwise = conditional.Else is null ? "true" : AddRuleMethod(conditional.Else, null) + "(value)";
                    writer.Open($"if (!({AddRuleMethod(conditional.If, null)}(value) ? {then} : {otherwise}))");
                    writer.Line("return false;");
                    writer.Close();
                    writer.Line();
                }

                writer.Line("return true;");
                writer.Close();
                writer.Line();
            }
        }

        private static bool HasChecks(ValueTypeSpec type, ConstraintSpec constraints, CheckMode mode)
        {
            if (!constraints.IsEmpty && !(constraints with { Items = null }).IsEmpty)
            {
                return true;
            }

            return type.Kind switch
            {
                ValueKind.Object or ValueKind.Enum => mode == CheckMode.Report,
                // Strings set in code are checked for unpaired surrogates (see JsonCheck.WellFormed).
                ValueKind.OpenEnum or ValueKind.String => mode == CheckMode.Report,
                ValueKind.Boolean or ValueKind.Date or ValueKind.Guid => false,
                // Items of reference type may be null in an array built in code: Validate() reports them.
                ValueKind.Array => HasChecks(type.Item!, constraints.Items ?? ConstraintSpec.None, mode)
                    || (mode != CheckMode.ReportWhileReading && IsReferenceType(type.Item!)),
                _ => false,
            };
        }

        /// <summary>
        /// Writes the checks of one value. In <see cref="CheckMode.Report"/> each failure is reported to
        /// <c>context</c> (whose path the caller has set); in <see cref="CheckMode.Test"/> the first failure
        /// returns false. The same JsonCheck calls serve both, so the two can never disagree.
        /// </summary>
        private void WriteChecks(string value, ValueTypeSpec type, ConstraintSpec constraints, CheckMode mode, int depth)
        {
            bool reports = mode != CheckMode.Test;
            string context = reports ? "context" : "null";
            void Check(string call)
            {
                if (reports)
                {
                    writer.Line(call + ";");
                }
                else
                {
                    writer.Open($"if (!{call})");
                    writer.Line("return false;");
                    writer.Close();
                }
            }

            string check = Runtime + "JsonCheck.";
            switch (type.Kind)
            {
                case ValueKind.String:
                case ValueKind.OpenEnum:
                    string text = type.Kind == ValueKind.OpenEnum ? value + ".Value" : value;
                    if (mode == CheckMode.Report)
                    {
                        Check($"{check}WellFormed({text}, {context})");
                    }

                    if (constraints.MinLength is { } minLength)
                    {
                        Check($"{check}MinLength({text}, {minLength}, {context})");
                    }

                    if (constraints.MaxLength is { } maxLength)
                    {
                        Check($"{check}MaxLength({text}, {maxLength}, {context})");
                    }

                    if (constraints is { Pattern: { } simple, SimplePattern: { } parts })
                    {
                        Check($"{check}Pattern({PatternMatcher(simple, parts)}({text}), {text}, {Literal(simple)}, {context})");
                    }
                    else if (constraints.Pattern is { } pattern)
                    {
                        // The schema's ECMA-262 pattern, rewritten by the parser into .NET's dialect. Compiled:
                        // about 3x faster per match than interpreted; NativeAOT ignores the flag and interprets.
                        string regex = StaticField(
                            "global::System.Text.RegularExpressions.Regex",
                            NextName("s_pattern"),
                            $"{Runtime}JsonCheck.CreatePattern({Literal(constraints.DotNetPattern!)})");
                        Check($"{check}Pattern({text}, {regex}, {Literal(pattern)}, {context})");
                    }

                    if (constraints.Format is { } format)
                    {
                        Check($"{check}Format({text}, {Runtime}JsonFormat.{format}, {context})");
                    }

                    WriteAllowedValues(Check, text, constraints, context);
                    break;

                case ValueKind.Enum:
                    string wire = Qualified(file, type.TypeName! + "Wire");
                    if (mode == CheckMode.Report)
                    {
                        Check($"{wire}.Check({value}, {context})");
                    }

                    WriteAllowedValues(Check, $"({wire}.IsDefined({value}) ? {wire}.ToWireName({value}) : string.Empty)", constraints, context);
                    break;

                case ValueKind.Int32:
                case ValueKind.Int64:
                case ValueKind.Double:
                    bool integral = type.Kind != ValueKind.Double;
                    foreach ((string? bound, string name) in new[]
                    {
                        (constraints.Minimum, "Minimum"), (constraints.Maximum, "Maximum"),
                        (constraints.ExclusiveMinimum, "ExclusiveMinimum"), (constraints.ExclusiveMaximum, "ExclusiveMaximum"),
                        (constraints.MultipleOf, "MultipleOf"),
                    })
                    {
                        if (bound is not null)
                        {
                            Check($"{check}{name}({value}, {NumberLiteral(bound, integral)}, {context})");
                        }
                    }

                    WriteAllowedValues(Check, value, constraints, context);
                    break;

                case ValueKind.Boolean:
                    WriteAllowedValues(Check, value, constraints, context);
                    break;

                case ValueKind.Object:
                    if (mode == CheckMode.Report)
                    {
                        writer.Line($"{check}Object({value}, context);");
                    }

                    break;

                case ValueKind.Array:
                    if (constraints.MinItems is { } minItems)
                    {
                        Check($"{check}MinItems({value}, {minItems}, {context})");
                    }

                    if (constraints.MaxItems is { } maxItems)
                    {
                        Check($"{check}MaxItems({value}, {maxItems}, {context})");
                    }

                    if (constraints.UniqueItems)
                    {
                        Check($"{check}UniqueItems({value}, {context})");
                    }

                    ConstraintSpec itemConstraints = constraints.Items ?? ConstraintSpec.None;
                    if (HasChecks(type.Item!, itemConstraints, mode))
                    {
                        string index = "i" + depth.ToString(CultureInfo.InvariantCulture);
                        string item = "item" + depth.ToString(CultureInfo.InvariantCulture);
                        writer.Open($"for (int {index} = 0; {index} < {value}.Count; {index}++)");
                        writer.Line($"{ClrType(file, type.Item!)} {item} = {value}[{index}];");
                        if (reports)
                        {
                            writer.Line($"context.PushIndex({index});");
                        }

                        bool nullCheck = mode != CheckMode.ReportWhileReading && IsReferenceType(type.Item!);
                        if (nullCheck)
                        {
                            writer.Open($"if ({item} is null)");
                            writer.Line(reports
                                ? $"context.AddTypeMismatch({Literal(type.Item!.Kind == ValueKind.String ? "string" : "object")}, {Json}JsonTokenType.Null);"
                                : "return false;");
                            writer.Close();
                            writer.Open("else");
                        }

                        WriteChecks(item, type.Item!, itemConstraints, mode, depth + 1);
                        if (nullCheck)
                        {
                            writer.Close();
                        }

                        if (reports)
                        {
                            writer.Line("context.Pop();");
                        }

                        writer.Close();
                    }

                    break;
            }
        }

        private void WriteAllowedValues(System.Action<string> check, string value, ConstraintSpec constraints, string context)
        {
            if (constraints.AllowedValues.Count == 0)
            {
                return;
            }

            string keyword = Literal(constraints.AllowedValuesKeyword);
            string field = NextName("s_allowed");
            LiteralKind kind = constraints.AllowedValues[0].Kind;
            string elements = string.Join(", ", constraints.AllowedValues.Select(v => kind switch
            {
                LiteralKind.String => Literal(v.Text),
                LiteralKind.Number => NumberLiteral(v.Text, integral: false),
                _ => v.Text,
            }));
            string elementType = kind switch { LiteralKind.String => "string", LiteralKind.Number => "double", _ => "bool" };
            string allowed = StaticField(elementType + "[]", field, "{ " + elements + " }");
            check($"{Runtime}JsonCheck.Allowed({value}, {allowed}, {keyword}, {context})");
        }

        private void WriteConverter()
        {
            writer.Line($"/// <summary>Reads (with full validation) and writes <see cref=\"{spec.Name}\"/> for System.Text.Json, without reflection.</summary>");
            writer.Line($"public sealed class Converter : {Runtime}ContractJsonConverter<{Self}>");
            writer.Open();
            writer.Close();
        }

        /// <summary>Declares a static field once per (type, initializer) and returns its name; equal constants share one field.</summary>
        private string StaticField(string type, string name, string initializer)
        {
            string key = type + " = " + initializer;
            if (_staticFieldNames.TryGetValue(key, out string? existing))
            {
                return existing;
            }

            _staticFieldNames.Add(key, name);
            _staticFields.Add($"private static readonly {type} {name} = {initializer};");
            return name;
        }

        private string NextName(string prefix)
        {
            _prefixCounters.TryGetValue(prefix, out int count);
            _prefixCounters[prefix] = ++count;
            return prefix + count.ToString(CultureInfo.InvariantCulture);
        }

        /// <summary>Declares (once per pattern) a method that matches a simple pattern with direct character tests.</summary>
        private string PatternMatcher(string pattern, ImmutableEquatableArray<PatternPartSpec> parts)
        {
            if (_patternMatchers.TryGetValue(pattern, out string? existing))
            {
                return existing;
            }

            string name = NextName("MatchesPattern");
            _patternMatchers.Add(pattern, name);
            var method = new SourceWriter();
            method.Line($"/// <summary>Matches <c>{SourceWriter.EscapeXml(pattern)}</c> with direct character tests (no regex engine needed).</summary>");
            method.Open($"private static bool {name}(string value)");
            int min = parts.Sum(p => p.Min);
            bool unbounded = parts.Any(p => p.Max < 0);
            int max = unbounded ? -1 : parts.Sum(p => p.Max);
            method.Open($"if (value.Length < {min}{(unbounded ? "" : $" || value.Length > {max}")})");
            method.Line("return false;");
            method.Close();
            method.Line();
            method.Line("int i = 0;");
            for (int index = 0; index < parts.Count; index++)
            {
                PatternPartSpec part = parts[index];
                string condition = string.Join(" or ", part.Ranges.Select(r => r.From == r.To ? CharLiteral(r.From) : $"(>= {CharLiteral(r.From)} and <= {CharLiteral(r.To)})"));
                // Every part but the last has a fixed count; the length check above leaves the rest to the last.
                method.Open(index < parts.Count - 1 ? $"for (int stop = i + {part.Min}; i < stop; i++)" : "for (; i < value.Length; i++)");
                method.Open($"if (value[i] is not ({condition}))");
                method.Line("return false;");
                method.Close();
                method.Close();
                method.Line();
            }

            method.Line("return true;");
            method.Close();
            _helperMethods.Add(method.ToString());
            return name;
        }

        private static string CharLiteral(char c) => c switch
        {
            '\'' => "'\\''",
            '\\' => "'\\\\'",
            _ => $"'{c}'",
        };

        private void WriteStaticFields()
        {
            foreach (string method in _helperMethods)
            {
                foreach (string line in method.TrimEnd('\n').Split('\n'))
                {
                    writer.Line(line);
                }

                writer.Line();
            }

            if (_staticFields.Count == 0)
            {
                return;
            }

            writer.Line();
            foreach (string field in _staticFields)
            {
                writer.Line(field);
            }
        }

        private void WriteVariantEnum()
        {
            if (spec.Variants is not { } variants)
            {
                return;
            }

            writer.Line();
            writer.Line($"/// <summary>The alternatives of <see cref=\"{spec.Name}\"/>'s <c>{variants.Keyword}</c>, by their schema titles.</summary>");
            writer.Line(GeneratedCode);
            writer.Open($"public enum {variants.EnumName}");
            foreach (VariantSpec variant in variants.Variants)
            {
                writer.Doc("summary", variant.Description ?? variant.Title);
                writer.Line(variant.ClrName + ",");
            }

            writer.Close();
        }

        /// <summary>A schema number as a C# literal: <c>long</c> for integral bounds of integer values, otherwise <c>double</c>.</summary>
        private static string NumberLiteral(string json, bool integral)
        {
            if (integral && long.TryParse(json, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long whole))
            {
                return whole.ToString(CultureInfo.InvariantCulture) + "L";
            }

            double value = double.Parse(json, NumberStyles.Float, CultureInfo.InvariantCulture);
            return value.ToString("R", CultureInfo.InvariantCulture) + "d";
        }
    }
}
