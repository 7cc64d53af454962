using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Insights.Contracts.Runtime;
using Xunit;

namespace Insights.Contracts.Generator.Tests;

/// <summary>
/// <c>"format": "date-time"</c> as <c>DateTimeOffset</c>, through C# written against the generated
/// types: the reader takes exactly the texts the format check takes, what a DateTimeOffset cannot
/// keep is handled as the README says (fraction truncated to 100 ns, leap second clamped, offsets
/// beyond ±14:00 moved to UTC, instants outside its range a format error), writing is canonical,
/// and the typed and JSON-backed shapes agree on every document a DateTimeOffset can hold.
/// </summary>
public class DateTimeMemberTests
{
    private const string EventSchema = """
        {
          "type": "object",
          "required": ["at"],
          "properties": {
            "at": { "type": "string", "format": "date-time" },
            "until": { "type": "string", "format": "date-time", "default": "2024-12-31T23:59:59.5+01:00" },
            "history": { "type": "array", "items": { "type": "string", "format": "date-time" } },
            "note": { "type": "string", "format": "date-time", "maxLength": 30 }
          },
          "additionalProperties": false
        }
        """;

    private const string UserCode = """
        using System;
        using System.Globalization;
        using System.Linq;
        using Insights.Contracts.Runtime;

        namespace Typed;

        public static class Scenario
        {
            public static string Read(string json)
            {
                var result = Event.Parse(json);
                if (result.Value is not { } e)
                {
                    return "invalid: " + string.Join("; ", result.Errors.Select(x => $"{x.Path} {x.Keyword}"));
                }

                DateTimeOffset at = e.At;
                DateTimeOffset until = e.Until;
                return $"{at.UtcTicks} {at.Offset.TotalMinutes} {until:O} {e.ToJson()}";
            }

            public static string Errors(string json) =>
                string.Join("; ", Event.Parse(json).Errors.Select(x => $"{x.Path} {x.Keyword}: {x.Message}"));

            public static string RoundTrip(long ticks, int offsetMinutes)
            {
                var value = new Event { At = new DateTimeOffset(ticks, TimeSpan.FromMinutes(offsetMinutes)), History = [new DateTimeOffset(ticks, TimeSpan.Zero)] };
                string json = value.ToJson();
                var read = Event.Parse(json).Value;
                return $"{value.Validate().IsValid} {read == value} {read?.At.Offset == value.At.Offset} {read?.At.Ticks == value.At.Ticks} {read?.ToJson() == json} {json}";
            }
        }
        """;

