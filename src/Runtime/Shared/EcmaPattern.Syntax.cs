// Compiled into the runtime and linked into the generator with EcmaPattern.cs.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;

#if INSIGHTS_GENERATOR
namespace Insights.Contracts.Generator.Shared;
#else
namespace Insights.Contracts.Runtime;
#endif

// Whether a pattern is ECMA-262 at all. .NET accepts much that ECMA-262 forbids (inline flags
// "(?i)", comments "(?#...)", "\a", "\p{IsGreek}", a lone "{" or "]"), so a successful .NET parse
// says nothing; this reads the ECMA-262 Pattern grammar with the u flag, which JSON Schema implies
// ("\p{...}" is a property, a lone brace and an unknown escape such as "\a" are errors).
internal static partial class EcmaPattern
{
    /// <summary>
    /// True when <paramref name="pattern"/> is an ECMA-262 pattern (u flag, ES2024 grammar) that
    /// <see cref="ToDotNet"/> translates into a pattern .NET accepts: what the <c>regex</c> format
    /// asserts. ECMA-262 constructs .NET has no equivalent for (script and binary Unicode
    /// properties, <c>\p{LC}</c>, group names .NET cannot hold) are not accepted.
    /// </summary>
    public static bool IsValid(string pattern)
    {
        if (SyntaxError(pattern) is not null)
        {
            return false;
        }

        try
        {
            _ = new Regex(ToDotNet(pattern), RegexOptions.CultureInvariant);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Why <paramref name="pattern"/> is not an ECMA-262 pattern (u flag), or null when it is one.</summary>
    public static string? SyntaxError(string pattern) => new SyntaxReader(pattern).Read();

    /// <summary>A recursive-descent reader of ECMA-262's <c>Pattern[+UnicodeMode, +NamedCaptureGroups]</c>.</summary>
    private sealed class SyntaxReader(string pattern)
    {
        /// <summary>Marks a class atom that is a set (<c>\d</c>, <c>\p{L}</c>), which cannot end a range.</summary>
        private const int ClassSet = -1;

        private readonly List<string> _groupNames = new();
        private int _groupCount;
        private int _position;
        private string? _error;

        public string? Read()
        {
            CountGroups();
            if (_error is null && Disjunction() && _position < pattern.Length)
            {
                Fail(pattern[_position] == ')' ? "an unmatched ')'" : $"an unexpected '{pattern[_position]}'");
            }

            return _error;
        }

        /// <summary>
        /// Backreferences may point forward (<c>\1(a)</c>), so capturing groups and their names are
        /// counted before reading.
        /// </summary>
        private void CountGroups()
        {
            bool inClass = false;
            for (int i = 0; i < pattern.Length; i++)
            {
                char c = pattern[i];
                if (c == '\\')
                {
                    i++;
                }
                else if (inClass)
                {
                    inClass = c != ']';
                }
                else if (c == '[')
                {
                    inClass = true;
                }
                else if (c == '(' && (At(i + 1) != '?' || (At(i + 2) == '<' && At(i + 3) is not ('=' or '!'))))
                {
                    _groupCount++;
                    if (At(i + 1) == '?')
                    {
                        int close = pattern.IndexOf('>', i + 3);
                        string name = close < 0 ? string.Empty : pattern.Substring(i + 3, close - i - 3);
                        if (_groupNames.Contains(name))
                        {
                            Fail($"the group name '{name}' is used twice");
                            return;
                        }

                        _groupNames.Add(name);
                    }
                }
            }
        }

        private char At(int index) => index < pattern.Length ? pattern[index] : '\0';

        private bool Fail(string message)
        {
            _error ??= message;
            return false;
        }

        private bool Disjunction()
        {
            while (Alternative() && _position < pattern.Length && pattern[_position] == '|')
            {
                _position++;
            }

            return _error is null;
        }

        private bool Alternative()
        {
            while (_position < pattern.Length && pattern[_position] is not ('|' or ')'))
            {
                if (!Term())
                {
                    return false;
                }
            }

            return true;
        }

        private bool Term()
        {
            char c = pattern[_position];
            bool quantifiable;
            switch (c)
            {
                case '^' or '$':
                    _position++;
                    quantifiable = false;
                    break;
                case '\\' when At(_position + 1) is 'b' or 'B':
                    _position += 2;
                    quantifiable = false;
                    break;
                case '(':
                    if (!Group(out quantifiable))
                    {
                        return false;
                    }

                    break;
                case '[':
                    if (!CharacterClass())
                    {
                        return false;
                    }

                    quantifiable = true;
                    break;
                case '\\':
                    _position++;
                    if (!AtomEscape())
                    {
                        return false;
                    }

                    quantifiable = true;
                    break;
                case '*' or '+' or '?':
                    return Fail($"nothing to repeat before '{c}'");
                case '{' or '}' or ']':
                    return Fail($"a lone '{c}' (write \\{c} for the character)");
                default:
                    _position += char.IsHighSurrogate(c) && char.IsLowSurrogate(At(_position + 1)) ? 2 : 1;
                    quantifiable = true;
                    break;
            }

            if (!Quantifier(out bool quantified))
            {
                return false;
            }

            return !quantified || quantifiable || Fail("an assertion cannot be repeated");
        }

        private bool Group(out bool quantifiable)
        {
            quantifiable = true;
            _position++;
            if (At(_position) == '?')
            {
                string start = pattern.Substring(_position, Math.Min(3, pattern.Length - _position));
                if (start.StartsWith("?=", StringComparison.Ordinal) || start.StartsWith("?!", StringComparison.Ordinal) || start is "?<=" or "?<!")
                {
                    quantifiable = false;
                    _position += start[1] == '<' ? 3 : 2;
                }
                else if (start.StartsWith("?:", StringComparison.Ordinal))
                {
                    _position += 2;
                }
                else if (start.StartsWith("?<", StringComparison.Ordinal))
                {
                    _position++;
                    if (GroupName() is null)
                    {
                        return false;
                    }
                }
                else
                {
                    return Fail("'(?' must start (?:, (?=, (?!, (?<=, (?<! or a named group (?<name>");
                }
            }

            if (!Disjunction())
            {
                return false;
            }

            if (At(_position) != ')')
            {
                return Fail("an unclosed '('");
            }

            _position++;
            return true;
        }

        /// <summary><c>&lt;RegExpIdentifierName&gt;</c>: an identifier start (letter, $, _), then identifier parts.</summary>
        private string? GroupName()
        {
            if (At(_position) != '<')
            {
                Fail("a group name must be written <name>");
                return null;
            }

            int start = ++_position;
            while (_position < pattern.Length && pattern[_position] != '>')
            {
                UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(pattern, _position);
                bool identifierStart = pattern[_position] is '$' or '_'
                    || category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                        or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.LetterNumber;
                bool identifierPart = pattern[_position] is '\u200C' or '\u200D'
                    || category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
                        or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.ConnectorPunctuation;
                if (!(identifierStart || (identifierPart && _position > start)))
                {
                    Fail($"'{pattern.Substring(start)}' does not start with a group name");
                    return null;
                }

                _position += char.IsHighSurrogate(pattern[_position]) && char.IsLowSurrogate(At(_position + 1)) ? 2 : 1;
            }

            if (_position == start || _position == pattern.Length)
            {
                Fail("a group name must be written <name>");
                return null;
            }

            return pattern.Substring(start, _position++ - start);
        }

        /// <summary><c>* + ? {n} {n,} {n,m}</c>, each optionally lazy; in u mode a '{' is always a quantifier.</summary>
        private bool Quantifier(out bool quantified)
        {
            quantified = true;
            switch (At(_position))
            {
                case '*' or '+' or '?':
                    _position++;
                    break;
                case '{':
                    _position++;
                    if (!DecimalDigits(out long minimum))
                    {
                        return Fail("'{' must start a quantifier {n}, {n,} or {n,m}");
                    }

                    long maximum = minimum;
                    if (At(_position) == ',')
                    {
                        _position++;
                        maximum = DecimalDigits(out long m) ? m : long.MaxValue;
                    }

                    if (At(_position) != '}')
                    {
                        return Fail("'{' must start a quantifier {n}, {n,} or {n,m}");
                    }

                    _position++;
                    if (maximum < minimum)
                    {
                        return Fail("the numbers of a quantifier {n,m} are out of order");
                    }

                    break;
                default:
                    quantified = false;
                    return true;
            }

            if (At(_position) == '?')
            {
                _position++;
            }

            return At(_position) is not ('*' or '+' or '?' or '{') || Fail("nothing to repeat: a quantifier follows a quantifier");
        }

        private bool DecimalDigits(out long value)
        {
            value = 0;
            int start = _position;
            while (At(_position) is >= '0' and <= '9')
            {
                value = Math.Min((value * 10) + (pattern[_position++] - '0'), int.MaxValue + 1L);
            }

            return _position > start;
        }

        /// <summary>After '\' outside a class: a backreference, <c>\k&lt;name&gt;</c>, a class escape or a character escape.</summary>
        private bool AtomEscape()
        {
            char c = At(_position);
            if (c is >= '1' and <= '9')
            {
                DecimalDigits(out long group);
                return group <= _groupCount || Fail($"\\{group} refers to a group the pattern does not have");
            }

            if (c == 'k')
            {
                _position++;
                string? name = GroupName();
                return name is not null && (_groupNames.Contains(name) || Fail($"\\k<{name}> refers to a group the pattern does not have"));
            }

            return ClassEscapeOrCharacter(inClass: false) != int.MinValue;
        }

        private bool CharacterClass()
        {
            _position++;
            if (At(_position) == '^')
            {
                _position++;
            }

            while (_position < pattern.Length && pattern[_position] != ']')
            {
                int from = ClassAtom();
                if (from == int.MinValue)
                {
                    return false;
                }

                if (At(_position) == '-' && _position + 1 < pattern.Length && pattern[_position + 1] != ']')
                {
                    _position++;
                    int to = ClassAtom();
                    if (to == int.MinValue)
                    {
                        return false;
                    }

                    if (from == ClassSet || to == ClassSet)
                    {
                        return Fail("a class escape such as \\d cannot be the end of a range");
                    }

                    if (from > to)
                    {
                        return Fail("a range in a character class is out of order");
                    }
                }
            }

            if (_position == pattern.Length)
            {
                return Fail("an unclosed '['");
            }

            _position++;
            return true;
        }

        /// <summary>The code point of one class atom, <see cref="ClassSet"/> for a set, or int.MinValue after an error.</summary>
        private int ClassAtom()
        {
            char c = pattern[_position];
            if (c == '\\')
            {
                _position++;
                return ClassEscapeOrCharacter(inClass: true);
            }

            int codePoint = char.IsHighSurrogate(c) && char.IsLowSurrogate(At(_position + 1)) ? char.ConvertToUtf32(pattern, _position) : c;
            _position += codePoint > 0xFFFF ? 2 : 1;
            return codePoint;
        }

        /// <summary>
        /// After '\': a class escape (<c>\d \D \s \S \w \W \p{..} \P{..}</c>, returned as
        /// <see cref="ClassSet"/>) or a character escape (its code point); int.MinValue after an error.
        /// </summary>
        private int ClassEscapeOrCharacter(bool inClass)
        {
            if (_position == pattern.Length)
            {
                Fail("a '\\' ends the pattern");
                return int.MinValue;
            }

            char c = pattern[_position++];
            switch (c)
            {
                case 'd' or 'D' or 's' or 'S' or 'w' or 'W':
                    return ClassSet;
                case 'p' or 'P':
                    return UnicodePropertyEscape(c) ? ClassSet : int.MinValue;
                case 'f': return '\f';
                case 'n': return '\n';
                case 'r': return '\r';
                case 't': return '\t';
                case 'v': return '\v';
                case 'b' when inClass: return '\b';
                case '-' when inClass: return '-';
                case 'c' when At(_position) is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z'):
                    return pattern[_position++] % 32;
                case '0' when At(_position) is not (>= '0' and <= '9'):
                    return 0;
                case 'x':
                    return HexDigits(2, out int hex) ? hex : Invalid("\\x must be followed by two hexadecimal digits");
                case 'u':
                    return UnicodeEscape();
                case '^' or '$' or '\\' or '.' or '*' or '+' or '?' or '(' or ')' or '[' or ']' or '{' or '}' or '|' or '/':
                    return c;
                default:
                    return Invalid($"'\\{c}' is not an ECMA-262 escape");
            }
        }

        private int Invalid(string message)
        {
            Fail(message);
            return int.MinValue;
        }

        /// <summary><c>\uXXXX</c> (a surrogate pair written as two is one code point) or <c>\u{X...}</c> up to 10FFFF.</summary>
        private int UnicodeEscape()
        {
            if (At(_position) == '{')
            {
                _position++;
                int start = _position;
                long value = 0;
                while (Hex(At(_position)) is int digit and >= 0)
                {
                    value = Math.Min((value * 16) + digit, 0x110000);
                    _position++;
                }

                if (_position == start || At(_position) != '}' || value > 0x10FFFF)
                {
                    return Invalid("\\u{...} must hold a code point of at most 10FFFF in hexadecimal");
                }

                _position++;
                return (int)value;
            }

            if (!HexDigits(4, out int unit))
            {
                return Invalid("\\u must be followed by four hexadecimal digits or {code point}");
            }

            if (char.IsHighSurrogate((char)unit) && At(_position) == '\\' && At(_position + 1) == 'u')
            {
                int save = _position;
                _position += 2;
                if (HexDigits(4, out int low) && char.IsLowSurrogate((char)low))
                {
                    return char.ConvertToUtf32((char)unit, (char)low);
                }

                _position = save;
            }

            return unit;
        }

        private bool HexDigits(int count, out int value)
        {
            value = 0;
            for (int i = 0; i < count; i++)
            {
                int digit = Hex(At(_position + i));
                if (digit < 0)
                {
                    return false;
                }

                value = (value * 16) + digit;
            }

            _position += count;
            return true;
        }

        private static int Hex(char c) => c switch
        {
            >= '0' and <= '9' => c - '0',
            >= 'a' and <= 'f' => c - 'a' + 10,
            >= 'A' and <= 'F' => c - 'A' + 10,
            _ => -1,
        };

        /// <summary>
        /// <c>\p{...}</c>: a General_Category value, alone or as <c>gc=</c>/<c>General_Category=</c>.
        /// Scripts and binary properties are ECMA-262 but have no .NET equivalent, so they are refused.
        /// </summary>
        private bool UnicodePropertyEscape(char p)
        {
            int close = At(_position) == '{' ? pattern.IndexOf('}', _position) : -1;
            if (close < 0)
            {
                return Fail($"\\{p} must be followed by {{property}}");
            }

            string expression = pattern.Substring(_position + 1, close - _position - 1);
            _position = close + 1;
            int equals = expression.IndexOf('=');
            string name = equals < 0 ? "General_Category" : expression.Substring(0, equals);
            string value = expression.Substring(equals + 1);
            return (name is "General_Category" or "gc" && GeneralCategories.Contains(value))
                || Fail($"\\{p}{{{expression}}} is not a Unicode General_Category (scripts and binary properties have no .NET equivalent)");
        }

        /// <summary>ECMA-262's General_Category values and aliases that .NET's <c>\p{..}</c> can match (through <see cref="UnicodeProperty"/>): all but LC.</summary>
        private static readonly HashSet<string> GeneralCategories = new(StringComparer.Ordinal)
        {
            "C", "Other", "Cc", "Control", "cntrl", "Cf", "Format", "Cn", "Unassigned", "Co", "Private_Use", "Cs", "Surrogate",
            "L", "Letter", "Ll", "Lowercase_Letter", "Lm", "Modifier_Letter", "Lo", "Other_Letter", "Lt", "Titlecase_Letter",
            "Lu", "Uppercase_Letter", "M", "Mark", "Combining_Mark", "Mc", "Spacing_Mark", "Me", "Enclosing_Mark", "Mn", "Nonspacing_Mark",
            "N", "Number", "Nd", "Decimal_Number", "digit", "Nl", "Letter_Number", "No", "Other_Number",
            "P", "Punctuation", "punct", "Pc", "Connector_Punctuation", "Pd", "Dash_Punctuation", "Pe", "Close_Punctuation",
            "Pf", "Final_Punctuation", "Pi", "Initial_Punctuation", "Po", "Other_Punctuation", "Ps", "Open_Punctuation",
            "S", "Symbol", "Sc", "Currency_Symbol", "Sk", "Modifier_Symbol", "Sm", "Math_Symbol", "So", "Other_Symbol",
            "Z", "Separator", "Zl", "Line_Separator", "Zp", "Paragraph_Separator", "Zs", "Space_Separator",
        };
    }
}
