namespace Insights.Contracts.Runtime;

/// <summary>Justifications shared by the public API analyzer's suppressions.</summary>
internal static class ApiDesign
{
    /// <summary>
    /// RS0026 guards against adding an overload with optional parameters beside another one later
    /// (binary compatibility). These overloads differ in their input type (a stream, a pipe) and end
    /// with an optional <c>CancellationToken</c>, as the BCL's own async readers do; none is ambiguous.
    /// </summary>
    public const string OptionalCancellation = "Overloads by input type, each ending with an optional CancellationToken, as the BCL's readers do.";
}
