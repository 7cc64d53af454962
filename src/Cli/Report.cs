using System.Collections.Generic;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using Insights.Contracts.Runtime;

namespace Insights.Contracts.Cli;

/// <summary>How results are written: every line or entry starts from the document's name.</summary>
internal abstract class Report(TextWriter output, TextWriter error)
{
    protected TextWriter Output { get; } = output;

    protected TextWriter Error { get; } = error;

    public abstract void Checked(string name, IReadOnlyList<ValidationError> errors);

    /// <summary>A document that could not be read is not a validation result: it always goes to stderr.</summary>
    public virtual void Unreadable(string name, string problem) => Error.WriteLine($"{name}: {problem}");

    public virtual void Finish()
    {
    }
}

/// <summary><c>&lt;file&gt;: valid</c>, or one line per error: <c>&lt;file&gt;: &lt;pointer&gt;: &lt;message&gt; [&lt;keyword&gt;]</c>.</summary>
internal sealed class TextReport(TextWriter output, TextWriter error) : Report(output, error)
{
    public override void Checked(string name, IReadOnlyList<ValidationError> errors)
    {
        if (errors.Count == 0)
        {
            Output.WriteLine($"{name}: valid");
        }

        foreach (ValidationError validationError in errors)
        {
            Output.WriteLine($"{name}: {validationError} [{validationError.Keyword}]");
        }
    }
}

/// <summary>
/// One JSON array on stdout, one entry per document in order:
/// <c>{"file", "status": "valid"|"invalid"|"unreadable", "errors": [{"pointer", "keyword", "message"}], "message"?}</c>.
/// </summary>
internal sealed class JsonReport : Report
{
    private readonly MemoryStream _buffer = new();
    private readonly Utf8JsonWriter _writer;

    public JsonReport(TextWriter output, TextWriter error)
        : base(output, error)
    {
        // Messages quote values with ' and name keywords like $ref: keep them readable, not \u0027.
        _writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        _writer.WriteStartArray();
    }

    public override void Checked(string name, IReadOnlyList<ValidationError> errors)
    {
        Start(name, errors.Count == 0 ? "valid" : "invalid");
        foreach (ValidationError validationError in errors)
        {
            _writer.WriteStartObject();
            _writer.WriteString("pointer", validationError.Path);
            _writer.WriteString("keyword", validationError.Keyword);
            _writer.WriteString("message", validationError.Message);
            _writer.WriteEndObject();
        }

        _writer.WriteEndArray();
        _writer.WriteEndObject();
    }

    public override void Unreadable(string name, string problem)
    {
        base.Unreadable(name, problem);
        Start(name, "unreadable");
        _writer.WriteEndArray();
        _writer.WriteString("message", problem);
        _writer.WriteEndObject();
    }

    public override void Finish()
    {
        _writer.WriteEndArray();
        _writer.Flush();
        Output.WriteLine(System.Text.Encoding.UTF8.GetString(_buffer.GetBuffer(), 0, (int)_buffer.Length));
    }

    private void Start(string name, string status)
    {
        _writer.WriteStartObject();
        _writer.WriteString("file", name);
        _writer.WriteString("status", status);
        _writer.WriteStartArray("errors");
    }
}
