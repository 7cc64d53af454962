using System.Globalization;
using Insights.Contracts.Generator.Model;

namespace Insights.Contracts.Generator.Emitting;

internal static partial class ContractEmitter
{
    private static void WriteClosedEnum(SourceWriter writer, ContractFileSpec file, EnumTypeSpec spec)
    {
        if (spec.IntegerType is not null)
        {
            WriteIntegerEnum(writer, file, spec);
            return;
        }

        string name = spec.Name;
        string self = Qualified(file, name);
        string wire = name + "Wire";

        WriteEnumAndOpenWire(writer, file, spec, $"public enum {name}", member => member.ClrName + ",", "values");
        writer.Line("// The JSON values in member order: a member's value is its index here.");
        writer.Line($"private static readonly string[] s_allowedValues = {{ {WireNameList(spec.Members)} }};");
        writer.Line($"private static readonly {CompilerServices}WireNames s_wireNames = new(s_allowedValues);");
        writer.Line();
        WriteToWire(writer, spec, self, "string ToWireName", "s_allowedValues[(int)value]");
        writer.Line("/// <summary>Finds the member whose JSON value is <paramref name=\"wireName\"/> (exact, case-sensitive).</summary>");
        writer.Open($"public static bool TryParse(string? wireName, out {self} value)");
        writer.Line("bool found = s_wireNames.TryFind(wireName, out int index);");
        writer.Line($"value = ({self})index;");
        writer.Line("return found;");
        writer.Close();
        writer.Line();
        writer.Line("/// <summary>True when <paramref name=\"value\"/> is a defined member (a cast integer may not be).</summary>");
        writer.Line($"public static bool IsDefined({self} value) => (uint)value < {spec.Members.Count.ToString(CultureInfo.InvariantCulture)};");
        writer.Line();
        // Without a 'type', any JSON value is only wrong for not being one of the values: an enum error.
        bool typed = file.Model[spec.Node].Types != Shared.JsonSchemaTypes.None;
        WriteTryReadHeader(writer, self, $"({self})index", typed ? null : "s_allowedValues");
        writer.Line($"return {CompilerServices}JsonRead.NotInEnum(ref reader, context, s_allowedValues, out value);");
        writer.Close();
        writer.Line();
        writer.Open($"internal static bool Check({self} value, {Runtime}ValidationContext? context)");
        writer.Open("if (IsDefined(value))");
        writer.Line("return true;");
        writer.Close();
        writer.Line();
        writer.Line($"context?.AddError(\"enum\", {CompilerServices}ErrorMessages.Enum(((int)value).ToString(global::System.Globalization.CultureInfo.InvariantCulture), global::System.Array.ConvertAll(s_allowedValues, {CompilerServices}ErrorMessages.Render)));");
        writer.Line("return false;");
        writer.Close();
        writer.Close();
        writer.Line();

        WriteConverterClass(
            writer,
            name + "JsonConverter",
            self,
            $"Reads and writes <see cref=\"{name}\"/> by its JSON values, without reflection.",
            $"{Runtime}JsonContract.ReadValueForSerializer<{self}>(ref reader, {wire}.TryRead, \"{name}\")",
            "writer.WriteStringValue(value.ToWireName())");
    }

