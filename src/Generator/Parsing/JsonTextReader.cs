using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace Insights.Contracts.Generator.Parsing;

/// <summary>Malformed JSON in a schema file, with the span to point the diagnostic at.</summary>
internal sealed class JsonSyntaxException(string message, TextSpan span) : Exception(message)
{
    public TextSpan Span { get; } = span;
}

/// <summary>
/// A strict RFC 8259 reader over the schema text that keeps the span of every value and member
/// name. The generator uses it instead of a JSON library so that it loads inside any compiler host
/// with no extra assemblies, and so every diagnostic can point at the exact token.
/// </summary>
internal sealed class JsonTextReader
{
    /// <summary>Deeper schemas are rejected rather than risking the compiler's stack.</summary>
    public const int MaxDepth = 256;

    private readonly string _text;
    private readonly List<JsonMember> _duplicateMembers = [];
    private int _position;
    private int _depth;

    private JsonTextReader(string text) => _text = text;

    /// <summary>Parses <paramref name="text"/>; throws <see cref="JsonSyntaxException"/> when it is not one JSON value.</summary>
    public static JsonNode Parse(string text, out IReadOnlyList<JsonMember> duplicateMembers)
    {
        var reader = new JsonTextReader(text);
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            reader._position = 1;
        }

        reader.SkipWhitespace();
        if (reader._position >= text.Length)
        {
            throw new JsonSyntaxException("The schema file is empty; expected a JSON object", new TextSpan(0, 0));
        }

        JsonNode root = reader.ReadValue();
        reader.SkipWhitespace();
        if (reader._position < text.Length)
        {
            throw reader.Error($"Unexpected '{text[reader._position]}' after the end of the JSON value");
        }

