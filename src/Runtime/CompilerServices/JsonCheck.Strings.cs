using System;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Insights.Contracts.Runtime.CompilerServices;

// minLength, maxLength, pattern, format: for a string a typed record holds and for any JSON value.
public static partial class JsonCheck
{
    /// <summary><c>minLength</c>: counted in Unicode code points, as JSON Schema requires (not UTF-16 units).</summary>
    public static bool MinLength(string value, long minimum, ValidationContext? context) => MinLength(CodePointCount(value), minimum, context);

    /// <summary><c>maxLength</c>, in code points.</summary>
    public static bool MaxLength(string value, long maximum, ValidationContext? context) => MaxLength(CodePointCount(value), maximum, context);

    private static bool MinLength(int length, long minimum, ValidationContext? context) =>
        length >= minimum || (context?.Fail("minLength", MinLengthMessage(minimum, length)) ?? false);

    private static bool MaxLength(int length, long maximum, ValidationContext? context) =>
        length <= maximum || (context?.Fail("maxLength", MaxLengthMessage(maximum, length)) ?? false);

    /// <summary>
    /// <c>pattern</c>: a match anywhere in the value (the pattern anchors itself if it wants to).
    /// <paramref name="schemaPattern"/> is the pattern as the schema wrote it, for the message.
    /// </summary>
    public static bool Pattern(string value, PatternMatcher matches, string schemaPattern, ValidationContext? context)
    {
        ArgumentNullException.ThrowIfNull(matches);
        bool ok;
        try
        {
            ok = matches(value);
        }
        catch (RegexMatchTimeoutException)
        {
            return context?.Fail("pattern", ErrorMessages.PatternTookTooLong(value, schemaPattern)) ?? false;
        }

        return ok || (context?.Fail("pattern", PatternMessage(value, schemaPattern)) ?? false);
    }

    /// <summary>
    /// <c>pattern</c>, matched by the caller: generated code calls a matcher that cannot time out
    /// (direct character tests) itself, so that it inlines.
    /// </summary>
    public static bool Pattern(bool matches, string value, string schemaPattern, ValidationContext? context) =>
        matches || (context?.Fail("pattern", PatternMessage(value, schemaPattern)) ?? false);

    /// <summary><c>format</c>, asserted, for the formats that stay strings in a typed record.</summary>
    public static bool Format(string value, JsonFormat format, ValidationContext? context) =>
        JsonFormats.IsValid(value, format) || (context?.Fail("format", ErrorMessages.Format(value, format)) ?? false);

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

        return ok || (context?.Fail("pattern", PatternMessage(value.GetString()!, schemaPattern)) ?? false);
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

    /// <summary>
    /// <c>contentEncoding</c>/<c>contentMediaType</c> where asserted (draft-07): a string in the
    /// encoding (<c>base64</c>) whose content is a document of the media type (<c>application/json</c>).
    /// </summary>
    public static bool Content(string value, string? encoding, string? mediaType, ValidationContext? context)
    {
        byte[] content;
        if (encoding == "base64")
        {
            try
            {
                content = Convert.FromBase64String(value);
            }
            catch (FormatException)
            {
                return context?.Fail("contentEncoding", $"{ErrorMessages.Render(value)} is not base64") ?? false;
            }
        }
        else
        {
            content = System.Text.Encoding.UTF8.GetBytes(value);
        }

        if (mediaType != "application/json")
        {
            return true;
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(content);
            return true;
        }
        catch (JsonException)
        {
            return context?.Fail("contentMediaType", "the content is not a JSON document (contentMediaType application/json)") ?? false;
        }
    }

    /// <summary><c>contentEncoding</c>/<c>contentMediaType</c> over any JSON value: only strings are checked.</summary>
    public static bool Content(JsonElement value, string? encoding, string? mediaType, ValidationContext? context) =>
        value.ValueKind != JsonValueKind.String || Content(value.GetString()!, encoding, mediaType, context);

    /// <summary>What is wrong with a date, as both shapes report it.</summary>
    internal static string DateMessage(string value, IsoDate.DateProblem problem) =>
        problem == IsoDate.DateProblem.NotACalendarDay ? ErrorMessages.NotACalendarDay(value) : ErrorMessages.Format(value, JsonFormat.Date);

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

    /// <summary>The message for a failed <c>minLength</c> check.</summary>
    private static string MinLengthMessage(long minimum, long actual) => $"must be at least {minimum} character{ErrorMessages.Plural(minimum)} long, got {actual}";

    /// <summary>The message for a failed <c>maxLength</c> check.</summary>
    private static string MaxLengthMessage(long maximum, long actual) => $"must be at most {maximum} character{ErrorMessages.Plural(maximum)} long, got {actual}";

    /// <summary>The message for a failed <c>pattern</c> check.</summary>
    private static string PatternMessage(string value, string pattern) => $"{ErrorMessages.Render(value)} does not match the pattern {pattern}";
}
