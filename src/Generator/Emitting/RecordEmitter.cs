using System.Collections.Generic;
using System.Linq;
using Insights.Contracts.Generator.Model;

namespace Insights.Contracts.Generator.Emitting;

internal static partial class ContractEmitter
{
    /// <summary>Where a value's checks run, which decides what they report and how.</summary>
    private enum CheckMode
    {
        /// <summary>While reading JSON: each failure reported; nested objects and enums were checked by their own readers.</summary>
        Read,

        /// <summary><c>Validate()</c> of a value built in code: each failure reported, nested objects validated too.</summary>
        Validate,

        /// <summary>In a branch of an applicator: the context may be null (only match), and failures make the branch false.</summary>
        Rule,
    }

    /// <summary>Writes one record: members, JSON reading and writing, validation, converter.</summary>
    private sealed partial class RecordEmitter
    {
        private readonly SourceWriter _writer;
        private readonly ContractFileSpec _file;
        private readonly RecordTypeSpec _spec;
        private readonly TypeMembers _members = new();
        private readonly KeywordChecks _checks;
        private readonly SourceWriter _validatorSource = new();
        private readonly NodeValidators _validators;
        private readonly Dictionary<string, PropertySpec> _properties;
        private readonly Dictionary<string, string> _unionReaders = [];
        private readonly Dictionary<string, string> _unionValidators = [];

        public RecordEmitter(SourceWriter writer, ContractFileSpec file, RecordTypeSpec spec)
        {
            _writer = writer;
            _file = file;
            _spec = spec;
            _checks = new KeywordChecks(file.Model, _members);
            _validators = new NodeValidators(_validatorSource, file.Model, _members);
            _properties = spec.Properties.ToDictionary(p => p.WireName);
        }

        private string Self => Qualified(_file, _spec.Name);

        private string Interface => $"{Runtime}IJsonContract<{Self}>";

        private SchemaModel Model => _file.Model;

        public void Write()
        {
            _writer.Doc("summary", _spec.Description);
            if (_spec.RulesCheckedAsJson is { } reason)
            {
                _writer.Doc("remarks", $"Parsing checks the object against its whole schema as JSON before reading the members, because {reason}.");
            }

            _writer.Line($"[{Serialization}JsonConverter(typeof({Self}.Converter))]");
            _writer.Line(GeneratedCode);
            string union = _spec.UnionCase is { } unionCase ? Qualified(_file, unionCase.Union) + ", " : "";
            _writer.Open($"public sealed partial record {_spec.Name} : {union}{Interface}");
            WriteProperties();
            WriteAdditionalMembersProperty();
            WriteVariantProperty();
            WriteContractApi(_writer, _file, _spec, Self, ", members in schema order", derived: _spec.UnionCase is not null);
            WriteReadJson();
            WriteWriteJson();
            WriteValidateJson();
            WriteRuleMethods();
            WriteNodeValidators();
            WriteContractConverter(_writer, _spec.Name, Self, derived: _spec.UnionCase is not null);
            _members.WriteTo(_writer);
            _writer.Close();
            WriteVariantEnum();
        }

