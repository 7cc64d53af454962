using System;
using System.Buffers;

namespace Insights.Contracts.Runtime;

/// <summary>
/// A document gathered in arrays rented from <see cref="ArrayPool{T}.Shared"/>, readable as one
/// <see cref="ReadOnlySequence{T}"/>: growing adds a segment, it never copies what it holds.
/// </summary>
internal sealed class PooledSegments : IDisposable
{
    private const int FirstSegmentBytes = 16 * 1024;
    private const int LargestSegmentBytes = 1024 * 1024;

    private Segment? _first;
    private Segment? _last;

    public long Length => _last is null ? 0 : _last.RunningIndex + _last.Memory.Length;

    public ReadOnlySequence<byte> Sequence =>
        _first is null ? ReadOnlySequence<byte>.Empty : new ReadOnlySequence<byte>(_first, 0, _last!, _last!.Memory.Length);

    public void Append(ReadOnlySequence<byte> data)
    {
        foreach (ReadOnlyMemory<byte> memory in data)
        {
            ReadOnlySpan<byte> span = memory.Span;
            while (!span.IsEmpty)
            {
                if (_last is null || _last.Free == 0)
                {
                    AddSegment();
                }

                span = span.Slice(_last!.Write(span));
            }
        }
    }

    public void Dispose()
    {
        for (Segment? segment = _first; segment is not null; segment = (Segment?)segment.Next)
        {
            segment.Release();
        }

        _first = _last = null;
    }

    private void AddSegment()
    {
        int size = _last is null ? FirstSegmentBytes : Math.Min(_last.Capacity * 2, LargestSegmentBytes);
        var segment = new Segment(ArrayPool<byte>.Shared.Rent(size), Length);
        if (_last is null)
        {
            _first = segment;
        }
        else
        {
            _last.SetNext(segment);
        }

        _last = segment;
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        private byte[] _array;
        private int _written;

        public Segment(byte[] array, long runningIndex)
        {
            _array = array;
            RunningIndex = runningIndex;
            Memory = ReadOnlyMemory<byte>.Empty;
        }

        public int Capacity => _array.Length;

        public int Free => _array.Length - _written;

        /// <summary>Copies as much of <paramref name="data"/> as fits; returns how much that was.</summary>
        public int Write(ReadOnlySpan<byte> data)
        {
            int count = Math.Min(data.Length, Free);
            data.Slice(0, count).CopyTo(_array.AsSpan(_written));
            _written += count;
            Memory = _array.AsMemory(0, _written);
            return count;
        }

        public void SetNext(Segment next) => Next = next;

        public void Release()
        {
            ArrayPool<byte>.Shared.Return(_array);
            _array = [];
            _written = 0;
            Memory = ReadOnlyMemory<byte>.Empty;
        }
    }
}
