using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System;
using Insights.Contracts.Runtime.CompilerServices;
using Xunit;

namespace Insights.Contracts.Generator.Tests;

/// <summary>
/// Enums of integers, enums that list null, and enums of other JSON types, through C# written
/// against the generated types: an integer enum is a C# enum whose underlying values are the
/// numbers, a null among the values makes the member nullable, and a JSON-backed value of the same
/// schema gives the same verdict at the same pointer.
/// </summary>
public class NonStringEnumTests
{
    private const string Path = "/s/ticket.schema.json";

    private const string TicketSchema = """
        {
          "type": "object",
          "required": ["priority"],
          "properties": {
            "priority": { "$ref": "#/$defs/priority" },
            "retries": { "enum": [0, 1, 3] },
            "level": { "type": ["integer", "null"], "enum": [1, 2, null] },
            "state": { "type": ["string", "null"], "enum": ["open", "closed", null] },
            "size": { "type": "integer", "enum": [1, 5000000000] },
            "step": { "type": "integer", "enum": [10, 20], "default": 20 },
            "flag": { "enum": [true] },
            "ratio": { "type": "number", "enum": [0.5, 1.5] },
            "mixed": { "enum": [1, "a", null] },
            "version": { "const": 2 },
            "epoch": { "const": 5000000000 }
          },
          "$defs": {
            "priority": { "type": "integer", "enum": [-1, 0, 5], "x-enumNames": ["Low", "Normal", "Urgent"], "description": "How urgent the ticket is." }
          }
        }
        """;

    private const string UserCode = """
        using System.Linq;
        using Insights.Contracts.Runtime;

        namespace Test.Contracts;

        public static class Scenario
        {
            public static string Read(string json)
            {
                var result = Ticket.Parse(json);
                if (result.Value is not { } t)
                {
                    return "invalid: " + string.Join("; ", result.Errors.Select(e => $"{e.Path} {e.Keyword}"));
                }

                return $"{t.Priority}={(int)t.Priority} {t.Retries?.ToString() ?? "-"} {t.Level?.ToString() ?? "null"} {t.State?.ToString() ?? "null"} {t.Size?.ToString() ?? "-"} {t.Step} {t.ToJson()}";
            }

            public static string BuiltInCode()
            {
                var ticket = new Ticket { Priority = Priority.Urgent, Retries = TicketRetries.Value3, Level = null, Size = TicketSize.Value5000000000 };
                string errors(ValidationResult result) => string.Join("; ", result.Errors.Select(e => $"{e.Path} {e.Keyword}: {e.Message}"));
                bool found = PriorityWire.TryParse(-1, out Priority low);
                bool missing = PriorityWire.TryParse(7, out _);
                string thrown;
                try
                {
                    ((Priority)7).ToNumber();
                    thrown = "no";
                }
                catch (System.ArgumentOutOfRangeException)
                {
                    thrown = "yes";
                }

                return string.Join(" | ",
                    ticket.ToJson(),
                    $"{typeof(Priority).GetEnumUnderlyingType().Name} {typeof(TicketSize).GetEnumUnderlyingType().Name}",
                    $"{found} {low} {missing} {Priority.Normal.ToNumber()} {thrown}",
                    errors((ticket with { Priority = (Priority)7 }).Validate()),
                    System.Text.Json.JsonSerializer.Serialize(new[] { Priority.Low, Priority.Urgent }),
                    System.Text.Json.JsonSerializer.Deserialize<Priority>("5").ToString());
            }
        }
        """;

    private static readonly Lazy<GeneratorOutput> Typed = new(() =>
        GeneratorHarness.Run(GeneratorHarness.CreateDriver([new InMemoryAdditionalText(Path, TicketSchema)]), GeneratorHarness.CreateCompilation(UserCode)));

    private static readonly Lazy<Assembly> TypedAssembly = new(() => GeneratorHarness.Load(Typed.Value));

