using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Insights.Contracts.Generator.Model;

namespace Insights.Contracts.Generator.Emitting;

internal static partial class ContractEmitter
{
    /// <summary>
    /// Writes a JSON-backed contract: a class holding the validated <c>JsonElement</c>, checked by the
    /// validators of its schema's nodes (<see cref="NodeValidators"/>).
    /// </summary>
    private sealed class JsonValueEmitter
    {
        private const string Context = Runtime + "ValidationContext";

        private readonly SourceWriter _writer;
        private readonly ContractFileSpec _file;
        private readonly JsonValueTypeSpec _spec;
        private readonly TypeMembers _members = new();
        private readonly NodeValidators _validators;

        public JsonValueEmitter(SourceWriter writer, ContractFileSpec file, JsonValueTypeSpec spec)
        {
            _writer = writer;
            _file = file;
            _spec = spec;
            _validators = new NodeValidators(writer, file.Model, _members);
        }

        private string Self => Qualified(_file, _spec.Name);

        private string Interface => $"{Runtime}IJsonContract<{Self}>";

        private SchemaModel Model => _file.Model;

        public void Write()
        {
            if (_spec.Variants is { } variants)
            {
                WriteVariantEnum(variants);
            }

            _writer.Doc("summary", _spec.Description ?? $"A JSON value valid against {_file.File.FileName}.");
            _writer.Line($"/// <remarks>Generated as a JSON-backed value: <see cref=\"Value\"/> holds the JSON, checked against every rule of the schema.</remarks>");
            _writer.Line($"[{Serialization}JsonConverter(typeof({Self}.Converter))]");
            _writer.Line(GeneratedCode);
            _writer.Open($"public sealed partial class {_spec.Name} : {Interface}, global::System.IEquatable<{Self}>");
            WriteMembers();
            _validators.WriteAll();

            _writer.Line();
            WriteContractConverter(_writer, _spec.Name, Self);
            _members.WriteTo(_writer);
            _writer.Close();
        }

        private void WriteVariantEnum(VariantSetSpec variants)
        {
            _writer.Line($"/// <summary>Which <c>{variants.Keyword}</c> branch of <see cref=\"{_spec.Name}\"/> a value matched.</summary>");
            _writer.Line(GeneratedCode);
            _writer.Open($"public enum {variants.EnumName}");
            foreach (VariantSpec variant in variants.Variants)
            {
                _writer.Line($"/// <summary>{SourceWriter.EscapeXml(variant.Title)}</summary>");
                _writer.Line($"{variant.ClrName},");
            }

            _writer.Close();
            _writer.Line();
        }

        private void WriteMembers()
        {
            _writer.Open($"private {_spec.Name}({Json}JsonElement value)");
            _writer.Line("Value = value;");
            if (_spec.Variants is { } variants)
            {
                // The same array the root's oneOf/anyOf check uses (the field is declared once).
                string branches = _validators.BranchValidators(variants.Variants.Select(v => v.Node));
                _writer.Line($"Variant = ({variants.EnumName}){CompilerServices}BranchCheck.FirstMatch(value, {branches});");
            }

            _writer.Close();
            _writer.Line();
            _writer.Line("/// <summary>The JSON value; valid against the schema.</summary>");
            _writer.Line($"public {Json}JsonElement Value {{ get; }}");
            _writer.Line();
            if (_spec.Variants is { } set)
            {
                string list = string.Join(", ", set.Variants.Select(v => SourceWriter.EscapeXml(v.Title)));
                _writer.Line($"/// <summary>The first <c>{set.Keyword}</c> branch the value matches ({list}).</summary>");
                _writer.Line($"public {set.EnumName} Variant {{ get; }}");
                _writer.Line();
            }

            string root = _validators.Validator(_spec.Node);
            _writer.Line("/// <summary>Checks a JSON value against the schema; returns all errors, each with its JSON Pointer.</summary>");
            _writer.Open($"public static {Runtime}ValidationResult Validate({Json}JsonElement value)");
            _writer.Line($"var context = new {Context}();");
            _writer.Line($"{CompilerServices}JsonValueCheck.Validate(value, {root}, context);");
            _writer.Line("return context.ToResult();");
            _writer.Close();
            _writer.Line();
            _writer.Line("/// <summary>Wraps a JSON value that is valid against the schema; throws <see cref=\"" + Runtime + "JsonContractException\"/> listing every error otherwise.</summary>");
            _writer.Open($"public static {Self} From({Json}JsonElement value)");
            _writer.Line($"{Runtime}ValidationResult result = Validate(value);");
            _writer.Line($"return result.IsValid ? new {Self}(value.Clone()) : throw new {Runtime}JsonContractException({Literal(_spec.Name)}, result.Errors);");
            _writer.Close();
            _writer.Line();
            WriteContractApi(_writer, _file, _spec, Self, "");
            _writer.Line("/// <summary>The JSON text.</summary>");
            _writer.Line("public override string ToString() => Value.GetRawText();");
            _writer.Line();
            _writer.Line("/// <summary>JSON equality: numbers by value (1 equals 1.0), object members in any order.</summary>");
            _writer.Line($"public bool Equals({Self}? other) => other is not null && {CompilerServices}JsonValueCheck.DeepEquals(Value, other.Value);");
            _writer.Line();
            _writer.Line("/// <inheritdoc/>");
            _writer.Line($"public override bool Equals(object? obj) => Equals(obj as {Self});");
            _writer.Line();
            _writer.Line("/// <inheritdoc/>");
            _writer.Line($"public override int GetHashCode() => {CompilerServices}JsonValueCheck.GetDeepHashCode(Value);");
            _writer.Line();
            _writer.Line("/// <inheritdoc/>");
            _writer.Line($"public void WriteJson({Json}Utf8JsonWriter writer) => Value.WriteTo(writer);");
            _writer.Line();
            _writer.Open($"static {Self}? {Interface}.ReadJson(ref {Json}Utf8JsonReader reader, {Context} context)");
            _writer.Line($"{Json}JsonElement value = {Json}JsonElement.ParseValue(ref reader);");
            _writer.Line($"return {CompilerServices}JsonValueCheck.Validate(value, {root}, context) ? new {Self}(value) : null;");
            _writer.Close();
            _writer.Line();
            _writer.Line($"static void {Interface}.ValidateJson({Self} value, {Context} context) => {CompilerServices}JsonValueCheck.Validate(value.Value, {root}, context);");
        }

    }
}
