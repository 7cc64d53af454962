using System;
using System.Collections.Generic;

namespace Insights.Contracts.Generator.Diagnostics;

/// <summary>
/// "Did you mean" for diagnostics: the known word closest to a misspelt one (a keyword, a
/// <c>$defs</c> name, a format, a type name), or none when nothing is close enough to be a typo.
/// </summary>
internal static class Suggestions
{
    /// <summary>
    /// The candidate nearest to <paramref name="word"/> by <see cref="EditDistance"/>, if it is within
    /// <see cref="MaxDistance"/>; on a tie, the one that comes first in <paramref name="candidates"/>, so
    /// the same input always gets the same suggestion. A candidate equal to the word is never suggested.
    /// </summary>
    public static string? Closest(string word, IEnumerable<string> candidates)
    {
        int limit = MaxDistance(word);
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string candidate in candidates)
        {
            if (candidate == word || Math.Abs(candidate.Length - word.Length) > limit)
            {
                continue;
            }

            int distance = EditDistance(word, candidate);
            if (distance <= limit && distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>
    /// <c>; did you mean 'required'?</c>, the end of a message, for the candidate <see cref="Closest"/>
    /// finds; empty when none is close, so a far-off word gets no guess.
    /// </summary>
    public static string DidYouMean(string word, IEnumerable<string> candidates) =>
        Closest(word, candidates) is { } closest ? $"; did you mean '{closest}'?" : string.Empty;

    /// <summary>
    /// How many edits still read as a typo of a word this long: one per three characters, at least
    /// one (<c>strng</c> → <c>string</c>, <c>e-mail</c> → <c>email</c>), so short words do not match
    /// everything.
    /// </summary>
    public static int MaxDistance(string word) => Math.Max(word.Length, 3) / 3;

    /// <summary>
    /// The optimal string alignment distance: insertions, deletions, substitutions and transpositions
    /// of two adjacent characters each cost one (<c>requried</c> is one edit from <c>required</c>).
    /// Case-sensitive, by UTF-16 code unit.
    /// </summary>
    public static int EditDistance(string a, string b)
    {
        // Three rows of the dynamic-programming table: the transposition step looks two rows back.
        int[] beforePrevious = new int[b.Length + 1];
        int[] previous = new int[b.Length + 1];
        int[] current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                int distance = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    distance = Math.Min(distance, beforePrevious[j - 2] + 1);
                }

                current[j] = distance;
            }

            (beforePrevious, previous, current) = (previous, current, beforePrevious);
        }

        return previous[b.Length];
    }
}
