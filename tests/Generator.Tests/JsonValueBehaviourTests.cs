using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using Insights.Contracts.Runtime;
using Xunit;

namespace Insights.Contracts.Generator.Tests;

/// <summary>
/// Contracts generated as JSON-backed values (tests/Generator.Tests/Schemas), compiled and run:
/// every keyword family reports its error at the right JSON Pointer, titled oneOf branches surface
/// as a typed Variant, and bad input comes back as errors, never as an exception.
/// </summary>
public class JsonValueBehaviourTests
{
    private static readonly Lazy<Assembly> Generated = new(() => GeneratorHarness.Load(SnapshotTests.GenerateJsonValueSamples()));

    private static Type Contract(string name) => Generated.Value.GetType($"{GeneratorHarness.TestNamespace}.{name}", throwOnError: true)!;

    private static (object? Value, string[] Errors) Parse(string type, string json)
    {
        var (value, errors) = GeneratorHarness.Parse(Generated.Value, type, json);
        return (value, errors.Select(e => $"{e.Path} {e.Keyword}: {e.Message}").ToArray());
    }

    private static string Variant(object value) => value.GetType().GetProperty("Variant")!.GetValue(value)!.ToString()!;

    [Theory]
    [InlineData("\"DE89370400440532013000\"", "Iban")]
    [InlineData("[\"6f1c1a8e-3c2b-4f7a-9d55-0b9c2f0d6a11\", \"0f8fad5b-d9cb-469f-a165-70867728950e\"]", "AccountIds")]
    [InlineData("\"all\"", "AllAccounts")]
    public void A_titled_oneOf_surfaces_the_matched_branch(string json, string variant)
    {
        var (value, errors) = Parse("AccountSelector", json);

        Assert.Empty(errors);
        Assert.Equal(variant, Variant(value!));
    }

    [Fact]
    public void A_value_matching_no_branch_explains_each_branch_by_title()
    {
        var (value, errors) = Parse("AccountSelector", "[\"not-a-uuid\"]");

        Assert.Null(value);
        string error = Assert.Single(errors);
        Assert.StartsWith(" oneOf: matches none of the oneOf branches", error);
        Assert.Contains("Iban: (root): expected string, got array", error);
        Assert.Contains("Account ids: /0: 'not-a-uuid' is not a UUID", error);
        Assert.Contains("All accounts: (root): [\"not-a-uuid\"] is not allowed here; must be 'all'", error);
    }

    [Theory]
    [InlineData("[]", "Account ids: (root): must have at least 1 item, got 0")]
    [InlineData("[\"0f8fad5b-d9cb-469f-a165-70867728950e\", \"0f8fad5b-d9cb-469f-a165-70867728950e\"]", "items must be unique, but items 0 and 1 are equal")]
    [InlineData("\"de89370400440532013000\"", "does not match the pattern ^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$")]
    public void Branch_reasons_name_the_failing_keyword(string json, string reason)
    {
        var (_, errors) = Parse("AccountSelector", json);

        Assert.Contains(reason, Assert.Single(errors));
    }

    [Fact]
    public void A_valid_document_with_every_keyword_family_parses()
    {
        const string json = """
            {"tags": ["v1", "insights", "more"], "created": "2024-02-29", "expires": "2024-03-01",
             "tree": {"children": [{"children": []}, {}]}, "x_note": "n", "count": 3, "flag": null}
            """;

        var (value, errors) = Parse("FlowLabels", json);

        Assert.Empty(errors);
        Assert.NotNull(value);
    }

    [Theory]
    [InlineData("""{"Bad-Name": 1}""", "/Bad-Name propertyNames: the name 'Bad-Name' is not allowed: 'Bad-Name' does not match the pattern ^[a-z][a-z0-9_]*$")]
    [InlineData("""{"x_note": 5}""", "/x_note type: expected string, got integer")]
    [InlineData("""{"other": {}}""", "/other type: expected string or number or boolean or null, got object")]
    [InlineData("""{"tags": ["v2", "insights"]}""", "/tags/0 const: 'v2' is not allowed here; must be 'v1'")]
    [InlineData("""{"tags": ["v1", "insights", "insights"]}""", "/tags maxContains: must contain at most 1 matching item, found 2")]
    [InlineData("""{"tags": ["v1"]}""", "/tags contains: must contain at least 1 matching item, found 0")]
    [InlineData("""{"expires": "2024-03-01"}""", "/created required: required property 'created' is missing")]
    [InlineData("""{"created": "2024-02-30"}""", "/created format: '2024-02-30' is not a valid calendar date: February 2024 has 29 days, so day 30 does not exist")]
    [InlineData("""{"tree": {"children": [{"bogus": 1}]}}""", "/tree/children/0/bogus additionalProperties: property 'bogus' is not allowed here")]
    [InlineData("""[1]""", " type: expected object, got array")]
    public void Each_keyword_reports_at_its_json_pointer(string json, string expected)
    {
        var (value, errors) = Parse("FlowLabels", json);

        Assert.Null(value);
        Assert.Contains(expected, errors);
    }

