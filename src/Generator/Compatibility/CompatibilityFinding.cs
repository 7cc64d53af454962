using System;
using System.Collections.Generic;

namespace Insights.Contracts.Generator.Compatibility;

/// <summary>
/// The compatibility modes of the schema registries. A mode names which readers must keep working:
/// <see cref="Backward"/>, readers of the new schema accept every document valid under the baseline
/// (a service reading requests); <see cref="Forward"/>, readers of the baseline accept every document
/// valid under the new schema (a client reading responses); <see cref="Full"/>, both.
/// </summary>
[Flags]
internal enum CompatibilityMode
{
    None = 0,
    Backward = 1,
    Forward = 2,
    Full = Backward | Forward,
}

/// <summary>What a finding says about the change.</summary>
internal enum FindingKind
{
    /// <summary>Some document is valid under one schema and not under the other (in the direction <see cref="CompatibilityFinding.Breaks"/> names).</summary>
    Incompatible,

    /// <summary><c>default</c> changed: every document still validates the same, but one that leaves the member out means something else.</summary>
    DefaultChanged,

    /// <summary>The check cannot tell whether the change is compatible, and says so rather than guessing.</summary>
    Undecided,
}

/// <summary>
/// One change between a baseline schema and the new one, as plain values (it is a pipeline output).
/// </summary>
/// <param name="Rule">The rule's id (docs/compatibility.md), e.g. <c>maxItems-tightened</c>.</param>
/// <param name="Breaks">The modes under which the change is reported: <see cref="CompatibilityMode.Backward"/> when the new schema rejects a document the baseline accepted, <see cref="CompatibilityMode.Forward"/> when it accepts one the baseline rejected.</param>
/// <param name="Node">The node of the new model the change is at (for its span), or -1 for the root of the file.</param>
/// <param name="Location">That node's location in the new file (<c>#/properties/a</c>).</param>
/// <param name="Keyword">The keyword (or path inside the node: <c>properties/a</c>) that changed, when there is one.</param>
/// <param name="InstancePath">Where in a document the change applies, as a JSON Pointer with <c>*</c> for any item or member name.</param>
internal sealed record CompatibilityFinding(
    string Rule,
    FindingKind Kind,
    CompatibilityMode Breaks,
    string Message,
    int Node,
    string Location,
    string? Keyword,
    string InstancePath)
{
    /// <summary>The JSON Pointer of the changed token in the new file.</summary>
    public string Pointer => Keyword is null ? Location : Location + "/" + Keyword;

    /// <summary>Whether the finding is reported under <paramref name="mode"/>.</summary>
    public bool ReportedUnder(CompatibilityMode mode) => (Breaks & mode) != 0;
}

/// <summary>Mode names as the MSBuild settings and the CLI spell them.</summary>
internal static class CompatibilityModes
{
    public const string Names = "Backward, Forward, Full or None";

    public static bool TryParse(string? text, out CompatibilityMode mode)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "backward":
                mode = CompatibilityMode.Backward;
                return true;
            case "forward":
                mode = CompatibilityMode.Forward;
                return true;
            case "full":
                mode = CompatibilityMode.Full;
                return true;
            case "none":
                mode = CompatibilityMode.None;
                return true;
            default:
                mode = CompatibilityMode.None;
                return false;
        }
    }

    public static string Describe(CompatibilityMode breaks) => breaks switch
    {
        CompatibilityMode.Backward => "Backward",
        CompatibilityMode.Forward => "Forward",
        CompatibilityMode.Full => "Backward and Forward",
        _ => "no mode",
    };

    /// <summary>Findings in a stable order: by place in the new file, then rule.</summary>
    public static IComparer<CompatibilityFinding> Order { get; } = Comparer<CompatibilityFinding>.Create((a, b) =>
    {
        int byPointer = string.CompareOrdinal(a.Pointer, b.Pointer);
        return byPointer != 0 ? byPointer : string.CompareOrdinal(a.Rule, b.Rule);
    });
}
