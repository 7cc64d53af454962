using System.Collections.Generic;
using System.Linq;
using Insights.Contracts.Generator.Model;

namespace Insights.Contracts.Generator.Parsing;

/// <summary>
/// Recognises patterns that need no regex engine: <c>^</c>, a sequence of character classes or
/// literal characters each with a count (<c>{n}</c>, <c>{n,m}</c>, <c>?</c>, <c>*</c>, <c>+</c>),
/// then <c>$</c>, where every part but the last has a fixed count. Matching such a pattern greedily
/// is exact (no part can give characters back to another), so the emitter writes a direct loop,
/// several times faster than a compiled Regex. Anything else (alternation, groups, escapes,
/// negated classes) returns null and keeps using Regex.
/// </summary>
internal static class SimplePattern
{
    public static ImmutableEquatableArray<PatternPart>? TryParse(string pattern)
    {
        List<PatternPart>? parts = Parts(pattern);

        // Only the last part may vary in length; otherwise greedy matching could be wrong.
        bool fixedPrefix = parts is not null && parts.Take(parts.Count - 1).All(p => p.Min == p.Max);
        return parts is { Count: > 0 } && fixedPrefix ? parts.ToImmutableEquatableArray() : null;
    }

    /// <summary>
    /// Strings a sequence of parts matches: each character range of each part in turn (its first and
    /// last character), at the parts' least and most counts (at least one, so the range shows), the
    /// other parts with their first range. For the compatibility check and its tests.
    /// </summary>
    public static IEnumerable<string> Samples(List<PatternPart> parts)
    {
        foreach (bool longest in new[] { false, true })
        {
            for (int varied = 0; varied < parts.Count; varied++)
            {
                foreach (CharRange range in parts[varied].Ranges)
                {
                    foreach (char c in new[] { range.From, range.To })
                    {
                        yield return string.Concat(parts.Select((part, i) =>
                        {
                            int count = longest ? (part.Max < 0 ? part.Min + 2 : part.Max) : part.Min;
                            return new string(i == varied ? c : part.Ranges[0].From, i == varied ? System.Math.Max(count, 1) : count);
                        }));
                    }
                }
            }
        }
    }

    /// <summary>The anchored pattern as a sequence of counted character classes, whatever their counts; null when it is anything else.</summary>
    public static List<PatternPart>? Parts(string pattern)
    {
        if (pattern.Length < 2 || pattern[0] != '^' || pattern[pattern.Length - 1] != '$')
        {
            return null;
        }

        var parts = new List<PatternPart>();
        int i = 1;
        int end = pattern.Length - 1;
        while (i < end)
        {
            List<CharRange>? ranges = ReadAtom(pattern, ref i, end);
            if (ranges is null || !ReadCount(pattern, ref i, end, out int min, out int max))
            {
                return null;
            }

            parts.Add(new PatternPart(ranges.ToImmutableEquatableArray(), min, max));
        }

        return parts;
    }

    private static List<CharRange>? ReadAtom(string p, ref int i, int end)
    {
        char c = p[i];
        if (IsPlain(c) || c == '-')
        {
            // Outside a class '-' is an ordinary character.
            i++;
            return [new CharRange(c, c)];
        }

        if (c != '[' || i + 1 >= end || p[i + 1] == '^')
        {
            return null;
        }

        var ranges = new List<CharRange>();
        i++;
        while (i < end && p[i] != ']')
        {
            char from = p[i];
            bool literalDash = from == '-' && (ranges.Count == 0 || (i + 1 < end && p[i + 1] == ']'));
            if (!IsPlain(from) && !literalDash)
            {
                return null;
            }

            if (i + 2 < end && p[i + 1] == '-' && p[i + 2] != ']')
            {
                char to = p[i + 2];
                if (!IsPlain(to) || to < from)
                {
                    return null;
                }

                ranges.Add(new CharRange(from, to));
                i += 3;
            }
            else
            {
                ranges.Add(new CharRange(from, from));
                i++;
            }
        }

        if (i >= end || ranges.Count == 0)
        {
            return null;
        }

        i++; // ']'
        return ranges;
    }

    private static bool ReadCount(string p, ref int i, int end, out int min, out int max)
    {
        min = max = 1;
        if (i >= end)
        {
            return true;
        }

        switch (p[i])
        {
            case '?': min = 0; max = 1; i++; return true;
            case '*': min = 0; max = -1; i++; return true;
            case '+': min = 1; max = -1; i++; return true;
            case '{':
                int close = p.IndexOf('}', i);
                if (close < 0 || close >= end)
                {
                    return false;
                }

                string[] bounds = p.Substring(i + 1, close - i - 1).Split(',');
                if (bounds.Length > 2 || !int.TryParse(bounds[0], out min) || min < 0)
                {
                    return false;
                }

                max = min;
                if (bounds.Length == 2 && !(bounds[1].Length == 0 ? (max = -1) == -1 : int.TryParse(bounds[1], out max) && max >= min))
                {
                    return false;
                }

                i = close + 1;
                return true;
            default:
                return true;
        }
    }

    /// <summary>ASCII letters, digits and a few punctuation characters that mean themselves everywhere.</summary>
    private static bool IsPlain(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' or ' ' or '@' or '#' or '%' or '&' or '=' or ':' or ';' or ',' or '!' or '~' or '\'' or '"' or '<' or '>';
}
