using System;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Insights.Contracts.Runtime.CompilerServices;

// minItems, maxItems, uniqueItems: for a typed record's EquatableArray and for any JSON value.
public static partial class JsonCheck
{
    /// <summary><c>minItems</c>.</summary>
    public static bool MinItems<T>(EquatableArray<T> value, long minimum, ValidationContext? context) =>
        value.Count >= minimum || (context?.Fail("minItems", MinItemsMessage(minimum, value.Count)) ?? false);

    /// <summary><c>maxItems</c>.</summary>
    public static bool MaxItems<T>(EquatableArray<T> value, long maximum, ValidationContext? context) =>
        value.Count <= maximum || (context?.Fail("maxItems", MaxItemsMessage(maximum, value.Count)) ?? false);

    /// <summary><c>uniqueItems: true</c>.</summary>
    public static bool UniqueItems<T>(EquatableArray<T> value, ValidationContext? context) =>
        EquatableArray.FindDuplicate(value) is not { } pair || (context?.Fail("uniqueItems", UniqueItemsMessage(pair.First, pair.Second)) ?? false);

    /// <summary><c>minItems</c>.</summary>
    public static bool MinItems(JsonElement value, long minimum, ValidationContext? context) =>
        value.ValueKind != JsonValueKind.Array || value.GetArrayLength() >= minimum
        || (context?.Fail("minItems", MinItemsMessage(minimum, value.GetArrayLength())) ?? false);

    /// <summary><c>maxItems</c>.</summary>
    public static bool MaxItems(JsonElement value, long maximum, ValidationContext? context) =>
        value.ValueKind != JsonValueKind.Array || value.GetArrayLength() <= maximum
        || (context?.Fail("maxItems", MaxItemsMessage(maximum, value.GetArrayLength())) ?? false);

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
                    return context?.Fail("uniqueItems", UniqueItemsMessage(i, j)) ?? false;
                }
            }
        }

        return true;
    }

    /// <summary>The message for a failed <c>minItems</c> check.</summary>
    private static string MinItemsMessage(long minimum, int actual) => $"must have at least {minimum} item{ErrorMessages.Plural(minimum)}, got {actual}";

    /// <summary>The message for a failed <c>maxItems</c> check.</summary>
    private static string MaxItemsMessage(long maximum, int actual) => $"must have at most {maximum} item{ErrorMessages.Plural(maximum)}, got {actual}";

    /// <summary>The message for a failed <c>uniqueItems</c> check.</summary>
    private static string UniqueItemsMessage(int first, int second) => $"items must be unique, but items {first} and {second} are equal";
}
