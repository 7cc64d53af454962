using System.Collections.Generic;
using System.Linq;
using Insights.Contracts.Generator.Model;

namespace Insights.Contracts.Generator.Emitting;

internal static partial class ContractEmitter
{
    // How a record reads each member: the reader call of a value's C# shape (primitives, enums,
    // constants, unions, items), the member's local and its default.
    private sealed partial class RecordEmitter
    {
        private void WriteReadMember(PropertySpec property)
        {
            _writer.Open($"if (reader.ValueTextEquals({Utf8Literal(property.WireName)}))");
            _writer.Line("reader.Read();");
            _writer.Open($"if (has{property.ClrName})");
            _writer.Line($"{CompilerServices}JsonRead.RejectDuplicate(ref reader, context, {Literal(property.WireName)});");
            _writer.Line("continue;");
            _writer.Close();
            _writer.Line();
            _writer.Line($"has{property.ClrName} = true;");
            _writer.Line($"context.PushProperty({Literal(property.WireName)});");
            string read = $"if ({ReadCall(property.Shape, "reader", "context", $"{ClrType(_file, property.Shape)} read{property.ClrName}")})";
            if (property.Shape.AllowsNull)
            {
                _writer.Open($"if (reader.TokenType == {Json}JsonTokenType.Null)");
                _writer.Line($"value{property.ClrName} = null;");
                if (ExplicitNullBit(property) is { } bit)
                {
                    _writer.Line($"explicitNulls |= {bit};");
                }

                _writer.Close();
                read = "else " + read;
            }

            _writer.Open(read);
            _writer.Line($"value{property.ClrName} = read{property.ClrName};");
            _writer.Lines(SourceWriter.Capture(w => WriteChecks(w, $"read{property.ClrName}", property.Shape, property.Shape.CheckNodes, CheckMode.Read, 0)));
            _writer.Close();
            _writer.Open("else");
            _writer.Line("complete = false;");
            _writer.Close();
            _writer.Line();
            _writer.Line("context.Pop();");
            _writer.Line("continue;");
            _writer.Close();
            _writer.Line();
        }

        /// <summary>
        /// A member the record does not declare, into its map: when its name matches the pattern
        /// (if any), read and checked as a map value; otherwise rejected or skipped.
        /// </summary>
        private void WriteReadAdditionalMember(AdditionalMembersSpec map)
        {
            _writer.Line("string memberName = reader.GetString()!;");
            if (map.Pattern is { } pattern)
            {
                _writer.Open($"if (!{_members.PatternMatcher(pattern)}(memberName))");
                if (map.OthersRejected)
                {
                    _writer.Line("reader.Read();");
                    _writer.Line($"{CompilerServices}JsonRead.RejectProperty(ref reader, context, memberName);");
                }
                else
                {
                    _writer.Line("// The schema allows members no pattern describes; they are skipped.");
                    _writer.Line($"{CompilerServices}JsonRead.SkipUnknownMember(ref reader, context);");
                }

                _writer.Line("continue;");
                _writer.Close();
                _writer.Line();
            }

            _writer.Line("reader.Read();");
            _writer.Open("if (additional?.ContainsKey(memberName) == true)");
            _writer.Line($"{CompilerServices}JsonRead.RejectDuplicate(ref reader, context, memberName);");
            _writer.Line("continue;");
            _writer.Close();
            _writer.Line();
            _writer.Line("context.PushProperty(memberName);");
            _writer.Open($"if ({ReadCall(map.Value, "reader", "context", $"{ClrType(_file, map.Value)} entry")})");
            _writer.Lines(SourceWriter.Capture(w => WriteChecks(w, "entry", map.Value, map.Value.CheckNodes, CheckMode.Read, 0)));
            _writer.Line("(additional ??= []).Add(memberName, entry);");
            _writer.Close();
            _writer.Open("else");
            _writer.Line("complete = false;");
            _writer.Close();
            _writer.Line();
            _writer.Line("context.Pop();");
        }

        /// <summary><c>minProperties</c>/<c>maxProperties</c> of <paramref name="node"/> over a member count.</summary>
        private static IEnumerable<string> ObjectCounts(SchemaNode node, string count)
        {
            if (node.MinProperties is { } minimum)
            {
                yield return $"{CompilerServices}JsonCheck.MinProperties({count}, {CSharpLiteral.Count(minimum)}, context)";
            }

            if (node.MaxProperties is { } maximum)
            {
                yield return $"{CompilerServices}JsonCheck.MaxProperties({count}, {CSharpLiteral.Count(maximum)}, context)";
            }
        }

