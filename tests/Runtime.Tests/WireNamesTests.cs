using System.Buffers;
using System.Linq;
using System.Text.Json;
using System.Text;
using System;
using Insights.Contracts.Runtime;
using Insights.Contracts.Runtime.CompilerServices;
using Xunit;

namespace Insights.Contracts.Runtime.Tests;

/// <summary>
/// The lookup generated enums use for their JSON values: a few values are compared in turn, more
/// are hashed; both must find exactly the same strings, however the JSON spells them.
/// </summary>
public class WireNamesTests
{
    // 3 values: compared in turn; 40: hashed. Each holds non-ASCII, an escape-worthy quote and the empty string.
    public static TheoryData<int> Sizes => new() { 3, 40 };

    private static readonly JsonSerializerOptions Unescaped = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string[] Names(int count) =>
        ["", "zürich \"central\"", "rocket-🚀", .. Enumerable.Range(0, count - 3).Select(i => $"region-{i}")];

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Every_name_is_found_at_its_index_from_a_string_and_from_JSON(int count)
    {
        string[] names = Names(count);
        var table = new WireNames(names);

        Assert.Equal(count, table.Count);
        for (int i = 0; i < names.Length; i++)
        {
            Assert.Equal(names[i], table[i]);
            Assert.True(table.TryFind(names[i], out int index));
            Assert.Equal(i, index);
            Assert.True(Find(table, JsonSerializer.Serialize(names[i]), out index)); // escaped: \u0022, \uD83D\uDE80
            Assert.Equal(i, index);
            Assert.True(Find(table, JsonSerializer.Serialize(names[i], Unescaped), out index)); // raw UTF-8 where JSON allows it
            Assert.Equal(i, index);
        }
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Other_strings_are_not_found_and_give_index_zero(int count)
    {
        var table = new WireNames(Names(count));

        foreach (string other in new[] { "Zürich \"central\"", "rocket-", "rocket-🚀 ", " ", "region-999", new string('x', 5000) })
        {
            Assert.False(table.TryFind(other, out int index));
            Assert.Equal(0, index);
            Assert.False(Find(table, JsonSerializer.Serialize(other), out index));
            Assert.Equal(0, index);
        }

        Assert.False(table.TryFind(null, out _));
        Assert.False(table.TryFind("\ud83d", out _)); // half of the rocket's surrogate pair
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void A_string_split_across_buffer_segments_is_found(int count)
    {
        string[] names = Names(count);
        var table = new WireNames(names);
        byte[] json = Encoding.UTF8.GetBytes("[\"" + names[2] + "\",\"r\\u0065gion-x\"," + JsonSerializer.Serialize(names[^1]) + "]");

        // Every split point, so each token is at some point held in two segments.
        for (int split = 1; split < json.Length; split++)
        {
            var reader = new Utf8JsonReader(SplitSequence.At(json, split));
            reader.Read();
            reader.Read();
            Assert.True(table.TryFind(ref reader, out int index));
            Assert.Equal(2, index);
            reader.Read();
            Assert.False(table.TryFind(ref reader, out _));
            reader.Read();
            Assert.True(table.TryFind(ref reader, out index));
            Assert.Equal(count - 1, index);
        }
    }

    [Fact]
    public void A_long_escaped_string_is_unescaped_off_the_stack()
    {
        string name = string.Concat(Enumerable.Repeat("é", 300));
        var table = new WireNames([.. Names(40), name]);

        Assert.True(Find(table, "\"" + string.Concat(Enumerable.Repeat("\\u00e9", 300)) + "\"", out int index));
        Assert.Equal(40, index);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Finding_a_known_value_allocates_nothing(int count)
    {
        var table = new WireNames(Names(count));
        byte[] raw = Encoding.UTF8.GetBytes("\"rocket-🚀\"");
        byte[] escaped = Encoding.UTF8.GetBytes("\"rocket-\\uD83D\\uDE80\"");
        Assert.True(FindInBytes(table, raw) && FindInBytes(table, escaped)); // warm up

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            Assert.True(FindInBytes(table, raw));
            Assert.True(FindInBytes(table, escaped));
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void A_name_with_an_unpaired_surrogate_is_found_only_as_a_string()
    {
        // JSON text cannot hold it (the reader refuses to unescape it), but a .NET string can.
        foreach (WireNames table in new[] { new WireNames(["a", "x\ud800"]), new WireNames([.. Names(40), "x\ud800"]) })
        {
            Assert.True(table.TryFind("x\ud800", out int index));
            Assert.Equal(table.Count - 1, index);
            Assert.False(Find(table, "\"x\uFFFD\"", out _)); // what a lenient encoder would have made of it
        }
    }

    [Fact]
    public void Invalid_UTF8_is_no_name()
    {
        foreach (WireNames table in new[] { new WireNames(Names(3)), new WireNames(Names(40)) })
        {
            var reader = new Utf8JsonReader([(byte)'"', (byte)'r', 0xFF, (byte)'"']);
            reader.Read();
            Assert.False(table.TryFind(ref reader, out _));
        }
    }

    [Fact]
    public void A_repeated_or_null_name_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new WireNames(["a", "b", "a"]));
        Assert.Throws<ArgumentException>(() => new WireNames(["a", null!]));
        Assert.Throws<ArgumentNullException>(() => new WireNames(null!));
    }

    [Fact]
    public void Later_changes_to_the_array_passed_in_change_nothing()
    {
        string[] names = ["a", "b"];
        var table = new WireNames(names);
        names[0] = "c";

        Assert.Equal("a", table[0]);
        Assert.True(table.TryFind("a", out _));
        Assert.False(table.TryFind("c", out _));
    }

    private static bool Find(WireNames table, string jsonString, out int index)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(jsonString));
        reader.Read();
        return table.TryFind(ref reader, out index);
    }

    private static bool FindInBytes(WireNames table, byte[] jsonString)
    {
        var reader = new Utf8JsonReader(jsonString);
        reader.Read();
        return table.TryFind(ref reader, out _);
    }
}