        private void WriteProperties()
        {
            if (TracksExplicitNulls)
            {
                _writer.Line("/// <summary>The members that are JSON null rather than absent, one bit each.</summary>");
                _writer.Line("private ulong _explicitNulls;");
                _writer.Line();
            }

            foreach (PropertySpec property in _spec.Properties)
            {
                _writer.Doc("summary", property.Description);
                string presence = IsFixedDiscriminator(property) ? $"required, always {property.DefaultLiteral} in this branch"
                    : property.IsRequired
                    ? property.DefaultLiteral is not null ? $"required, initially {property.DefaultLiteral}" : "required"
                    : property.DefaultLiteral is not null ? $"optional, default {property.DefaultLiteral}" : "optional";
                _writer.Line($"/// <remarks>JSON member <c>{SourceWriter.EscapeXml(property.WireName)}</c> ({SourceWriter.EscapeXml(presence)}).</remarks>");
                if (IsFixedDiscriminator(property))
                {
                    // The branch's type fixes its discriminator: no code can set another value, and it is still written.
                    _writer.Line($"public string {property.ClrName} => {property.DefaultLiteral};");
                    _writer.Line();
                    continue;
                }

                string type = ClrType(_file, property.Shape) + (property.IsNullable ? "?" : "");
                if (ExplicitNullBit(property) is { } bit)
                {
                    // Setting it (null too) makes it present: null is then written as JSON null, as read.
                    string field = "_" + Camel(property.ClrName);
                    _writer.Line($"public {type} {property.ClrName} {{ get => {field}; init {{ {field} = value; _explicitNulls = value is null ? _explicitNulls | {bit} : _explicitNulls & ~{bit}; }} }}");
                    _writer.Line();
                    _writer.Line($"private {type} {field};");
                    _writer.Line();
                    continue;
                }

                // A required member with a default (its const) need not be set in code, but must be in JSON.
                string required = property.IsRequired && property.DefaultLiteral is null ? "required " : "";
                string initializer = property.DefaultLiteral is not null ? $" = {DefaultValue(property)};" : "";
                _writer.Line($"public {required}{type} {property.ClrName} {{ get; init; }}{initializer}");
                _writer.Line();
            }
        }

        /// <summary>
        /// The bit of an optional member whose schema allows null in <c>_explicitNulls</c>, which
        /// records the members that are JSON <c>null</c> rather than absent (<c>{"note": null}</c> and
        /// <c>{}</c> are different documents: JSON Merge Patch); null for other members and past the
        /// 64th such member, which read and write null as absent.
        /// </summary>
        private string? ExplicitNullBit(PropertySpec property)
        {
            int index = _spec.Properties.Where(p => p is { IsRequired: false, DefaultLiteral: null, Shape.AllowsNull: true }).ToList().IndexOf(property);
            return index is >= 0 and < 64 ? $"(1UL << {index})" : null;
        }

        private bool TracksExplicitNulls => _spec.Properties.Any(p => ExplicitNullBit(p) is not null);

        /// <summary>
        /// The member of a union branch that tells the branches apart: its <c>const</c> is the
        /// branch's value, so the property returns it rather than letting code set another.
        /// </summary>
        private bool IsFixedDiscriminator(PropertySpec property) =>
            _spec.UnionCase is { Value: not null } unionCase
            && property is { IsRequired: true, IsNullable: false, DefaultLiteral: not null, Shape.Kind: ValueKind.String }
            && _file.Types.OfType<UnionTypeSpec>().FirstOrDefault(u => u.Name == unionCase.Union)?.Discriminator == property.WireName;

        private void WriteAdditionalMembersProperty()
        {
            if (_spec.AdditionalMembers is not { } map)
            {
                return;
            }

            _writer.Line(map.Pattern is { } pattern
                ? $"/// <summary>The members whose names match <c>{SourceWriter.EscapeXml(pattern.Text)}</c> (<c>patternProperties</c>), in document order.</summary>"
                : "/// <summary>The members the schema does not name (<c>additionalProperties</c>), in document order.</summary>");
            _writer.Line($"public {ClrType(_file, new ValueShape(ValueKind.Map, ImmutableEquatableArray<int>.Empty, Item: map.Value))} {map.ClrName} {{ get; init; }}");
            _writer.Line();
        }

