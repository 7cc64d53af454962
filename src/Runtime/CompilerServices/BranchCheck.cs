using System;
using System.Collections.Generic;
using System.ComponentModel;

namespace Insights.Contracts.Runtime.CompilerServices;

/// <summary>A generated validator for one schema: true when <paramref name="value"/> is valid; errors go to a non-null context.</summary>
/// <typeparam name="T">What it validates: a typed record, or a <c>JsonElement</c>.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate bool SchemaValidator<in T>(T value, ValidationContext? context);

/// <summary>
/// The applicators that choose among branches (<c>anyOf</c>, <c>oneOf</c>, <c>not</c>), for typed
/// records and JSON-backed values alike. Matching asks each branch without a context; only when the
/// value fails are the branches run again with one, to say why each did not match.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class BranchCheck
{
    /// <summary><c>anyOf</c>: at least one branch matches.</summary>
    public static bool AnyOf<T>(T value, SchemaValidator<T>[] branches, string?[] titles, ValidationContext? context)
    {
        foreach (SchemaValidator<T> branch in branches)
        {
            if (branch(value, null))
            {
                return true;
            }
        }

        return NoBranchMatched(value, "anyOf", branches, titles, context);
    }

    /// <summary><c>oneOf</c>: exactly one branch matches.</summary>
    public static bool OneOf<T>(T value, SchemaValidator<T>[] branches, string?[] titles, ValidationContext? context)
    {
        int first = -1;
        for (int i = 0; i < branches.Length; i++)
        {
            if (!branches[i](value, null))
            {
                continue;
            }

            if (first >= 0)
            {
                return OneOfFailed(value, branches, titles, context);
            }

            first = i;
        }

        return first >= 0 || NoBranchMatched(value, "oneOf", branches, titles, context);
    }

    /// <summary>
    /// Reports a <c>oneOf</c> that generated code found not to match exactly one branch (it tests
    /// the branches itself, without delegates): none, each with why, or the several that matched.
    /// </summary>
    public static bool OneOfFailed<T>(T value, SchemaValidator<T>[] branches, string?[] titles, ValidationContext? context)
    {
        if (context is null)
        {
            return false;
        }

        var matched = new List<string>();
        for (int i = 0; i < branches.Length; i++)
        {
            if (branches[i](value, null))
            {
                matched.Add(titles[i] ?? $"branch {i}");
            }
        }

        return matched.Count == 0
            ? NoBranchMatched(value, "oneOf", branches, titles, context)
            : context.Fail("oneOf", ErrorMessages.SeveralBranchesMatched(matched));
    }

    /// <summary>
    /// Reports why none of the branches of an <c>anyOf</c>/<c>oneOf</c> matched: each branch, by
    /// its title or index, with its first error.
    /// </summary>
    public static bool NoBranchMatched<T>(T value, string keyword, SchemaValidator<T>[] branches, string?[] titles, ValidationContext? context)
    {
        if (context is null)
        {
            return false;
        }

        var reasons = new List<string>(branches.Length);
        for (int i = 0; i < branches.Length; i++)
        {
            ValidationContext branch = context.CreateBranch();
            branches[i](value, branch);
            string name = titles[i] ?? $"branch {i}";
            reasons.Add(branch.FirstError is { } error ? $"{name}: {error}" : name);
        }

        return context.Fail(keyword, ErrorMessages.NoBranchMatched(keyword, reasons));
    }

    /// <summary>The index of the first branch <paramref name="value"/> matches, or -1.</summary>
    public static int FirstMatch<T>(T value, SchemaValidator<T>[] branches)
    {
        for (int i = 0; i < branches.Length; i++)
        {
            if (branches[i](value, null))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// The branch a union reads a value as: for <c>oneOf</c> (<paramref name="exactlyOne"/>) the one
    /// branch it matches, for <c>anyOf</c> the first; -1 when there is none.
    /// </summary>
    public static int Select<T>(T value, SchemaValidator<T>[] branches, bool exactlyOne)
    {
        ArgumentNullException.ThrowIfNull(branches);
        int first = -1;
        for (int i = 0; i < branches.Length; i++)
        {
            if (!branches[i](value, null))
            {
                continue;
            }

            if (!exactlyOne)
            {
                return i;
            }

            if (first >= 0)
            {
                return -1;
            }

            first = i;
        }

        return first;
    }

    /// <summary>
    /// <c>oneOf</c> for a value built in code as the alternative <paramref name="index"/> (already
    /// valid as that): it must match no other branch.
    /// </summary>
    public static bool OnlyMatch<T>(T value, int index, SchemaValidator<T>[] branches, string?[] titles, ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(branches);
        ArgumentNullException.ThrowIfNull(context);
        for (int i = 0; i < branches.Length; i++)
        {
            if (i != index && branches[i](value, null))
            {
                return OneOfFailed(value, branches, titles, context);
            }
        }

        return true;
    }

    /// <summary><c>not</c>, given whether the value matched the schema under it.</summary>
    public static bool Not(bool matched, ValidationContext? context) =>
        !matched || (context?.Fail("not", ErrorMessages.Not) ?? false);
}
