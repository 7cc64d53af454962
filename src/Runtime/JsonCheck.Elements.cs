using System;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Insights.Contracts.Runtime;

// The value keywords over any JSON value, for JSON-backed contracts. Each applies only to the JSON
// type its keyword is about (a minLength passes any non-string), with the message of its typed twin.
// Numbers compare exactly: in decimal where both sides fit, else on their digits (JsonNumber).
public static partial class JsonCheck
{
    /// <summary><c>type</c>.</summary>
    public static bool Type(JsonElement value, JsonSchemaTypes allowed, ValidationContext? context)
    {
        bool ok = value.ValueKind switch
        {
            JsonValueKind.Null => (allowed & JsonSchemaTypes.Null) != 0,
            JsonValueKind.True or JsonValueKind.False => (allowed & JsonSchemaTypes.Boolean) != 0,
            JsonValueKind.Object => (allowed & JsonSchemaTypes.Object) != 0,
            JsonValueKind.Array => (allowed & JsonSchemaTypes.Array) != 0,
            JsonValueKind.String => (allowed & JsonSchemaTypes.String) != 0,
            JsonValueKind.Number => (allowed & JsonSchemaTypes.Number) != 0 || ((allowed & JsonSchemaTypes.Integer) != 0 && JsonValueCheck.IsInteger(value)),
            _ => false,
        };
        return ok || (context?.Fail("type", ErrorMessages.Type(JsonSchemaTypeNames.Describe(allowed), DescribeKind(value))) ?? false);
    }

    /// <summary><c>const</c>, by JSON equality.</summary>
    public static bool Const(JsonElement value, JsonElement expected, ValidationContext? context) =>
        JsonValueCheck.DeepEquals(value, expected)
        || (context?.Fail("const", ErrorMessages.Const(ErrorMessages.Render(value), ErrorMessages.Render(expected))) ?? false);

    /// <summary><c>enum</c>, by JSON equality.</summary>
    public static bool Enum(JsonElement value, JsonElement[] allowed, ValidationContext? context)
    {
        foreach (JsonElement candidate in allowed)
        {
            if (JsonValueCheck.DeepEquals(value, candidate))
            {
                return true;
            }
        }

        return context?.Fail("enum", ErrorMessages.Enum(ErrorMessages.Render(value), Array.ConvertAll(allowed, ErrorMessages.Render))) ?? false;
    }

    /// <summary><c>minimum</c>: <paramref name="exact"/> is the limit when it fits a decimal, <paramref name="text"/> is how the schema wrote it.</summary>
    public static bool Minimum(JsonElement value, decimal? exact, string text, ValidationContext? context) =>
        value.ValueKind != JsonValueKind.Number || Compare(value, exact, text) >= 0
        || (context?.Fail("minimum", ErrorMessages.Minimum(text, value.GetRawText())) ?? false);

    /// <summary><c>maximum</c>.</summary>
    public static bool Maximum(JsonElement value, decimal? exact, string text, ValidationContext? context) =>
        value.ValueKind != JsonValueKind.Number || Compare(value, exact, text) <= 0
        || (context?.Fail("maximum", ErrorMessages.Maximum(text, value.GetRawText())) ?? false);

    /// <summary><c>exclusiveMinimum</c>.</summary>
    public static bool ExclusiveMinimum(JsonElement value, decimal? exact, string text, ValidationContext? context) =>
        value.ValueKind != JsonValueKind.Number || Compare(value, exact, text) > 0
        || (context?.Fail("exclusiveMinimum", ErrorMessages.ExclusiveMinimum(text, value.GetRawText())) ?? false);

    /// <summary><c>exclusiveMaximum</c>.</summary>
    public static bool ExclusiveMaximum(JsonElement value, decimal? exact, string text, ValidationContext? context) =>
        value.ValueKind != JsonValueKind.Number || Compare(value, exact, text) < 0
        || (context?.Fail("exclusiveMaximum", ErrorMessages.ExclusiveMaximum(text, value.GetRawText())) ?? false);

