using System.Collections.Concurrent;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System;
using Insights.Contracts.Runtime;
using Insights.Contracts.Runtime.CompilerServices;
using Xunit;

namespace Insights.Contracts.Generator.Tests;

/// <summary>
/// String enums of every size behave the same through generated code: every value round-trips, an
/// unknown value is an <c>enum</c> error listing the values, a cast integer is not a member. The
/// sizes straddle the point where the runtime lookup switches from comparing each value to hashing,
/// and reach the thousands of values public catalogues hold (<see cref="LargeEnumSchema"/>).
/// </summary>
public class LargeEnumTests
{
    private static readonly ConcurrentDictionary<(int Values, bool Open), Assembly> Generated = new();

    public static TheoryData<int> Sizes => new() { 3, 16, 17, 2_500 };

    private static Assembly Compile(int values, bool open) =>
        Generated.GetOrAdd((values, open), key => GeneratorHarness.Load(GeneratorHarness.RunAndCompile(
            ("/s/regions.schema.json", key.Open ? LargeEnumSchema.Open(key.Values) : LargeEnumSchema.Closed(key.Values)))));

    private static Type GeneratedType(Assembly assembly, string name) =>
        assembly.GetType($"{GeneratorHarness.TestNamespace}.{name}", throwOnError: true)!;

