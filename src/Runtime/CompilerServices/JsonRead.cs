using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using System.ComponentModel;

namespace Insights.Contracts.Runtime.CompilerServices;

/// <summary>Reads one JSON value of a known shape, reporting a mismatch instead of throwing.</summary>
/// <returns>True with <paramref name="value"/> set, or false after reporting to <paramref name="context"/>.</returns>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate bool JsonValueReader<T>(ref Utf8JsonReader reader, ValidationContext context, out T value);

/// <summary>
/// Value readers used by generated <c>ReadJson</c> methods. Each expects the reader on the value's
/// first token, leaves it on the value's last token, and on a mismatch reports one error (with the
/// keyword JSON Schema would report) and skips the value, so reading goes on and finds every error.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonRead
{
    /// <summary>Reads a JSON string.</summary>
    public static bool TryReadString(ref Utf8JsonReader reader, ValidationContext context, out string value)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            return Mismatch(ref reader, context, "string", out value);
        }

        value = reader.GetString()!;
        return true;
    }

    /// <summary>Reads <c>true</c> or <c>false</c>.</summary>
    public static bool TryReadBoolean(ref Utf8JsonReader reader, ValidationContext context, out bool value)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                value = true;
                return true;
            case JsonTokenType.False:
                value = false;
                return true;
            default:
                return Mismatch(ref reader, context, "boolean", out value);
        }
    }

    /// <summary>Reads a JSON Schema <c>integer</c> (any number with no fractional part, so <c>10.0</c> too) into an <see cref="int"/>.</summary>
    public static bool TryReadInt32(ref Utf8JsonReader reader, ValidationContext context, out int value)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out value))
        {
            return true;
        }

        bool ok = TryReadIntegral(ref reader, context, int.MinValue, int.MaxValue, "a 32-bit integer", out long wide);
        value = ok ? (int)wide : 0;
        return ok;
    }

    /// <summary>Reads a JSON Schema <c>integer</c> into a <see cref="long"/>.</summary>
    public static bool TryReadInt64(ref Utf8JsonReader reader, ValidationContext context, out long value)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out value))
        {
            return true;
        }

        return TryReadIntegral(ref reader, context, long.MinValue, long.MaxValue, "a 64-bit integer", out value);
    }

    /// <summary>
    /// Whether the value is a number with no fractional part (<c>10.0</c> too) from
    /// <paramref name="min"/> to <paramref name="max"/>: one an <c>int</c> or <c>long</c> typed by
    /// its schema's <c>const</c>/<c>enum</c> can hold. Any other value is checked as JSON, so that it
    /// fails that keyword rather than a range the schema never stated. The reader does not move.
    /// </summary>
    public static bool IsIntegerIn(ref Utf8JsonReader reader, long min, long max) =>
        reader.TokenType == JsonTokenType.Number
        && (reader.TryGetInt64(out long whole) ? whole >= min && whole <= max
            : reader.TryGetDecimal(out decimal number) && decimal.Truncate(number) == number && number >= min && number <= max);

    /// <summary>Reads a JSON number into a finite <see cref="double"/>.</summary>
    public static bool TryReadDouble(ref Utf8JsonReader reader, ValidationContext context, out double value)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            return Mismatch(ref reader, context, "number", out value);
        }

        if (reader.TryGetDouble(out value) && double.IsFinite(value))
        {
            return true;
        }

        context.AddError("type", ErrorMessages.OutOfRange(RawText(ref reader), "a 64-bit floating-point number"));
        value = 0;
        return false;
    }

    /// <summary>Reads an RFC 3339 <c>full-date</c> string (<c>YYYY-MM-DD</c>), strictly.</summary>
    public static bool TryReadDate(ref Utf8JsonReader reader, ValidationContext context, out DateOnly value)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            return Mismatch(ref reader, context, "string", out value);
        }

        IsoDate.DateProblem problem;
        if (!reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            problem = IsoDate.TryParse(reader.ValueSpan, out value);
        }
        else
        {
            // Escapes (\u0032...) are legal JSON; the unescaped text is what must be a date. (A
            // token split across the segments of a streamed body has no ValueSpan either.)
            problem = IsoDate.TryParse(reader.GetString()!, out value);
        }

        if (problem == IsoDate.DateProblem.None)
        {
            return true;
        }

        context.AddError("format", JsonCheck.DateMessage(reader.GetString()!, problem));
        return false;
    }

    /// <summary>
    /// Reads an RFC 3339 <c>date-time</c> string, exactly the texts the <c>date-time</c> format check
    /// accepts: a fraction finer than 100 ns is truncated, a leap second is the last tick of second 59,
    /// an offset beyond ±14:00 becomes the same instant in UTC, and an instant outside what a
    /// <see cref="DateTimeOffset"/> holds is a <c>format</c> error rather than an exception.
    /// </summary>
    public static bool TryReadDateTime(ref Utf8JsonReader reader, ValidationContext context, out DateTimeOffset value)
    {
        value = default;
        if (reader.TokenType != JsonTokenType.String)
        {
            return Mismatch(ref reader, context, "string", out value);
        }

        long clockTicks;
        int offsetMinutes;
        bool parsed;
        ReadOnlySpan<byte> utf8 = reader.ValueSpan;
        if (!reader.ValueIsEscaped && !reader.HasValueSequence && utf8.Length <= MaxStackDateTime)
        {
            // The grammar is ASCII: a byte of a multi-byte character becomes a char it rejects.
            Span<char> chars = stackalloc char[utf8.Length];
            for (int i = 0; i < utf8.Length; i++)
            {
                chars[i] = (char)utf8[i];
            }

            parsed = Rfc3339DateTime.TryParse(chars, out clockTicks, out offsetMinutes);
        }
        else
        {
            parsed = Rfc3339DateTime.TryParse(reader.GetString(), out clockTicks, out offsetMinutes);
        }

        if (!parsed)
        {
            context.AddError("format", ErrorMessages.Format(reader.GetString()!, JsonFormat.DateTime));
            return false;
        }

        if (!Rfc3339DateTime.TryRepresent(clockTicks, offsetMinutes, out long ticks, out int offset))
        {
            context.AddError("format", ErrorMessages.DateTimeOutOfRange(reader.GetString()!));
            return false;
        }

        value = new DateTimeOffset(ticks, TimeSpan.FromMinutes(offset));
        return true;
    }

    /// <summary>
    /// Reads a JSON number into a <see cref="decimal"/>, exactly: a number beyond a decimal's range is
    /// a <c>minimum</c>/<c>maximum</c> error, and one with more digits than a decimal keeps (which
    /// <c>decimal.Parse</c> would round) a <c>type</c> error; never a rounded value.
    /// </summary>
    public static bool TryReadDecimal(ref Utf8JsonReader reader, ValidationContext context, out decimal value)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            return Mismatch(ref reader, context, "number", out value);
        }

        int digits = 0;
        bool exponent = false;
        foreach (byte b in reader.ValueSpan)
        {
            exponent |= b is (byte)'e' or (byte)'E';
            digits += b is >= (byte)'0' and <= (byte)'9' ? 1 : 0;
        }

        if (ExactDecimal.Applies(digits, exponent) && !reader.HasValueSequence && reader.TryGetDecimal(out value))
        {
            return true;
        }

        // An exponent (1e2), or more than 28 digits (trailing zeros, say): exact when the decimal reads back as the same number.
        string raw = RawText(ref reader);
        if (reader.TryGetDecimal(out value) && JsonNumber.Compare(raw, Format(value)) == 0)
        {
            return true;
        }

        value = 0;
        if (JsonNumber.Compare(raw, DecimalMaxText) > 0 || JsonNumber.Compare(raw, "-" + DecimalMaxText) < 0)
        {
            context.AddError(raw.StartsWith('-') ? "minimum" : "maximum", ErrorMessages.OutOfRange(raw, "a decimal"));
        }
        else
        {
            context.AddError("type", ErrorMessages.TooPreciseForDecimal(raw));
        }

        return false;
    }

    /// <summary>Reads a UUID in its canonical 8-4-4-4-12 hexadecimal form.</summary>
    public static bool TryReadGuid(ref Utf8JsonReader reader, ValidationContext context, out Guid value)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            return Mismatch(ref reader, context, "string", out value);
        }

        // TryGetGuid accepts only the 36-character "D" form, as RFC 4122 / RFC 9562 specify.
        if (reader.TryGetGuid(out value))
        {
            return true;
        }

        context.AddError("format", ErrorMessages.Format(reader.GetString()!, JsonFormat.Uuid));
        return false;
    }

    /// <summary>Reads any JSON value as it is (the caller checks it against its schema).</summary>
    public static bool TryReadJson(ref Utf8JsonReader reader, ValidationContext context, out JsonAny value)
    {
        value = new JsonAny(JsonElement.ParseValue(ref reader));
        return true;
    }

    /// <summary>
    /// Moves a copy of the reader (on an object's start) to the value of the member named
    /// <paramref name="name"/>; false, with the copy on the object's end, when there is none. The
    /// union's reader uses it to find a discriminator wherever it is in the object.
    /// </summary>
    public static bool FindMember(ref Utf8JsonReader reader, ReadOnlySpan<byte> name)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool found = reader.ValueTextEquals(name);
            reader.Read();
            if (found)
            {
                return true;
            }

            SkipValue(ref reader);
        }

        return false;
    }

    /// <inheritdoc cref="FindMember(ref Utf8JsonReader, ReadOnlySpan{byte})"/>
    public static bool FindMember(ref Utf8JsonReader reader, string name) => FindMember(ref reader, Encoding.UTF8.GetBytes(name));

    /// <summary>
    /// Reports an object whose discriminator is missing or names no alternative (<paramref name="found"/>
    /// is the copy of the reader <see cref="FindMember(ref Utf8JsonReader, ReadOnlySpan{byte})"/>
    /// moved), at the object, under the union's keyword; skips the object.
    /// </summary>
    public static void UnknownDiscriminator(ref Utf8JsonReader reader, Utf8JsonReader found, ValidationContext context, string keyword, string member, string[] values)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(values);
        bool missing = found.TokenType == JsonTokenType.EndObject && found.CurrentDepth == reader.CurrentDepth;
        string actual = missing ? "" : found.TokenType == JsonTokenType.String ? ErrorMessages.Render(found.GetString()!) : ErrorMessages.Describe(found.TokenType);
        context.AddError(keyword, ErrorMessages.UnknownDiscriminator(member, missing ? null : actual, values));
        SkipValue(ref reader);
    }

    /// <summary>Reports a value that is no object where a union of objects is expected, under the union's keyword; skips it.</summary>
    public static void NotAnAlternative(ref Utf8JsonReader reader, ValidationContext context, string keyword, string[] alternatives)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(alternatives);
        context.AddError(keyword, ErrorMessages.NotAnAlternative(ErrorMessages.Describe(reader.TokenType), alternatives));
        SkipValue(ref reader);
    }

    /// <summary>
    /// Reports a value of a JSON type none of a <c>oneOf</c>/<c>anyOf</c>'s branches takes (each
    /// takes one type, <paramref name="expected"/> lists them) and skips it.
    /// </summary>
    public static bool NoBranchOfType<T>(ref Utf8JsonReader reader, ValidationContext context, string keyword, string expected, out T value)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.AddError(keyword, ErrorMessages.NoBranchMatched(keyword, [ErrorMessages.Type(expected, ErrorMessages.Describe(reader.TokenType))]));
        SkipValue(ref reader);
        value = default!;
        return false;
    }

    /// <summary>Reads a contract object.</summary>
    public static bool TryReadObject<T>(ref Utf8JsonReader reader, ValidationContext context, out T value)
        where T : class, IJsonContract<T>
    {
        T? read = T.ReadJson(ref reader, context);
        value = read!;
        return read is not null;
    }

    /// <summary>
    /// Reads a JSON object whose every member is one map entry (its value read by
    /// <paramref name="readValue"/>), checking each name against <paramref name="propertyNames"/>
    /// when the schema has one; every member is read, so every bad one is reported.
    /// </summary>
    public static bool TryReadMap<T>(ref Utf8JsonReader reader, ValidationContext context, JsonValueReader<T> readValue, SchemaValidator<JsonElement>? propertyNames, out EquatableDictionary<string, T> value)
    {
        ArgumentNullException.ThrowIfNull(readValue);
        value = default;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return Mismatch(ref reader, context, "object", out value);
        }

        Dictionary<string, T>? entries = null;
        bool ok = true;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string name = reader.GetString()!;
            reader.Read();
            if (entries?.ContainsKey(name) == true)
            {
                RejectDuplicate(ref reader, context, name);
                ok = false;
                continue;
            }

            if (propertyNames is not null)
            {
                ok &= JsonValueCheck.PropertyName(name, propertyNames, context);
            }

            context.PushProperty(name);
            if (readValue(ref reader, context, out T entry))
            {
                (entries ??= []).Add(name, entry);
            }
            else
            {
                ok = false;
            }

            context.Pop();
        }

        value = entries is null ? default : new EquatableDictionary<string, T>(entries);
        return ok;
    }

    /// <summary>Reads an array whose items <paramref name="readItem"/> reads; every item is read, so every bad item is reported.</summary>
    public static bool TryReadArray<T>(ref Utf8JsonReader reader, ValidationContext context, JsonValueReader<T> readItem, out EquatableArray<T> value)
    {
        value = default;
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return Mismatch(ref reader, context, "array", out value);
        }

        // Items go into a pooled buffer; the only allocation is the final array of the exact size.
        T[] buffer = ArrayPool<T>.Shared.Rent(16);
        int count = 0;
        bool ok = true;
        try
        {
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                context.PushIndex(count);
                if (!readItem(ref reader, context, out T item))
                {
                    ok = false;
                }
                else if (ok)
                {
                    // Items are kept only while all so far were read, so count == items stored here.
                    if (count == buffer.Length)
                    {
                        T[] larger = ArrayPool<T>.Shared.Rent(buffer.Length * 2);
                        buffer.AsSpan(0, count).CopyTo(larger);
                        ArrayPool<T>.Shared.Return(buffer, RuntimeHelpers.IsReferenceOrContainsReferences<T>());
                        buffer = larger;
                    }

                    buffer[count] = item;
                }

                count++;
                context.Pop();
            }

            if (ok)
            {
                value = count == 0 ? default : new EquatableArray<T>(buffer.AsSpan(0, count).ToArray());
            }

            return ok;
        }
        finally
        {
            ArrayPool<T>.Shared.Return(buffer, RuntimeHelpers.IsReferenceOrContainsReferences<T>());
        }
    }

    /// <summary>Reports a member that the schema does not allow (<c>additionalProperties: false</c>) and skips its value.</summary>
    public static void RejectProperty(ref Utf8JsonReader reader, ValidationContext context, string name)
    {
        context.AddErrorAt(name, "additionalProperties", ErrorMessages.NotAllowedProperty(name));
        SkipValue(ref reader);
    }

    /// <summary>Reports a member that appears twice (duplicates are rejected: RFC 8259 leaves their meaning undefined) and skips the second value.</summary>
    public static void RejectDuplicate(ref Utf8JsonReader reader, ValidationContext context, string name)
    {
        context.AddErrorAt(name, "duplicateProperty", ErrorMessages.DuplicateProperty(name));
        SkipValue(ref reader);
    }

    /// <summary>Reports a value that is none of an enum's <paramref name="allowed"/> strings (keyword <c>enum</c>) and skips it.</summary>
    public static bool NotInEnum<T>(ref Utf8JsonReader reader, ValidationContext context, string[] allowed, out T value)
    {
        string actual;
        if (reader.TokenType == JsonTokenType.String)
        {
            actual = ErrorMessages.Render(reader.GetString()!);
        }
        else
        {
            using JsonDocument document = JsonDocument.ParseValue(ref reader);
            actual = ErrorMessages.Render(document.RootElement);
        }

        context.AddError("enum", ErrorMessages.Enum(actual, Array.ConvertAll(allowed, ErrorMessages.Render)));
        value = default!;
        return false;
    }

    /// <summary>Reports a value of the wrong JSON type and skips it.</summary>
    public static bool Mismatch<T>(ref Utf8JsonReader reader, ValidationContext context, string expected, out T value)
    {
        // A number is named as the type keyword would name it: "integer" when it has no fraction.
        string actual = reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out decimal number) && decimal.Truncate(number) == number
            ? "integer"
            : ErrorMessages.Describe(reader.TokenType);
        context.AddError("type", ErrorMessages.Type(expected, actual));
        SkipValue(ref reader);
        value = default!;
        return false;
    }

    /// <summary>
    /// Skips a member the schema does not declare (reader on its name), checking that its name and
    /// every string inside its value are valid UTF-8: a skipped member is never decoded, and
    /// malformed text must not pass just because nobody reads it.
    /// </summary>
    public static void SkipUnknownMember(ref Utf8JsonReader reader, ValidationContext context)
    {
        bool valid = IsValidUtf8(in reader);
        reader.Read();
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            int depth = reader.CurrentDepth;
            while (reader.Read() && !(reader.CurrentDepth == depth && reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray))
            {
                valid &= reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName) || IsValidUtf8(in reader);
            }
        }
        else if (reader.TokenType == JsonTokenType.String)
        {
            valid &= IsValidUtf8(in reader);
        }

        if (!valid)
        {
            context.AddError("syntax", "an undeclared member contains text that is not valid UTF-8");
        }
    }

    /// <summary>Moves from a value's first token to its last (a no-op for scalars).</summary>
    public static void SkipValue(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is JsonTokenType.PropertyName or JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            reader.Skip();
        }
    }

    private static bool TryReadIntegral(ref Utf8JsonReader reader, ValidationContext context, long min, long max, string clrType, out long value)
    {
        value = 0;
        if (reader.TokenType != JsonTokenType.Number)
        {
            return Mismatch(ref reader, context, "integer", out value);
        }

        string raw = RawText(ref reader);
        if (reader.TryGetDecimal(out decimal number))
        {
            if (decimal.Truncate(number) != number)
            {
                context.AddError("type", ErrorMessages.Integer(raw));
                return false;
            }

            if (number >= min && number <= max)
            {
                value = (long)number;
                return true;
            }

            context.AddError(number < min ? "minimum" : "maximum", ErrorMessages.OutOfRange(raw, clrType));
            return false;
        }

        // Beyond decimal's range (|x| > 7.9e28): always outside any supported integer type.
        bool integral = reader.TryGetDouble(out double approx) && double.IsFinite(approx) && Math.Floor(approx) == approx;
        context.AddError(integral ? (approx < 0 ? "minimum" : "maximum") : "type", integral ? ErrorMessages.OutOfRange(raw, clrType) : ErrorMessages.Integer(raw));
        return false;
    }

    /// <summary>Whether the current token's raw bytes are valid UTF-8, also when they span the segments of a streamed body (then copied once).</summary>
    private static bool IsValidUtf8(in Utf8JsonReader reader) =>
        reader.HasValueSequence ? Utf8.IsValid(reader.ValueSequence.ToArray()) : Utf8.IsValid(reader.ValueSpan);

    private static string RawText(ref Utf8JsonReader reader) =>
        System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan);

    /// <summary>The longest date-time read without allocating: longer ones (a long fraction) are rare.</summary>
    private const int MaxStackDateTime = 64;

    /// <summary><see cref="decimal.MaxValue"/> as JSON number text.</summary>
    private const string DecimalMaxText = "79228162514264337593543950335";

    /// <summary>Formats a number for a message, invariantly.</summary>
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Formats a number for a message, invariantly.</summary>
    public static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Formats a number for a message (and as JSON number text), invariantly.</summary>
    public static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