        duplicateMembers = reader._duplicateMembers;
        return root;
    }

    private JsonNode ReadValue()
    {
        if (_position >= _text.Length)
        {
            throw Error("Unexpected end of file; expected a JSON value");
        }

        char c = _text[_position];
        switch (c)
        {
            case '{':
                return ReadObject();
            case '[':
                return ReadArray();
            case '"':
                int start = _position;
                string value = ReadString();
                return new JsonNode(JsonNodeKind.String, TextSpan.FromBounds(start, _position)) { Text = value };
            case 't':
                return ReadLiteral("true", JsonNodeKind.True);
            case 'f':
                return ReadLiteral("false", JsonNodeKind.False);
            case 'n':
                return ReadLiteral("null", JsonNodeKind.Null);
            default:
                if (c == '-' || (c >= '0' && c <= '9'))
                {
                    return ReadNumber();
                }

                throw Error(c == '/' ? "Comments are not allowed in JSON" : $"Unexpected '{c}'; expected a JSON value");
        }
    }

    private JsonNode ReadObject()
    {
        int start = _position;
        Enter();
        _position++; // {
        var members = new List<JsonMember>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        SkipWhitespace();
        if (Peek() == '}')
        {
            _position++;
        }
        else
        {
            while (true)
            {
                SkipWhitespace();
                if (Peek() != '"')
                {
                    throw Error(Peek() == '}' ? "Trailing commas are not allowed in JSON" : "Expected a property name in double quotes");
                }

                int nameStart = _position;
                string name = ReadString();
                var nameSpan = TextSpan.FromBounds(nameStart, _position);
                SkipWhitespace();
                Expect(':');
                SkipWhitespace();
                var member = new JsonMember(name, nameSpan, ReadValue());
                members.Add(member);
                if (!seen.Add(name))
                {
                    _duplicateMembers.Add(member);
                }

                SkipWhitespace();
                if (Peek() == ',')
                {
                    _position++;
                    continue;
                }

                Expect('}');
                break;
            }
        }

        _depth--;
        return new JsonNode(JsonNodeKind.Object, TextSpan.FromBounds(start, _position)) { Members = members };
    }

    private JsonNode ReadArray()
    {
        int start = _position;
        Enter();
        _position++; // [
        var items = new List<JsonNode>();
        SkipWhitespace();
        if (Peek() == ']')
        {
            _position++;
        }
        else
        {
            while (true)
            {
                SkipWhitespace();
                if (Peek() == ']')
                {
                    throw Error("Trailing commas are not allowed in JSON");
                }

                items.Add(ReadValue());
                SkipWhitespace();
                if (Peek() == ',')
                {
                    _position++;
                    continue;
                }

                Expect(']');
                break;
            }
        }

        _depth--;
        return new JsonNode(JsonNodeKind.Array, TextSpan.FromBounds(start, _position)) { Items = items };
    }

    private string ReadString()
    {
        int start = _position;
        _position++; // opening quote
        var builder = new StringBuilder();
        while (true)
        {
            if (_position >= _text.Length)
            {
                throw new JsonSyntaxException("Unterminated string", TextSpan.FromBounds(start, _text.Length));
            }

            char c = _text[_position++];
            if (c == '"')
            {
                return builder.ToString();
            }

            if (c < 0x20)
            {
                throw new JsonSyntaxException("Control characters must be escaped inside strings", new TextSpan(_position - 1, 1));
            }

            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            char escape = _position < _text.Length ? _text[_position++] : '\0';
            switch (escape)
            {
                case '"': builder.Append('"'); break;
                case '\\': builder.Append('\\'); break;
                case '/': builder.Append('/'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'u':
                    if (_position + 4 > _text.Length
                        || !int.TryParse(_text.Substring(_position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code))
                    {
                        throw new JsonSyntaxException("Invalid \\u escape: expected four hexadecimal digits", new TextSpan(_position - 2, Math.Min(6, _text.Length - _position + 2)));
                    }

                    builder.Append((char)code);
                    _position += 4;
                    break;
                default:
                    throw new JsonSyntaxException($"Invalid escape sequence '\\{escape}'", new TextSpan(_position - 2, 2));
            }
        }
    }

    private JsonNode ReadNumber()
    {
        int start = _position;
        if (Peek() == '-')
        {
            _position++;
        }

        if (Peek() == '0')
        {
            _position++;
        }
        else if (!ReadDigits())
        {
            throw Error("Invalid number");
        }

        if (Peek() == '.')
        {
            _position++;
            if (!ReadDigits())
            {
                throw Error("Invalid number: expected digits after the decimal point");
            }
        }

        if (Peek() is 'e' or 'E')
        {
            _position++;
            if (Peek() is '+' or '-')
            {
                _position++;
            }

            if (!ReadDigits())
            {
                throw Error("Invalid number: expected digits in the exponent");
            }
        }

        var span = TextSpan.FromBounds(start, _position);
        return new JsonNode(JsonNodeKind.Number, span) { Text = _text.Substring(start, span.Length) };
    }

    private bool ReadDigits()
    {
        int start = _position;
        while (_position < _text.Length && _text[_position] >= '0' && _text[_position] <= '9')
        {
            _position++;
        }

        return _position > start;
    }

    private JsonNode ReadLiteral(string literal, JsonNodeKind kind)
    {
        if (string.CompareOrdinal(_text, _position, literal, 0, literal.Length) != 0)
        {
            throw Error($"Unexpected token; expected '{literal}'");
        }

        var span = new TextSpan(_position, literal.Length);
        _position += literal.Length;
        return new JsonNode(kind, span);
    }

    private void Enter()
    {
        if (++_depth > MaxDepth)
        {
            throw Error($"The schema is nested deeper than {MaxDepth} levels");
        }
    }

    private void Expect(char expected)
    {
        if (Peek() != expected)
        {
            throw Error(_position >= _text.Length ? $"Unexpected end of file; expected '{expected}'" : $"Unexpected '{_text[_position]}'; expected '{expected}'");
        }

        _position++;
    }

    private char Peek() => _position < _text.Length ? _text[_position] : '\0';

    private void SkipWhitespace()
    {
        while (_position < _text.Length && _text[_position] is ' ' or '\t' or '\n' or '\r')
        {
            _position++;
        }
    }

    private JsonSyntaxException Error(string message) =>
        new(message, new TextSpan(Math.Min(_position, _text.Length), _position < _text.Length ? 1 : 0));
}
