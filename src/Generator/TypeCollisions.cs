using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Insights.Contracts.Generator.Diagnostics;
using Insights.Contracts.Generator.Model;
using Microsoft.CodeAnalysis.Text;

namespace Insights.Contracts.Generator;

/// <summary>The prefix of the hint names of the file at <paramref name="Path"/>, where its file name alone is not unique.</summary>
internal sealed record HintPrefix(string Path, string Prefix);

/// <summary>Finds types that two schema files would both declare (same namespace and name).</summary>
internal static class TypeCollisions
{
    public static ImmutableEquatableArray<DiagnosticInfo> Find(ImmutableArray<ContractFileSpec> files)
    {
        var owners = new Dictionary<string, List<ContractFileSpec>>(System.StringComparer.Ordinal);
        foreach (ContractFileSpec file in files.OrderBy(f => f.File.Path, System.StringComparer.Ordinal))
        {
            foreach (string type in file.DeclaredTypeNames().Distinct())
            {
                if (!owners.TryGetValue(type, out List<ContractFileSpec>? list))
                {
                    owners[type] = list = [];
                }

                list.Add(file);
            }
        }

        var diagnostics = new List<DiagnosticInfo>();
        foreach (KeyValuePair<string, List<ContractFileSpec>> clash in owners.Where(o => o.Value.Count > 1).OrderBy(o => o.Key, System.StringComparer.Ordinal))
        {
            for (int i = 0; i < clash.Value.Count; i++)
            {
                ContractFileSpec file = clash.Value[i];
                ContractFileSpec other = clash.Value[i == 0 ? 1 : 0];
                diagnostics.Add(new DiagnosticInfo(
                    DiagnosticDescriptors.DuplicateTypeAcrossFiles,
                    new LocationInfo(file.File.Path, new TextSpan(0, 0), default),
                    new[] { clash.Key, file.File.FileName, other.File.FileName }.ToImmutableEquatableArray()));
            }
        }

        return diagnostics.ToImmutableEquatableArray();
    }

    /// <summary>
    /// The hint prefixes of files whose own prefix (their file name) another file has too, compared
    /// without case as Roslyn compares hint names: <c>a/order.schema.json</c> and
    /// <c>b/Order.schema.json</c>. Their generated files are named with the namespace as well, and
    /// where that is shared too (one namespace, file names that differ in case) with the file's
    /// place in the sorted list, since two sources with one hint name make Roslyn throw.
    /// </summary>
    public static ImmutableEquatableArray<HintPrefix> SharedHintPrefixes(ImmutableArray<ContractFileSpec> files)
    {
        var qualified = files.GroupBy(f => f.File.HintPrefix, System.StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1)
            .SelectMany(g => g)
            .OrderBy(f => f.File.Path, System.StringComparer.Ordinal)
            .Select(f => (f.File.Path, Prefix: $"{f.File.HintPrefix}.{Parsing.Naming.ToHintName(f.File.Namespace)}"))
            .ToList();
        return qualified
            .GroupBy(q => q.Prefix, System.StringComparer.OrdinalIgnoreCase)
            .SelectMany(g => g.Count() == 1 ? g : g.Select((q, i) => (q.Path, Prefix: $"{q.Prefix}.{i + 1}")))
            .Select(q => new HintPrefix(q.Path, q.Prefix))
            .OrderBy(h => h.Path, System.StringComparer.Ordinal)
            .ToImmutableEquatableArray();
    }

    /// <summary>True when <paramref name="file"/> is one of the files a collision names.</summary>
    public static bool Involves(ImmutableEquatableArray<DiagnosticInfo> collisions, ContractFileSpec file) =>
        collisions.Any(c => c.Location?.FilePath == file.File.Path);
}