    /// <summary>
    /// <c>multipleOf</c>: exact in decimal where both fit (0.3 is a multiple of 0.1), else exact on the
    /// digits; <paramref name="approximate"/> (the divisor as a double) only decides when their
    /// exponents are more than 10,000 apart, where an overflowing quotient is no multiple.
    /// </summary>
    public static bool MultipleOf(JsonElement value, decimal? exact, double approximate, string text, ValidationContext? context)
    {
        if (value.ValueKind != JsonValueKind.Number)
        {
            return true;
        }

        bool ok;
        if (exact is { } divisor && JsonNumber.TryGetExactDecimal(value, out decimal dividend))
        {
            try
            {
                ok = decimal.Remainder(dividend, divisor) == 0m;
            }
            catch (OverflowException)
            {
                ok = JsonNumber.IsMultiple(value.GetRawText(), text) ?? IsWholeQuotient((double)dividend, approximate);
            }
        }
        else
        {
            // Beyond decimal: exact on the digits where the numbers' scales are not absurdly far
            // apart (1e308 is a multiple of 0.5), else a double quotient, where overflow is no multiple.
            ok = JsonNumber.IsMultiple(value.GetRawText(), text) ?? IsWholeQuotient(value.GetDouble(), approximate);
        }

        return ok || (context?.Fail("multipleOf", ErrorMessages.MultipleOf(text, value.GetRawText())) ?? false);
    }

    /// <summary><c>minLength</c>, in code points.</summary>
    public static bool MinLength(JsonElement value, long minimum, ValidationContext? context) =>
        value.ValueKind != JsonValueKind.String || MinLength(CodePoints(value), minimum, context);

    /// <summary><c>maxLength</c>, in code points.</summary>
    public static bool MaxLength(JsonElement value, long maximum, ValidationContext? context) =>
        value.ValueKind != JsonValueKind.String || MaxLength(CodePoints(value), maximum, context);

    /// <summary><c>pattern</c>. A short string without escapes is matched from a stack buffer, without allocating it.</summary>
    public static bool Pattern(JsonElement value, PatternMatcher matches, string schemaPattern, ValidationContext? context)
    {
        ArgumentNullException.ThrowIfNull(matches);
        if (value.ValueKind != JsonValueKind.String)
        {
            return true;
        }

        ReadOnlySpan<byte> utf8 = JsonValueCheck.UnescapedUtf8(value);
        bool ok;
        try
        {
            if (utf8.Length is > 0 and <= 256)
            {
                Span<char> chars = stackalloc char[256];
                int count = System.Text.Encoding.UTF8.GetChars(utf8, chars);
                ok = matches(chars.Slice(0, count));
            }
            else
            {
                ok = matches(value.GetString()!);
            }
        }
        catch (RegexMatchTimeoutException)
        {
            return context?.Fail("pattern", ErrorMessages.PatternTookTooLong(value.GetString()!, schemaPattern)) ?? false;
        }

        return ok || (context?.Fail("pattern", ErrorMessages.Pattern(value.GetString()!, schemaPattern)) ?? false);
    }

