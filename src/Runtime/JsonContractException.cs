using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace Insights.Contracts.Runtime;

/// <summary>
/// Thrown where the System.Text.Json converter contract demands an exception (JsonSerializer.Deserialize)
/// or by <see cref="ParseResult{T}.GetValueOrThrow"/>. It derives from <see cref="JsonException"/> so
/// existing serializer error handling catches it, and carries every error, not only the first.
/// </summary>
public sealed class JsonContractException : JsonException
{
    /// <summary>Creates the exception for a contract type and its errors.</summary>
    public JsonContractException(string contractName, IReadOnlyList<ValidationError> errors)
        : this(errors, Describe($"The JSON is not a valid {contractName}", errors))
    {
    }

    private JsonContractException(IReadOnlyList<ValidationError> errors, string message)
        : base(message, errors.Count > 0 ? errors[0].Path : null, null, null)
    {
        Errors = errors;
    }

    /// <summary>Every error found.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    /// <summary>For a value built in code that fails its schema where it must not (before it is sent, for example).</summary>
    internal static JsonContractException ForValue(string contractName, IReadOnlyList<ValidationError> errors) =>
        new(errors, Describe($"The {contractName} is not valid", errors));

    private static string Describe(string headline, IReadOnlyList<ValidationError> errors) =>
        $"{headline} ({errors.Count} error{(errors.Count == 1 ? "" : "s")}):\n"
        + string.Join("\n", errors.Select(e => "  " + e));
}