        /// <summary>A call that reads one value of <paramref name="shape"/> into <paramref name="target"/> (an out argument), items checked as they are read.</summary>
        private string ReadCall(ValueShape shape, string reader, string context, string target) => shape.Kind switch
        {
            ValueKind.Array => $"{CompilerServices}JsonRead.TryReadArray(ref {reader}, {context}, {ItemReader(shape.Item!)}, out {target})",
            ValueKind.Map => $"{CompilerServices}JsonRead.TryReadMap(ref {reader}, {context}, {ItemReader(shape.Item!)}, {(Model[shape.CheckNodes[0]].PropertyNames is { } names ? _validators.Validator(names) : "null")}, out {target})",
            _ => $"{ReaderOf(shape)}(ref {reader}, {context}, out {target})",
        };

        /// <summary>The reader of a value that is not an array.</summary>
        private string ReaderOf(ValueShape shape)
        {
            string reader = shape.Kind == ValueKind.Union ? UnionReader(shape)
                : shape.TypeFrom is { } keyword ? InferredTypeReader(shape, keyword)
                : ReaderFor(_file, shape);
            return shape.Kind == ValueKind.String && shape.CheckNodes.Select(n => Model[n].Const).FirstOrDefault(c => c is { Kind: JsonLiteralKind.String }) is { } constant
                ? ConstantReader(constant.Text, reader)
                : reader;
        }

        /// <summary>
        /// A reader of a string fixed by <c>const</c> (a discriminator, say) that, for the expected
        /// value, keeps the C# literal instead of allocating a new string each time.
        /// </summary>
        private string ConstantReader(string constant, string reader)
        {
            string name = _members.NextName("ReadConstant");
            var method = new SourceWriter();
            method.Line($"/// <summary>Reads <c>{SourceWriter.EscapeXml(constant)}</c> without allocating; any other value as a string.</summary>");
            method.Open($"private static bool {name}(ref {Json}Utf8JsonReader reader, {Runtime}ValidationContext context, out string value)");
            method.Open($"if (reader.TokenType == {Json}JsonTokenType.String && reader.ValueTextEquals({Utf8Literal(constant)}))");
            method.Line($"value = {Literal(constant)};");
            method.Line("return true;");
            method.Close();
            method.Line();
            method.Line($"return {reader}(ref reader, context, out value);");
            method.Close();
            _members.Method(method.ToString());
            return name;
        }

        /// <summary>
        /// The reader of a union of types: the JSON type of the value picks the alternative, read
        /// and checked as that alternative's shape. For a oneOf/anyOf, a value its branch rejects
        /// matches no branch: its errors become one error of that keyword, as JSON-backed values say it.
        /// </summary>
        private string UnionReader(ValueShape shape)
        {
            if (_unionReaders.TryGetValue(shape.TypeName!, out string? existing))
            {
                return existing;
            }

            TypeUnionSpec union = _file.Types.OfType<TypeUnionSpec>().Single(t => t.Name == shape.TypeName);
            string name = _members.NextName("Read" + union.Name);
            _unionReaders[union.Name] = name;
            string self = ClrType(_file, shape);
            bool branches = union.Keyword != "type";
            var method = new SourceWriter();
            method.Line($"/// <summary>Reads a <see cref=\"{union.Name}\"/>: the alternative of the value's JSON type.</summary>");
            method.Open($"private static bool {name}(ref {Json}Utf8JsonReader reader, {Runtime}ValidationContext context, out {self} value)");
            if (branches)
            {
                method.Line("int errorsBefore = context.ErrorCount;");
            }

            method.Open("switch (reader.TokenType)");
            for (int i = 0; i < union.Alternatives.Count; i++)
            {
                TypeAlternativeSpec alternative = union.Alternatives[i];
                string tokens = alternative.Name switch
                {
                    "String" => $"case {Json}JsonTokenType.String:",
                    "Integer" or "Number" => $"case {Json}JsonTokenType.Number:",
                    "Boolean" => $"case {Json}JsonTokenType.True:\ncase {Json}JsonTokenType.False:",
                    "Array" => $"case {Json}JsonTokenType.StartArray:",
                    _ => $"case {Json}JsonTokenType.StartObject:",
                };
                method.Lines(tokens);
                method.Open();
                string local = "read" + alternative.Name;
                string checks = SourceWriter.Capture(w => WriteChecks(w, local, alternative.Shape, alternative.Shape.CheckNodes, CheckMode.Read, 0));
                string wrap = branches ? $"context.ReplaceErrorsSince(errorsBefore, {Literal(union.Keyword)}, {Literal(BranchName(alternative, i))});" : "";
                method.Open($"if (!{ReadCall(alternative.Shape, "reader", "context", $"{ClrType(_file, alternative.Shape)} {local}")})");
                method.Line("value = default;");
                if (branches)
                {
                    method.Line(wrap);
                }

                method.Line("return false;");
                method.Close();
                method.Line();
                method.Lines(checks);
                if (branches)
                {
                    method.Line(wrap);
                }

                method.Line($"value = new {self}({local});");
                method.Line("return true;");
                method.Close();
            }

            method.Line("default:");
            string expected = string.Join(" or ", union.Alternatives.Select(a => a.Name.ToLowerInvariant()));
            method.Line(branches
                ? $"    return {CompilerServices}JsonRead.NoBranchOfType(ref reader, context, {Literal(union.Keyword)}, {Literal(expected)}, out value);"
                : $"    return {CompilerServices}JsonRead.Mismatch(ref reader, context, {Literal(expected)}, out value);");
            method.Close();
            method.Close();
            _members.Method(method.ToString());
            return name;
        }

