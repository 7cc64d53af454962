using System.Linq;
using Insights.Contracts.Generator.Model;

namespace Insights.Contracts.Generator.Emitting;

internal static partial class ContractEmitter
{
    /// <summary>
    /// Writes a union of objects: an abstract record whose reader dispatches to the record of the
    /// branch (by the discriminator's value, found without reading anything twice; or by the branch
    /// the JSON matches), and the enum of its alternatives. The branches' records derive from it.
    /// </summary>
    private sealed class UnionEmitter
    {
        private const string Context = Runtime + "ValidationContext";

        private readonly SourceWriter _writer;
        private readonly ContractFileSpec _file;
        private readonly UnionTypeSpec _spec;
        private readonly TypeMembers _members = new();
        private readonly SourceWriter _validatorSource = new();
        private readonly NodeValidators _validators;

        public UnionEmitter(SourceWriter writer, ContractFileSpec file, UnionTypeSpec spec)
        {
            _writer = writer;
            _file = file;
            _spec = spec;
            _validators = new NodeValidators(_validatorSource, file.Model, _members);
        }

        private string Self => Qualified(_file, _spec.Name);

        private string Interface => $"{Runtime}IJsonContract<{Self}>";

        private string VariantEnum => Qualified(_file, _spec.EnumName);

        public void Write()
        {
            _writer.Doc("summary", _spec.Description);
            string alternatives = string.Join(", ", _spec.Cases.Select(c => $"<see cref=\"{c.TypeName}\"/>"));
            string toldApart = _spec.Discriminator is { } member
                ? $"told apart by the member <c>{SourceWriter.EscapeXml(member)}</c>"
                : _spec.Keyword == "oneOf" ? "told apart by the one branch of the schema's <c>oneOf</c> the JSON matches" : "the first branch of the schema's <c>anyOf</c> the JSON matches";
            _writer.Line($"/// <remarks>One of {alternatives}, {toldApart}; <c>switch</c> on the type or on <see cref=\"Variant\"/>.</remarks>");
            _writer.Line($"[{Serialization}JsonConverter(typeof({Self}.Converter))]");
            _writer.Line(GeneratedCode);
            _writer.Open($"public abstract partial record {_spec.Name} : {Interface}");
            _writer.Line("/// <summary>Only the records of the union's branches derive from it.</summary>");
            _writer.Open($"private protected {_spec.Name}()");
            _writer.Close();
            _writer.Line();
            _writer.Line("/// <summary>Which alternative this value is.</summary>");
            _writer.Line($"public abstract {VariantEnum} Variant {{ get; }}");
            _writer.Line();
            WriteContractApi(_writer, _file, _spec, Self, ", members in schema order");
            _writer.Line("/// <summary>Writes this value as a JSON object, members in schema order.</summary>");
            _writer.Line($"public abstract void WriteJson({Json}Utf8JsonWriter writer);");
            _writer.Line();
            WriteReadJson();
            WriteValidateJson();
            _validators.WriteAll();
            string validators = _validatorSource.ToString().TrimStart('\n');
            if (validators.Length > 0)
            {
                _writer.Lines(validators);
                _writer.Line();
            }

            WriteContractConverter(_writer, _spec.Name, Self);
            _members.WriteTo(_writer);
            _writer.Close();
            _writer.Line();
            WriteVariantEnum();
        }