    private static readonly Lazy<Assembly> Generated = new(() =>
    {
        var files = new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["/s/typed-event.schema.json"] = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.Namespace"] = "Typed", ["build_metadata.AdditionalFiles.TypeName"] = "Event" },
            ["/s/json-event.schema.json"] = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.Namespace"] = "Json", ["build_metadata.AdditionalFiles.TypeName"] = "Event", ["build_metadata.AdditionalFiles.GenerateAs"] = "JsonValue" },
            ["/s/annotation-event.schema.json"] = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.Namespace"] = "Annotation", ["build_metadata.AdditionalFiles.TypeName"] = "Event", ["build_metadata.AdditionalFiles.FormatAssertion"] = "false" },
        };
        GeneratorOutput output = GeneratorHarness.Run(
            GeneratorHarness.CreateDriver(files.Keys.Select(path => new InMemoryAdditionalText(path, EventSchema)), new TestOptionsProvider(new Dictionary<string, string>(), files)),
            GeneratorHarness.CreateCompilation(UserCode));
        Assert.DoesNotContain(output.GeneratorDiagnostics, d => d.Severity > Microsoft.CodeAnalysis.DiagnosticSeverity.Info);
        return GeneratorHarness.Load(output);
    });

    /// <summary>The generated <c>Parse(string)</c> of the type named in full.</summary>
    internal static (object? Value, IReadOnlyList<ValidationError> Errors) Parse(Assembly assembly, string fullName, string json)
    {
        Type type = assembly.GetType(fullName, throwOnError: true)!;
        object result = type.GetMethod("Parse", [typeof(string)])!.Invoke(null, [json])!;
        return (result.GetType().GetProperty("Value")!.GetValue(result), (IReadOnlyList<ValidationError>)result.GetType().GetProperty("Errors")!.GetValue(result)!);
    }

    private static (object? Value, IReadOnlyList<ValidationError> Errors) Parse(string fullName, string json) => Parse(Generated.Value, fullName, json);

    private static string Call(string method, params object[] arguments) =>
        (string)Generated.Value.GetType("Typed.Scenario", throwOnError: true)!.GetMethod(method)!.Invoke(null, arguments)!;

    [Fact]
    public void A_date_time_is_a_DateTimeOffset_and_one_with_other_string_keywords_stays_a_string()
    {
        Type typed = Generated.Value.GetType("Typed.Event", throwOnError: true)!;
        Assert.Equal(typeof(DateTimeOffset), typed.GetProperty("At")!.PropertyType);
        Assert.Equal(typeof(DateTimeOffset), typed.GetProperty("Until")!.PropertyType);
        Assert.Equal(typeof(string), typed.GetProperty("Note")!.PropertyType);
    }

    [Fact]
    public void Without_format_assertion_a_date_time_is_a_string_and_any_string_is_valid()
    {
        Type annotation = Generated.Value.GetType("Annotation.Event", throwOnError: true)!;
        Assert.Equal(typeof(string), annotation.GetProperty("At")!.PropertyType);
        Assert.Empty(Parse("Annotation.Event", """{"at": "yesterday"}""").Errors);
    }

    [Theory]
    [InlineData("2024-01-31T10:00:00Z", "2024-01-31T10:00:00+00:00")]
    [InlineData("2024-01-31t10:00:00z", "2024-01-31T10:00:00+00:00")] // lowercase t and z: written uppercase
    [InlineData("2024-01-31T10:00:00-00:00", "2024-01-31T10:00:00+00:00")] // unknown local offset: +00:00
    [InlineData("2024-01-31T10:00:00.5000+05:30", "2024-01-31T10:00:00.5+05:30")] // trailing zeros of the fraction dropped
    [InlineData("2024-01-31T10:00:00.123456789-08:00", "2024-01-31T10:00:00.1234567-08:00")] // finer than 100 ns: truncated
    [InlineData("1998-12-31T23:59:60Z", "1998-12-31T23:59:59.9999999+00:00")] // leap second: the last tick of second 59
    [InlineData("1998-12-31T15:59:60.25-08:00", "1998-12-31T15:59:59.9999999-08:00")]
    [InlineData("2024-01-31T10:00:00+23:00", "2024-01-30T11:00:00+00:00")] // beyond ±14:00: the same instant in UTC
    [InlineData("0001-01-01T00:00:00Z", "0001-01-01T00:00:00+00:00")]
    [InlineData("9999-12-31T23:59:59.99999999Z", "9999-12-31T23:59:59.9999999+00:00")]
    public void Every_RFC_3339_date_time_is_read_and_written_in_canonical_form(string text, string written)
    {
        string result = Call("Read", $$"""{"at": "{{text}}"}""");

        var expected = DateTimeOffset.Parse(written, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal($$"""{{expected.UtcTicks}} {{expected.Offset.TotalMinutes}} 2024-12-31T23:59:59.5000000+01:00 {"at":"{{written}}","until":"2024-12-31T23:59:59.5+01:00"}""", result);
    }

    [Theory]
    [InlineData("\"2024-01-31 10:00:00Z\"", "/at format")]
    [InlineData("\"2024-01-31T10:00:00\"", "/at format")] // no offset
    [InlineData("\"2024-02-30T10:00:00Z\"", "/at format")]
    [InlineData("\"1998-12-31T23:58:60Z\"", "/at format")] // second 60 that is not 23:59:60 UTC
    [InlineData("\"2024-01-31T10:00:00+05\"", "/at format")]
    [InlineData("\"2024-01-31T10:00:00.Z\"", "/at format")]
    [InlineData("\"２０２４-01-31T10:00:00Z\"", "/at format")] // full-width digits
    [InlineData("5", "/at type")]
    public void Text_that_is_no_RFC_3339_date_time_is_a_located_error(string value, string expected) =>
        Assert.StartsWith(expected + ":", Call("Errors", $$"""{"at": {{value}}}"""), StringComparison.Ordinal);

    [Theory]
    [InlineData("0001-01-01T00:00:00+01:00")]
    [InlineData("9999-12-31T23:59:59-00:01")]
    public void An_instant_outside_DateTimeOffset_is_a_format_error_that_says_so(string text) =>
        Assert.Equal($"/at format: '{text}' is outside the range of a DateTimeOffset (0001-01-01T00:00:00Z to 9999-12-31T23:59:59.9999999Z)", Call("Errors", $$"""{"at": "{{text}}"}"""));

    [Theory]
    [InlineData(0L, 0)]
    [InlineData(638422848000000000L, 60)]
    [InlineData(638422848001234567L, -330)]
    [InlineData(638422848000000001L, 14 * 60)]
    [InlineData(638422848000000000L, -14 * 60)]
    [InlineData(3155378975999999999L, 0)] // DateTimeOffset.MaxValue
    public void Values_built_in_code_are_valid_and_round_trip_exactly(long ticks, int offsetMinutes) =>
        Assert.StartsWith("True True True True True ", Call("RoundTrip", ticks, offsetMinutes), StringComparison.Ordinal);

    public static TheoryData<string> Documents() =>
    [
        """{"at": "2024-01-31T10:00:00Z"}""",
        """{"at": "2024-01-31T10:00:00.000000000001+14:00", "until": "1998-12-31T23:59:60Z"}""",
        """{"at": "2024-01-31t10:00:00z", "history": ["2024-01-31T10:00:00-00:00", "1990-12-31T15:59:60-08:00"]}""",
        """{"at": "2024-01-31T10:00:00+23:59", "note": "2024-01-31T10:00:00Z"}""",
        """{"at": "2024-01-31T10:00:00"}""",
        """{"at": "2024-13-01T10:00:00Z"}""",
        """{"at": "2024-01-31T24:00:00Z"}""",
        """{"at": "2024-01-31T10:00:60Z"}""",
        """{"at": "2024-01-31T10:00:00Z", "history": ["2024-01-31T10:00:00Z", "noon"]}""",
        """{"at": "2024-01-31T10:00:00Z", "until": "2024-01-31T10:00:00+24:00"}""",
        """{"at": "2024-01-31T10:00:00Z", "note": "2024-01-31T10:00:00.0000000000000000000Z"}""",
        """{"at": "2024-01-31T10:00:00Z", "note": "not a date"}""",
        """{"at": "\u0032024-01-31T10:00:00Z"}""",
        """{"at": null}""",
        """{"until": "2024-01-31T10:00:00Z"}""",
    ];

    [Theory]
    [MemberData(nameof(Documents))]
    public void Typed_and_json_backed_shapes_agree(string document)
    {
        (object? typed, var typedErrors) = Parse("Typed.Event", document);
        (object? json, var jsonErrors) = Parse("Json.Event", document);

        Assert.Equal(json is not null, typed is not null);
        Assert.Equal(jsonErrors.Select(e => $"{e.Path} {e.Keyword}"), typedErrors.Select(e => $"{e.Path} {e.Keyword}"));
    }

    [Fact]
    public void Only_instants_outside_DateTimeOffset_are_valid_json_but_not_typed()
    {
        const string document = """{"at": "0001-01-01T00:00:00+00:01"}""";
        Assert.Empty(Parse("Json.Event", document).Errors);
        ValidationError error = Assert.Single(Parse("Typed.Event", document).Errors);
        Assert.Equal("/at format", $"{error.Path} {error.Keyword}");
    }
}
