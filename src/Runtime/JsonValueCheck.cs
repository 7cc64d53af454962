using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace Insights.Contracts.Runtime;

/// <summary>The JSON types of the <c>type</c> keyword, combinable for unions.</summary>
[Flags]
public enum JsonSchemaTypes
{
    /// <summary>No type: only used as "none given".</summary>
    None = 0,

    /// <summary><c>null</c>.</summary>
    Null = 1,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean = 2,

    /// <summary>A JSON object.</summary>
    Object = 4,

    /// <summary>A JSON array.</summary>
    Array = 8,

    /// <summary>Any number.</summary>
    Number = 16,

    /// <summary>A string.</summary>
    String = 32,

    /// <summary>A number with no fractional part (<c>1.0</c> is one).</summary>
    Integer = 64,
}

/// <summary>A generated validator for one schema: true when <paramref name="value"/> is valid; errors go to a non-null context.</summary>
public delegate bool JsonSchemaValidator(JsonElement value, ValidationContext? context);

/// <summary>
/// The keywords of JSON Schema 2020-12 over any JSON value, for contracts generated as a
/// JSON-backed value (schemas that are not one typed object). Each check applies only to the JSON
/// type its keyword is about (a <c>minLength</c> passes any non-string), returns whether the value
/// passes and, when it fails and the context is not null, reports why, as <see cref="JsonCheck"/> does.
/// Numbers are compared exactly in <see cref="decimal"/> where both sides fit, else as doubles.
/// </summary>
public static class JsonValueCheck
{
    /// <summary>
    /// Runs the root validator, after checking what JSON text allows but a contract does not, as
    /// typed contracts do: bytes that are not UTF-8 (<c>syntax</c>), a member name twice in one object (RFC 8259 leaves its meaning undefined;
    /// <c>duplicateProperty</c>), and a string that escapes an unpaired surrogate (<c>"\ud800"</c>,
    /// which System.Text.Json parses but cannot turn into a string; <c>unicode</c>).
    /// </summary>
    public static bool Validate(JsonElement value, JsonSchemaValidator root, ValidationContext context)
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
                        context.PushProperty(property.Name);
                        objectValid &= WellFormed(property.Value, checkStrings, context);
                        context.Pop();
                    }
                }

                return objectValid;
            default:
                return true;
        }
    }

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
            JsonValueKind.Number => (allowed & JsonSchemaTypes.Number) != 0 || ((allowed & JsonSchemaTypes.Integer) != 0 && IsInteger(value)),
            _ => false,
        };
        return ok || (context?.Fail("type", $"expected {Describe(allowed)}, got {DescribeKind(value)}") ?? false);
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
    public static bool MinLength(JsonElement value, long minimum, ValidationContext? context)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return true;
        }

        int length = CodePoints(value);
        return length >= minimum || (context?.Fail("minLength", ErrorMessages.MinLength(minimum, length)) ?? false);
    }

    /// <summary><c>maxLength</c>, in code points.</summary>
    public static bool MaxLength(JsonElement value, long maximum, ValidationContext? context)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return true;
        }

        int length = CodePoints(value);
        return length <= maximum || (context?.Fail("maxLength", ErrorMessages.MaxLength(maximum, length)) ?? false);
    }

    /// <summary><c>pattern</c>. A short string without escapes is matched from a stack buffer, without allocating it.</summary>
    public static bool Pattern(JsonElement value, Regex pattern, string schemaPattern, ValidationContext? context)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return true;
        }

        ReadOnlySpan<byte> utf8 = UnescapedUtf8(value);
        bool matches;
        try
        {
            if (utf8.Length is > 0 and <= 256)
            {
                Span<char> chars = stackalloc char[256];
                int count = System.Text.Encoding.UTF8.GetChars(utf8, chars);
                matches = pattern.IsMatch(chars.Slice(0, count));
            }
            else
            {
                matches = pattern.IsMatch(value.GetString()!);
            }
        }
        catch (RegexMatchTimeoutException)
        {
            return context?.Fail("pattern", JsonCheck.PatternTookTooLong(value.GetString()!, schemaPattern)) ?? false;
        }

        return matches || (context?.Fail("pattern", ErrorMessages.Pattern(value.GetString()!, schemaPattern)) ?? false);
    }

    /// <summary><c>format</c>, asserted. Dates and UUIDs are checked on the UTF-8 text, without allocating a string.</summary>
    public static bool Format(JsonElement value, JsonFormat format, ValidationContext? context)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return true;
        }

        ReadOnlySpan<byte> utf8 = UnescapedUtf8(value);
        bool? quick = format switch
        {
            JsonFormat.Date when utf8.Length > 0 => IsoDate.TryParse(utf8, out _) == IsoDate.DateProblem.None,
            JsonFormat.Uuid when utf8.Length > 0 => JsonFormats.IsUuid(utf8),
            _ => null,
        };
        bool valid = quick ?? JsonFormats.IsValid(value.GetString()!, format);
        return valid || (context?.Fail("format", $"'{ErrorMessages.Shorten(value.GetString()!)}' is not {JsonFormats.Describe(format)}") ?? false);
    }

    /// <summary>The UTF-8 bytes of a string value when it has no escapes (they are then its text); empty otherwise.</summary>
    private static ReadOnlySpan<byte> UnescapedUtf8(JsonElement value)
    {
        ReadOnlySpan<byte> raw = JsonMarshal.GetRawUtf8Value(value);
        if (raw.Length >= 2 && raw[0] == (byte)'"')
        {
            raw = raw.Slice(1, raw.Length - 2);
        }

        return raw.IndexOf((byte)'\\') >= 0 ? default : raw;
    }

    private static int CodePoints(JsonElement value)
    {
        ReadOnlySpan<byte> utf8 = UnescapedUtf8(value);
        if (utf8.IsEmpty)
        {
            return JsonCheck.CodePointCount(value.GetString()!);
        }

        // In valid UTF-8 every code point has exactly one byte that is not a continuation byte.
        int count = 0;
        foreach (byte b in utf8)
        {
            count += (b & 0xC0) != 0x80 ? 1 : 0;
        }

        return count;
    }

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
                if (DeepEquals(value[i], value[j]))
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
        return count >= minimum || (context?.Fail("minProperties", $"must have at least {minimum} propert{(minimum == 1 ? "y" : "ies")}, got {count}") ?? false);
    }

    /// <summary><c>maxProperties</c>.</summary>
    public static bool MaxProperties(JsonElement value, long maximum, ValidationContext? context)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return true;
        }

        int count = CountProperties(value);
        return count <= maximum || (context?.Fail("maxProperties", $"must have at most {maximum} propert{(maximum == 1 ? "y" : "ies")}, got {count}") ?? false);
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

    /// <summary>True for an object that has the member <paramref name="name"/> (<c>dependentSchemas</c> applies then).</summary>
    public static bool HasMember(JsonElement value, string name) => value.ValueKind == JsonValueKind.Object && value.TryGetProperty(name, out _);

    /// <summary><c>dependentRequired</c>: when <paramref name="trigger"/> is present, <paramref name="name"/> must be too.</summary>
    public static bool DependentRequired(JsonElement value, string trigger, string name, ValidationContext? context)
    {
        if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(trigger, out _) || value.TryGetProperty(name, out _))
        {
            return true;
        }

        context?.AddErrorAt(name, "dependentRequired", $"'{name}' is required when '{trigger}' is present");
        return false;
    }

    /// <summary><c>const</c>.</summary>
    public static bool Const(JsonElement value, JsonElement expected, ValidationContext? context) =>
        DeepEquals(value, expected)
        || (context?.Fail("const", $"{Shorten(value)} is not allowed here; {ErrorMessages.Const(Shorten(expected))}") ?? false);

    /// <summary><c>enum</c>.</summary>
    public static bool Enum(JsonElement value, JsonElement[] allowed, ValidationContext? context)
    {
        foreach (JsonElement candidate in allowed)
        {
            if (DeepEquals(value, candidate))
            {
                return true;
            }
        }

        return context?.Fail("enum", $"{Shorten(value)} is not one of the allowed values: {string.Join(", ", Array.ConvertAll(allowed, Shorten))}") ?? false;
    }

    /// <summary><c>false</c> as a schema: nothing is valid here.</summary>
    public static bool Never(string reason, ValidationContext? context) => context?.Fail("false", reason) ?? false;

    /// <summary>
    /// Reports why none of the branches of an <c>anyOf</c>/<c>oneOf</c> matched: each branch, by
    /// its title or index, with its first error. Runs the branches again with reporting on, so it
    /// costs nothing unless the value is invalid.
    /// </summary>
    public static bool NoBranchMatched(JsonElement value, string keyword, JsonSchemaValidator[] branches, string?[] titles, ValidationContext? context)
    {
        if (context is null)
        {
            return false;
        }

        var reasons = new List<string>(branches.Length);
        for (int i = 0; i < branches.Length; i++)
        {
            ValidationContext branch = context.CreateBranch();
            branches[i](value, branch);
            string name = titles[i] ?? $"branch {i}";
            reasons.Add(branch.FirstError is { } error ? $"{name}: {error}" : name);
        }

        return context.Fail(keyword, $"matches none of the {keyword} branches ({string.Join("; ", reasons)})");
    }

    /// <summary>Reports a <c>oneOf</c> that matched more than one branch.</summary>
    public static bool SeveralBranchesMatched(IReadOnlyList<int> matched, string?[] titles, ValidationContext? context)
    {
        if (context is null)
        {
            return false;
        }

        var names = new List<string>(matched.Count);
        foreach (int i in matched)
        {
            names.Add(titles[i] ?? $"branch {i}");
        }

        return context.Fail("oneOf", "matches more than one oneOf branch (exactly one is allowed): " + string.Join(", ", names));
    }

    /// <summary>Validates the member <paramref name="property"/> with <paramref name="validator"/>, errors under its name.</summary>
    public static bool Member(JsonProperty property, JsonSchemaValidator validator, ValidationContext? context)
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
    public static bool Item(JsonElement item, int index, JsonSchemaValidator validator, ValidationContext? context)
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
    public static bool NameMatches(Regex pattern, string schemaPattern, JsonProperty property, ref bool valid, ValidationContext? context)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        string name = property.Name;
        try
        {
            return pattern.IsMatch(name);
        }
        catch (RegexMatchTimeoutException)
        {
            context?.AddErrorAt(name, "patternProperties", JsonCheck.PatternTookTooLong(name, schemaPattern));
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

    /// <summary><c>propertyNames</c>: validates a member name as a JSON string.</summary>
    public static bool PropertyName(string name, JsonSchemaValidator validator, ValidationContext? context)
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
        context.AddErrorAt(name, "propertyNames", $"the name '{name}' is not allowed{(branch.FirstError is { } error ? ": " + error.Message : "")}");
        return false;
    }

    /// <summary><c>contains</c> with <c>minContains</c>/<c>maxContains</c>, given how many items matched.</summary>
    public static bool Contains(int matches, long minimum, long? maximum, ValidationContext? context)
    {
        if (matches < minimum)
        {
            return context?.Fail(minimum == 1 ? "contains" : "minContains", $"must contain at least {minimum} matching item{(minimum == 1 ? "" : "s")}, found {matches}") ?? false;
        }

        return matches <= maximum.GetValueOrDefault(long.MaxValue)
            || (context?.Fail("maxContains", $"must contain at most {maximum} matching item{(maximum == 1 ? "" : "s")}, found {matches}") ?? false);
    }

    /// <summary><c>anyOf</c>: at least one branch matches.</summary>
    public static bool AnyOf(JsonElement value, JsonSchemaValidator[] branches, string?[] titles, ValidationContext? context)
    {
        foreach (JsonSchemaValidator branch in branches)
        {
            if (branch(value, null))
            {
                return true;
            }
        }

        return NoBranchMatched(value, "anyOf", branches, titles, context);
    }

    /// <summary><c>oneOf</c>: exactly one branch matches.</summary>
    public static bool OneOf(JsonElement value, JsonSchemaValidator[] branches, string?[] titles, ValidationContext? context)
    {
        int first = -1;
        for (int i = 0; i < branches.Length; i++)
        {
            if (!branches[i](value, null))
            {
                continue;
            }

            if (first < 0)
            {
                first = i;
                continue;
            }

            if (context is null)
            {
                return false;
            }

            var matched = new List<int> { first };
            for (int j = i; j < branches.Length; j++)
            {
                if (branches[j](value, null))
                {
                    matched.Add(j);
                }
            }

            return SeveralBranchesMatched(matched, titles, context);
        }

        return first >= 0 || NoBranchMatched(value, "oneOf", branches, titles, context);
    }

    /// <summary>The index of the first branch <paramref name="value"/> matches, or -1.</summary>
    public static int FirstMatch(JsonElement value, JsonSchemaValidator[] branches)
    {
        for (int i = 0; i < branches.Length; i++)
        {
            if (branches[i](value, null))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary><c>not</c>.</summary>
    public static bool Not(JsonElement value, JsonSchemaValidator validator, ValidationContext? context) =>
        !validator(value, null) || (context?.Fail("not", "matches a schema it must not match") ?? false);

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
                if (CountProperties(left) != CountProperties(right))
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

    /// <summary>A short JSON rendering of a value for messages.</summary>
    public static string Shorten(JsonElement value) => ErrorMessages.Shorten(value.GetRawText());

    private static int CountProperties(JsonElement value)
    {
        int count = 0;
        foreach (JsonProperty _ in value.EnumerateObject())
        {
            count++;
        }

        return count;
    }

    private static bool NumbersEqual(JsonElement left, JsonElement right) =>
        JsonNumber.TryGetExactDecimal(left, out decimal a) && JsonNumber.TryGetExactDecimal(right, out decimal b)
            ? a == b
            : JsonNumber.Compare(left.GetRawText(), right.GetRawText()) == 0;

    private static int Compare(JsonElement value, decimal? exact, string text) =>
        exact is { } limit && JsonNumber.TryGetExactDecimal(value, out decimal number)
            ? number.CompareTo(limit)
            : JsonNumber.Compare(value.GetRawText(), text);

    private static bool IsWholeQuotient(double dividend, double divisor)
    {
        double quotient = dividend / divisor;
        return double.IsFinite(quotient) && Math.Floor(quotient) == quotient;
    }

    private static string DescribeKind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Number => IsInteger(value) ? "integer" : "number",
        _ => value.ValueKind.ToString().ToLowerInvariant(),
    };

    private static string Describe(JsonSchemaTypes allowed)
    {
        var names = new StringBuilder();
        foreach ((JsonSchemaTypes flag, string name) in TypeNames)
        {
            if ((allowed & flag) != 0)
            {
                names.Append(names.Length == 0 ? "" : " or ").Append(name);
            }
        }

        return names.Length == 0 ? "nothing" : names.ToString();
    }

    private static readonly (JsonSchemaTypes, string)[] TypeNames =
    [
        (JsonSchemaTypes.Object, "object"), (JsonSchemaTypes.Array, "array"), (JsonSchemaTypes.String, "string"),
        (JsonSchemaTypes.Integer, "integer"), (JsonSchemaTypes.Number, "number"), (JsonSchemaTypes.Boolean, "boolean"),
        (JsonSchemaTypes.Null, "null"),
    ];
}
