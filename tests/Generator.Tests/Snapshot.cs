using System;
using System.IO;
using System.Runtime.CompilerServices;
using Xunit;

namespace Insights.Contracts.Generator.Tests;

/// <summary>
/// The Verify workflow in one small helper (Verify itself is not in the reachable registry):
/// the accepted text lives in <c>Snapshots/NAME.verified.cs</c> next to the test and is committed.
/// On a mismatch, or when no verified file exists, the actual text is written to
/// <c>NAME.received.cs</c> (git-ignored) and the test fails. To accept, run
/// <c>scripts/accept-snapshots.sh</c> (moves every received file over its verified file), or run
/// the tests once with <c>ACCEPT_SNAPSHOTS=1</c>. CI never accepts: a missing snapshot fails there.
/// </summary>
internal static class Snapshot
{
    public static void Verify(string actual, string name, [CallerFilePath] string testFile = "")
    {
        string folder = Path.Combine(Path.GetDirectoryName(SourcePath(testFile))!, "Snapshots");
        string verified = Path.Combine(folder, name + ".verified.cs");
        string received = Path.Combine(folder, name + ".received.cs");
        actual = Normalize(actual);
        string? expected = File.Exists(verified) ? Normalize(File.ReadAllText(verified)) : null;

        if (expected == actual)
        {
            File.Delete(received);
            return;
        }

        Directory.CreateDirectory(folder);
        bool accept = Environment.GetEnvironmentVariable("ACCEPT_SNAPSHOTS") == "1" && Environment.GetEnvironmentVariable("CI") != "true";
        File.WriteAllText(accept ? verified : received, actual);
        if (accept)
        {
            return;
        }

        Assert.Fail(expected is null
            ? $"No snapshot yet for '{name}'. Review {received} and accept it with scripts/accept-snapshots.sh."
            : $"Snapshot '{name}' changed. Compare {received} with {verified}; accept with scripts/accept-snapshots.sh if the change is intended.\n{FirstDifference(expected, actual)}");
    }

    /// <summary>
    /// Deterministic CI builds (ContinuousIntegrationBuild) map the repository root to "/_/" in
    /// caller paths; map it back onto the real root, which the build records unmapped.
    /// </summary>
    internal static string SourcePath(string callerPath) =>
        callerPath.StartsWith("/_/", StringComparison.Ordinal) ? Path.Combine(Repository.Root, callerPath.Substring(3)) : callerPath;

    private static string Normalize(string text) => text.Replace("\r\n", "\n").TrimStart('\uFEFF');

    private static string FirstDifference(string expected, string actual)
    {
        string[] expectedLines = expected.Split('\n');
        string[] actualLines = actual.Split('\n');
        for (int i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            string e = i < expectedLines.Length ? expectedLines[i] : "<end of file>";
            string a = i < actualLines.Length ? actualLines[i] : "<end of file>";
            if (e != a)
            {
                return $"First difference at line {i + 1}:\n  verified: {e}\n  received: {a}";
            }
        }

        return "The texts differ only in line endings.";
    }
}
