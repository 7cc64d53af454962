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

    [Fact]
    public void A_deterministic_ci_build_path_maps_back_into_the_repository()
    {
        // CI builds report this file as "/_/tests/Generator.Tests/..." rather than its real path.
        string mapped = Snapshot.SourcePath("/_/tests/Generator.Tests/SnapshotTests.cs");

        Assert.Equal(Repository.Path("tests", "Generator.Tests", "SnapshotTests.cs"), mapped);
        Assert.True(File.Exists(mapped));
        Assert.Equal("/home/x/Tests.cs", Snapshot.SourcePath("/home/x/Tests.cs"));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