        private void WriteReadJson()
        {
            _writer.Open($"static {Self}? {Interface}.ReadJson(ref {Json}Utf8JsonReader reader, {Context} context)");
            _writer.Open($"if (reader.TokenType != {Json}JsonTokenType.StartObject)");
            _writer.Line(_spec.SaysObject
                ? $"{CompilerServices}JsonRead.Mismatch(ref reader, context, \"object\", out bool _);"
                : $"{CompilerServices}JsonRead.NotAnAlternative(ref reader, context, \"{_spec.Keyword}\", {VariantNames()});");
            _writer.Line("return null;");
            _writer.Close();
            _writer.Line();
            if (_spec.Discriminator is { } member)
            {
                // The discriminator may come last: a copy of the reader finds it, then the branch's record reads the object once.
                _writer.Line($"{Json}Utf8JsonReader discriminator = reader;");
                _writer.Open($"if ({CompilerServices}JsonRead.FindMember(ref discriminator, {Utf8Literal(member)}) && discriminator.TokenType == {Json}JsonTokenType.String)");
                for (int i = 0; i < _spec.Cases.Count; i++)
                {
                    UnionCaseSpec unionCase = _spec.Cases[i];
                    if (i > 0)
                    {
                        _writer.Line();
                    }

                    _writer.Open($"if (discriminator.ValueTextEquals({Utf8Literal(unionCase.Value!)}))");
                    _writer.Line($"return {CompilerServices}JsonRead.TryReadObject(ref reader, context, out {Qualified(_file, unionCase.TypeName)} value) ? value : null;");
                    _writer.Close();
                }

                _writer.Close();
                _writer.Line();
                _writer.Line($"{CompilerServices}JsonRead.UnknownDiscriminator(ref reader, discriminator, context, \"{_spec.Keyword}\", {Literal(member)}, {Values()});");
                _writer.Line("return null;");
                _writer.Close();
                _writer.Line();
                return;
            }

            // No member tells the branches apart: the JSON is matched against each branch's schema, then read by the one that matches.
            _writer.Line($"{Json}Utf8JsonReader whole = reader;");
            _writer.Line($"{Json}JsonElement element = {Json}JsonElement.ParseValue(ref whole);");
            _writer.Open($"switch ({CompilerServices}BranchCheck.Select(element, {Branches()}, exactlyOne: {(_spec.Keyword == "oneOf" ? "true" : "false")}))");
            for (int i = 0; i < _spec.Cases.Count; i++)
            {
                UnionCaseSpec unionCase = _spec.Cases[i];
                _writer.Line($"case {i}:");
                _writer.Line($"    return {CompilerServices}JsonRead.TryReadObject(ref reader, context, out {Qualified(_file, unionCase.TypeName)} @{Camel(unionCase.VariantName)}) ? @{Camel(unionCase.VariantName)} : null;");
            }

            _writer.Line("default:");
            _writer.Line($"    {CompilerServices}BranchCheck.{(_spec.Keyword == "oneOf" ? "OneOf" : "AnyOf")}(element, {Branches()}, {Titles()}, context);");
            _writer.Line("    reader = whole;");
            _writer.Line("    return null;");
            _writer.Close();
            _writer.Close();
            _writer.Line();
        }

        private void WriteValidateJson()
        {
            _writer.Open($"static void {Interface}.ValidateJson({Self} value, {Context} context)");
            if (_spec.Discriminator is null && _spec.Keyword == "oneOf")
            {
                _writer.Line("int errorsBefore = context.ErrorCount;");
            }

            _writer.Open("switch (value)");
            for (int i = 0; i < _spec.Cases.Count; i++)
            {
                UnionCaseSpec unionCase = _spec.Cases[i];
                _writer.Line($"case {Qualified(_file, unionCase.TypeName)} @{Camel(unionCase.VariantName)}:");
                _writer.Line($"    {CompilerServices}JsonCheck.Object(@{Camel(unionCase.VariantName)}, context);");
                _writer.Line("    break;");
            }

            _writer.Close();
            if (_spec.Discriminator is null && _spec.Keyword == "oneOf")
            {
                // Without a discriminator, a valid alternative must also match no other branch.
                _writer.Line();
                _writer.Open("if (context.ErrorCount == errorsBefore)");
                _writer.Line($"{CompilerServices}BranchCheck.OnlyMatch({Runtime}JsonContract.ToElement(value), (int)value.Variant, {Branches()}, {Titles()}, context);");
                _writer.Close();
            }

            _writer.Close();
            _writer.Line();
        }

        private void WriteVariantEnum()
        {
            _writer.Line($"/// <summary>The alternatives of <see cref=\"{_spec.Name}\"/>, in the order of the schema's <c>{_spec.Keyword}</c>.</summary>");
            _writer.Line(GeneratedCode);
            _writer.Open($"public enum {_spec.EnumName}");
            foreach (UnionCaseSpec unionCase in _spec.Cases)
            {
                _writer.Doc("summary", unionCase.Description ?? (unionCase.Value is { } value ? $"A {unionCase.TypeName}: {_spec.Discriminator} is \"{value}\"." : $"A {unionCase.TypeName}."));
                _writer.Line(unionCase.VariantName + ",");
            }

            _writer.Close();
        }

        private string Branches() => _validators.BranchValidators(_spec.Cases.Select(c => c.Branch));

        private string Titles() =>
            _members.Field("string?[]", "s_branchTitles", "[" + string.Join(", ", _spec.Cases.Select(c => Literal(c.VariantName))) + "]");

        private string Values() =>
            _members.Field("string[]", "s_discriminatorValues", "[" + string.Join(", ", _spec.Cases.Select(c => Literal(c.Value!))) + "]");

        private string VariantNames() =>
            _members.Field("string[]", "s_alternatives", "[" + string.Join(", ", _spec.Cases.Select(c => Literal(c.VariantName))) + "]");
    }
}
