using System;
using System.Text.RegularExpressions;
using System.ComponentModel;

namespace Insights.Contracts.Runtime.CompilerServices;

/// <summary>Matches a value against one schema pattern (a generated character loop, or a compiled <see cref="Regex"/>).</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate bool PatternMatcher(ReadOnlySpan<char> value);

/// <summary>
/// The value keywords of JSON Schema, as generated validators call them: one method per keyword,
/// with an overload per C# type a typed record holds and one for a <c>JsonElement</c> (which only
/// applies to values of the keyword's JSON type), side by side in one file per keyword family
/// (JsonCheck.Strings.cs, .Numbers.cs, .Arrays.cs, .Objects.cs, .Values.cs), each with its message.
/// Both shapes call the same method, so a keyword is checked and worded once.
/// Each returns whether the value passes; when it fails and the context is not null, it reports the
/// error there. Branch matching passes null to ask without reporting, so reporting and matching
/// share one implementation, and a message is only built when there is a context to report it to
/// (<c>context?.Fail(...)</c> does not evaluate its arguments otherwise): checking a valid value,
/// branches included, allocates nothing.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class JsonCheck
{
    /// <summary>How long a backtracking pattern may take on one value before the value is rejected.</summary>
    public static readonly TimeSpan PatternTimeout = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The regex for a schema pattern (already translated to .NET). A pattern comes from a schema
    /// and the value from anyone, so a backtracking engine could take exponential time on a
    /// crafted value (<c>^(a+)+$</c> against <c>aaaa…!</c>). Patterns run on the non-backtracking
    /// engine, in linear time; the few it cannot run (backreferences, lookarounds) backtrack with
    /// <see cref="PatternTimeout"/>.
    /// </summary>
    public static Regex CreatePattern(string dotNetPattern)
    {
        try
        {
            return new Regex(dotNetPattern, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
        }
        catch (NotSupportedException)
        {
            return new Regex(dotNetPattern, RegexOptions.CultureInvariant | RegexOptions.Compiled, PatternTimeout);
        }
    }

    /// <summary>
    /// A string set in code must be well-formed UTF-16: JSON text cannot carry an unpaired
    /// surrogate, and writing one would silently turn it into U+FFFD. Strings read from JSON always
    /// pass. A plain loop: MemoryExtensions.IndexOfAnyInRange was measured allocating about 100 bytes
    /// per call here, and Validate() must allocate nothing.
    /// </summary>
    public static bool WellFormed(string value, ValidationContext? context)
    {
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (!char.IsSurrogate(c))
            {
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++; // a proper pair
                continue;
            }

            return context?.Fail("unicode", $"contains an unpaired surrogate (U+{(int)c:X4}) at index {i}, which JSON cannot carry") ?? false;
        }

        return true;
    }

    /// <summary>Validates a nested contract, reporting its errors under the current path.</summary>
    public static void Object<T>(T value, ValidationContext context) where T : class, IJsonContract<T> => T.ValidateJson(value, context);

    /// <summary>Unicode code points in <paramref name="value"/>: a surrogate pair counts once, an unpaired surrogate once too.</summary>
    public static int CodePointCount(string value)
    {
        int count = value.Length;
        for (int i = 1; i < value.Length; i++)
        {
            if (char.IsLowSurrogate(value[i]) && char.IsHighSurrogate(value[i - 1]))
            {
                count--;
            }
        }

        return count;
    }
}
