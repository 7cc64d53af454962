using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace Insights.Contracts.Testing;

/// <summary>Paths into the repository (schemas, examples), fixed at build time. Linked into every test project.</summary>
internal static class Repository
{
    public static string Root { get; } = typeof(Repository).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    public static byte[] ReadBytes(params string[] parts) => File.ReadAllBytes(Path(parts));

    public static string[] Files(string folder, string pattern) =>
        Directory.GetFiles(Path(folder), pattern).OrderBy(f => f, StringComparer.Ordinal).ToArray();
}