        private void WriteVariantProperty()
        {
            if (_spec.UnionCase is { } unionCase)
            {
                string variantEnum = Qualified(_file, unionCase.EnumName);
                _writer.Line($"/// <inheritdoc/>");
                _writer.Line($"public override {variantEnum} Variant => {variantEnum}.{unionCase.VariantName};");
                _writer.Line();
                return;
            }

            if (_spec.Variants is not { } variants)
            {
                return;
            }

            string enumType = Qualified(_file, variants.EnumName);
            bool oneOf = variants.Keyword == "oneOf";
            _writer.Line("/// <summary>");
            _writer.Line(oneOf
                ? "/// Which alternative of the schema's <c>oneOf</c> this value is, or null when it matches none or"
                : "/// The first alternative of the schema's <c>anyOf</c> this value matches, or null when it matches none");
            _writer.Line(oneOf
                ? "/// more than one (then <c>Validate()</c> reports a <c>oneOf</c> error)."
                : "/// (then <c>Validate()</c> reports an <c>anyOf</c> error).");
            _writer.Line("/// </summary>");
            _writer.Open($"public {enumType}? Variant");
            _writer.Open("get");
            foreach (VariantSpec variant in variants.Variants)
            {
                _writer.Line($"bool matches{variant.ClrName} = {RuleMethod(variant.Node, "Matches" + variant.ClrName)}(this, null);");
            }

            _writer.Line($"int matched = {string.Join(" + ", variants.Variants.Select(v => $"(matches{v.ClrName} ? 1 : 0)"))};");
            _writer.Open(oneOf ? "if (matched != 1)" : "if (matched == 0)");
            _writer.Line("return null;");
            _writer.Close();
            _writer.Line();
            string chain = string.Join(" : ", variants.Variants.Take(variants.Variants.Count - 1).Select(v => $"matches{v.ClrName} ? {enumType}.{v.ClrName}"));
            string last = $"{enumType}.{variants.Variants[variants.Variants.Count - 1].ClrName}";
            _writer.Line($"return {(chain.Length > 0 ? chain + " : " : "")}{last};");
            _writer.Close();
            _writer.Close();
            _writer.Line();
        }

        private void WriteReadJson()
        {
            _writer.Open($"static {Self}? {Interface}.ReadJson(ref {Json}Utf8JsonReader reader, {Runtime}ValidationContext context)");
            _writer.Open($"if (reader.TokenType != {Json}JsonTokenType.StartObject)");
            _writer.Line($"{CompilerServices}JsonRead.Mismatch(ref reader, context, \"object\", out bool _);");
            _writer.Line("return null;");
            _writer.Close();
            _writer.Line();
            if (_spec.RulesCheckedAsJson is not null)
            {
                _writer.Line("// The schema has rules with no check over the members: the object is checked as JSON first, then its members are read.");
                _writer.Line($"{Json}Utf8JsonReader whole = reader;");
                _writer.Line($"{Json}JsonElement element = {Json}JsonElement.ParseValue(ref whole);");
                _writer.Open($"if (!{JsonChecks("element")})");
                _writer.Line("reader = whole;");
                _writer.Line("return null;");
                _writer.Close();
                _writer.Line();
            }

            SchemaNode home = Model[_spec.Node];
            bool countsMembers = _spec.RulesCheckedAsJson is null && (home.MinProperties is not null || home.MaxProperties is not null);
            _writer.Line("int errorsBefore = context.ErrorCount;");
            _writer.Line("bool complete = true;");
            if (TracksExplicitNulls)
            {
                _writer.Line("ulong explicitNulls = 0;");
            }
            if (countsMembers)
            {
                _writer.Line("int memberCount = 0;");
            }

            foreach (PropertySpec property in _spec.Properties)
            {
                _writer.Line($"bool has{property.ClrName} = false;");
                _writer.Line($"{LocalType(property)} value{property.ClrName} = {LocalInitializer(property)};");
            }

            if (_spec.AdditionalMembers is { } map)
            {
                _writer.Line($"global::System.Collections.Generic.Dictionary<string, {ClrType(_file, map.Value)}>? additional = null;");
            }

            _writer.Line();

            // One flat 'if ... continue' per member: an else-if chain would nest as deep as the
            // member count, and the compiler's cost (and stack) grows with that depth.
            _writer.Open($"while (reader.Read() && reader.TokenType == {Json}JsonTokenType.PropertyName)");
            if (countsMembers)
            {
                _writer.Line("memberCount++;");
            }

            if (_spec.RulesCheckedAsJson is null && home.PropertyNames is { } names)
            {
                _writer.Line($"{CompilerServices}JsonValueCheck.PropertyName(reader.GetString()!, {_validators.Validator(names)}, context);");
            }

            foreach (PropertySpec property in _spec.Properties)
            {
                WriteReadMember(property);
            }

            if (_spec.AdditionalMembers is { } additionalMembers)
            {
                WriteReadAdditionalMember(additionalMembers);
            }
            else if (_spec.RejectsUnknownProperties)
            {
                _writer.Line("string unknownName = reader.GetString()!;");
                _writer.Line("reader.Read();");
                _writer.Line($"{CompilerServices}JsonRead.RejectProperty(ref reader, context, unknownName);");
            }
            else
            {
                _writer.Line("// The schema allows members it does not declare; they are skipped.");
                _writer.Line($"{CompilerServices}JsonRead.SkipUnknownMember(ref reader, context);");
            }

            _writer.Close();
            _writer.Line();
            // Missing members in the order 'required' lists them, as JSON-backed values report them.
            // (A name the record does not declare was required by the JSON check of its rules, above.)
            foreach (PropertySpec property in _spec.Required.Where(_properties.ContainsKey).Select(name => _properties[name]))
            {
                _writer.Open($"if (!has{property.ClrName})");
                _writer.Line($"context.AddRequiredMissing({Literal(property.WireName)});");
                _writer.Line("complete = false;");
                _writer.Close();
                _writer.Line();
            }

            if (countsMembers)
            {
                foreach (string check in ObjectCounts(home, "memberCount"))
                {
                    _writer.Line(check + ";");
                }

                _writer.Line();
            }

            _writer.Line("// Object-level rules need every member; without them only the member errors above are reported.");
            _writer.Open("if (!complete)");
            _writer.Line("return null;");
            _writer.Close();
            _writer.Line();
            _writer.Line($"var result = new {Self}");
            _writer.Open();
            foreach (PropertySpec property in _spec.Properties.Where(p => !IsFixedDiscriminator(p)))
            {
                string bang = property.IsRequired && !property.Shape.AllowsNull && property.Shape.IsReferenceType ? "!" : "";
                _writer.Line($"{property.ClrName} = value{property.ClrName}{bang},");
            }

            if (_spec.AdditionalMembers is { } members)
            {
                _writer.Line($"{members.ClrName} = additional is null ? default : new(additional),");
            }

            _writer.Close(";");
            if (TracksExplicitNulls)
            {
                // The initializer set every member, absent ones too: the nulls read are the explicit ones.
                _writer.Line("result._explicitNulls = explicitNulls;");
            }

            _writer.Line("ValidateObjectRules(result, context);");
            _writer.Line("return context.ErrorCount == errorsBefore ? result : null;");
            _writer.Close();
            _writer.Line();
        }

