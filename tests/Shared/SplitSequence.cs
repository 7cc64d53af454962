using System;
using System.Buffers;

namespace Insights.Contracts.Testing;

/// <summary>Bytes as a two-segment <see cref="ReadOnlySequence{T}"/>, split where a test says: a token across the split has no ValueSpan.</summary>
internal static class SplitSequence
{
    public static ReadOnlySequence<byte> At(byte[] bytes, int split)
    {
        var first = new Segment(bytes.AsMemory(0, split), 0);
        Segment last = first.Append(bytes.AsMemory(split));
        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
