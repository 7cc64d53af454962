using System;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Insights.Contracts.Runtime.CompilerServices;

// type, const, enum: for the values a typed record holds and for any JSON value (by JSON equality).
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

    /// <summary><c>const</c> over a string.</summary>
    public static bool Const(string value, string expected, ValidationContext? context) =>
        value == expected || (context?.Fail("const", ErrorMessages.Const(ErrorMessages.Render(value), ErrorMessages.Render(expected))) ?? false);

    /// <summary><c>const</c> over a number (1 and 1.0 are the same number).</summary>
    public static bool Const(double value, double expected, ValidationContext? context) =>
        value == expected || (context?.Fail("const", ErrorMessages.Const(JsonRead.Format(value), JsonRead.Format(expected))) ?? false);

    /// <summary><c>const</c> over a decimal (1 and 1.0 are the same number).</summary>
    public static bool Const(decimal value, decimal expected, ValidationContext? context) =>
        value == expected || (context?.Fail("const", ErrorMessages.Const(JsonRead.Format(value), JsonRead.Format(expected))) ?? false);

    /// <summary><c>const</c> over a boolean.</summary>
    public static bool Const(bool value, bool expected, ValidationContext? context) =>
        value == expected || (context?.Fail("const", ErrorMessages.Const(Render(value), Render(expected))) ?? false);

    /// <summary><c>enum</c> over strings.</summary>
    public static bool Enum(string value, string[] allowed, ValidationContext? context) =>
        Array.IndexOf(allowed, value) >= 0
        || (context?.Fail("enum", ErrorMessages.Enum(ErrorMessages.Render(value), Array.ConvertAll(allowed, ErrorMessages.Render))) ?? false);

    /// <summary><c>enum</c> over numbers.</summary>
    public static bool Enum(double value, double[] allowed, ValidationContext? context) =>
        Array.IndexOf(allowed, value) >= 0
        || (context?.Fail("enum", ErrorMessages.Enum(JsonRead.Format(value), Array.ConvertAll(allowed, JsonRead.Format))) ?? false);

    /// <summary><c>enum</c> over decimals.</summary>
    public static bool Enum(decimal value, decimal[] allowed, ValidationContext? context) =>
        Array.IndexOf(allowed, value) >= 0
        || (context?.Fail("enum", ErrorMessages.Enum(JsonRead.Format(value), Array.ConvertAll(allowed, JsonRead.Format))) ?? false);

    /// <summary><c>enum</c> over booleans.</summary>
    public static bool Enum(bool value, bool[] allowed, ValidationContext? context) =>
        Array.IndexOf(allowed, value) >= 0
        || (context?.Fail("enum", ErrorMessages.Enum(Render(value), Array.ConvertAll(allowed, Render))) ?? false);

    /// <summary>
    /// <c>type</c> as draft-04 reads it: an integer is a number written without a fraction or an
    /// exponent (<c>1.0</c> is a number, not an integer).
    /// </summary>
    public static bool TypeAsWritten(JsonElement value, JsonSchemaTypes allowed, ValidationContext? context)
    {
        if (value.ValueKind != JsonValueKind.Number || (allowed & JsonSchemaTypes.Number) != 0)
        {
            return Type(value, allowed, context);
        }

        bool written = JsonValueCheck.IsInteger(value) && System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(value).IndexOfAny("."u8[0], (byte)'e', (byte)'E') < 0;
        return written || (context?.Fail("type", ErrorMessages.Type(JsonSchemaTypeNames.Describe(allowed), "number")) ?? false);
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

    private static string DescribeKind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Number => JsonValueCheck.IsInteger(value) ? "integer" : "number",
        _ => value.ValueKind.ToString().ToLowerInvariant(),
    };

    private static string Render(bool value) => value ? "true" : "false";
}
