using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Insights.Contracts.Testing;

/// <summary>
/// Schemas with one large string enum, written in code: public schemas hold lists of thousands of
/// cloud regions, SKUs or instance types, and the generated code must stay small and quick to
/// compile for them. The values vary in length and form on purpose: region and product codes,
/// dotted and camelCase names, values that start with a digit, non-ASCII and escaped characters,
/// and pairs that map to the same C# name (<c>eu-west-1</c> and <c>eu_west_1</c>). Linked into the
/// generator tests and the benchmarks, so both measure the same schema.
/// </summary>
internal static class LargeEnumSchema
{
    private static readonly string[] Geographies = ["us", "eu", "ap", "sa", "me", "af", "ca", "cn", "il", "mx", "uk", "jp", "in"];
    private static readonly string[] Areas = ["east", "west", "north", "south", "central", "northeast", "southeast", "gov-west", "isob-east"];
    private static readonly string[] Words = ["standard", "premium", "basic", "enterprise", "archive", "burst", "compute", "storage", "memory", "network", "dedicated"];
    private static readonly string[] Sizes = ["XS", "S", "M", "L", "XL", "XXL", "4XL"];

    /// <summary><paramref name="count"/> distinct values, the same for every call with that count (each count's list starts with a smaller one's).</summary>
    public static string[] Values(int count)
    {
        var values = new List<string>(count) { "", "value" }; // C# names "Value" and "ValueValue"-style fallbacks
        var seen = new HashSet<string>(values, System.StringComparer.Ordinal);
        for (int i = 0; values.Count < count; i++)
        {
            string value = Value(i);
            if (seen.Add(value))
            {
                values.Add(value);
            }
        }

        return values.GetRange(0, count).ToArray();
    }

    /// <summary>An object schema whose <c>region</c> member is a closed enum (<c>enum</c> of <paramref name="count"/> strings).</summary>
    public static string Closed(int count) => Schema(count, writer =>
    {
        writer.WriteString("type", "string");
        WriteEnum(writer, count);
    });

    /// <summary>The same values as an open enum: <c>anyOf</c> of the known values and any string.</summary>
    public static string Open(int count) => Schema(count, writer =>
    {
        writer.WriteString("type", "string");
        writer.WriteStartArray("anyOf");
        writer.WriteStartObject();
        WriteEnum(writer, count);
        writer.WriteEndObject();
        writer.WriteStartObject();
        writer.WriteString("type", "string");
        writer.WriteEndObject();
        writer.WriteEndArray();
    });

    private static string Value(int i)
    {
        int n = i / 8;
        string geography = Geographies[n % Geographies.Length];
        string area = Areas[(n / Geographies.Length) % Areas.Length];
        string word = Words[n % Words.Length];
        string number = (n / (Geographies.Length * Areas.Length) + 1).ToString(CultureInfo.InvariantCulture);
        return (i % 8) switch
        {
            0 => $"{geography}-{area}-{number}",
            1 => $"SKU-{n:D5}-{Sizes[n % Sizes.Length]}",
            2 => $"com.example.plan.{word}.v{n}",
            3 => $"{word}Tier{n}",
            4 => $"{geography}_{area.Replace('-', '_')}_{number}", // the same C# name as the region of form 0
            5 => $"{n}x-{word} (legacy)",
            6 => (n % 6) switch
            {
                0 => $"zone \"{word}\" {n}",
                1 => $"path\\{word}\\{n}",
                2 => $"zürich-{word}-{n}",
                3 => $"東京-{n}",
                4 => $"rocket-🚀-{n}",
                _ => $"tab\t{word}\t{n}",
            },
            _ => LongName(n),
        };
    }

    /// <summary>A name of 8 to 60 characters, cut at a varying length.</summary>
    private static string LongName(int n)
    {
        string full = string.Join("-", Words[n % Words.Length], Words[(n + 3) % Words.Length], Words[(n + 7) % Words.Length], "with-a-long-suffix", n.ToString(CultureInfo.InvariantCulture));
        return full.Substring(0, System.Math.Min(full.Length, 8 + (n * 7 % 53)));
    }

    private static void WriteEnum(Utf8JsonWriter writer, int count)
    {
        writer.WriteStartArray("enum");
        foreach (string value in Values(count))
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static string Schema(int count, System.Action<Utf8JsonWriter> writeRegion)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("$schema", "https://json-schema.org/draft/2020-12/schema");
            writer.WriteString("description", "Where a resource runs.");
            writer.WriteString("type", "object");
            writer.WriteStartArray("required");
            writer.WriteStringValue("region");
            writer.WriteEndArray();
            writer.WriteStartObject("properties");
            writer.WriteStartObject("region");
            writer.WriteString("$ref", "#/$defs/region");
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteStartObject("$defs");
            writer.WriteStartObject("region");
            writer.WriteString("description", $"One of {count} regions and product codes.");
            writeRegion(writer);
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
