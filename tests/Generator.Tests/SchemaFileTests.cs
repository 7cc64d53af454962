using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace Insights.Contracts.Generator.Tests;

/// <summary>Whole files that are wrong in ways a single keyword is not: encoding, size, depth, clashing names.</summary>
public class SchemaFileTests
{
    private sealed class EncodedText(string path, byte[] bytes, Encoding encoding) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(bytes, bytes.Length, encoding);
    }

    [Fact]
    public void A_file_the_compiler_could_only_read_as_latin1_is_an_error()
    {
        byte[] latin1 = Encoding.Latin1.GetBytes("""{"type": "object", "description": "Größe"}""");
        GeneratorOutput output = GeneratorHarness.Run(
            GeneratorHarness.CreateDriver([new EncodedText("/s/size.schema.json", latin1, Encoding.Latin1)]),
            GeneratorHarness.CreateCompilation());

        Diagnostic diagnostic = Assert.Single(output.GeneratorDiagnostics);
        Assert.Equal("ICG011", diagnostic.Id);
        Assert.Contains("iso-8859-1", diagnostic.GetMessage());
        Assert.Empty(output.Sources);
    }

    [Fact]
    public void Invalid_utf8_bytes_are_a_warning_at_the_first_bad_byte()
    {
        // What the compiler on .NET does with a Latin-1 file: decode as UTF-8, bad bytes become U+FFFD.
        // It cannot be told from a literal U+FFFD (below), which must never break a build.
        byte[] bytes = [.. Encoding.ASCII.GetBytes("{\"type\": \"object\", \"description\": \"Gr"), 0xF6, 0xDF, .. Encoding.ASCII.GetBytes("e\"}")];
        GeneratorOutput output = GeneratorHarness.Run(
            GeneratorHarness.CreateDriver([new EncodedText("/s/size.schema.json", bytes, new UTF8Encoding(false, throwOnInvalidBytes: false))]),
            GeneratorHarness.CreateCompilation());

        Diagnostic diagnostic = Assert.Single(output.GeneratorDiagnostics);
        Assert.Equal("ICG026", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal(37, diagnostic.Location.SourceSpan.Start); // just after "Gr"
        Assert.NotEmpty(output.Sources);
    }

    [Fact]
    public void A_valid_utf8_file_with_a_literal_replacement_character_generates()
    {
        // A mis-encoded apostrophe kept in a description, in a file the compiler decoded leniently (as a real build does).
        byte[] utf8 = Encoding.UTF8.GetBytes("{\"type\": \"object\", \"description\": \"The customer\uFFFDs name\", \"properties\": {\"n\": {\"type\": \"string\"}}}");
        GeneratorOutput output = GeneratorHarness.Run(
            GeneratorHarness.CreateDriver([new EncodedText("/s/name.schema.json", utf8, new UTF8Encoding(false, throwOnInvalidBytes: false))]),
            GeneratorHarness.CreateCompilation());

        Assert.DoesNotContain(output.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Contains("The customer\uFFFDs name", output.Source("Name.g.cs"));
        GeneratorHarness.AssertCompilesCleanly(output.Compilation);
    }

    [Fact]
    public void An_escaped_replacement_character_is_fine()
    {
        GeneratorOutput output = GeneratorHarness.Run(("/s/a.schema.json", """{"type": "object", "description": "\uFFFD"}"""));

        Assert.Empty(output.GeneratorDiagnostics);
    }

    [Fact]
    public void A_utf8_file_with_non_ascii_text_is_fine()
    {
        byte[] utf8 = Encoding.UTF8.GetBytes("""{"type": "object", "description": "Größe 😀", "properties": {"größe": {"type": "string"}}}""");
        GeneratorOutput output = GeneratorHarness.Run(
            GeneratorHarness.CreateDriver([new EncodedText("/s/size.schema.json", utf8, Encoding.UTF8)]),
            GeneratorHarness.CreateCompilation());

        Assert.Empty(output.GeneratorDiagnostics);
        Assert.Contains("public string? Größe { get; init; }", output.Source("Size.g.cs"));
        GeneratorHarness.AssertCompilesCleanly(output.Compilation);
    }

    [Fact]
    public void Two_files_declaring_the_same_type_are_both_reported_and_neither_generated()
    {
        GeneratorOutput output = GeneratorHarness.Run(
            ("/a/order.schema.json", """{"type": "object"}"""),
            ("/b/order.schema.json", """{"type": "object", "properties": {"id": {"type": "string"}}}"""),
            ("/c/customer.schema.json", """{"type": "object"}"""));

        var clashes = output.GeneratorDiagnostics.Where(d => d.Id == "ICG012").ToList();
        Assert.Equal(["/a/order.schema.json", "/b/order.schema.json"], clashes.Select(d => d.Location.GetLineSpan().Path).OrderBy(p => p));
        Assert.All(clashes, d => Assert.Contains("Test.Contracts.Order", d.GetMessage()));
        Assert.Equal(["customer.Customer.g.cs"], output.Sources.Select(s => s.HintName));
        GeneratorHarness.AssertCompilesCleanly(output.Compilation);
    }

    [Fact]
    public void Two_files_of_one_name_in_two_namespaces_both_generate()
    {
        // Their generated files would share a hint name, which makes Roslyn throw: the namespace tells them apart.
        const string schema = """{"type": "object", "properties": {"line": {"$ref": "#/$defs/line"}}, "$defs": {"line": {"type": "object"}}}""";
        var texts = new[] { new InMemoryAdditionalText("/a/order.schema.json", schema), new InMemoryAdditionalText("/b/order.schema.json", schema), new InMemoryAdditionalText("/c/customer.schema.json", """{"type": "object"}""") };
        var perFile = new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["/a/order.schema.json"] = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.Namespace"] = "Shop.Sales" },
            ["/b/order.schema.json"] = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.Namespace"] = "Shop.Returns" },
        };
        GeneratorOutput output = GeneratorHarness.Run(
            GeneratorHarness.CreateDriver(texts, new TestOptionsProvider(new Dictionary<string, string>(), perFile)),
            GeneratorHarness.CreateCompilation());

        Assert.Empty(output.GeneratorDiagnostics);
        Assert.Equal(
            ["customer.Customer.g.cs", "order.Shop.Returns.Line.g.cs", "order.Shop.Returns.Order.g.cs", "order.Shop.Sales.Line.g.cs", "order.Shop.Sales.Order.g.cs"],
            output.Sources.Select(s => s.HintName).Order(System.StringComparer.Ordinal));
        GeneratorHarness.AssertCompilesCleanly(output.Compilation);
    }

    [Fact]
    public void A_definition_named_like_the_root_type_is_renamed_with_a_warning()
    {
        const string schema = """{"type": "object", "properties": {"next": {"$ref": "#/$defs/Order"}}, "$defs": {"Order": {"type": "object"}}}""";
        GeneratorOutput output = GeneratorHarness.Run(("/s/order.schema.json", schema));

        Diagnostic diagnostic = Assert.Single(output.GeneratorDiagnostics);
        Assert.Equal("ICG008", diagnostic.Id);
        Assert.Equal(new TextSpan(schema.IndexOf("\"Order\":", System.StringComparison.Ordinal), "\"Order\"".Length), diagnostic.Location.SourceSpan);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Contains("'Order2'", diagnostic.GetMessage());
        Assert.Contains("public global::Test.Contracts.Order2? Next", output.Source("order.Order.g.cs"));
        GeneratorHarness.AssertCompilesCleanly(output.Compilation);
    }

    [Theory]
    [InlineData("My-Contracts")]
    [InlineData("My.class")]
    [InlineData("2fa.Contracts")]
    [InlineData("My..Contracts")]
    public void An_invalid_namespace_is_an_error_not_broken_code(string ns)
    {
        var options = new TestOptionsProvider(new Dictionary<string, string> { ["build_property.RootNamespace"] = ns });
        GeneratorOutput output = GeneratorHarness.Run(
            GeneratorHarness.CreateDriver([new InMemoryAdditionalText("/s/a.schema.json", """{"type": "object"}""")], options),
            GeneratorHarness.CreateCompilation());

        Assert.Equal("ICG013", Assert.Single(output.GeneratorDiagnostics).Id);
        Assert.Empty(output.Sources);
    }

    [Fact]
    public void A_10_MB_schema_generates_code_that_compiles()
    {
        // 200 properties, each with a 50 KB description: 10 MB of schema text.
        string description = new('x', 50_000);
        string properties = string.Join(",", Enumerable.Range(0, 200).Select(i => $"\"p{i}\": {{\"type\": \"integer\", \"minimum\": {i}, \"description\": \"{description}\"}}"));
        string schema = $"{{\"type\": \"object\", \"properties\": {{{properties}}}}}";
        Assert.True(schema.Length > 10_000_000);

        GeneratorOutput output = GeneratorHarness.Run(("/s/big.schema.json", schema));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var errors = output.Compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        System.Console.WriteLine($"compiling the generated code of a 10 MB schema: {clock.ElapsedMilliseconds} ms");

        Assert.Empty(output.GeneratorDiagnostics);
        Assert.Contains("public long? P199 { get; init; }", output.Source("big.Big.g.cs"));
        Assert.Empty(errors);
    }

    [Fact]
    public void A_schema_nested_10000_deep_is_a_diagnostic_not_a_stack_overflow()
    {
        string schema = new string('[', 10_000) + new string(']', 10_000);

        Diagnostic diagnostic = Assert.Single(GeneratorHarness.Run(("/s/deep.schema.json", schema)).GeneratorDiagnostics);

        Assert.Equal("ICG001", diagnostic.Id);
        Assert.Contains("deeper than 256", diagnostic.GetMessage());
    }

    [Fact]
    public void Deeply_nested_inline_objects_each_become_a_type_that_compiles()
    {
        // 200 levels of inline objects: within the reader's depth, and every level becomes a type.
        string schema = string.Concat(Enumerable.Repeat("{\"type\": \"object\", \"properties\": {\"child\": ", 120)) + "{\"type\": \"string\"}" + new string('}', 240);

        GeneratorOutput output = GeneratorHarness.Run(("/s/nested.schema.json", schema));

        Assert.Empty(output.GeneratorDiagnostics);
        Assert.Equal(120, output.Sources.Count);
        GeneratorHarness.AssertCompilesCleanly(output.Compilation);
    }
}

