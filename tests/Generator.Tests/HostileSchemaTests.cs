using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Insights.Contracts.Generator.Tests;

/// <summary>
/// Schemas written to hurt the generator: nesting and reference chains thousands deep, hostile
/// names. The generator runs on a thread with a small stack (the compiler may run it on a 1 MB
/// thread-pool thread), so unbounded recursion shows as a crashed test host here, not only in a
/// user's build. Whatever it reports, no exception escapes, and what it generates compiles.
/// </summary>
public class HostileSchemaTests
{
    private const int StackSize = 1024 * 1024;

    public static TheoryData<string, string> DeepSchemas()
    {
        var data = new TheoryData<string, string>
        {
            { "nested-arrays-in-a-default", """{"type":"object","properties":{"v":{"default":""" + Repeat("[", 20_000) + Repeat("]", 20_000) + "}}}" },
            { "nested-objects-in-an-enum", """{"enum":[""" + Repeat("""{"a":""", 20_000) + "1" + Repeat("}", 20_000) + "]}" },
            { "properties-3000-deep", """{"type":"object","properties":{"a":""" + Repeat("""{"type":"object","properties":{"a":""", 3000) + """{"type":"string"}""" + Repeat("}}", 3000) + "}}" },
            { "properties-100-deep", """{"type":"object","properties":{"a":""" + Repeat("""{"type":"object","properties":{"a":""", 100) + """{"type":"string"}""" + Repeat("}}", 100) + "}}" },
            { "items-3000-deep", """{"type":"object","properties":{"a":""" + Repeat("""{"type":"array","items":""", 3000) + """{"type":"integer"}""" + Repeat("}", 3000) + "}}" },
            { "allOf-3000-deep", """{"type":"object","properties":{"a":""" + Repeat("""{"allOf":[""", 3000) + """{"type":"integer"}""" + Repeat("]}", 3000) + "}}" },
            { "anyOf-3000-deep", """{"type":"object","properties":{"a":""" + Repeat("""{"anyOf":[{"type":"string"},""", 3000) + """{"type":"integer"}""" + Repeat("]}", 3000) + "}}" },
            { "not-3000-deep", """{"type":"object","properties":{"a":""" + Repeat("""{"not":""", 3000) + """{"type":"integer"}""" + Repeat("}", 3000) + "}}" },
            { "ref-chain-3000", RefChain(3000, i => Step("""{"$ref":"#/$defs/dNEXT"}""", i), """{"type":"string","minLength":1}""") },
            { "ref-chain-of-objects-300", RefChain(300, i => Step("""{"type":"object","properties":{"next":{"$ref":"#/$defs/dNEXT"}}}""", i), """{"type":"string"}""") },
            { "allOf-ref-chain-300", RefChain(300, i => Step("""{"allOf":[{"$ref":"#/$defs/dNEXT"}],"properties":{"pTHIS":{"type":"integer"}}}""", i), """{"type":"object"}""") },
            { "map-ref-chain-300", RefChain(300, i => Step("""{"type":"object","additionalProperties":{"$ref":"#/$defs/dNEXT"}}""", i), """{"type":"boolean"}""") },
            { "union-ref-chain-300", RefChain(300, i => Step("""{"oneOf":[{"type":"string"},{"type":"array","items":{"$ref":"#/$defs/dNEXT"}}]}""", i), """{"type":"integer"}""") },
        };
        return data;
    }

    [Theory]
    [MemberData(nameof(DeepSchemas))]
    public void Deep_schemas_never_crash_the_generator_and_what_it_emits_compiles(string name, string schema)
    {
        GeneratorOutput? output = null;
        Exception? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    output = GeneratorHarness.Run(($"/schemas/{name}.schema.json", schema));
                }
                catch (Exception e)
                {
                    failure = e;
                }
            },
            StackSize);
        thread.Start();
        thread.Join();

        Assert.Null(failure);
        Assert.NotNull(output);
        Assert.All(output.Driver.GetRunResult().Results, r => Assert.Null(r.Exception));
        Assert.DoesNotContain(output.GeneratorDiagnostics, d => d.Id == "ICG999");
        if (output.Sources.Count > 0)
        {
            GeneratorHarness.AssertCompilesCleanly(output.Compilation);
        }
        else
        {
            Assert.Contains(output.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        }
    }

    /// <summary><paramref name="template"/> with THIS and NEXT replaced by the numbers of this definition and the next.</summary>
    private static string Step(string template, int i) =>
        template.Replace("NEXT", (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("THIS", i.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    [Fact]
    public void A_stack_with_nothing_to_spare_gets_an_error_at_the_file_not_a_crash()
    {
        // The compiler's thread is not this small, but a guard that only works on large stacks guards nothing.
        string schema = """{"type":"object","properties":{"a":""" + Repeat("""{"type":"object","properties":{"a":""", 100) + """{"type":"string"}""" + Repeat("}}", 100) + "}}";
        GeneratorOutput? output = null;
        Exception? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    output = GeneratorHarness.Run(("/schemas/deep.schema.json", schema));
                }
                catch (Exception e)
                {
                    failure = e;
                }
            },
            160 * 1024);
        thread.Start();
        thread.Join();

        Assert.Null(failure);
        Diagnostic error = Assert.Single(output!.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("ICG025", error.Id);
        Assert.Equal("/schemas/deep.schema.json", error.Location.GetLineSpan().Path);
    }

    private static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();

    /// <summary>A root that references d0, and definitions d0 … d(n-1) of which each reaches the next; the last is <paramref name="last"/>.</summary>
    private static string RefChain(int count, Func<int, string> definition, string last)
    {
        IEnumerable<string> definitions = Enumerable.Range(0, count).Select(i => $"\"d{i}\":{definition(i)}").Append($"\"d{count}\":{last}");
        return """{"type":"object","properties":{"root":{"$ref":"#/$defs/d0"}},"$defs":{""" + string.Join(",", definitions) + "}}";
    }
}