    [Fact]
    public void Every_error_is_reported_not_only_the_first()
    {
        var (_, errors) = Parse("FlowLabels", """{"x_note": 5, "other": {}, "created": "no"}""");

        Assert.Equal(3, errors.Length);
    }

    [Theory]
    [InlineData("{\"tags\": [", "syntax")]
    [InlineData("", "syntax")]
    [InlineData("{\"a\": 1} x", "syntax")]
    [InlineData("{\"x_note\": \"a\", \"x_note\": \"b\"}", "duplicateProperty")]
    [InlineData("{\"tree\": {\"children\": [], \"children\": []}}", "duplicateProperty")]
    [InlineData("{\"x_note\": \"\\ud800\"}", "unicode")]
    [InlineData("{\"x_\\udc00\": \"a\"}", "unicode")]
    [InlineData("{\"tags\": [\"v1\", \"insights\", \"\\uDBFF\"]}", "unicode")]
    public void Bad_input_is_an_error_not_an_exception(string json, string keyword)
    {
        var (value, errors) = GeneratorHarness.Parse(Generated.Value, "FlowLabels", json);

        Assert.Null(value);
        Assert.Equal(keyword, Assert.Single(errors).Keyword);
    }

    [Theory]
    [InlineData(40, "\"m33\"", "/m33")]    // a large object: found with a set
    [InlineData(40, "\"m3\"", "/m3")]      // repeating a name from before the set existed
    [InlineData(5, "\"m\\u0033\"", "/m3")] // the same name written with an escape
    [InlineData(40, "\"m\\u0033\"", "/m3")]
    public void A_repeated_member_is_found_in_objects_of_any_size(int size, string repeated, string pointer)
    {
        string members = string.Join(", ", Enumerable.Range(0, size).Select(i => $"\"m{i}\": {i}"));
        var (value, errors) = GeneratorHarness.Parse(Generated.Value, "FlowLabels", $"{{{members}, {repeated}: 1}}");

        Assert.Null(value);
        ValidationError error = Assert.Single(errors);
        Assert.Equal((pointer, "duplicateProperty"), (error.Path, error.Keyword));
    }

    [Fact]
    public void Nesting_beyond_the_depth_limit_is_a_syntax_error()
    {
        string deep = string.Concat(Enumerable.Repeat("{\"children\": [", 40)) + string.Concat(Enumerable.Repeat("]}", 40));

        var (value, errors) = GeneratorHarness.Parse(Generated.Value, "FlowLabels", $"{{\"tree\": {deep}}}");

        Assert.Null(value);
        Assert.Equal("syntax", Assert.Single(errors).Keyword);
    }

    [Fact]
    public void A_json_element_nested_far_deeper_than_parsing_allows_is_an_error_not_a_stack_overflow()
    {
        const int depth = 5_000; // JsonDocument.Parse is quadratic in depth; 10,000 levels already overflow a 256 KB stack without the check
        string deep = "{\"tree\": " + string.Concat(Enumerable.Repeat("{\"children\": [", depth)) + string.Concat(Enumerable.Repeat("]}", depth)) + "}";
        using JsonDocument document = JsonDocument.Parse(deep, new JsonDocumentOptions { MaxDepth = 2 * depth + 10 });

        // Run on a thread with a small stack, as a worker thread might have.
        ValidationResult? result = null;
        var thread = new System.Threading.Thread(
            () => result = (ValidationResult)Contract("FlowLabels").GetMethod("Validate", [typeof(JsonElement)])!.Invoke(null, [document.RootElement])!,
            maxStackSize: 256 * 1024);
        thread.Start();
        thread.Join();

        Assert.Equal("syntax", Assert.Single(result!.Errors).Keyword);
    }

