using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;

namespace Insights.Contracts.Runtime;

/// <summary>
/// The outcome of parsing a document into a contract: a value that is both well-formed and valid
/// against its schema, or the errors. A value that fails validation is never handed out, so code
/// holding a <typeparamref name="T"/> from a parse may rely on every schema rule.
/// </summary>
public sealed class ParseResult<T> where T : class
{
    private ParseResult(T? value, IReadOnlyList<ValidationError> errors)
    {
        Value = value;
        Errors = errors;
    }

    internal static ParseResult<T> Success(T value) => new(value, []);

    internal static ParseResult<T> Failure(IReadOnlyList<ValidationError> errors) => new(null, errors);

    /// <summary>The same outcome, typed as <see cref="object"/>, for code that knows the contract only by its <see cref="System.Type"/>.</summary>
    internal ParseResult<object> AsObject() => new(Value, Errors);

    /// <summary>The parsed value, when <see cref="IsValid"/>.</summary>
    public T? Value { get; }

    /// <summary>Syntax, type and schema errors; empty when <see cref="IsValid"/>.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    /// <summary>True when the document parsed and passed every schema rule.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    public bool IsValid => Value is not null;

    /// <summary>The value, or a <see cref="JsonContractException"/> listing every error.</summary>
    public T GetValueOrThrow() => Value ?? throw new JsonContractException(typeof(T).Name, Errors);

    /// <summary>One line per error, <c>&lt;pointer&gt;: &lt;message&gt;</c>; <c>valid</c> when there are none.</summary>
    public override string ToString() => IsValid ? "valid" : string.Join("\n", Errors.Select(e => e.ToString()));
}