        private void WriteWriteJson()
        {
            _writer.Line("/// <summary>Writes this value as a JSON object, members in schema order.</summary>");
            _writer.Open($"public {(_spec.UnionCase is null ? "" : "override ")}void WriteJson({Json}Utf8JsonWriter writer)");
            _writer.Line("global::System.ArgumentNullException.ThrowIfNull(writer);");
            _writer.Line("writer.WriteStartObject();");
            foreach (PropertySpec property in _spec.Properties)
            {
                string nameField = _members.Field($"{Json}JsonEncodedText", $"s_{Camel(property.ClrName)}Name", $"{Json}JsonEncodedText.Encode({Literal(property.WireName)})", numbered: false);
                bool mayBeNull = property.IsNullable || property.Shape.IsReferenceType;
                if (!mayBeNull)
                {
                    _writer.Line($"writer.WritePropertyName({nameField});");
                    WriteValue(_writer, _file, property.Shape, property.ClrName);
                    continue;
                }

                string local = Camel(property.ClrName) + "Value";
                _writer.Open($"if ({property.ClrName} is {{ }} {local})");
                _writer.Line($"writer.WritePropertyName({nameField});");
                WriteValue(_writer, _file, property.Shape, local);
                _writer.Close();
                if (ExplicitNullBit(property) is { } explicitNull)
                {
                    _writer.Open($"else if ((_explicitNulls & {explicitNull}) != 0)");
                    _writer.Line($"writer.WriteNull({nameField});");
                    _writer.Close();
                }

                if (property.IsRequired)
                {
                    // A required member set to null in code: write null rather than drop it, so the receiver sees the mistake.
                    _writer.Open("else");
                    _writer.Line($"writer.WriteNull({nameField});");
                    _writer.Close();
                }
            }

            if (_spec.AdditionalMembers is { } map)
            {
                _writer.Open($"foreach (global::System.Collections.Generic.KeyValuePair<string, {ClrType(_file, map.Value)}> entry in {map.ClrName})");
                _writer.Line("writer.WritePropertyName(entry.Key);");
                WriteValue(_writer, _file, map.Value, "entry.Value", depth: 1);
                _writer.Close();
            }

            _writer.Line("writer.WriteEndObject();");
            _writer.Close();
            _writer.Line();
        }

