using System;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Insights.Contracts.Runtime.CompilerServices;

// required, dependentRequired, minProperties, maxProperties: over a typed record (given which members
// are present) and over any JSON value.
public static partial class JsonCheck
{
    /// <summary><c>required</c> in a branch over a typed record: <paramref name="present"/> says whether the member is there.</summary>
    public static bool Required(bool present, string name, ValidationContext? context)
    {
        if (!present)
        {
            context?.AddRequiredMissing(name);
        }

        return present;
    }

    /// <summary><c>dependentRequired</c> over a typed record: when the member <paramref name="trigger"/> is present, <paramref name="name"/> must be too.</summary>
    public static bool DependentRequired(bool triggerPresent, bool present, string trigger, string name, ValidationContext? context)
    {
        if (!triggerPresent || present)
        {
            return true;
        }

        context?.AddErrorAt(name, "dependentRequired", ErrorMessages.DependentRequired(name, trigger));
        return false;
    }

    /// <summary><c>minProperties</c>, given how many members a typed record and its map hold.</summary>
    public static bool MinProperties(int count, long minimum, ValidationContext? context) =>
        count >= minimum || (context?.Fail("minProperties", MinPropertiesMessage(minimum, count)) ?? false);

    /// <summary><c>maxProperties</c>, given how many members a typed record and its map hold.</summary>
    public static bool MaxProperties(int count, long maximum, ValidationContext? context) =>
        count <= maximum || (context?.Fail("maxProperties", MaxPropertiesMessage(maximum, count)) ?? false);

    /// <summary><c>minProperties</c>.</summary>
    public static bool MinProperties(JsonElement value, long minimum, ValidationContext? context)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return true;
        }

        int count = CountProperties(value);
        return count >= minimum || (context?.Fail("minProperties", MinPropertiesMessage(minimum, count)) ?? false);
    }

    /// <summary><c>maxProperties</c>.</summary>
    public static bool MaxProperties(JsonElement value, long maximum, ValidationContext? context)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return true;
        }

        int count = CountProperties(value);
        return count <= maximum || (context?.Fail("maxProperties", MaxPropertiesMessage(maximum, count)) ?? false);
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

    internal static int CountProperties(JsonElement value)
    {
        int count = 0;
        foreach (JsonProperty _ in value.EnumerateObject())
        {
            count++;
        }

        return count;
    }

    /// <summary>The message for a failed <c>minProperties</c> check.</summary>
    private static string MinPropertiesMessage(long minimum, int actual) => $"must have at least {minimum} propert{(minimum == 1 ? "y" : "ies")}, got {actual}";

    /// <summary>The message for a failed <c>maxProperties</c> check.</summary>
    private static string MaxPropertiesMessage(long maximum, int actual) => $"must have at most {maximum} propert{(maximum == 1 ? "y" : "ies")}, got {actual}";
}
