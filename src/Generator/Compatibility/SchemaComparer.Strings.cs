using System.Collections.Generic;
using System.Linq;
using Insights.Contracts.Generator.Model;
using Insights.Contracts.Generator.Parsing;

namespace Insights.Contracts.Generator.Compatibility;

// String lengths, pattern and format.
internal sealed partial class SchemaComparer
{
    private void CompareStrings(SchemaNode o, SchemaNode n, Place place)
    {
        CompareCounts(o, n, place, s => s.MinLength, s => s.MaxLength, "minLength", "maxLength", "strings", "characters");

        // Whether one regular expression accepts a subset of another's strings is not decided here: a
        // changed pattern counts as narrowing and widening unless it is the same expression.
        SchemaPattern? before = o.Pattern, after = n.Pattern;
        if (before is null && after is not null)
        {
            Report("pattern-added", place, Direction.Narrows, "pattern", $"pattern '{after.Text}' added: " + Rejects("strings that do not match it"));
        }
        else if (before is not null && after is null)
        {
            Report("pattern-removed", place, Direction.Widens, "pattern", $"pattern '{before.Text}' removed: " + Accepts("strings that do not match it"));
        }
        else if (before is not null && after is not null && before.Text != after.Text && before.DotNet != after.DotNet)
        {
            ComparePatterns(o, n, before, after, place);
        }

        // format counts only where it is asserted; as an annotation it changes no verdict.
        string? oldFormat = o.AssertsFormat ? o.Format : null;
        string? newFormat = n.AssertsFormat ? n.Format : null;
        if (oldFormat is null && newFormat is not null)
        {
            Report("format-added", place, Direction.Narrows, "format", $"format '{newFormat}' added: " + Rejects($"strings that are not a valid {newFormat}"));
        }
        else if (oldFormat is not null && newFormat is null)
        {
            Report("format-removed", place, Direction.Widens, "format", $"format '{oldFormat}' removed: " + Accepts($"strings that are not a valid {oldFormat}"));
        }
        else if (oldFormat is not null && newFormat is not null && oldFormat != newFormat)
        {
            Report("format-changed", place, Direction.Both, "format", $"format '{oldFormat}' → '{newFormat}': it rejects a valid {oldFormat} that is no {newFormat}, and accepts the reverse");
        }

        if (o.ContentEncoding != n.ContentEncoding || o.ContentMediaType != n.ContentMediaType)
        {
            Report("undecided-content", FindingKind.Undecided, Direction.Both, place, n.ContentEncoding is not null ? "contentEncoding" : "contentMediaType", "contentEncoding or contentMediaType changed; the check cannot decide which strings that lets through");
        }
    }

    /// <summary>
    /// A changed pattern is incompatible unless proven equal. Strings built from each pattern (when it
    /// is a sequence of counted character classes) are tried against the other: one the other rejects
    /// is the document the change breaks; a direction where none is found is reported as undecided.
    /// </summary>
    private void ComparePatterns(SchemaNode o, SchemaNode n, SchemaPattern before, SchemaPattern after, Place place)
    {
        string change = $"pattern '{before.Text}' → '{after.Text}'";
        string? lost = PatternSamples(before, o).FirstOrDefault(s => Matches(after, s) == false);
        string? gained = PatternSamples(after, n).FirstOrDefault(s => Matches(before, s) == false);
        if (lost is not null)
        {
            Report("pattern-changed", place, Direction.Narrows, "pattern", $"{change} {Rejects($"strings such as \"{lost}\"")}");
        }
        else
        {
            Report("pattern-changed", FindingKind.Undecided, Direction.Narrows, place, "pattern", $"{change}: the check cannot prove that every string the baseline's pattern matches still matches");
        }

        if (gained is not null)
        {
            Report("pattern-changed", place, Direction.Widens, "pattern", $"{change} {Accepts($"strings such as \"{gained}\"")}");
        }
        else
        {
            Report("pattern-changed", FindingKind.Undecided, Direction.Widens, place, "pattern", $"{change}: the check cannot prove that the new pattern matches nothing the baseline's rejected");
        }
    }

    /// <summary>A few strings the pattern matches, within the node's length bounds: each part at its least and most count, with the first and last character of each range.</summary>
    private static IEnumerable<string> PatternSamples(SchemaPattern pattern, SchemaNode node)
    {
        List<PatternPart>? parts = SimplePattern.Parts(pattern.Text);
        if (parts is null)
        {
            yield break;
        }

        foreach (string sample in SimplePattern.Samples(parts).Distinct())
        {
            long length = CodePoints(sample);
            if (length >= (node.MinLength ?? 0) && length <= (node.MaxLength ?? long.MaxValue) && Matches(pattern, sample) == true)
            {
                yield return sample;
            }
        }
    }
}