    /// <summary><c>format</c>, asserted. Dates and UUIDs are checked on the UTF-8 text, without allocating a string.</summary>
    public static bool Format(JsonElement value, JsonFormat format, ValidationContext? context)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return true;
        }

        ReadOnlySpan<byte> utf8 = JsonValueCheck.UnescapedUtf8(value);
        if (format == JsonFormat.Date)
        {
            IsoDate.DateProblem problem = utf8.Length > 0 ? IsoDate.TryParse(utf8, out _) : IsoDate.TryParse(value.GetString()!, out _);
            return problem == IsoDate.DateProblem.None || (context?.Fail("format", DateMessage(value.GetString()!, problem)) ?? false);
        }

        bool valid = format == JsonFormat.Uuid && utf8.Length > 0 ? JsonFormats.IsUuid(utf8) : JsonFormats.IsValid(value.GetString()!, format);
        return valid || (context?.Fail("format", ErrorMessages.Format(value.GetString()!, format)) ?? false);
    }

    /// <summary>What is wrong with a date, as both shapes report it.</summary>
    internal static string DateMessage(string value, IsoDate.DateProblem problem) =>
        problem == IsoDate.DateProblem.NotACalendarDay ? ErrorMessages.NotACalendarDay(value) : ErrorMessages.Format(value, JsonFormat.Date);

    /// <summary><c>minItems</c>.</summary>
    public static bool MinItems(JsonElement value, long minimum, ValidationContext? context) =>
        value.ValueKind != JsonValueKind.Array || value.GetArrayLength() >= minimum
        || (context?.Fail("minItems", ErrorMessages.MinItems(minimum, value.GetArrayLength())) ?? false);

    /// <summary><c>maxItems</c>.</summary>
    public static bool MaxItems(JsonElement value, long maximum, ValidationContext? context) =>
        value.ValueKind != JsonValueKind.Array || value.GetArrayLength() <= maximum
        || (context?.Fail("maxItems", ErrorMessages.MaxItems(maximum, value.GetArrayLength())) ?? false);

    /// <summary><c>uniqueItems: true</c>, by JSON equality (<c>1</c> equals <c>1.0</c>, member order does not matter).</summary>
    public static bool UniqueItems(JsonElement value, ValidationContext? context)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            return true;
        }

        int count = value.GetArrayLength();
        for (int i = 0; i < count; i++)
        {
            for (int j = i + 1; j < count; j++)
            {
                if (JsonValueCheck.DeepEquals(value[i], value[j]))
                {
                    return context?.Fail("uniqueItems", ErrorMessages.UniqueItems(i, j)) ?? false;
                }
            }
        }

        return true;
    }

    /// <summary><c>minProperties</c>.</summary>
    public static bool MinProperties(JsonElement value, long minimum, ValidationContext? context)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return true;
        }

        int count = CountProperties(value);
        return count >= minimum || (context?.Fail("minProperties", ErrorMessages.MinProperties(minimum, count)) ?? false);
    }

    /// <summary><c>maxProperties</c>.</summary>
    public static bool MaxProperties(JsonElement value, long maximum, ValidationContext? context)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return true;
        }

        int count = CountProperties(value);
        return count <= maximum || (context?.Fail("maxProperties", ErrorMessages.MaxProperties(maximum, count)) ?? false);
    }

    /// <summary><c>required</c>: one member.</summary>
    public static bool Required(JsonElement value, string name, ValidationContext? context)
    {
        if (value.ValueKind != JsonValueKind.Object || value.TryGetProperty(name, out _))
        {
            return true;
        }

        context?.AddRequiredMissing(name);
        return false;
    }

    /// <summary><c>dependentRequired</c>: when <paramref name="trigger"/> is present, <paramref name="name"/> must be too.</summary>
    public static bool DependentRequired(JsonElement value, string trigger, string name, ValidationContext? context)
    {
        if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(trigger, out _) || value.TryGetProperty(name, out _))
        {
            return true;
        }

        context?.AddErrorAt(name, "dependentRequired", ErrorMessages.DependentRequired(name, trigger));
        return false;
    }

    private static int CodePoints(JsonElement value)
    {
        ReadOnlySpan<byte> utf8 = JsonValueCheck.UnescapedUtf8(value);
        if (utf8.IsEmpty)
        {
            return CodePointCount(value.GetString()!);
        }

        // In valid UTF-8 every code point has exactly one byte that is not a continuation byte.
        int count = 0;
        foreach (byte b in utf8)
        {
            count += (b & 0xC0) != 0x80 ? 1 : 0;
        }

        return count;
    }

    internal static int CountProperties(JsonElement value)
    {
        int count = 0;
        foreach (JsonProperty _ in value.EnumerateObject())
        {
            count++;
        }

        return count;
    }

    private static int Compare(JsonElement value, decimal? exact, string text) =>
        exact is { } limit && JsonNumber.TryGetExactDecimal(value, out decimal number)
            ? number.CompareTo(limit)
            : JsonNumber.Compare(value.GetRawText(), text);

    private static string DescribeKind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Number => JsonValueCheck.IsInteger(value) ? "integer" : "number",
        _ => value.ValueKind.ToString().ToLowerInvariant(),
    };
}
