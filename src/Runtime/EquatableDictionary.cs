using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Insights.Contracts.Runtime;

/// <summary>
/// An immutable map that compares by value, for a JSON object's members that a schema describes by
/// <c>additionalProperties</c> or <c>patternProperties</c> rather than by name: equal when it holds
/// the same keys with equal values, in any order, as JSON objects are. Enumerates (and is written)
/// in the order it was built. <c>default</c> is the empty map. Build one with a collection expression
/// of <see cref="KeyValuePair{TKey, TValue}"/>s, or from a <see cref="Dictionary{TKey, TValue}"/>.
/// </summary>
[CollectionBuilder(typeof(EquatableDictionary), nameof(EquatableDictionary.Create))]
public readonly struct EquatableDictionary<TKey, TValue> : IEquatable<EquatableDictionary<TKey, TValue>>, IReadOnlyDictionary<TKey, TValue>
    where TKey : notnull
{
    private readonly KeyValuePair<TKey, TValue>[]? _entries;
    private readonly Dictionary<TKey, TValue>? _index;

    /// <summary>A map of <paramref name="entries"/>; a key given twice throws <see cref="ArgumentException"/>.</summary>
    public EquatableDictionary(IEnumerable<KeyValuePair<TKey, TValue>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var list = new List<KeyValuePair<TKey, TValue>>();
        var index = new Dictionary<TKey, TValue>();
        foreach (KeyValuePair<TKey, TValue> entry in entries)
        {
            if (!index.TryAdd(entry.Key, entry.Value))
            {
                throw new ArgumentException($"The key '{entry.Key}' is given twice; a JSON object holds each member once.", nameof(entries));
            }

            list.Add(entry);
        }

        _entries = [.. list];
        _index = index;
    }

    /// <summary>The number of entries.</summary>
    public int Count => _entries?.Length ?? 0;

    /// <summary>True when there are no entries.</summary>
    public bool IsEmpty => Count == 0;

    /// <summary>The keys, in order.</summary>
    public IEnumerable<TKey> Keys
    {
        get
        {
            foreach (KeyValuePair<TKey, TValue> entry in _entries ?? [])
            {
                yield return entry.Key;
            }
        }
    }

    /// <summary>The values, in order.</summary>
    public IEnumerable<TValue> Values
    {
        get
        {
            foreach (KeyValuePair<TKey, TValue> entry in _entries ?? [])
            {
                yield return entry.Value;
            }
        }
    }

    /// <summary>The value of <paramref name="key"/>; throws <see cref="KeyNotFoundException"/> when there is none.</summary>
    public TValue this[TKey key] => TryGetValue(key, out TValue? value) ? value : throw new KeyNotFoundException($"There is no member '{key}'.");

    /// <summary>Whether there is an entry for <paramref name="key"/>.</summary>
    public bool ContainsKey(TKey key) => _index?.ContainsKey(key) ?? false;

    /// <summary>The value of <paramref name="key"/>, when there is one.</summary>
    public bool TryGetValue(TKey key, [MaybeNullWhen(false)] out TValue value)
    {
        if (_index is null)
        {
            value = default;
            return false;
        }

        return _index.TryGetValue(key, out value);
    }

    /// <summary>The entries in order, without allocating.</summary>
    public ReadOnlySpan<KeyValuePair<TKey, TValue>>.Enumerator GetEnumerator() => new ReadOnlySpan<KeyValuePair<TKey, TValue>>(_entries).GetEnumerator();

    IEnumerator<KeyValuePair<TKey, TValue>> IEnumerable<KeyValuePair<TKey, TValue>>.GetEnumerator() => ((IEnumerable<KeyValuePair<TKey, TValue>>)(_entries ?? [])).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable<KeyValuePair<TKey, TValue>>)this).GetEnumerator();

    /// <summary>Equal keys with equal values (<see cref="EqualityComparer{T}.Default"/>), in any order.</summary>
    public bool Equals(EquatableDictionary<TKey, TValue> other)
    {
        if (Count != other.Count)
        {
            return false;
        }

        foreach (KeyValuePair<TKey, TValue> entry in _entries ?? [])
        {
            if (!other.TryGetValue(entry.Key, out TValue? value) || !EqualityComparer<TValue>.Default.Equals(entry.Value, value))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is EquatableDictionary<TKey, TValue> other && Equals(other);

    /// <summary>A hash that does not depend on the order of the entries.</summary>
    public override int GetHashCode()
    {
        int hash = Count;
        foreach (KeyValuePair<TKey, TValue> entry in _entries ?? [])
        {
            hash += HashCode.Combine(entry.Key, entry.Value);
        }

        return hash;
    }

    /// <summary>Formats as <c>{a: 1, b: 2}</c>, so a record's ToString shows the entries.</summary>
    public override string ToString() => "{" + string.Join(", ", Array.ConvertAll(_entries ?? [], e => $"{e.Key}: {e.Value}")) + "}";

    /// <summary>Value equality.</summary>
    public static bool operator ==(EquatableDictionary<TKey, TValue> left, EquatableDictionary<TKey, TValue> right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(EquatableDictionary<TKey, TValue> left, EquatableDictionary<TKey, TValue> right) => !left.Equals(right);

    /// <summary>A map with the entries of <paramref name="dictionary"/>.</summary>
    public static implicit operator EquatableDictionary<TKey, TValue>(Dictionary<TKey, TValue> dictionary) => new(dictionary);
}

/// <summary>Creates <see cref="EquatableDictionary{TKey, TValue}"/> values.</summary>
public static class EquatableDictionary
{
    /// <summary>A map of <paramref name="entries"/>; used by collection expressions.</summary>
    public static EquatableDictionary<TKey, TValue> Create<TKey, TValue>(ReadOnlySpan<KeyValuePair<TKey, TValue>> entries)
        where TKey : notnull => new(entries.ToArray());
}
