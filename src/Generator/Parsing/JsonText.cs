using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Insights.Contracts.Generator.Model;

namespace Insights.Contracts.Generator.Parsing;

/// <summary>Writes a parsed JSON value back as compact JSON text (for literals the generated code embeds).</summary>
internal static class JsonText
{
    /// <summary>A schema value (<c>const</c>, <c>enum</c>, <c>default</c>) as the model holds it.</summary>
    public static JsonLiteral Literal(JsonNode node) => node.Kind switch
    {
        JsonNodeKind.String => new JsonLiteral(JsonLiteralKind.String, node.Text!, Write(node)),
        JsonNodeKind.Number => new JsonLiteral(JsonLiteralKind.Number, node.Text!, node.Text!),
        JsonNodeKind.True => new JsonLiteral(JsonLiteralKind.Boolean, "true", "true"),
        JsonNodeKind.False => new JsonLiteral(JsonLiteralKind.Boolean, "false", "false"),
        JsonNodeKind.Null => new JsonLiteral(JsonLiteralKind.Null, "null", "null"),
        JsonNodeKind.Object => new JsonLiteral(JsonLiteralKind.Object, Write(node), Write(node)),
        _ => new JsonLiteral(JsonLiteralKind.Array, Write(node), Write(node)),
    };

    /// <summary>The members of an object literal (the model keeps it as JSON text).</summary>
    public static IReadOnlyList<(string Name, JsonLiteral Value)> Members(JsonLiteral obj) =>
        JsonTextReader.Parse(obj.Json, out _).Members.Select(m => (m.Name, Literal(m.Value))).ToList();

    /// <summary>The items of an array literal (the model keeps it as JSON text).</summary>
    public static IReadOnlyList<JsonLiteral> Items(JsonLiteral array) =>
        JsonTextReader.Parse(array.Json, out _).Items.Select(Literal).ToList();

    /// <summary>Compact JSON text for a literal from the schema.</summary>
    public static string Write(JsonNode node)
    {
        var builder = new StringBuilder();
        Write(node, builder);
        return builder.ToString();

        static void Write(JsonNode node, StringBuilder builder)
        {
            switch (node.Kind)
            {
                case JsonNodeKind.Object:
                    builder.Append('{');
                    for (int i = 0; i < node.Members.Count; i++)
                    {
                        builder.Append(i == 0 ? "" : ",");
                        WriteString(node.Members[i].Name, builder);
                        builder.Append(':');
                        Write(node.Members[i].Value, builder);
                    }

                    builder.Append('}');
                    break;
                case JsonNodeKind.Array:
                    builder.Append('[');
                    for (int i = 0; i < node.Items.Count; i++)
                    {
                        builder.Append(i == 0 ? "" : ",");
                        Write(node.Items[i], builder);
                    }

                    builder.Append(']');
                    break;
                case JsonNodeKind.String:
                    WriteString(node.Text!, builder);
                    break;
                case JsonNodeKind.Number:
                    builder.Append(node.Text);
                    break;
                default:
                    builder.Append(node.Kind.ToString().ToLowerInvariant());
                    break;
            }
        }

        static void WriteString(string text, StringBuilder builder)
        {
            builder.Append('"');
            foreach (char c in text)
            {
                if (c is '"' or '\\')
                {
                    builder.Append('\\').Append(c);
                }
                else if (c < 0x20 || char.IsSurrogate(c))
                {
                    builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                }
                else
                {
                    builder.Append(c);
                }
            }

            builder.Append('"');
        }
    }
}