/// <summary>The dialect of a file without <c>$schema</c>: the <c>JsonSchemaDialect</c> property for the project, item metadata for one file.</summary>
public class DialectSettingTests
{
    // A draft-07 tuple: array "items" with "additionalItems". In 2020-12 "items" must be a schema.
    private const string Tuple = """{"type": "object", "properties": {"point": {"type": "array", "items": [{"type": "number"}, {"type": "number"}], "additionalItems": false}}}""";

    private static IReadOnlyList<Diagnostic> Diagnostics(Dictionary<string, string> global, Dictionary<string, string>? file = null)
    {
        var perFile = new Dictionary<string, IReadOnlyDictionary<string, string>>();
        if (file is not null)
        {
            perFile["/s/shape.schema.json"] = file;
        }

        GeneratorOutput output = GeneratorHarness.Run(
            GeneratorHarness.CreateDriver([new InMemoryAdditionalText("/s/shape.schema.json", Tuple)], new TestOptionsProvider(global, perFile)),
            GeneratorHarness.CreateCompilation());
        return output.GeneratorDiagnostics;
    }

    [Fact]
    public void Without_a_setting_a_file_is_read_as_2020_12()
    {
        Assert.Contains(Diagnostics([]), d => d.Id == "ICG005" && d.GetMessage().Contains("items"));
    }

