using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Insights.Contracts.Generator.Tests;

/// <summary>
/// String enums with length bounds, as banking API descriptions write their ISO code lists
/// (<c>{"type": "string", "minLength": 1, "maxLength": 4, "enum": ["DISP", "FXDR"]}</c>): still a
/// C# enum. Bounds every value meets are redundant and said nothing about; a value they reject can
/// never be valid, which is a warning (ICG030) and no member.
/// </summary>
public class BoundedEnumTests
{
    private const string Path = "/s/payment-order.schema.json";

    [Fact]
    public void A_string_enum_whose_values_meet_its_length_bounds_is_a_CSharp_enum_without_a_diagnostic()
    {
        GeneratorOutput output = GeneratorHarness.RunAndCompile((Path, """
            {
              "type": "object",
              "required": ["purpose"],
              "properties": {
                "purpose": { "type": "string", "minLength": 1, "maxLength": 4, "enum": ["DISP", "FXDR", "PUOR"] }
              }
            }
            """));

        Assert.Contains("public required global::Test.Contracts.PaymentOrderPurpose Purpose { get; init; }", output.Source("PaymentOrder.g.cs"));
        Assert.Contains("    FXDR,", output.Source("PaymentOrderPurpose.g.cs"));

        Assembly assembly = GeneratorHarness.Load(output);
        Assert.Empty(GeneratorHarness.Parse(assembly, "PaymentOrder", """{"purpose": "FXDR"}""").Errors);
        Assert.Equal("/purpose", Assert.Single(GeneratorHarness.Parse(assembly, "PaymentOrder", """{"purpose": "OTHR"}""").Errors).Path);
    }

    [Fact]
    public void A_value_the_bounds_reject_is_a_warning_at_the_value_and_never_valid()
    {
        const string schema = """
            {
              "type": "object",
              "properties": {
                "code": { "type": "string", "minLength": 2, "maxLength": 4, "enum": ["AB", "TOOLONG", "X", "ABCD"] }
              }
            }
            """;
        GeneratorOutput output = GeneratorHarness.Run((Path, schema));

        Diagnostic[] warnings = output.GeneratorDiagnostics.ToArray();
        Assert.All(warnings, d => Assert.Equal(("ICG030", DiagnosticSeverity.Warning), (d.Id, d.Severity)));
        Assert.Equal(
            [
                "The enum value \"TOOLONG\" is 7 code points long, longer than its 'maxLength' (4) allows, so it can never be valid and the C# enum has no member for it; remove the value or correct the bound",
                "The enum value \"X\" is 1 code point long, shorter than its 'minLength' (2) allows, so it can never be valid and the C# enum has no member for it; remove the value or correct the bound",
            ],
            warnings.Select(d => d.GetMessage()));
        Assert.Equal(["\"TOOLONG\"", "\"X\""], warnings.Select(d => schema.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length)));

        GeneratorHarness.AssertCompilesCleanly(output.Compilation);
        string code = output.Source("PaymentOrderCode.g.cs");
        Assert.Contains("    ABCD,", code);
        Assert.DoesNotContain("TOOLONG", code);
        Assembly assembly = GeneratorHarness.Load(output);
        Assert.Equal("/code", Assert.Single(GeneratorHarness.Parse(assembly, "PaymentOrder", """{"code": "TOOLONG"}""").Errors).Path);
        Assert.Empty(GeneratorHarness.Parse(assembly, "PaymentOrder", """{"code": "ABCD"}""").Errors);
    }
}
