using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Insights.Contracts.Runtime;
using Xunit;

namespace Insights.Contracts.Cli.Tests;

/// <summary>
/// <c>validate --schema S documents...</c>: any documents against any schema, judged by the
/// schema's own generated contract (compiled in memory, cached by the schema's hash), and
/// <c>validate FILE</c> without a contract naming the choices.
/// </summary>
public sealed partial class CliTests
{
    /// <summary>One cache for the whole test run: the first test that compiles a schema pays for it.</summary>
    private static readonly string SchemaCache = Path.Combine(Path.GetTempPath(), "insights-cli-cache-" + Environment.ProcessId);

    private const string PaymentOrder = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "type": "object",
          "required": ["id", "amount", "purpose"],
          "properties": {
            "id": { "type": "string", "format": "uuid" },
            "amount": { "type": "number", "exclusiveMinimum": 0, "multipleOf": 0.01 },
            "purpose": { "type": "string", "minLength": 1, "maxLength": 4, "enum": ["DISP", "FXDR", "PUOR"] },
            "execute_on": { "type": "string", "format": "date" }
          },
          "additionalProperties": false
        }
        """;

    [Fact]
    public void Any_schema_judges_files_and_stdin_with_its_generated_contracts_errors()
    {
        string schema = Path.Combine(_scratch, "payment-order.schema.json");
        File.WriteAllText(schema, PaymentOrder);
        string valid = Path.Combine(_scratch, "ok.json");
        File.WriteAllText(valid, """{"id": "3f2504e0-4f89-11d3-9a0c-0305e82c3301", "amount": 12.5, "purpose": "FXDR"}""");

        Run run = Invoke(
            ["validate", "--schema", schema, "--format", "json", valid, "-"],
            """{"id": "x", "amount": -0.015, "purpose": "OTHR", "execute_on": "2025-02-30", "extra": 1}""");

        Assert.Equal(1, run.ExitCode);
        using JsonDocument report = JsonDocument.Parse(run.Text);
        Assert.Equal(["valid", "invalid"], report.RootElement.EnumerateArray().Select(f => f.GetProperty("status").GetString()));
        Assert.Equal(
            [
                ("/id", "format"), ("/amount", "exclusiveMinimum"), ("/amount", "multipleOf"), ("/purpose", "enum"), ("/execute_on", "format"), ("/extra", "additionalProperties"),
            ],
            report.RootElement[1].GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("pointer").GetString(), e.GetProperty("keyword").GetString())).OrderBy(e => e.Item1 == "/extra").ToArray());
        Assert.Contains("February 2025 has 28 days, so day 30 does not exist", run.Text);
    }

    /// <summary>
    /// The response schema through --schema gives, for every example and corpus document, exactly
    /// the errors of the Insights package's generated InsightsFlowResponse (same generator, same schema).
    /// </summary>
    [Fact]
    public void The_verdicts_and_errors_are_exactly_those_of_the_generated_types()
    {
        string[] documents = Repository.Files("schema/examples", "response-*.json")
            .Concat(Repository.Files("tests/Contracts.Tests/Corpus/response", "*.json")).ToArray();

        Run run = Invoke(["validate", "--schema", "schema/insights-flow-response.schema.json", "--format", "json", .. documents], stdin: []);

        using JsonDocument report = JsonDocument.Parse(run.Text);
        JsonElement[] files = report.RootElement.EnumerateArray().ToArray();
        Assert.Equal(documents.Length, files.Length);
        Assert.Contains(files, f => f.GetProperty("status").GetString() == "valid");
        Assert.Contains(files, f => f.GetProperty("status").GetString() == "invalid");
        for (int i = 0; i < documents.Length; i++)
        {
            var expected = InsightsFlowResponse.Parse(File.ReadAllBytes(documents[i])).Errors.Select(e => (e.Path, e.Keyword, e.Message));
            var actual = files[i].GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("pointer").GetString()!, e.GetProperty("keyword").GetString()!, e.GetProperty("message").GetString()!));
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void A_schema_with_errors_is_reported_at_its_place_and_checks_nothing()
    {
        string schema = Path.Combine(_scratch, "broken.schema.json");
        File.WriteAllText(schema, """{"type": "object", "properties": {"a": {"type": "strng"}}}""");
        string document = Path.Combine(_scratch, "doc.json");
        File.WriteAllText(document, "{}");

        Run run = Invoke("validate", "--schema", schema, document);

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Output);
        Assert.Contains("broken.schema.json(1,49): error ICG005: Keyword 'type' has 'strng', which is not a type", run.Error);
        Assert.Contains("the schema has errors; no document was checked", run.Error);
    }

    [Fact]
    public void A_compiled_schema_is_cached_by_its_hash_and_a_changed_schema_compiled_again()
    {
        string schema = Path.Combine(_scratch, "flag.schema.json");
        string document = Path.Combine(_scratch, "doc.json");
        File.WriteAllText(document, """{"on": true}""");
        File.WriteAllText(schema, """{"type": "object", "properties": {"on": {"type": "boolean"}}}""");

        Run first = Invoke("validate", "--schema", schema, document);
        int cached = Directory.GetFiles(SchemaCache, "*.dll").Length;
        Run again = Invoke("validate", "--schema", schema, document);
        File.WriteAllText(schema, """{"type": "object", "properties": {"on": {"type": "string"}}}""");
        Run changed = Invoke("validate", "--schema", schema, document);

        Assert.Equal((0, 0, 1), (first.ExitCode, again.ExitCode, changed.ExitCode));
        Assert.Equal(first.Text, again.Text);
        Assert.Equal(cached + 1, Directory.GetFiles(SchemaCache, "*.dll").Length);
        Assert.Contains("/on: ", changed.Text);
    }

    [Theory]
    [InlineData("schema/examples/request-all-accounts.json")]
    [InlineData]
    public void Validate_without_a_contract_names_the_choices(params string[] files)
    {
        Run run = Invoke(["validate", .. files], stdin: []);

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Output);
        Assert.Contains("'validate request <file>...', 'validate response <file>...' or 'validate --schema <schema file> <file>...'", run.Error);
    }
}
