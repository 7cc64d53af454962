using System;
using System.Collections;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace Insights.Contracts.Runtime;

/// <summary>
/// An immutable array that compares by value, so generated records holding arrays keep the
/// value equality records promise. <c>default</c> is the empty array. Build one with a collection
/// expression (<c>[a, b]</c>) or <see cref="EquatableArray.Create{T}(ReadOnlySpan{T})"/>.
/// </summary>
[CollectionBuilder(typeof(EquatableArray), nameof(EquatableArray.Create))]
public readonly struct EquatableArray<T> : IEquatable<EquatableArray<T>>, IReadOnlyList<T>
{
    private readonly T[]? _items;

    /// <summary>Wraps <paramref name="items"/> without copying; the caller gives up the array.</summary>
    internal EquatableArray(T[] items) => _items = items;

    /// <summary>The number of items.</summary>
    public int Count => _items?.Length ?? 0;

    /// <summary>True when there are no items.</summary>
    public bool IsEmpty => Count == 0;

    /// <summary>The item at <paramref name="index"/>.</summary>
    public T this[int index] => (_items ?? [])[index];

    /// <summary>A read-only view of the items.</summary>
    public ReadOnlySpan<T> AsSpan() => _items;

    /// <summary>Item-by-item equality with <see cref="EqualityComparer{T}.Default"/>.</summary>
    public bool Equals(EquatableArray<T> other) => AsSpan().SequenceEqual(other.AsSpan(), EqualityComparer<T>.Default);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is EquatableArray<T> other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (T item in AsSpan())
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    /// <summary>Formats as <c>[a, b]</c>, so a record's ToString shows the items.</summary>
    public override string ToString() => "[" + string.Join(", ", _items ?? []) + "]";

    /// <summary>Enumerates without allocating.</summary>
    public ReadOnlySpan<T>.Enumerator GetEnumerator() => AsSpan().GetEnumerator();

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => ((IEnumerable<T>)(_items ?? [])).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable<T>)this).GetEnumerator();

    /// <summary>Value equality.</summary>
    public static bool operator ==(EquatableArray<T> left, EquatableArray<T> right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(EquatableArray<T> left, EquatableArray<T> right) => !left.Equals(right);
}

/// <summary>Creates <see cref="EquatableArray{T}"/> values.</summary>
public static class EquatableArray
{
    /// <summary>Copies <paramref name="items"/> into a new array; used by collection expressions.</summary>
    public static EquatableArray<T> Create<T>(ReadOnlySpan<T> items) => new(items.ToArray());

    /// <summary>Copies <paramref name="items"/> into a new array.</summary>
    public static EquatableArray<T> From<T>(IEnumerable<T> items) => new([.. items]);

    /// <summary>The index pair of the first two equal items, or null when all are distinct.</summary>
    public static (int First, int Second)? FindDuplicate<T>(EquatableArray<T> items)
    {
        ReadOnlySpan<T> span = items.AsSpan();
        if (span.Length > 16)
        {
            // Long lists: linear with a hash table (quadratic would let a hostile document of
            // 10,000 items cost 50 million comparisons).
            var seen = new HashSet<T>(span.Length, EqualityComparer<T>.Default);
            for (int j = 0; j < span.Length; j++)
            {
                T item = span[j];
                if (item is not null && !seen.Add(item))
                {
                    // null items are reported as type errors, not as duplicates
                    int i = span.IndexOf(item);
                    return (i, j);
                }
            }

            return null;
        }

        // Short lists: allocation-free pairwise comparison.
        for (int i = 0; i < span.Length; i++)
        {
            for (int j = i + 1; j < span.Length; j++)
            {
                if (EqualityComparer<T>.Default.Equals(span[i], span[j]))
                {
                    return (i, j);
                }
            }
        }

        return null;
    }
}