    /// <summary>
    /// An enum of JSON integers: a C# enum whose members' underlying values are the numbers, read and
    /// written as JSON numbers, with one <c>WireNumbers</c> lookup rather than a comparison per value.
    /// </summary>
    private static void WriteIntegerEnum(SourceWriter writer, ContractFileSpec file, EnumTypeSpec spec)
    {
        string name = spec.Name;
        string self = Qualified(file, name);
        string wire = name + "Wire";
        Shared.JsonSchemaTypes types = file.Model[spec.Node].Types & ~Shared.JsonSchemaTypes.Null;

        WriteEnumAndOpenWire(writer, file, spec, spec.IntegerType == "long" ? $"public enum {name} : long" : $"public enum {name}", member => $"{member.ClrName} = {member.WireName},", "numbers");
        writer.Line($"private static readonly {CompilerServices}WireNumbers s_numbers = new(new long[] {{ {string.Join(", ", System.Linq.Enumerable.Select(spec.Members, m => m.WireName))} }});");
        writer.Line();
        WriteToWire(writer, spec, self, "long ToNumber", "(long)value");
        writer.Line("/// <summary>Finds the member whose JSON number is <paramref name=\"number\"/>.</summary>");
        writer.Open($"public static bool TryParse(long number, out {self} value)");
        writer.Line("bool found = s_numbers.Contains(number);");
        writer.Line($"value = found ? ({self})number : default;");
        writer.Line("return found;");
        writer.Close();
        writer.Line();
        writer.Line("/// <summary>True when <paramref name=\"value\"/> is a defined member (a cast integer may not be).</summary>");
        writer.Line($"public static bool IsDefined({self} value) => s_numbers.Contains((long)value);");
        writer.Line();
        // Without a 'type', a value of another JSON type is only wrong for not being one of the numbers: an enum error.
        string expected = types == Shared.JsonSchemaTypes.None ? "null" : Literal(Shared.JsonSchemaTypeNames.Describe(types));
        writer.Open($"internal static bool TryRead(ref {Json}Utf8JsonReader reader, {Runtime}ValidationContext context, out {self} value)");
        writer.Line($"bool found = s_numbers.TryRead(ref reader, context, {expected}, out long number);");
        writer.Line($"value = ({self})number;");
        writer.Line("return found;");
        writer.Close();
        writer.Line();
        writer.Line($"internal static bool Check({self} value, {Runtime}ValidationContext? context) => s_numbers.Check((long)value, context);");
        writer.Close();
        writer.Line();

        WriteConverterClass(
            writer,
            name + "JsonConverter",
            self,
            $"Reads and writes <see cref=\"{name}\"/> as its JSON numbers, without reflection.",
            $"{Runtime}JsonContract.ReadValueForSerializer<{self}>(ref reader, {wire}.TryRead, \"{name}\")",
            "writer.WriteNumberValue(value.ToNumber())");
    }

    private static void WriteOpenEnum(SourceWriter writer, ContractFileSpec file, OpenEnumTypeSpec spec)
    {
        string name = spec.Name;
        string self = Qualified(file, name);

        writer.Doc("summary", spec.Description);
        writer.Line("/// <remarks>");
        writer.Line("/// An open set of strings: the named values are those known when the schema was written; any other");
        writer.Line("/// string is accepted and kept, so a newer server value never breaks parsing. Check <see cref=\"IsKnown\"/>.");
        writer.Line("/// </remarks>");
        writer.Line($"[{Serialization}JsonConverter(typeof({self}.Converter))]");
        writer.Line(GeneratedCode);
        writer.Open($"public readonly partial struct {name} : global::System.IEquatable<{self}>");
        writer.Line($"private static readonly {CompilerServices}WireNames s_wireNames = new(new string[] {{ {WireNameList(spec.Members)} }});");
        writer.Line();
        writer.Line("private readonly string? _value;");
        writer.Line();
        writer.Line("/// <summary>Wraps any string value.</summary>");
        writer.Open($"public {name}(string value)");
        writer.Line("global::System.ArgumentNullException.ThrowIfNull(value);");
        writer.Line("_value = value;");
        writer.Close();
        writer.Line();
        foreach (EnumMemberSpec member in spec.Members)
        {
            writer.Line($"/// <summary>The JSON value <c>{SourceWriter.EscapeXml(member.WireName)}</c>.</summary>");
            writer.Line($"public static {self} {member.ClrName} => new({Literal(member.WireName)});");
            writer.Line();
        }

        writer.Line("/// <summary>The JSON value (empty for <c>default</c>).</summary>");
        writer.Line("public string Value => _value ?? string.Empty;");
        writer.Line();
        writer.Line("/// <summary>True when the value is one the schema names.</summary>");
        writer.Line("public bool IsKnown => s_wireNames.TryFind(Value, out _);");
        writer.Line();
        writer.Line("/// <summary>Ordinal comparison of the values.</summary>");
        writer.Line($"public bool Equals({self} other) => string.Equals(Value, other.Value, global::System.StringComparison.Ordinal);");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line($"public override bool Equals(object? obj) => obj is {self} other && Equals(other);");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line("public override int GetHashCode() => global::System.StringComparer.Ordinal.GetHashCode(Value);");
        writer.Line();
        writer.Line("/// <summary>The JSON value.</summary>");
        writer.Line("public override string ToString() => Value;");
        writer.Line();
        writer.Line("/// <summary>Value equality.</summary>");
        writer.Line($"public static bool operator ==({self} left, {self} right) => left.Equals(right);");
        writer.Line();
        writer.Line("/// <summary>Value inequality.</summary>");
        writer.Line($"public static bool operator !=({self} left, {self} right) => !left.Equals(right);");
        writer.Line();
        WriteTryReadHeader(writer, self, $"new {self}(s_wireNames[index])", untypedValues: null);

        writer.Line($"value = new {self}(reader.GetString()!);");
        writer.Line("return true;");
        writer.Close();
        writer.Line();
        WriteConverterClass(
            writer,
            "Converter",
            self,
            $"Reads and writes <see cref=\"{name}\"/> as a JSON string, without reflection.",
            $"{Runtime}JsonContract.ReadValueForSerializer<{self}>(ref reader, TryRead, \"{name}\")",
            "writer.WriteStringValue(value.Value)");
        writer.Close();
    }

