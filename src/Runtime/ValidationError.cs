namespace Insights.Contracts.Runtime;

/// <summary>One reason a JSON document or a contract object is not valid.</summary>
/// <param name="Path">
/// RFC 6901 JSON Pointer to the offending value (<c>/accounts/ids/0</c>); the empty string is the
/// whole document. For a missing required member it points at where that member should be.
/// </param>
/// <param name="Keyword">The JSON Schema keyword that failed (<c>required</c>, <c>format</c>, <c>oneOf</c>...),
/// or <c>syntax</c> when the text is not well-formed JSON.</param>
/// <param name="Message">A sentence a person can act on.</param>
public sealed record ValidationError(string Path, string Keyword, string Message)
{
    /// <summary>Formats as <c>&lt;pointer&gt;: &lt;message&gt;</c>, with <c>(root)</c> for the whole document.</summary>
    public override string ToString() => $"{(Path.Length == 0 ? "(root)" : Path)}: {Message}";
}