        private void WriteValidateJson()
        {
            _writer.Open($"static void {Interface}.ValidateJson({Self} value, {Runtime}ValidationContext context)");
            if (_spec.RulesCheckedAsJson is not null)
            {
                _writer.Line("int errorsBefore = context.ErrorCount;");
            }

            foreach (PropertySpec property in _spec.Properties)
            {
                if (property.IsRequired && !property.Shape.AllowsNull && (property.Shape.IsReferenceType || property.Shape.Kind == ValueKind.Json))
                {
                    string missing = property.Shape.Kind == ValueKind.Json ? $".ValueKind == {Json}JsonValueKind.Undefined" : " is null";
                    _writer.Open($"if (value.{property.ClrName}{missing})");
                    _writer.Line($"context.AddRequiredMissing({Literal(property.WireName)});");
                    _writer.Close();
                    _writer.Line();
                }

                string local = Camel(property.ClrName) + "Value";
                string checks = SourceWriter.Capture(w => WriteChecks(w, local, property.Shape, property.Shape.CheckNodes, CheckMode.Validate, 0));
                if (checks.Length == 0)
                {
                    continue;
                }

                string present = property.Shape.Kind == ValueKind.Json ? $"{{ ValueKind: not {Json}JsonValueKind.Undefined }}" : "{ }";
                _writer.Open($"if (value.{property.ClrName} is {present} {local})");
                _writer.Line($"context.PushProperty({Literal(property.WireName)});");
                _writer.Lines(checks);
                _writer.Line("context.Pop();");
                _writer.Close();
                _writer.Line();
            }

            if (_spec.RulesCheckedAsJson is null)
            {
                WriteValidateMemberSet();
            }

            if (_spec.RulesCheckedAsJson is not null)
            {
                // Checked as JSON once the members are right (a value built in code may not serialize before).
                _writer.Open("if (context.ErrorCount == errorsBefore)");
                _writer.Line($"{Json}JsonElement element = {Runtime}JsonContract.ToElement(value);");
                _writer.Line(JsonChecks("element") + ";");
                _writer.Close();
                _writer.Line();
            }

            _writer.Line("ValidateObjectRules(value, context);");
            _writer.Close();
            _writer.Line();
            _writer.Line("/// <summary>The rules over the whole object (applicators and <c>OnValidate</c>), shared by reading and <c>Validate()</c>; true when the applicators hold.</summary>");
            _writer.Open($"private static bool ValidateObjectRules({Self} value, {Runtime}ValidationContext context)");
            string applicators = _spec.RulesCheckedAsJson is null
                ? SourceWriter.Capture(w =>
                {
                    foreach (int part in _spec.Parts)
                    {
                        WriteApplicators(w, Model[part], isPart: true);
                    }
                })
                : "";
            if (applicators.Length > 0)
            {
                _writer.Line("bool valid = true;");
                _writer.Lines(applicators);
            }

            _writer.Line("value.OnValidate(context);");
            _writer.Line(applicators.Length > 0 ? "return valid;" : "return true;");
            _writer.Close();
            _writer.Line();
            _writer.Line("/// <summary>Implement in a partial declaration to add rules JSON Schema cannot express; report them to <paramref name=\"context\"/>.</summary>");
            _writer.Line($"partial void OnValidate({Runtime}ValidationContext context);");
            _writer.Line();
        }

        /// <summary>The JSON check of the whole object against each schema the record is the object of, all run: true when all hold.</summary>
        private string JsonChecks(string element) =>
            string.Join(" & ", _spec.Seeds.Select(seed => $"{CompilerServices}JsonValueCheck.Validate({element}, {_validators.Validator(seed)}, context)"));

        /// <summary>The JSON validators of the members without a C# shape (and of the whole object, when its rules are checked as JSON).</summary>
        private void WriteNodeValidators()
        {
            _validators.WriteAll();
            string validators = _validatorSource.ToString().TrimStart('\n');
            if (validators.Length > 0)
            {
                _writer.Lines(validators);
                _writer.Line();
            }
        }