    /// <summary>
    /// Checking a valid value allocates nothing (as for typed records), except where the schema
    /// needs member names as strings: propertyNames and patternProperties.
    /// </summary>
    [Theory]
    [InlineData("AccountSelector", "\"DE89370400440532013000\"")]
    [InlineData("AccountSelector", "[\"6f1c1a8e-3c2b-4f7a-9d55-0b9c2f0d6a11\", \"0f8fad5b-d9cb-469f-a165-70867728950e\"]")]
    [InlineData("AccountSelector", "\"all\"")]
    public void Validating_a_valid_json_backed_value_allocates_nothing(string type, string json)
    {
        object value = Parse(type, json).Value!;
        var validate = value.GetType().GetMethod("Validate", Type.EmptyTypes)!.CreateDelegate<Func<ValidationResult>>(value);
        Assert.True(validate().IsValid); // warm up: type initialisers, regexes, the thread's context

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            Assert.Same(ValidationResult.Valid, validate());
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Validating_a_valid_json_backed_value_with_nested_members_allocates_nothing()
    {
        // Checking that nested members are well formed once pushed each member's name as a string.
        const string schema = """{"type": "object", "properties": {"a": {"type": "object", "properties": {"b": {"type": "array", "items": {"type": "integer"}}}}}}""";
        var perFile = new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["/s/nested.schema.json"] = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.GenerateAs"] = "JsonValue" },
        };
        GeneratorOutput output = GeneratorHarness.Run(
            GeneratorHarness.CreateDriver(
                [new InMemoryAdditionalText("/s/nested.schema.json", schema)],
                new TestOptionsProvider(new Dictionary<string, string> { ["build_property.RootNamespace"] = GeneratorHarness.TestNamespace }, perFile)),
            GeneratorHarness.CreateCompilation());
        object value = GeneratorHarness.Parse(GeneratorHarness.Load(output), "Nested", """{"a": {"b": [1, 2]}, "c": {"d": [{}]}}""").Value!;
        var validate = value.GetType().GetMethod("Validate", Type.EmptyTypes)!.CreateDelegate<Func<ValidationResult>>(value);
        Assert.True(validate().IsValid);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            Assert.Same(ValidationResult.Valid, validate());
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Equal_numbers_written_differently_are_equal_values_with_equal_hashes()
    {
        string[] hundreds = ["{\"count\": 100}", "{\"count\": 1e2}", "{\"count\": 100.0}", "{\"count\": 10000e-2}"];
        object[] values = hundreds.Select(json => Parse("FlowLabels", json).Value!).ToArray();

        Assert.All(values, v => Assert.Equal(values[0], v));
        Assert.All(values, v => Assert.Equal(values[0].GetHashCode(), v.GetHashCode()));
        Assert.NotEqual(values[0], Parse("FlowLabels", "{\"count\": 1.00000000000000000000000000000001e2}").Value);
    }

    [Fact]
    public void Equality_is_json_equality()
    {
        object a = Parse("FlowLabels", """{"count": 1, "flag": true}""").Value!;
        object b = Parse("FlowLabels", """{"flag": true, "count": 1.0}""").Value!;
        object c = Parse("FlowLabels", """{"flag": true, "count": 2}""").Value!;

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void The_converter_round_trips_and_rejects_invalid_json_with_every_error()
    {
        Type type = Contract("FlowLabels");

        object value = JsonSerializer.Deserialize("""{"count": 1, "tags": ["v1", "insights"]}""", type)!;
        Assert.Equal("""{"count":1,"tags":["v1","insights"]}""", JsonSerializer.Serialize(value, type));

        var error = Assert.Throws<JsonContractException>(() => JsonSerializer.Deserialize("""{"x_note": 5, "other": {}}""", type));
        Assert.Equal(2, error.Errors.Count);
    }

    [Fact]
    public void From_validates_a_json_element_and_Validate_lists_its_errors()
    {
        Type type = Contract("FlowLabels");
        using JsonDocument document = JsonDocument.Parse("""{"x_note": 5}""");

        var result = (ValidationResult)type.GetMethod("Validate", [typeof(JsonElement)])!.Invoke(null, [document.RootElement])!;
        Assert.Equal("/x_note", Assert.Single(result.Errors).Path);

        var thrown = Assert.Throws<TargetInvocationException>(() => type.GetMethod("From")!.Invoke(null, [document.RootElement]));
        Assert.IsType<JsonContractException>(thrown.InnerException);
    }
}

/// <summary>The context a thread keeps between validations must not keep the last validated document alive.</summary>
public class ContextRetentionTests
{
    [Fact]
    public void Validating_a_json_backed_value_does_not_keep_its_document_alive()
    {
        Assembly assembly = GeneratorHarness.Load(GeneratorHarness.Run(("/s/holder.schema.json", """{"properties": {"a": {"type": "integer"}}}""")));
        WeakReference document = ValidateAndForget(assembly);

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.False(document.IsAlive, "the thread's cached ValidationContext still references the document");
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static WeakReference ValidateAndForget(Assembly assembly)
    {
        object value = GeneratorHarness.Parse(assembly, "Holder", """{"a": 1}""").Value!;
        var element = (JsonElement)value.GetType().GetProperty("Value")!.GetValue(value)!;
        object owner = typeof(JsonElement).GetField("_parent", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(element)!;
        Assert.IsAssignableFrom<JsonDocument>(owner);
        Assert.True(((ValidationResult)value.GetType().GetMethod("Validate", Type.EmptyTypes)!.Invoke(value, null)!).IsValid);
        return new WeakReference(owner);
    }
}
