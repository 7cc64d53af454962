using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Xunit;

namespace Insights.Contracts.Generator.Tests;

/// <summary>[GeneratedCode] names the version of the package that generated the code.</summary>
public class GeneratedCodeVersionTests
{
    [Fact]
    public void Every_generated_type_carries_the_package_version()
    {
        string version = XDocument.Load(Repository.Path("Directory.Build.props")).Descendants("Version").Single().Value;
        GeneratorOutput output = GeneratorHarness.Run(
            ("order.schema.json", """{"type": "object", "properties": {"status": {"enum": ["open", "closed"]}}}"""),
            ("price.schema.json", """{"oneOf": [{"title": "Free", "const": "free"}, {"title": "Amount", "type": "number"}]}"""));

        GeneratorHarness.AssertCompilesCleanly(output.Compilation);
        string[] versions = output.Sources
            .SelectMany(s => Regex.Matches(s.Source, "GeneratedCode\\(\"Insights.Contracts.Generator\", \"([^\"]*)\"\\)").Select(m => m.Groups[1].Value))
            .ToArray();

        Assert.True(versions.Length >= 3, $"found {versions.Length}");
        Assert.All(versions, v => Assert.Equal(version, v));
    }
}
