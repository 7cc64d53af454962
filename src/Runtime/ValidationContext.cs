using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text;
using System;
using Insights.Contracts.Runtime.CompilerServices;

namespace Insights.Contracts.Runtime;

/// <summary>
/// Collects errors while generated code reads or validates a contract, and tracks where it is in
/// the document so each error gets a JSON Pointer. The path is kept as a stack of segments
/// (constant property names and integer indexes) and only turned into a string when an error is
/// reported, so a valid document costs no string work.
/// </summary>
public sealed class ValidationContext
{
    [ThreadStatic]
    private static ValidationContext? t_cached;

    private PathSegment[] _path = new PathSegment[8];
    private JsonProperty[]? _members;
    private int _depth;
    private List<ValidationError>? _errors;

    /// <summary>
    /// A context for one parse or validation, reused per thread so that checking a valid value
    /// allocates nothing. Give it back with <see cref="Return"/>; a nested call while one is out
    /// (a custom rule that validates another contract) simply gets a new one.
    /// </summary>
    internal static ValidationContext Rent()
    {
        ValidationContext? context = t_cached;
        t_cached = null;
        return context ?? new ValidationContext();
    }

    /// <summary>Clears <paramref name="context"/> and keeps it for the next <see cref="Rent"/> on this thread.</summary>
    internal static void Return(ValidationContext context)
    {
        // Members hold their JsonDocument: a context kept for the thread must not keep the last one alive.
        if (context._members is { } members)
        {
            Array.Clear(members);
        }

        context._depth = 0;
        context._errors?.Clear();
        t_cached = context;
    }

    /// <summary>Number of errors reported so far.</summary>
    public int ErrorCount => _errors?.Count ?? 0;

    /// <summary>True once any error has been reported.</summary>
    public bool HasErrors => ErrorCount > 0;

    /// <summary>Enters the member <paramref name="name"/> of the current object.</summary>
    public void PushProperty(string name) => Push(new PathSegment(name, -1));

    /// <summary>
    /// Enters the member <paramref name="member"/> of the current object. Its name is only decoded
    /// if an error is reported inside it, so walking a valid JSON document allocates no names.
    /// </summary>
    public void PushProperty(JsonProperty member)
    {
        // Kept apart from the segments, so typed contracts (which push names) do not pay for it.
        if (_members is null || _members.Length <= _depth)
        {
            Array.Resize(ref _members, Math.Max(8, _depth * 2));
        }

        _members[_depth] = member;
        Push(new PathSegment(null, -1));
    }

    /// <summary>Enters element <paramref name="index"/> of the current array.</summary>
    public void PushIndex(int index) => Push(new PathSegment(null, index));

    /// <summary>Leaves the segment entered last.</summary>
    public void Pop() => _depth--;

    /// <summary>Reports an error at the current location.</summary>
    public void AddError(string keyword, string message) =>
        (_errors ??= []).Add(new ValidationError(CurrentPointer(null), keyword, message));

    /// <summary>Reports an error at the current location and returns false, for checks written as <c>ok || (context?.Fail(...) ?? false)</c>.</summary>
    public bool Fail(string keyword, string message)
    {
        AddError(keyword, message);
        return false;
    }

    /// <summary>Reports an error at the member <paramref name="property"/> of the current object.</summary>
    public void AddErrorAt(string property, string keyword, string message) =>
        (_errors ??= []).Add(new ValidationError(CurrentPointer(property), keyword, message));

    /// <summary>Reports that the required member <paramref name="property"/> is missing.</summary>
    public void AddRequiredMissing(string property) =>
        AddErrorAt(property, "required", ErrorMessages.Required(property));

    /// <summary>Reports a JSON value of the wrong type at the current location.</summary>
    public void AddTypeMismatch(string expected, JsonTokenType actual) =>
        AddError("type", ErrorMessages.Type(expected, ErrorMessages.Describe(actual)));

    /// <summary>
    /// A fresh context at the current location, for explaining why an <c>anyOf</c>/<c>oneOf</c>
    /// branch failed without adding its errors here. Only used on failure paths.
    /// </summary>
    public ValidationContext CreateBranch()
    {
        var branch = new ValidationContext { _path = (PathSegment[])_path.Clone(), _members = (JsonProperty[]?)_members?.Clone(), _depth = _depth };
        return branch;
    }

    /// <summary>
    /// Turns the errors reported since there were <paramref name="count"/> into one error of
    /// <paramref name="keyword"/> (<c>oneOf</c>/<c>anyOf</c>) at the current location, naming the
    /// first: a value read as the branch its JSON type chose failed that branch, so it matches none.
    /// </summary>
    public void ReplaceErrorsSince(int count, string keyword, string branch)
    {
        if (_errors is null || _errors.Count <= count)
        {
            return;
        }

        ValidationError first = _errors[count];
        _errors.RemoveRange(count, _errors.Count - count);
        AddError(keyword, ErrorMessages.NoBranchMatched(keyword, [$"{branch}: {first}"]));
    }

    /// <summary>The first error reported so far, if any.</summary>
    public ValidationError? FirstError => _errors is { Count: > 0 } ? _errors[0] : null;

    /// <summary>The errors reported so far, as a result.</summary>
    public ValidationResult ToResult() => _errors is { Count: > 0 } ? new ValidationResult(_errors.ToArray()) : ValidationResult.Valid;

    internal IReadOnlyList<ValidationError> Errors => _errors is null ? [] : _errors.ToArray();

    /// <summary>The JSON Pointer of the current location (RFC 6901, <c>~</c> and <c>/</c> escaped).</summary>
    public string CurrentPointer() => CurrentPointer(null);

    private string CurrentPointer(string? extraProperty)
    {
        if (_depth == 0 && extraProperty is null)
        {
            return string.Empty;
        }

        var builder = new StringBuilder();
        for (int i = 0; i < _depth; i++)
        {
            builder.Append('/');
            PathSegment segment = _path[i];
            if (segment.Index >= 0)
            {
                builder.Append(segment.Index.ToString(CultureInfo.InvariantCulture));
            }
            else
            {
                AppendEscaped(builder, segment.Name ?? _members![i].Name);
            }
        }

        if (extraProperty is not null)
        {
            builder.Append('/');
            AppendEscaped(builder, extraProperty);
        }

        return builder.ToString();
    }

    private static void AppendEscaped(StringBuilder builder, string name)
    {
        foreach (char c in name)
        {
            _ = c switch
            {
                '~' => builder.Append("~0"),
                '/' => builder.Append("~1"),
                _ => builder.Append(c),
            };
        }
    }

    private void Push(PathSegment segment)
    {
        if (_depth == _path.Length)
        {
            Array.Resize(ref _path, _path.Length * 2);
        }

        _path[_depth++] = segment;
    }

    /// <summary>A member by name (or, when <see cref="Name"/> is null, the JsonProperty kept at the same depth) or an array index.</summary>
    private readonly record struct PathSegment(string? Name, int Index);
}
