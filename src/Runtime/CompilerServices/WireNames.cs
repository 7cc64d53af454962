using System;
using System.Buffers;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using System.ComponentModel;

namespace Insights.Contracts.Runtime.CompilerServices;

/// <summary>
/// The JSON strings of a generated enum in member order (a closed enum member's value is its index
/// here), with exact, ordinal lookups from a .NET string and from a JSON string token. Generated
/// code holds one per enum type, built once, and looks values up here rather than comparing with
/// each value in turn, so a schema with thousands of values generates code that is small and quick
/// to compile. Finding a value allocates nothing.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class WireNames
{
    /// <summary>
    /// Up to this many names, a lookup compares with each in turn, as the UTF-8 bytes the JSON holds:
    /// for that few it costs no more than hashing (EnumLookupBenchmarks), and most enums are this small.
    /// </summary>
    private const int LinearSearchLimit = 16;

    /// <summary>Tokens up to this many bytes are unescaped or transcoded on the stack.</summary>
    private const int StackChars = 256;

    private readonly string[] _names;

    /// <summary>For a linear search: each name as UTF-8, or null for a name no JSON text can hold (an unpaired surrogate).</summary>
    private readonly byte[]?[] _utf8 = [];

    /// <summary>For a hashed search (more than <see cref="LinearSearchLimit"/> names): index by name.</summary>
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _indexes;

    private readonly bool _hashed;

    /// <summary>The longest name, in UTF-16 code units.</summary>
    private readonly int _maxLength;

    /// <summary>Takes the names in member order; each must be distinct.</summary>
    /// <exception cref="ArgumentException">A name is null or listed twice.</exception>
    public WireNames(string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        _names = (string[])names.Clone();
        var indexes = new Dictionary<string, int>(_names.Length, StringComparer.Ordinal);
        for (int i = 0; i < _names.Length; i++)
        {
            string name = _names[i] ?? throw new ArgumentException($"The name at index {i} is null.", nameof(names));
            if (!indexes.TryAdd(name, i))
            {
                throw new ArgumentException($"'{name}' is listed twice.", nameof(names));
            }

            _maxLength = Math.Max(_maxLength, name.Length);
        }

        _hashed = _names.Length > LinearSearchLimit;
        if (_hashed)
        {
            _indexes = indexes.GetAlternateLookup<ReadOnlySpan<char>>();
        }
        else
        {
            _utf8 = Array.ConvertAll(_names, ToUtf8);
        }
    }

    /// <summary>How many names there are.</summary>
    public int Count => _names.Length;

    /// <summary>The name at <paramref name="index"/>: for a closed enum, the JSON value of the member whose value is <paramref name="index"/>.</summary>
    public string this[int index] => _names[index];

    /// <summary>Finds <paramref name="name"/> (exact, ordinal); <paramref name="index"/> is 0 when it is not found.</summary>
    public bool TryFind(string? name, out int index)
    {
        if (name is not null)
        {
            return TryFind(name.AsSpan(), out index);
        }

        index = 0;
        return false;
    }

    /// <summary>
    /// Finds the string token <paramref name="reader"/> is on, escaped or not; <paramref name="index"/>
    /// is 0 when it is not found. The reader does not move.
    /// </summary>
    /// <exception cref="InvalidOperationException">The token is not a string, or its text is not valid UTF-8 or UTF-16 (as <see cref="Utf8JsonReader.GetString"/> would throw).</exception>
    public bool TryFind(ref Utf8JsonReader reader, out int index) =>
        !reader.HasValueSequence && !reader.ValueIsEscaped ? TryFind(reader.ValueSpan, out index) : TryFindUnescaped(ref reader, out index);

    /// <summary>Finds a name given as UTF-8 text without JSON escapes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryFind(ReadOnlySpan<byte> utf8, out int index)
    {
        if (_hashed)
        {
            return TryFindTranscoded(utf8, out index);
        }

        byte[]?[] names = _utf8;
        for (int i = 0; i < names.Length; i++)
        {
            if (names[i] is { } name && utf8.SequenceEqual(name))
            {
                index = i;
                return true;
            }
        }

        index = 0;
        return false;
    }

    /// <summary>A hashed search for UTF-8 text: transcoded to UTF-16 on the stack, then looked up.</summary>
    private bool TryFindTranscoded(ReadOnlySpan<byte> utf8, out int index)
    {
        // A UTF-16 code unit takes at most 3 UTF-8 bytes, so a longer text cannot be a name;
        // invalid UTF-8 is no name (reading it as a string reports it).
        if (utf8.Length <= _maxLength * 3L)
        {
            char[]? rented = null;
            Span<char> chars = utf8.Length <= StackChars ? stackalloc char[utf8.Length] : (rented = ArrayPool<char>.Shared.Rent(utf8.Length));
            try
            {
                if (Utf8.ToUtf16(utf8, chars, out _, out int written, replaceInvalidSequences: false) == OperationStatus.Done)
                {
                    return _indexes.TryGetValue(chars[..written], out index);
                }
            }
            finally
            {
                if (rented is not null)
                {
                    ArrayPool<char>.Shared.Return(rented);
                }
            }
        }

        index = 0;
        return false;
    }

    /// <summary>The rare token that has escapes or spans buffer segments: unescaped on the stack, then looked up.</summary>
    private bool TryFindUnescaped(ref Utf8JsonReader reader, out int index)
    {
        // Unescaping never gives more UTF-16 code units than the token has bytes, and an escape
        // (\uXXXX) takes at most 6 bytes per unit: a longer token cannot be a name.
        long length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (length > _maxLength * 6L)
        {
            index = 0;
            return false;
        }

        char[]? rented = null;
        Span<char> chars = length <= StackChars ? stackalloc char[(int)length] : (rented = ArrayPool<char>.Shared.Rent((int)length));
        try
        {
            return TryFind(chars[..reader.CopyString(chars)], out index);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    private bool TryFind(ReadOnlySpan<char> name, out int index)
    {
        if (_hashed)
        {
            return _indexes.TryGetValue(name, out index);
        }

        for (int i = 0; i < _names.Length; i++)
        {
            if (name.SequenceEqual(_names[i]))
            {
                index = i;
                return true;
            }
        }

        index = 0;
        return false;
    }

    private static byte[]? ToUtf8(string name)
    {
        byte[] buffer = new byte[Encoding.UTF8.GetMaxByteCount(name.Length)];
        return Utf8.FromUtf16(name, buffer, out _, out int written, replaceInvalidSequences: false) == OperationStatus.Done
            ? buffer.AsSpan(0, written).ToArray()
            : null;
    }
}
