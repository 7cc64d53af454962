using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Insights.Contracts.Runtime;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace Insights.Contracts.Generator.Tests;

/// <summary>
/// The same generator through Microsoft.CodeAnalysis.Testing, the harness analyzer authors use:
/// diagnostics are declared with their exact span and the expected generated files.
/// </summary>
public class AnalyzerTestingTests
{
    private static CSharpSourceGeneratorTest<ContractGenerator, DefaultVerifier> CreateTest()
    {
        var test = new CSharpSourceGeneratorTest<ContractGenerator, DefaultVerifier>
        {
            // No download: compile against the running runtime's own assemblies and the contracts runtime.
            ReferenceAssemblies = new ReferenceAssemblies("net10.0"),
        };
        string[] platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        foreach (string path in platform.Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll"))
        {
            test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(path));
        }

        test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(ValidationError).Assembly.Location));
        return test;
    }

    [Fact]
    public async Task Unresolvable_reference_is_an_error_at_the_reference_and_generates_nothing()
    {
        var test = CreateTest();
        test.TestState.Sources.Add("class UserCode { }");
        test.TestState.AdditionalFiles.Add(("/s/a.schema.json", """{"type": "object", "properties": {"x": {"$ref": "#/$defs/Nope"}}}"""));
        test.TestState.ExpectedDiagnostics.Add(
            new DiagnosticResult("ICG002", DiagnosticSeverity.Error)
                .WithSpan("/s/a.schema.json", 1, 49, 1, 63)
                .WithArguments("#/$defs/Nope", "there is no '$defs' at that point of the document (it has: type, properties); point the reference at a schema that exists"));

        await test.RunAsync();
    }

    [Fact]
    public async Task Typo_keyword_is_a_warning_and_the_contract_still_compiles()
    {
        var test = CreateTest();
        test.TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck; // the source itself is covered by snapshot tests
        test.TestState.Sources.Add("class UserCode { Test.Contracts.A Make() => new() { X = \"x\" }; }");
        test.TestState.AdditionalFiles.Add(("/s/a.schema.json", "{\"type\": \"object\",\n \"requird\": [],\n \"properties\": {\"x\": {\"type\": \"string\"}}}"));
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.RootNamespace = Test.Contracts\n"));
        test.TestState.ExpectedDiagnostics.Add(
            new DiagnosticResult("ICG010", DiagnosticSeverity.Warning).WithSpan("/s/a.schema.json", 2, 2, 2, 11).WithArguments("requird", "is not a JSON Schema keyword", "correct its spelling, start a vendor extension with 'x-', or list it in JsonSchemaAnnotationKeywords; did you mean 'required'?"));

        await test.RunAsync();
    }

    [Fact]
    public async Task A_union_of_types_is_generated_as_a_json_backed_value_that_user_code_can_call()
    {
        var test = CreateTest();
        test.TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck; // the source itself is covered by snapshot tests
        test.TestState.Sources.Add("""
            class UserCode
            {
                bool Check(string json) => Test.Contracts.Amount.Parse(json) is { IsValid: true, Value.Value.ValueKind: System.Text.Json.JsonValueKind.Number };
            }
            """);
        test.TestState.AdditionalFiles.Add(("/s/amount.schema.json", "{\"type\": [\"number\", \"string\"],\n \"minimum\": 0}"));
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.RootNamespace = Test.Contracts\n"));
        test.TestState.ExpectedDiagnostics.Add(
            new DiagnosticResult("ICG016", DiagnosticSeverity.Info)
                .WithSpan("/s/amount.schema.json", 1, 10, 1, 30)
                .WithArguments("Amount", "the root schema does not say it is one JSON object (\"type\": \"object\")"));

        await test.RunAsync();
    }

    [Fact]
    public async Task A_reference_into_a_document_given_by_uri_resolves()
    {
        var test = CreateTest();
        test.TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
        test.TestState.Sources.Add("class UserCode { bool Check() => Test.Contracts.Price.Parse(\"1.5\").IsValid; }");
        test.TestState.AdditionalFiles.Add(("/s/price.schema.json", """{"$ref": "https://example.com/money.json#/$defs/amount"}"""));
        test.TestState.AdditionalFiles.Add(("/s/common/money.json", """{"$defs": {"amount": {"type": "number", "minimum": 0}}}"""));
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.RootNamespace = Test.Contracts\n"));
        test.TestState.AnalyzerConfigFiles.Add(("/s/common/.editorconfig", "[money.json]\nbuild_metadata.AdditionalFiles.JsonSchemaUri = https://example.com/money.json\n"));
        test.TestState.ExpectedDiagnostics.Add(
            new DiagnosticResult("ICG016", DiagnosticSeverity.Info).WithSpan("/s/price.schema.json", 1, 1, 1, 57).WithArguments("Price", "the root schema does not say it is one JSON object (\"type\": \"object\")"));

        await test.RunAsync();
    }
}
