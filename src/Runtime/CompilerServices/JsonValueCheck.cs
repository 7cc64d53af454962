using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using System.ComponentModel;

namespace Insights.Contracts.Runtime.CompilerServices;

/// <summary>
/// What JSON-backed contracts need besides the value keywords (<see cref="JsonCheck"/>) and branch
/// choice (<see cref="BranchCheck"/>): the well-formedness pass before validation, walking members
/// and items with their paths, and JSON equality (numbers by value, objects in any member order).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonValueCheck
{
    /// <summary>
    /// Runs the root validator, after checking what JSON text allows but a contract does not, as
    /// typed contracts do: bytes that are not UTF-8 (<c>syntax</c>), a member name twice in one object (RFC 8259 leaves its meaning undefined;
    /// <c>duplicateProperty</c>), and a string that escapes an unpaired surrogate (<c>"\ud800"</c>,
    /// which System.Text.Json parses but cannot turn into a string; <c>unicode</c>).
    /// </summary>
    public static bool Validate(JsonElement value, SchemaValidator<JsonElement> root, ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            // System.Text.Json checks UTF-8 only when a string is decoded, so text with invalid
            // bytes in a member nobody reads would pass; one vectorized pass rules that out.
            ReadOnlySpan<byte> raw = JsonMarshal.GetRawUtf8Value(value);
            if (!System.Text.Unicode.Utf8.IsValid(raw))
            {
                return context.Fail("syntax", "the JSON text is not valid UTF-8");
            }

            // One more scan decides whether strings need decoding to find unpaired surrogates.
            bool checkStrings = HasSurrogateEscape(raw);
            if (!WellFormed(value, checkStrings, context))
            {
                return false;
            }

            return root(value, context);
        }
        catch (InsufficientExecutionStackException)
        {
            // Only reachable through From/Validate(JsonElement) with a document parsed deeper than
            // JsonContract.MaxDepth allows: report it, as parsing would, instead of overflowing the stack.
            context.AddError("syntax", $"the value nests too deeply to validate (documents may nest {JsonContract.MaxDepth} levels)");
            return false;
        }
    }

    /// <summary>
    /// Checks a record's JSON-valued member (or item) against the validator of its schema, as
    /// <see cref="Validate(JsonElement, SchemaValidator{JsonElement}, ValidationContext)"/> does; a
    /// <c>default</c> <see cref="JsonAny"/> (no JSON at all) is a <c>type</c> error.
    /// </summary>
    public static bool Validate(JsonAny value, SchemaValidator<JsonElement> validator, ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return value.ValueKind == JsonValueKind.Undefined
            ? context.Fail("type", ErrorMessages.NoJsonValue)
            : Validate(value.Element, validator, context);
    }

    private static bool NameDecodes(JsonProperty property, ValidationContext context)
    {
        try
        {
            _ = property.Name;
            return true;
        }
        catch (InvalidOperationException)
        {
            context.AddError("unicode", "a member name escapes an unpaired surrogate, which is not Unicode text");
            return false;
        }
    }

    /// <summary>Objects up to this many members are checked for repeated names pairwise, larger ones with a set.</summary>
    private const int SmallObject = 16;

    /// <summary>
    /// Whether <paramref name="property"/>, the member at <paramref name="index"/> (below
    /// <see cref="SmallObject"/>), has the name of an earlier member. Raw names are compared without
    /// decoding, so nothing is allocated; a name written with escapes is compared decoded, so
    /// <c>"a"</c> and <c>"\u0061"</c> are the same name.
    /// </summary>
    private static bool RepeatsEarlierName(JsonElement parent, JsonProperty property, int index)
    {
        ReadOnlySpan<byte> name = JsonMarshal.GetRawUtf8PropertyName(property);
        bool escaped = name.IndexOf((byte)'\\') >= 0;
        int i = 0;
        foreach (JsonProperty earlier in parent.EnumerateObject())
        {
            if (i++ == index)
            {
                return false;
            }

            ReadOnlySpan<byte> other = JsonMarshal.GetRawUtf8PropertyName(earlier);
            bool same = escaped || other.IndexOf((byte)'\\') >= 0 ? earlier.NameEquals(property.Name) : other.SequenceEqual(name);
            if (same)
            {
                return true;
            }
        }

        return false;
    }

    private static HashSet<string> EarlierNames(JsonElement parent, int count)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        int taken = 0;
        foreach (JsonProperty earlier in parent.EnumerateObject())
        {
            if (taken++ == count)
            {
                break;
            }

            names.Add(earlier.Name);
        }

        return names;
    }

    private static bool HasSurrogateEscape(ReadOnlySpan<byte> utf8)
    {
        int at;
        while ((at = utf8.IndexOf("\\u"u8)) >= 0 && at + 3 < utf8.Length)
        {
            if (utf8[at + 2] is (byte)'d' or (byte)'D' && utf8[at + 3] is >= (byte)'8' and <= (byte)'9' or >= (byte)'a' and <= (byte)'f' or >= (byte)'A' and <= (byte)'F')
            {
                return true;
            }

            utf8 = utf8.Slice(at + 2);
        }

        return false;
    }

    private static bool WellFormed(JsonElement value, bool checkStrings, ValidationContext context)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        switch (value.ValueKind)
        {
            case JsonValueKind.String when checkStrings:
                try
                {
                    _ = value.GetString();
                    return true;
                }
                catch (InvalidOperationException)
                {
                    return context.Fail("unicode", "the string escapes an unpaired surrogate, which is not Unicode text");
                }

            case JsonValueKind.Array:
                bool arrayValid = true;
                int index = 0;
                foreach (JsonElement item in value.EnumerateArray())
                {
                    context.PushIndex(index++);
                    arrayValid &= WellFormed(item, checkStrings, context);
                    context.Pop();
                }

                return arrayValid;
            case JsonValueKind.Object:
                bool objectValid = true;
                int memberIndex = 0;
                HashSet<string>? names = null; // only for large objects
                foreach (JsonProperty property in value.EnumerateObject())
                {
                    if (checkStrings && !NameDecodes(property, context))
                    {
                        objectValid = false;
                        continue;
                    }

                    if (memberIndex == SmallObject)
                    {
                        names = EarlierNames(value, SmallObject);
                    }

                    bool repeated = names is not null ? !names.Add(property.Name) : memberIndex > 0 && RepeatsEarlierName(value, property, memberIndex);
                    memberIndex++;
                    if (repeated)
                    {
                        context.AddErrorAt(property.Name, "duplicateProperty", ErrorMessages.DuplicateProperty(property.Name));
                        objectValid = false;
                        continue;
                    }

                    if (property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array || checkStrings)
                    {
                        context.PushProperty(property);
                        objectValid &= WellFormed(property.Value, checkStrings, context);
                        context.Pop();
                    }
                }

                return objectValid;
            default:
                return true;
        }
    }

    /// <summary>True for a number without a fractional part, however it is written (<c>1</c>, <c>1.0</c>, <c>1e2</c>).</summary>
    public static bool IsInteger(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Number)
        {
            return false;
        }

        return JsonNumber.TryGetExactDecimal(value, out decimal exact)
            ? decimal.Truncate(exact) == exact
            : JsonNumber.IsInteger(value.GetRawText());
    }

    /// <summary>The UTF-8 bytes of a string value when it has no escapes (they are then its text); empty otherwise.</summary>
    internal static ReadOnlySpan<byte> UnescapedUtf8(JsonElement value)
    {
        ReadOnlySpan<byte> raw = JsonMarshal.GetRawUtf8Value(value);
        if (raw.Length >= 2 && raw[0] == (byte)'"')
        {
            raw = raw.Slice(1, raw.Length - 2);
        }

        return raw.IndexOf((byte)'\\') >= 0 ? default : raw;
    }

    /// <summary>True for an object that has the member <paramref name="name"/> (<c>dependentSchemas</c> applies then).</summary>
    public static bool HasMember(JsonElement value, string name) => value.ValueKind == JsonValueKind.Object && value.TryGetProperty(name, out _);

    /// <summary><c>false</c> as a schema: nothing is valid here.</summary>
    public static bool Never(ValidationContext? context) => context?.Fail("false", ErrorMessages.False) ?? false;

    /// <summary>Validates the member <paramref name="property"/> with <paramref name="validator"/>, errors under its name.</summary>
    public static bool Member(JsonProperty property, SchemaValidator<JsonElement> validator, ValidationContext? context)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        if (context is null)
        {
            return validator(property.Value, null);
        }

        context.PushProperty(property);
        bool valid = validator(property.Value, context);
        context.Pop();
        return valid;
    }

    /// <summary>Validates array item <paramref name="index"/> with <paramref name="validator"/>, errors under its index.</summary>
    public static bool Item(JsonElement item, int index, SchemaValidator<JsonElement> validator, ValidationContext? context)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        if (context is null)
        {
            return validator(item, null);
        }

        context.PushIndex(index);
        bool valid = validator(item, context);
        context.Pop();
        return valid;
    }

    /// <summary>
    /// Whether a <c>patternProperties</c> pattern applies to the member. A name the pattern cannot be
    /// checked against in time (see <see cref="JsonCheck.CreatePattern"/>) makes the value invalid.
    /// </summary>
    public static bool NameMatches(PatternMatcher matches, string schemaPattern, JsonProperty property, ref bool valid, ValidationContext? context)
    {
        ArgumentNullException.ThrowIfNull(matches);
        string name = property.Name;
        try
        {
            return matches(name);
        }
        catch (RegexMatchTimeoutException)
        {
            context?.AddErrorAt(name, "patternProperties", ErrorMessages.PatternTookTooLong(name, schemaPattern));
            valid = false;
            return false;
        }
    }

    /// <summary><c>additionalProperties: false</c>: a member no <c>properties</c> or <c>patternProperties</c> entry allows.</summary>
    public static bool NotAllowed(string name, ValidationContext? context)
    {
        context?.AddErrorAt(name, "additionalProperties", ErrorMessages.NotAllowedProperty(name));
        return false;
    }

    /// <summary><c>unevaluatedProperties: false</c>: a member no subschema evaluated.</summary>
    public static bool NotEvaluated(string name, ValidationContext? context)
    {
        context?.AddErrorAt(name, "unevaluatedProperties", ErrorMessages.NotEvaluatedProperty(name));
        return false;
    }

    /// <summary><c>unevaluatedItems: false</c>: an item no subschema evaluated.</summary>
    public static bool NotEvaluated(int index, ValidationContext? context)
    {
        if (context is not null)
        {
            context.PushIndex(index);
            context.AddError("unevaluatedItems", ErrorMessages.NotEvaluatedItem(index));
            context.Pop();
        }

        return false;
    }

    /// <summary><c>propertyNames</c>: validates a member name as a JSON string.</summary>
    public static bool PropertyName(string name, SchemaValidator<JsonElement> validator, ValidationContext? context)
    {
        JsonElement element = PropertyName(name);
        if (validator(element, null))
        {
            return true;
        }

        if (context is null)
        {
            return false;
        }

        ValidationContext branch = context.CreateBranch();
        validator(element, branch);
        context.AddErrorAt(name, "propertyNames", ErrorMessages.PropertyName(name, branch.FirstError?.Message));
        return false;
    }

    /// <summary><c>contains</c> with <c>minContains</c>/<c>maxContains</c>, given how many items matched.</summary>
    public static bool Contains(int matches, long minimum, long? maximum, ValidationContext? context)
    {
        if (matches < minimum)
        {
            return context?.Fail(minimum == 1 ? "contains" : "minContains", ErrorMessages.MinContains(minimum, matches)) ?? false;
        }

        return matches <= maximum.GetValueOrDefault(long.MaxValue)
            || (context?.Fail("maxContains", ErrorMessages.MaxContains(maximum.GetValueOrDefault(), matches)) ?? false);
    }

    /// <summary>Parses a JSON literal from the schema (<c>const</c>, <c>enum</c>) once, for comparisons.</summary>
    public static JsonElement Literal(string json)
    {
        // A literal may nest as deep as a schema file may (the generator reads up to 256 levels).
        using JsonDocument document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 256 });
        return document.RootElement.Clone();
    }

    /// <summary>The items of a JSON array literal.</summary>
    public static JsonElement[] Literals(string jsonArray)
    {
        JsonElement array = Literal(jsonArray);
        var items = new JsonElement[array.GetArrayLength()];
        for (int i = 0; i < items.Length; i++)
        {
            items[i] = array[i];
        }

        return items;
    }

    /// <summary>A property name as a JSON string value, so <c>propertyNames</c> can validate it with a schema's validator.</summary>
    public static JsonElement PropertyName(string name)
    {
        var buffer = new ArrayBufferWriter<byte>(name.Length + 2);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStringValue(name);
        }

        using JsonDocument document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    /// <summary>
    /// JSON equality as JSON Schema defines it: same type, numbers equal by value (<c>1</c> = <c>1.0</c>),
    /// strings by code points, arrays item by item, objects by members regardless of order.
    /// </summary>
    public static bool DeepEquals(JsonElement left, JsonElement right)
    {
        JsonValueKind kind = left.ValueKind;
        if (kind != right.ValueKind)
        {
            return false;
        }

        switch (kind)
        {
            case JsonValueKind.Number:
                return NumbersEqual(left, right);
            case JsonValueKind.String:
                // Strings without escapes are equal exactly when their UTF-8 bytes are.
                ReadOnlySpan<byte> a = UnescapedUtf8(left);
                ReadOnlySpan<byte> b = UnescapedUtf8(right);
                return (a.IsEmpty || b.IsEmpty) ? left.GetString() == right.GetString() : a.SequenceEqual(b);
            case JsonValueKind.Array:
                int length = left.GetArrayLength();
                if (length != right.GetArrayLength())
                {
                    return false;
                }

                for (int i = 0; i < length; i++)
                {
                    if (!DeepEquals(left[i], right[i]))
                    {
                        return false;
                    }
                }

                return true;
            case JsonValueKind.Object:
                if (JsonCheck.CountProperties(left) != JsonCheck.CountProperties(right))
                {
                    return false;
                }

                foreach (JsonProperty member in left.EnumerateObject())
                {
                    if (!right.TryGetProperty(member.Name, out JsonElement other) || !DeepEquals(member.Value, other))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return true; // null, true, false: the kind is the value
        }
    }

    /// <summary>A hash consistent with <see cref="DeepEquals"/>.</summary>
    public static int GetDeepHashCode(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Number:
                // decimal hashes by value (1.0m and 1m hash alike).
                return JsonNumber.TryGetExactDecimal(value, out decimal exact) ? exact.GetHashCode() : JsonNumber.GetHashCode(value.GetRawText());
            case JsonValueKind.String:
                return StringComparer.Ordinal.GetHashCode(value.GetString()!);
            case JsonValueKind.Array:
                var array = new HashCode();
                foreach (JsonElement item in value.EnumerateArray())
                {
                    array.Add(GetDeepHashCode(item));
                }

                return array.ToHashCode();
            case JsonValueKind.Object:
                int sum = 0;
                foreach (JsonProperty member in value.EnumerateObject())
                {
                    sum += HashCode.Combine(StringComparer.Ordinal.GetHashCode(member.Name), GetDeepHashCode(member.Value));
                }

                return sum;
            default:
                return (int)value.ValueKind;
        }
    }

    private static bool NumbersEqual(JsonElement left, JsonElement right) =>
        JsonNumber.TryGetExactDecimal(left, out decimal a) && JsonNumber.TryGetExactDecimal(right, out decimal b)
            ? a == b
            : JsonNumber.Compare(left.GetRawText(), right.GetRawText()) == 0;
}
