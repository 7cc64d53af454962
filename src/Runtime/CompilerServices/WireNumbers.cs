using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.ComponentModel;

namespace Insights.Contracts.Runtime.CompilerServices;

/// <summary>
/// The JSON numbers of a generated enum of integers, in member order (each member's underlying value
/// is its number), with the lookups its generated code makes. Generated code holds one per enum type,
/// built once, rather than a comparison per value, so a schema with thousands of values generates code
/// that is small and quick to compile. Finding a number allocates nothing.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class WireNumbers
{
    /// <summary>Up to this many numbers, a lookup compares with each in turn (as <see cref="WireNames"/> does).</summary>
    private const int LinearSearchLimit = 16;

    private readonly long[] _numbers;

    /// <summary>For more than <see cref="LinearSearchLimit"/> numbers: all of them, hashed.</summary>
    private readonly HashSet<long>? _hashed;

    /// <summary>Takes the numbers in member order; each must be distinct.</summary>
    /// <exception cref="ArgumentException">A number is listed twice.</exception>
    public WireNumbers(long[] numbers)
    {
        ArgumentNullException.ThrowIfNull(numbers);
        _numbers = (long[])numbers.Clone();
        var all = new HashSet<long>();
        foreach (long number in _numbers)
        {
            if (!all.Add(number))
            {
                throw new ArgumentException($"{number} is listed twice.", nameof(numbers));
            }
        }

        _hashed = _numbers.Length > LinearSearchLimit ? all : null;
    }

    /// <summary>How many numbers there are.</summary>
    public int Count => _numbers.Length;

    /// <summary>The number at <paramref name="index"/>, in member order.</summary>
    public long this[int index] => _numbers[index];

    /// <summary>Whether <paramref name="number"/> is one of the numbers.</summary>
    public bool Contains(long number)
    {
        if (_hashed is not null)
        {
            return _hashed.Contains(number);
        }

        foreach (long known in _numbers)
        {
            if (known == number)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Reads the value <paramref name="reader"/> is on as one of the numbers: JSON Schema compares
    /// numbers by value, so <c>1.0</c> and <c>1e0</c> read as <c>1</c>. Any other number is an
    /// <c>enum</c> error; a value of another JSON type a <c>type</c> error naming
    /// <paramref name="expectedType"/>, or an <c>enum</c> error when it is null (the schema has no
    /// <c>type</c>, so only the enum rejects it). <paramref name="number"/> is 0 when it fails.
    /// </summary>
    public bool TryRead(ref Utf8JsonReader reader, ValidationContext context, string? expectedType, out long number)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (reader.TokenType == JsonTokenType.Number)
        {
            if ((reader.TryGetInt64(out number) || TryGetIntegral(ref reader, out number)) && Contains(number))
            {
                return true;
            }
        }
        else if (expectedType is not null)
        {
            return JsonRead.Mismatch(ref reader, context, expectedType, out number);
        }

        using JsonDocument actual = JsonDocument.ParseValue(ref reader);
        context.AddError("enum", ErrorMessages.Enum(ErrorMessages.Render(actual.RootElement), Allowed()));
        number = 0;
        return false;
    }

    /// <summary>Whether a value set in code is one of the numbers; an <c>enum</c> error when not.</summary>
    public bool Check(long number, ValidationContext? context)
    {
        if (Contains(number))
        {
            return true;
        }

        context?.AddError("enum", ErrorMessages.Enum(number.ToString(CultureInfo.InvariantCulture), Allowed()));
        return false;
    }

    private IEnumerable<string> Allowed() => Array.ConvertAll(_numbers, n => n.ToString(CultureInfo.InvariantCulture));

    /// <summary>A number written with a fraction or exponent whose value is a whole <c>long</c> (<c>1.0</c>, <c>1e2</c>).</summary>
    private static bool TryGetIntegral(ref Utf8JsonReader reader, out long number)
    {
        if (reader.TryGetDecimal(out decimal value) && value == decimal.Truncate(value) && value >= long.MinValue && value <= long.MaxValue)
        {
            number = (long)value;
            return true;
        }

        number = 0;
        return false;
    }
}
