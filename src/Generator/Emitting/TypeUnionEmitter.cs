using System.Globalization;
using System.Linq;
using Insights.Contracts.Generator.Model;

namespace Insights.Contracts.Generator.Emitting;

internal static partial class ContractEmitter
{
    /// <summary>
    /// Writes a union of types: a readonly struct holding one alternative, with a constructor, an
    /// implicit conversion, <c>Is...</c> and <c>TryGet...</c> per alternative, value equality, and
    /// the JSON writer. Reading and checking it is done by the record that holds it, with the rest
    /// of that record's checks.
    /// </summary>
    private sealed class TypeUnionEmitter(SourceWriter writer, ContractFileSpec file, TypeUnionSpec spec)
    {
        private string Self => Qualified(file, spec.Name);

        public void Write()
        {
            string list = string.Join(", ", spec.Alternatives.Select(a => WithArticle(a.Name.ToLowerInvariant())));
            writer.Doc("summary", spec.Description);
            writer.Line($"/// <remarks>One of: {SourceWriter.EscapeXml(list)}. Read it with the <c>Is...</c> and <c>TryGet...</c> members; <c>default</c> holds none.</remarks>");
            writer.Line(GeneratedCode);
            writer.Open($"public readonly partial struct {spec.Name} : global::System.IEquatable<{Self}>");
            writer.Line("private readonly byte _alternative;");
            foreach (TypeAlternativeSpec alternative in spec.Alternatives)
            {
                writer.Line($"private readonly {FieldType(alternative)} {Field(alternative)};");
            }

            writer.Line();
            for (int i = 0; i < spec.Alternatives.Count; i++)
            {
                WriteAlternative(spec.Alternatives[i], i + 1);
            }

            WriteEquality();
            WriteJson();
            writer.Close();
        }

        private void WriteAlternative(TypeAlternativeSpec alternative, int index)
        {
            string type = ClrType(file, alternative.Shape);
            string article = WithArticle(alternative.Name.ToLowerInvariant());
            writer.Line($"/// <summary>Holds {article}.</summary>");
            writer.Open($"public {spec.Name}({type} value)");
            if (alternative.Shape.IsReferenceType)
            {
                writer.Line("global::System.ArgumentNullException.ThrowIfNull(value);");
            }

            writer.Line($"_alternative = {Index(index)};");
            foreach (TypeAlternativeSpec other in spec.Alternatives)
            {
                writer.Line($"{Field(other)} = {(other == alternative ? "value" : "default")};");
            }

            writer.Close();
            writer.Line();
            writer.Line($"/// <summary>Whether it holds {article}.</summary>");
            writer.Line($"public bool Is{alternative.Name} => _alternative == {Index(index)};");
            writer.Line();
            writer.Line($"/// <summary>The {alternative.Name.ToLowerInvariant()} it holds, if it holds one.</summary>");
            string notNull = alternative.Shape.IsReferenceType ? "[global::System.Diagnostics.CodeAnalysis.NotNullWhen(true)] " : "";
            string nullable = alternative.Shape.IsReferenceType ? "?" : "";
            writer.Open($"public bool TryGet{alternative.Name}({notNull}out {type}{nullable} value)");
            writer.Line($"value = {Field(alternative)};");
            writer.Line($"return _alternative == {Index(index)};");
            writer.Close();
            writer.Line();
            writer.Line($"/// <summary>Holds {article}.</summary>");
            writer.Line($"public static implicit operator {Self}({type} value) => new(value);");
            writer.Line();
        }

        private void WriteEquality()
        {
            writer.Line("/// <summary>The same alternative with an equal value.</summary>");
            writer.Open($"public bool Equals({Self} other) => _alternative == other._alternative && _alternative switch");
            for (int i = 0; i < spec.Alternatives.Count; i++)
            {
                TypeAlternativeSpec alternative = spec.Alternatives[i];
                writer.Line($"{Index(i + 1)} => global::System.Collections.Generic.EqualityComparer<{FieldType(alternative)}>.Default.Equals({Field(alternative)}, other.{Field(alternative)}),");
            }

            writer.Line("_ => true,");
            writer.Close(";");
            writer.Line();
            writer.Line("/// <inheritdoc/>");
            writer.Line($"public override bool Equals(object? obj) => obj is {Self} other && Equals(other);");
            writer.Line();
            writer.Line("/// <inheritdoc/>");
            writer.Open("public override int GetHashCode() => _alternative switch");
            for (int i = 0; i < spec.Alternatives.Count; i++)
            {
                writer.Line($"{Index(i + 1)} => global::System.HashCode.Combine({Index(i + 1)}, {Field(spec.Alternatives[i])}),");
            }

            writer.Line("_ => 0,");
            writer.Close(";");
            writer.Line();
            writer.Line("/// <summary>The value it holds, as text.</summary>");
            writer.Open("public override string ToString() => _alternative switch");
            for (int i = 0; i < spec.Alternatives.Count; i++)
            {
                TypeAlternativeSpec alternative = spec.Alternatives[i];
                string text = alternative.Shape.Kind switch
                {
                    ValueKind.String => Field(alternative) + "!",
                    ValueKind.Int32 or ValueKind.Int64 or ValueKind.Double or ValueKind.Decimal => $"{Field(alternative)}.ToString(global::System.Globalization.CultureInfo.InvariantCulture)",
                    _ when alternative.Shape.IsReferenceType => $"{Field(alternative)}!.ToString()",
                    _ => $"{Field(alternative)}.ToString()",
                };
                writer.Line($"{Index(i + 1)} => {text},");
            }

            writer.Line("_ => string.Empty,");
            writer.Close(";");
            writer.Line();
            writer.Line("/// <summary>Value equality.</summary>");
            writer.Line($"public static bool operator ==({Self} left, {Self} right) => left.Equals(right);");
            writer.Line();
            writer.Line("/// <summary>Value inequality.</summary>");
            writer.Line($"public static bool operator !=({Self} left, {Self} right) => !left.Equals(right);");
            writer.Line();
        }

        private void WriteJson()
        {
            writer.Line("/// <summary>Writes the value it holds (JSON <c>null</c> for <c>default</c>).</summary>");
            writer.Open($"public void WriteJson({Json}Utf8JsonWriter writer)");
            writer.Line("global::System.ArgumentNullException.ThrowIfNull(writer);");
            writer.Open("switch (_alternative)");
            for (int i = 0; i < spec.Alternatives.Count; i++)
            {
                TypeAlternativeSpec alternative = spec.Alternatives[i];
                writer.Line($"case {Index(i + 1)}:");
                writer.Open();
                ContractEmitter.WriteValue(writer, file, alternative.Shape, Field(alternative) + (alternative.Shape.IsReferenceType ? "!" : ""));
                writer.Line("break;");
                writer.Close();
            }

            writer.Line("default:");
            writer.Line("    writer.WriteNullValue();");
            writer.Line("    break;");
            writer.Close();
            writer.Close();
        }

        private string FieldType(TypeAlternativeSpec alternative) => ClrType(file, alternative.Shape) + (alternative.Shape.IsReferenceType ? "?" : "");

        private static string Field(TypeAlternativeSpec alternative) => "_" + Camel(alternative.Name);

        private static string Index(int index) => index.ToString(CultureInfo.InvariantCulture);

        private static string WithArticle(string noun) => ("aeio".IndexOf(noun[0]) >= 0 ? "an " : "a ") + noun;
    }
}