    /// <summary>Writes the C# enum of a closed enum (each member's line from <paramref name="member"/>), then opens its <c>Wire</c> class.</summary>
    private static void WriteEnumAndOpenWire(SourceWriter writer, ContractFileSpec file, EnumTypeSpec spec, string declaration, System.Func<EnumMemberSpec, string> member, string wireValues)
    {
        writer.Doc("summary", spec.Description);
        writer.Line($"[{Serialization}JsonConverter(typeof({Qualified(file, spec.Name + "JsonConverter")}))]");
        writer.Line(GeneratedCode);
        writer.Open(declaration);
        foreach (EnumMemberSpec value in spec.Members)
        {
            writer.Line($"/// <summary>The JSON value <c>{SourceWriter.EscapeXml(value.WireName)}</c>.</summary>");
            writer.Line(member(value));
        }

        writer.Close();
        writer.Line();

        writer.Line($"/// <summary>Maps <see cref=\"{spec.Name}\"/> to and from its JSON {wireValues}.</summary>");
        writer.Line(GeneratedCode);
        writer.Open($"public static class {spec.Name}Wire");
    }

    /// <summary>Writes the extension method <paramref name="signature"/> (return type and name) that gives a defined member's JSON value, <paramref name="known"/>, and throws for any other.</summary>
    private static void WriteToWire(SourceWriter writer, EnumTypeSpec spec, string self, string signature, string known)
    {
        writer.Line("/// <summary>The JSON value of <paramref name=\"value\"/>.</summary>");
        writer.Line("/// <exception cref=\"global::System.ArgumentOutOfRangeException\">The value is not a defined member.</exception>");
        writer.Line($"public static {signature}(this {self} value) =>");
        writer.Line($"    IsDefined(value) ? {known} : throw new global::System.ArgumentOutOfRangeException(nameof(value), value, \"Not a defined {spec.Name} value.\");");
        writer.Line();
    }

    /// <summary>The JSON values as C# string literals, in member order, comma-separated.</summary>
    private static string WireNameList(ImmutableEquatableArray<EnumMemberSpec> members) =>
        string.Join(", ", System.Linq.Enumerable.Select(members, m => Literal(m.WireName)));

    /// <summary>
    /// Opens <c>TryRead</c> for a string-valued type: a type check (an enum check where the schema has no
    /// <c>type</c>: <paramref name="untypedValues"/>), then one lookup of the UTF-8 text in the type's
    /// <c>s_wireNames</c> (no string is allocated for a known value; <paramref name="known"/> is the value
    /// for the index found). The caller writes what happens to other strings.
    /// </summary>
    private static void WriteTryReadHeader(SourceWriter writer, string self, string known, string? untypedValues)
    {
        writer.Open($"internal static bool TryRead(ref {Json}Utf8JsonReader reader, {Runtime}ValidationContext context, out {self} value)");
        writer.Open($"if (reader.TokenType != {Json}JsonTokenType.String)");
        writer.Line(untypedValues is null
            ? $"return {CompilerServices}JsonRead.Mismatch(ref reader, context, \"string\", out value);"
            : $"return {CompilerServices}JsonRead.NotInEnum(ref reader, context, {untypedValues}, out value);");
        writer.Close();
        writer.Line();
        writer.Open("if (s_wireNames.TryFind(ref reader, out int index))");
        writer.Line($"value = {known};");
        writer.Line("return true;");
        writer.Close();
        writer.Line();
    }
}