    private static readonly Lazy<Assembly> JsonBacked = new(() =>
    {
        var options = new TestOptionsProvider(
            new Dictionary<string, string> { ["build_property.RootNamespace"] = GeneratorHarness.TestNamespace },
            new Dictionary<string, IReadOnlyDictionary<string, string>> { [Path] = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.GenerateAs"] = "JsonValue" } });
        return GeneratorHarness.Load(GeneratorHarness.Run(GeneratorHarness.CreateDriver([new InMemoryAdditionalText(Path, TicketSchema)], options), GeneratorHarness.CreateCompilation()));
    });

    private static string Call(string method, params object[] arguments) =>
        (string)TypedAssembly.Value.GetType("Test.Contracts.Scenario", throwOnError: true)!.GetMethod(method)!.Invoke(null, arguments)!;

    [Fact]
    public void Each_enum_gets_the_CSharp_type_its_values_have()
    {
        string ticket = Typed.Value.Source("Ticket.g.cs");

        Assert.Contains("public required global::Test.Contracts.Priority Priority { get; init; }", ticket);
        Assert.Contains("public global::Test.Contracts.TicketRetries? Retries { get; init; }", ticket);
        Assert.Contains("public global::Test.Contracts.TicketLevel? Level { get => _level; init {", ticket);
        Assert.Contains("public global::Test.Contracts.TicketState? State { get => _state; init {", ticket);
        Assert.Contains("public global::Test.Contracts.TicketStep Step { get; init; } = global::Test.Contracts.TicketStep.Value20;", ticket);
        Assert.Contains("public bool? Flag { get; init; }", ticket);
        Assert.Contains("public double? Ratio { get; init; }", ticket);
        Assert.Contains("public global::Insights.Contracts.Runtime.JsonAny? Mixed { get; init; }", ticket);
        Assert.Contains("public int? Version { get; init; }", ticket);
        Assert.Contains("public long? Epoch { get; init; }", ticket);

        string priority = Typed.Value.Source("Priority.g.cs");
        Assert.Contains("/// <summary>\n/// How urgent the ticket is.\n/// </summary>", priority);
        Assert.Contains("Low = -1,", priority);
        Assert.Contains("Urgent = 5,", priority);
        Assert.Contains("public enum TicketSize : long", Typed.Value.Source("TicketSize.g.cs"));
        Assert.Contains("ValueMinus1 = -1,", GeneratorHarness.RunAndCompile((Path, """{"type": "object", "properties": {"a": {"type": "integer", "enum": [-1, 2]}}}""")).Source("TicketA.g.cs"));
    }

    [Fact]
    public void Only_the_mixed_type_enum_is_a_json_value_and_the_diagnostic_says_why()
    {
        var diagnostic = Assert.Single(Typed.Value.GeneratorDiagnostics);

        Assert.Equal("ICG019", diagnostic.Id);
        Assert.Contains("'Ticket.Mixed'", diagnostic.GetMessage());
        Assert.Contains("its values are of several JSON types (number 1, string \"a\")", diagnostic.GetMessage());
    }

    [Theory]
    [InlineData("""{"priority": 5}""", """Urgent=5 - null null - Value20 {"priority":5,"step":20}""")]
    [InlineData("""{"priority": -1, "retries": 3, "level": null, "state": "closed", "size": 5000000000, "step": 10}""", """Low=-1 Value3 null Closed Value5000000000 Value10 {"priority":-1,"retries":3,"level":null,"state":"closed","size":5000000000,"step":10}""")]
    [InlineData("""{"priority": 5, "version": 2.0, "epoch": 5000000000}""", """Urgent=5 - null null - Value20 {"priority":5,"step":20,"version":2,"epoch":5000000000}""")]
    [InlineData("""{"priority": 0.0, "retries": 1e0, "level": 2, "state": null}""", """Normal=0 Value1 Value2 null - Value20 {"priority":0,"retries":1,"level":2,"state":null,"step":20}""")]
    public void Integer_enums_read_as_their_members_and_write_back_as_numbers(string json, string expected) =>
        Assert.Equal(expected, Call("Read", json));

    [Theory]
    [InlineData("""{"priority": 7}""", "/priority enum")]
    [InlineData("""{"priority": 0.5}""", "/priority enum")]
    [InlineData("""{"priority": 1e30}""", "/priority enum")]
    [InlineData("""{"priority": "5"}""", "/priority type")]
    [InlineData("""{"priority": null}""", "/priority type")]
    [InlineData("""{"priority": 5, "retries": "3"}""", "/retries enum")]
    [InlineData("""{"priority": 5, "retries": 2}""", "/retries enum")]
    [InlineData("""{"priority": 5, "level": 3}""", "/level enum")]
    [InlineData("""{"priority": 5, "state": "pending"}""", "/state enum")]
    [InlineData("""{"priority": 5, "size": 5000000001}""", "/size enum")]
    [InlineData("""{"priority": 5, "version": 1e30}""", "/version const")]
    [InlineData("""{"priority": 5, "version": 2.5}""", "/version const")]
    [InlineData("""{"priority": 5, "version": "2"}""", "/version const")]
    public void A_value_of_no_member_is_an_enum_error_at_its_pointer(string json, string expected) =>
        Assert.Equal("invalid: " + expected, Call("Read", json));

    [Fact]
    public void Integer_enums_built_in_code_are_numbers_and_undefined_values_are_enum_errors()
    {
        string[] parts = Call("BuiltInCode").Split(" | ");

        Assert.Equal("""{"priority":5,"retries":3,"level":null,"size":5000000000,"step":20}""", parts[0]); // Level = null in code: an explicit null
        Assert.Equal("Int32 Int64", parts[1]);
        Assert.Equal("True Low False 0 yes", parts[2]);
        Assert.Equal("/priority enum: 7 is not one of the allowed values: -1, 0, 5", parts[3]);
        Assert.Equal("[-1,5]", parts[4]);
        Assert.Equal("Urgent", parts[5]);
    }

    [Theory]
    [InlineData("""{"priority": 5}""")]
    [InlineData("""{"priority": -1, "retries": 3, "level": null, "state": "closed", "size": 5000000000, "step": 10, "flag": true, "ratio": 1.5, "mixed": "a"}""")]
    [InlineData("""{"priority": 0.0, "retries": 1e0, "level": 2.0, "mixed": null}""")]
    [InlineData("""{"priority": 7}""")]
    [InlineData("""{"priority": 0.5}""")]
    [InlineData("""{"priority": 1e30}""")]
    [InlineData("""{"priority": "5"}""")]
    [InlineData("""{"priority": null}""")]
    [InlineData("""{"priority": 5, "retries": "3"}""")]
    [InlineData("""{"priority": 5, "retries": [3]}""")]
    [InlineData("""{"priority": 5, "retries": 2}""")]
    [InlineData("""{"priority": 5, "level": 3}""")]
    [InlineData("""{"priority": 5, "level": "1"}""")]
    [InlineData("""{"priority": 5, "state": "pending"}""")]
    [InlineData("""{"priority": 5, "size": 5000000001}""")]
    [InlineData("""{"priority": 5, "step": 15}""")]
    [InlineData("""{"priority": 5, "flag": false}""")]
    [InlineData("""{"priority": 5, "ratio": 1}""")]
    [InlineData("""{"priority": 5, "mixed": 2}""")]
    [InlineData("""{"priority": 5, "version": 2.0, "epoch": 5000000000}""")]
    [InlineData("""{"priority": 5, "version": 3}""")]
    [InlineData("""{"priority": 5, "version": 2.5}""")]
    [InlineData("""{"priority": 5, "version": 1e30}""")]
    [InlineData("""{"priority": 5, "version": "2"}""")]
    [InlineData("""{"priority": 5, "epoch": 5000000001}""")]
    public void The_typed_and_json_backed_shapes_agree_on_validity_and_pointers(string json)
    {
        // The typed side holds C# enums (of integers, and nullable ones), not checked longs or JSON values.
        Type ticket = TypedAssembly.Value.GetType("Test.Contracts.Ticket", throwOnError: true)!;
        Assert.All(["Priority", "Retries", "Level", "State", "Size", "Step"], name => Assert.True((Nullable.GetUnderlyingType(ticket.GetProperty(name)!.PropertyType) ?? ticket.GetProperty(name)!.PropertyType).IsEnum, name));
        var typed = GeneratorHarness.Parse(TypedAssembly.Value, "Ticket", json);
        var jsonBacked = GeneratorHarness.Parse(JsonBacked.Value, "Ticket", json);

        Assert.Equal(jsonBacked.Value is null, typed.Value is null);
        Assert.Equal(jsonBacked.Errors.Select(e => e.Path).Distinct(), typed.Errors.Select(e => e.Path).Distinct());
        Assert.Subset(jsonBacked.Errors.Select(e => e.Keyword).ToHashSet(), typed.Errors.Select(e => e.Keyword).ToHashSet());
    }

    [Fact]
    public void Vendor_name_arrays_name_the_members_only_when_they_name_every_value()
    {
        string schema = """
            {"type": "object", "properties": {
              "colour": {"type": "string", "enum": ["#f00", "#0f0"], "x-enum-varnames": ["Red", "Green"]},
              "code": {"type": "integer", "enum": [1, 2], "x-enum-names": ["One", "Two"]},
              "short": {"type": "integer", "enum": [1, 2, 3], "x-enumNames": ["One", "Two"]},
              "wrong": {"type": "integer", "enum": [1, 2], "x-enumNames": ["One", 2]}
            }}
            """;
        GeneratorOutput output = GeneratorHarness.RunAndCompile((Path, schema));

        Assert.Contains("Red,", output.Source("TicketColour.g.cs"));
        Assert.Contains("Two = 2,", output.Source("TicketCode.g.cs"));
        Assert.Contains("Value3 = 3,", output.Source("TicketShort.g.cs"));
        Assert.Contains("Value2 = 2,", output.Source("TicketWrong.g.cs"));
    }

    public static TheoryData<int> Sizes => new() { 3, 16, 17, 2_500 };

    /// <summary>
    /// Sizes on both sides of the point where <c>WireNumbers</c> switches from comparing each number
    /// to hashing, up to the thousands of values string enums were optimized for.
    /// </summary>
    [Theory]
    [MemberData(nameof(Sizes))]
    public void Every_number_of_an_integer_enum_of_any_size_round_trips_and_others_are_enum_errors(int count)
    {
        long[] numbers = Enumerable.Range(0, count).Select(i => i * 7L - 3).ToArray();
        string schema = """{"type": "object", "properties": {"code": {"type": "integer", "enum": [""" + string.Join(", ", numbers) + "]}}}";
        Assembly assembly = GeneratorHarness.Load(GeneratorHarness.RunAndCompile(("/s/codes.schema.json", schema)));
        Type code = assembly.GetType("Test.Contracts.CodesCode", throwOnError: true)!;
        Assert.Equal(numbers, Enum.GetValues(code).Cast<object>().Select(Convert.ToInt64).Order());

        foreach (long number in numbers)
        {
            var (value, errors) = GeneratorHarness.Parse(assembly, "Codes", $$"""{"code": {{number}}}""");
            Assert.Empty(errors);
            Assert.Equal(Enum.ToObject(code, number), value!.GetType().GetProperty("Code")!.GetValue(value));
            Assert.Equal($$"""{"code":{{number}}}""", (string)value.GetType().GetMethod("ToJson")!.Invoke(value, null)!);
        }

        foreach (long unknown in new[] { -2L, numbers[^1] + 1, long.MaxValue })
        {
            var error = Assert.Single(GeneratorHarness.Parse(assembly, "Codes", $$"""{"code": {{unknown}}}""").Errors);
            Assert.Equal(("/code", "enum", $"{unknown} is not one of the allowed values: {string.Join(", ", numbers)}"), (error.Path, error.Keyword, error.Message));
        }
    }
}
