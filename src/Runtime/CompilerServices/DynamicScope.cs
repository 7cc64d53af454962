using System;
using System.ComponentModel;

namespace Insights.Contracts.Runtime.CompilerServices;

/// <summary>
/// The dynamic scope of a validation: the schema resources entered, outermost first, so a
/// <c>$dynamicRef</c> (or draft 2019-09's <c>$recursiveRef</c>) can find the outermost resource that
/// declares its anchor. Generated code enters a resource where evaluation crosses into it and leaves
/// it on the way out (in a <c>finally</c>); only contracts whose schema uses dynamic references do.
/// Kept per thread: validation is synchronous and a nested validation only pushes on top.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class DynamicScope
{
    [ThreadStatic]
    private static int[]? t_resources;

    [ThreadStatic]
    private static int t_depth;

    /// <summary>Enters the resource <paramref name="resource"/> (the generated type's index for it).</summary>
    public static void Enter(int resource)
    {
        int[] stack = t_resources ??= new int[16];
        if (t_depth == stack.Length)
        {
            Array.Resize(ref t_resources, stack.Length * 2);
            stack = t_resources;
        }

        stack[t_depth++] = resource;
    }

    /// <summary>Leaves the resource entered last.</summary>
    public static void Exit() => t_depth--;

    /// <summary>Runs <paramref name="validator"/> with <paramref name="resource"/> entered: evaluation crossing into another resource.</summary>
    public static bool Within<T>(int resource, T value, ValidationContext? context, SchemaValidator<T> validator)
    {
        ArgumentNullException.ThrowIfNull(validator);
        Enter(resource);
        try
        {
            return validator(value, context);
        }
        finally
        {
            Exit();
        }
    }

    /// <summary>Runs <paramref name="collect"/> (an annotation collector) with <paramref name="resource"/> entered.</summary>
    public static void Within<T, TEvaluated>(int resource, T value, TEvaluated evaluated, Action<T, TEvaluated> collect)
    {
        ArgumentNullException.ThrowIfNull(collect);
        Enter(resource);
        try
        {
            collect(value, evaluated);
        }
        finally
        {
            Exit();
        }
    }

    /// <summary>The outermost resource in scope that is one of <paramref name="candidates"/>, or -1 when none is.</summary>
    public static int Outermost(int[] candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        int[]? stack = t_resources;
        for (int i = 0; i < t_depth; i++)
        {
            if (Array.IndexOf(candidates, stack![i]) >= 0)
            {
                return stack[i];
            }
        }

        return -1;
    }
}