        /// <summary>How an error names a branch: its title, else its place in the oneOf/anyOf.</summary>
        private string BranchName(TypeAlternativeSpec alternative, int index) =>
            alternative.Branch is { } branch && Model[branch].Title is { } title ? title : $"branch {index}";

        /// <summary>
        /// The reader of a value whose C# type comes from its schema's <c>const</c> or <c>enum</c>
        /// (the schema has no <c>type</c>): a value of another JSON type is checked as JSON, so the
        /// error names that keyword, as a JSON-backed value's would.
        /// </summary>
        private string InferredTypeReader(ValueShape shape, string keyword)
        {
            SchemaNode node = Model[shape.CheckNodes[0]];
            string expected = shape.Kind switch
            {
                ValueKind.String => $"reader.TokenType == {Json}JsonTokenType.String",
                ValueKind.Boolean => $"reader.TokenType is {Json}JsonTokenType.True or {Json}JsonTokenType.False",
                ValueKind.Int32 => $"{CompilerServices}JsonRead.IsIntegerIn(ref reader, int.MinValue, int.MaxValue)",
                ValueKind.Int64 => $"{CompilerServices}JsonRead.IsIntegerIn(ref reader, long.MinValue, long.MaxValue)",
                _ => $"reader.TokenType == {Json}JsonTokenType.Number",
            };
            string name = _members.NextName("ReadBy" + char.ToUpperInvariant(keyword[0]) + keyword.Substring(1));
            var method = new SourceWriter();
            method.Line($"/// <summary>Reads a value typed by its schema's <c>{keyword}</c>; a value of another type fails it.</summary>");
            method.Open($"private static bool {name}(ref {Json}Utf8JsonReader reader, {Runtime}ValidationContext context, out {ClrType(_file, shape)} value)");
            method.Open($"if ({expected})");
            method.Line($"return {ReaderFor(_file, shape)}(ref reader, context, out value);");
            method.Close();
            method.Line();
            method.Line($"{Json}JsonElement actual = {Json}JsonElement.ParseValue(ref reader);");
            foreach (string check in _checks.Value(node, null, "actual"))
            {
                method.Line(check + ";");
            }

            method.Line("value = default!;");
            method.Line("return false;");
            method.Close();
            _members.Method(method.ToString());
            return name;
        }

        /// <summary>
        /// The reader of an array's items. Items with checks get a reader method of their own that
        /// checks each item right after reading it, so errors come in document order.
        /// </summary>
        private string ItemReader(ValueShape item)
        {
            string checks = SourceWriter.Capture(w => WriteChecks(w, "value", item, item.CheckNodes, CheckMode.Read, 0));
            if (checks.Length == 0)
            {
                return item.Kind is ValueKind.Array or ValueKind.Map
                    ? $"static (ref {Json}Utf8JsonReader r, {Runtime}ValidationContext c, out {ClrType(_file, item)} v) => {ReadCall(item, "r", "c", "v")}"
                    : ReaderOf(item);
            }

            string name = _members.NextName("ReadItem");
            var method = new SourceWriter();
            method.Line("/// <summary>Reads one array item and checks it.</summary>");
            method.Open($"private static bool {name}(ref {Json}Utf8JsonReader reader, {Runtime}ValidationContext context, out {ClrType(_file, item)} value)");
            method.Open($"if (!{ReadCall(item, "reader", "context", "value")})");
            method.Line("return false;");
            method.Close();
            method.Line();
            method.Lines(checks);
            method.Line("return true;");
            method.Close();
            _members.Method(method.ToString());
            return name;
        }

        private string LocalType(PropertySpec property)
        {
            string type = ClrType(_file, property.Shape);
            bool nullable = property.IsNullable || (property.Shape.IsReferenceType && property.IsRequired);
            return nullable ? type + "?" : type;
        }

        private string LocalInitializer(PropertySpec property) =>
            property.DefaultLiteral is not null ? DefaultValue(property) : "default";

        /// <summary>The member's default: its literal, or the static field that holds a default built once (an array, a record, a JSON value).</summary>
        private string DefaultValue(PropertySpec property) =>
            property.DefaultIsShared
                ? _members.Field(ClrType(_file, property.Shape), $"s_{Camel(property.ClrName)}Default", property.DefaultLiteral!, numbered: false)
                : property.DefaultLiteral!;
    }
}
