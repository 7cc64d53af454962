using System.Collections.Generic;
using System.Linq;

namespace Insights.Contracts.Runtime;

/// <summary>The outcome of <c>Validate()</c>: valid, or every error found (not only the first).</summary>
public sealed class ValidationResult
{
    /// <summary>The shared result for a valid value; returning it allocates nothing.</summary>
    public static ValidationResult Valid { get; } = new([]);

    internal ValidationResult(IReadOnlyList<ValidationError> errors) => Errors = errors;

    /// <summary>Every error, in document order of discovery.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    /// <summary>True when there are no errors.</summary>
    public bool IsValid => Errors.Count == 0;

    /// <summary>One line per error, <c>&lt;pointer&gt;: &lt;message&gt;</c>; <c>valid</c> when there are none.</summary>
    public override string ToString() => IsValid ? "valid" : string.Join("\n", Errors.Select(e => e.ToString()));
}