        /// <summary>
        /// What a value built in code must hold about its set of members: each entry of its map (a
        /// name the pattern allows and no declared member has, a valid value), every name against
        /// <c>propertyNames</c>, and the member count.
        /// </summary>
        private void WriteValidateMemberSet()
        {
            SchemaNode home = Model[_spec.Node];
            if (_spec.AdditionalMembers is { } map)
            {
                _writer.Open($"foreach (global::System.Collections.Generic.KeyValuePair<string, {ClrType(_file, map.Value)}> entry in value.{map.ClrName})");
                _writer.Line("context.PushProperty(entry.Key);");
                if (_spec.Properties.Count > 0)
                {
                    // Written beside a declared member of the same name, it would make the JSON hold the name twice.
                    string declared = string.Join(" or ", _spec.Properties.Select(p => Literal(p.WireName)));
                    _writer.Open($"if (entry.Key is {declared})");
                    _writer.Line($"context.AddError(\"duplicateProperty\", {CompilerServices}ErrorMessages.DuplicateProperty(entry.Key));");
                    _writer.Close();
                }

                string checks = SourceWriter.Capture(w => WriteChecks(w, "entry.Value", map.Value, map.Value.CheckNodes, CheckMode.Validate, 1));
                if (map.Pattern is { } pattern)
                {
                    _writer.Open($"if (!{_members.PatternMatcher(pattern)}(entry.Key))");
                    _writer.Line(map.OthersRejected
                        ? $"context.AddError(\"additionalProperties\", {CompilerServices}ErrorMessages.NotAllowedProperty(entry.Key));"
                        : $"context.AddError(\"patternProperties\", {CompilerServices}ErrorMessages.NotMatchingPattern(entry.Key, {Literal(pattern.Text)}));");
                    _writer.Close();
                    if (checks.Length > 0)
                    {
                        _writer.Open("else");
                        _writer.Lines(checks);
                        _writer.Close();
                    }
                }
                else
                {
                    _writer.Lines(checks);
                }

                _writer.Line("context.Pop();");
                _writer.Close();
                _writer.Line();
            }

            if (home.PropertyNames is { } names)
            {
                string validator = _validators.Validator(names);
                foreach (PropertySpec property in _spec.Properties)
                {
                    string check = $"{CompilerServices}JsonValueCheck.PropertyName({Literal(property.WireName)}, {validator}, context);";
                    _writer.Line(PresenceCheck(property.WireName) is { } present ? $"if ({present}) {check}" : check);
                }

                if (_spec.AdditionalMembers is { } named)
                {
                    _writer.Open($"foreach (string name in value.{named.ClrName}.Keys)");
                    _writer.Line($"{CompilerServices}JsonValueCheck.PropertyName(name, {validator}, context);");
                    _writer.Close();
                }

                _writer.Line();
            }

            if (home.MinProperties is not null || home.MaxProperties is not null)
            {
                IEnumerable<string> present = _spec.Properties.Select(p => PresenceCheck(p.WireName) is { } check ? $"({check} ? 1 : 0)" : "1");
                if (_spec.AdditionalMembers is { } counted)
                {
                    present = present.Append($"value.{counted.ClrName}.Count");
                }

                _writer.Line($"int memberCount = {string.Join(" + ", present.DefaultIfEmpty("0"))};");
                foreach (string check in ObjectCounts(home, "memberCount"))
                {
                    _writer.Line(check + ";");
                }

                _writer.Line();
            }
        }

        private void WriteVariantEnum()
        {
            if (_spec.Variants is not { } variants)
            {
                return;
            }

            _writer.Line();
            _writer.Line($"/// <summary>The alternatives of <see cref=\"{_spec.Name}\"/>'s <c>{variants.Keyword}</c>, by their schema titles.</summary>");
            _writer.Line(GeneratedCode);
            _writer.Open($"public enum {variants.EnumName}");
            foreach (VariantSpec variant in variants.Variants)
            {
                _writer.Doc("summary", variant.Description ?? variant.Title);
                _writer.Line(variant.ClrName + ",");
            }

            _writer.Close();
        }
    }
}