    [Fact]
    public void The_project_property_sets_the_dialect()
    {
        // The tuple is read, and held as a JsonAny member (a warning: it asks for an array): the
        // message names the draft's own keyword.
        Diagnostic only = Assert.Single(Diagnostics(new() { ["build_property.JsonSchemaDialect"] = "draft-07" }));
        Assert.Equal("ICG018", only.Id);
        Assert.Contains("'items' has no C# shape on an array", only.GetMessage());
    }

    [Fact]
    public void Item_metadata_overrides_the_project_property()
    {
        Assert.Contains(
            Diagnostics(new() { ["build_property.JsonSchemaDialect"] = "draft-07" }, new() { ["build_metadata.AdditionalFiles.JsonSchemaDialect"] = "2020-12" }),
            d => d.Id == "ICG005");
        Assert.Equal(["ICG018"], Diagnostics([], new() { ["build_metadata.AdditionalFiles.JsonSchemaDialect"] = "draft7" }).Select(d => d.Id));
    }

    [Fact]
    public void A_setting_that_names_no_draft_is_reported_and_the_default_used()
    {
        IReadOnlyList<Diagnostic> diagnostics = Diagnostics(new() { ["build_property.JsonSchemaDialect"] = "draft-08" });
        Assert.Contains(diagnostics, d => d.Id == "ICG014" && d.GetMessage().Contains("'draft-08'"));
        Assert.Contains(diagnostics, d => d.Id == "ICG005");
    }
}
