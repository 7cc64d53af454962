using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Insights.Contracts.Generator.Model;

namespace Insights.Contracts.Generator.Emitting;

/// <summary>
/// The private static members one generated type collects while its methods are written (constant
/// arrays, parsed literals, pattern matchers), written once at the end of the type. Equal constants
/// share one field.
/// </summary>
internal sealed class TypeMembers
{
    private readonly List<string> _fields = [];
    private readonly Dictionary<string, string> _fieldNames = [];
    private readonly Dictionary<string, int> _counters = [];
    private readonly Dictionary<string, string> _matchers = [];
    private readonly List<string> _methods = [];

    /// <summary>
    /// Declares a static readonly field (once per type and initializer) and returns its name:
    /// <paramref name="name"/> itself when <paramref name="numbered"/> is false (the caller knows it
    /// is unique), else the name with the next number.
    /// </summary>
    public string Field(string type, string name, string initializer, bool numbered = true)
    {
        string key = type + " = " + initializer;
        if (_fieldNames.TryGetValue(key, out string? existing))
        {
            return existing;
        }

        name = numbered ? NextName(name) : name;
        _fieldNames.Add(key, name);
        _fields.Add($"private static readonly {type} {name} = {initializer};");
        return name;
    }

    /// <summary>A fresh name: <paramref name="prefix"/> with the next number.</summary>
    public string NextName(string prefix)
    {
        _counters.TryGetValue(prefix, out int count);
        _counters[prefix] = ++count;
        return prefix + count.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// A method that matches <paramref name="pattern"/> (a <c>PatternMatcher</c>), declared once per
    /// pattern: direct character tests where the pattern is that simple, else a compiled regex.
    /// </summary>
    public string PatternMatcher(SchemaPattern pattern)
    {
        if (_matchers.TryGetValue(pattern.DotNet, out string? existing))
        {
            return existing;
        }

        string name = NextName("MatchesPattern");
        _matchers.Add(pattern.DotNet, name);
        var method = new SourceWriter();
        if (pattern.Simple is not { } parts)
        {
            // The schema's ECMA-262 pattern, rewritten by the parser into .NET's dialect.
            string regex = Field("global::System.Text.RegularExpressions.Regex", "s_pattern", $"{ContractEmitter.CompilerServices}JsonCheck.CreatePattern({CSharpLiteral.String(pattern.DotNet)})");
            method.Line($"/// <summary>Matches <c>{SourceWriter.EscapeXml(pattern.Text)}</c>.</summary>");
            method.Line($"private static bool {name}(global::System.ReadOnlySpan<char> value) => {regex}.IsMatch(value);");
            _methods.Add(method.ToString());
            return name;
        }

        method.Line($"/// <summary>Matches <c>{SourceWriter.EscapeXml(pattern.Text)}</c> with direct character tests (no regex engine needed).</summary>");
        method.Open($"private static bool {name}(global::System.ReadOnlySpan<char> value)");
        int min = parts.Sum(p => p.Min);
        bool unbounded = parts.Any(p => p.Max < 0);
        int max = unbounded ? -1 : parts.Sum(p => p.Max);
        method.Open($"if (value.Length < {min}{(unbounded ? "" : $" || value.Length > {max}")})");
        method.Line("return false;");
        method.Close();
        method.Line();
        method.Line("int i = 0;");
        for (int index = 0; index < parts.Count; index++)
        {
            PatternPart part = parts[index];
            string condition = string.Join(" or ", part.Ranges.Select(r => r.From == r.To ? CharLiteral(r.From) : $"(>= {CharLiteral(r.From)} and <= {CharLiteral(r.To)})"));

            // Every part but the last has a fixed count; the length check above leaves the rest to the last.
            method.Open(index < parts.Count - 1 ? $"for (int stop = i + {part.Min}; i < stop; i++)" : "for (; i < value.Length; i++)");
            method.Open($"if (value[i] is not ({condition}))");
            method.Line("return false;");
            method.Close();
            method.Close();
            method.Line();
        }

        method.Line("return true;");
        method.Close();
        _methods.Add(method.ToString());
        return name;
    }

    /// <summary>Adds a private helper method (its whole source).</summary>
    public void Method(string source) => _methods.Add(source);

    /// <summary>Writes the collected methods, then the fields.</summary>
    public void WriteTo(SourceWriter writer)
    {
        foreach (string method in _methods)
        {
            writer.Line();
            writer.Lines(method);
        }

        if (_fields.Count == 0)
        {
            return;
        }

        writer.Line();
        foreach (string field in _fields)
        {
            writer.Line(field);
        }
    }

    private static string CharLiteral(char c) => c switch
    {
        '\'' => "'\\''",
        '\\' => "'\\\\'",
        _ => $"'{c}'",
    };
}
