using System.Runtime.CompilerServices;

namespace Insights.Contracts.Generator;

/// <summary>
/// The last line against a stack overflow, which would take the compiler (and the IDE's compiler
/// server) down with it. The generator's known deep paths are iterative or bounded (references are
/// read from a work list, records deep in a chain of definitions are decided later, a union's checks
/// are a method that calls itself); every remaining recursion calls <see cref="Check"/> first, so a
/// schema deeper than the thread's stack allows ends in an <see cref="System.InsufficientExecutionStackException"/>
/// that each stage turns into a diagnostic at the file, never a crash.
/// </summary>
internal static class StackGuard
{
    public static void Check() => RuntimeHelpers.EnsureSufficientExecutionStack();
}
