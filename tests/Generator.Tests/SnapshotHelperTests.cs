using System;
using System.IO;
using Xunit;
using Xunit.Sdk;

namespace Insights.Contracts.Generator.Tests;

/// <summary>The snapshot helper must fail on a change and leave the received text for review.</summary>
public sealed class SnapshotHelperTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "snapshot-test-" + Guid.NewGuid().ToString("N"));

    private string FakeTestFile => Path.Combine(_folder, "FakeTests.cs");

    private string Verified => Path.Combine(_folder, "Snapshots", "case.verified.cs");

    private string Received => Path.Combine(_folder, "Snapshots", "case.received.cs");

    [Fact]
    public void Missing_snapshot_fails_and_writes_received()
    {
        if (Environment.GetEnvironmentVariable("ACCEPT_SNAPSHOTS") == "1")
        {
            return; // Accept mode writes verified files by design; nothing to check here then.
        }

        Assert.Throws<FailException>(() => Snapshot.Verify("class A { }", "case", FakeTestFile));
        Assert.Equal("class A { }", File.ReadAllText(Received));
        Assert.False(File.Exists(Verified));
    }

    [Fact]
    public void Changed_text_fails_and_matching_text_passes_and_cleans_up()
    {
        if (Environment.GetEnvironmentVariable("ACCEPT_SNAPSHOTS") == "1")
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Verified)!);
        File.WriteAllText(Verified, "class A { }\r\n");

        var failure = Assert.Throws<FailException>(() => Snapshot.Verify("class B { }\n", "case", FakeTestFile));
        Assert.Contains("line 1", failure.Message);
        Assert.True(File.Exists(Received));

        Snapshot.Verify("class A { }\n", "case", FakeTestFile); // line endings do not count
        Assert.False(File.Exists(Received));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void Snapshots_of_a_deterministic_ci_build_are_found_in_the_repository()
    {
        // A CI build reports this file as "/_/tests/Generator.Tests/..." rather than its real path.
        string existing = File.ReadAllText(Repository.Path("tests", "Generator.Tests", "Snapshots", "insights-flow-response.FlowData.g.verified.cs"));

        Snapshot.Verify(existing, "insights-flow-response.FlowData.g", "/_/tests/Generator.Tests/SnapshotTests.cs");
    }
}