    private static string Document(string region) => $$"""{"region":{{JsonSerializer.Serialize(region)}}}""";

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Every_value_of_a_closed_enum_round_trips(int count)
    {
        string[] values = LargeEnumSchema.Values(count);
        Assembly assembly = Compile(count, open: false);
        (Type region, Type wire) = (GeneratedType(assembly, "Region"), GeneratedType(assembly, "RegionWire"));
        Assert.Equal(count, Enum.GetValues(region).Length);

        for (int i = 0; i < count; i++)
        {
            object member = Enum.ToObject(region, i);
            Assert.Equal(values[i], Invoke(wire, "ToWireName", member));
            Assert.True((bool)Invoke(wire, "IsDefined", member)!);
            object?[] arguments = [values[i], null];
            Assert.True((bool)wire.GetMethod("TryParse")!.Invoke(null, arguments)!);
            Assert.Equal(member, arguments[1]);

            var (parsed, errors) = GeneratorHarness.Parse(assembly, "Regions", Document(values[i]));
            Assert.Empty(errors);
            Assert.Equal(member, parsed!.GetType().GetProperty("Region")!.GetValue(parsed));
            using JsonDocument written = JsonDocument.Parse((string)parsed.GetType().GetMethod("ToJson")!.Invoke(parsed, null)!);
            Assert.Equal(values[i], written.RootElement.GetProperty("region").GetString());
        }
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void An_unknown_value_is_an_enum_error_listing_every_value(int count)
    {
        string[] values = LargeEnumSchema.Values(count);
        Assembly assembly = Compile(count, open: false);

        foreach (string unknown in new[] { "nope", "US-EAST-1", "us-east-1 ", values[^1] + "x" })
        {
            ValidationError error = Assert.Single(GeneratorHarness.Parse(assembly, "Regions", Document(unknown)).Errors);
            Assert.Equal(("/region", "enum"), (error.Path, error.Keyword));
            Assert.Equal(ErrorMessages.Enum(ErrorMessages.Render(unknown), values.Select(ErrorMessages.Render)), error.Message);
        }

        // The message itself, as it always read.
        if (count == 3)
        {
            ValidationError error = Assert.Single(GeneratorHarness.Parse(assembly, "Regions", Document("nope")).Errors);
            Assert.Equal("'nope' is not one of the allowed values: '', 'value', 'us-east-1'", error.Message);
        }

        Assert.Equal(["/region type"], GeneratorHarness.Parse(assembly, "Regions", """{"region":5}""").Errors.Select(e => $"{e.Path} {e.Keyword}"));
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void A_string_no_text_can_hold_is_reported_not_thrown(int count)
    {
        // An escaped unpaired surrogate is well-formed JSON that decodes to no string.
        foreach (bool open in new[] { false, true })
        {
            var (value, errors) = GeneratorHarness.Parse(Compile(count, open), "Regions", """{"region":"\ud800"}""");
            Assert.Null(value);
            Assert.Equal("syntax", Assert.Single(errors).Keyword);
        }
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void A_cast_integer_is_not_a_member(int count)
    {
        string[] values = LargeEnumSchema.Values(count);
        Assembly assembly = Compile(count, open: false);
        (Type region, Type wire) = (GeneratedType(assembly, "Region"), GeneratedType(assembly, "RegionWire"));

        foreach (int cast in new[] { count, count + 1, -1, int.MinValue, int.MaxValue })
        {
            object member = Enum.ToObject(region, cast);
            Assert.False((bool)Invoke(wire, "IsDefined", member)!);
            var thrown = Assert.Throws<TargetInvocationException>(() => Invoke(wire, "ToWireName", member));
            Assert.IsType<ArgumentOutOfRangeException>(thrown.InnerException);

            // A record built in code with it fails validation with the enum's values listed.
            Type regions = GeneratedType(assembly, "Regions");
            object built = Activator.CreateInstance(regions)!;
            regions.GetProperty("Region")!.SetValue(built, member);
            var result = (ValidationResult)regions.GetMethod("Validate", Type.EmptyTypes)!.Invoke(built, null)!;
            ValidationError error = Assert.Single(result.Errors);
            Assert.Equal(("/region", "enum"), (error.Path, error.Keyword));
            Assert.Equal(ErrorMessages.Enum(cast.ToString(System.Globalization.CultureInfo.InvariantCulture), values.Select(ErrorMessages.Render)), error.Message);
        }

        object?[] arguments = ["nope", null];
        Assert.False((bool)wire.GetMethod("TryParse")!.Invoke(null, arguments)!);
        Assert.Equal(Enum.ToObject(region, 0), arguments[1]);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Every_known_value_of_an_open_enum_reads_as_its_named_value(int count)
    {
        string[] values = LargeEnumSchema.Values(count);
        Assembly assembly = Compile(count, open: true);
        Type region = GeneratedType(assembly, "Region");
        object[] named = region.GetProperties(BindingFlags.Public | BindingFlags.Static)
            .Where(p => p.PropertyType == region)
            .Select(p => p.GetValue(null)!)
            .ToArray();
        string[] namedValues = named.Select(v => (string)region.GetProperty("Value")!.GetValue(v)!).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(values.Order(StringComparer.Ordinal), namedValues);

        foreach (object value in named)
        {
            string text = (string)region.GetProperty("Value")!.GetValue(value)!;
            var (parsed, errors) = GeneratorHarness.Parse(assembly, "Regions", Document(text));
            Assert.Empty(errors);
            object read = parsed!.GetType().GetProperty("Region")!.GetValue(parsed)!;
            Assert.Equal(value, read);
            Assert.True((bool)region.GetProperty("IsKnown")!.GetValue(read)!);
        }

        var (other, otherErrors) = GeneratorHarness.Parse(assembly, "Regions", Document("mars-north-1"));
        Assert.Empty(otherErrors);
        object unknown = other!.GetType().GetProperty("Region")!.GetValue(other)!;
        Assert.Equal("mars-north-1", region.GetProperty("Value")!.GetValue(unknown));
        Assert.False((bool)region.GetProperty("IsKnown")!.GetValue(unknown)!);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Generated_size_grows_linearly_with_the_number_of_values(bool open)
    {
        // Ten times the values may cost at most ten times the characters (fixed parts make it less),
        // and each value costs about what its schema text costs, not a multiple of the enum's size.
        (int Schema, int Generated) Size(int values)
        {
            string schema = open ? LargeEnumSchema.Open(values) : LargeEnumSchema.Closed(values);
            GeneratorOutput output = GeneratorHarness.Run(("/s/regions.schema.json", schema));
            return (schema.Length, output.Source("Region.g.cs").Length);
        }

        var small = Size(250);
        var large = Size(2_500);

        double perSchemaCharacter = (double)large.Generated / large.Schema;
        Assert.True(large.Generated <= 10 * small.Generated, $"{small.Generated:N0} characters for 250 values, {large.Generated:N0} for 2,500");
        Assert.True(perSchemaCharacter < 6, $"{perSchemaCharacter:F1} generated characters per schema character");
    }

    private static object? Invoke(Type type, string method, object argument) => type.GetMethod(method)!.Invoke(null, [argument]);
}
