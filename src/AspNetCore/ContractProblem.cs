using System.Buffers;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading.Tasks;
using Insights.Contracts.Runtime;
using Microsoft.AspNetCore.Http;

namespace Insights.Contracts.AspNetCore;

/// <summary>
/// RFC 9457 problem details for a rejected contract body, written with <see cref="Utf8JsonWriter"/>
/// (no serializer, no reflection): the usual members plus <c>errors</c>, an object keyed by the JSON
/// Pointer of each offending value (<c>""</c> is the whole body) whose entries list the failed
/// keyword and a message.
/// </summary>
public static class ContractProblem
{
    /// <summary>The media type of the response.</summary>
    public const string ContentType = "application/problem+json";

    /// <summary>The keyword of the error for a body whose Content-Type is not JSON (answered with 415).</summary>
    public const string ContentTypeKeyword = "contentType";

    /// <summary>The keyword of the error for a body the server could not read (a Kestrel limit; its status code is kept).</summary>
    public const string RequestKeyword = "request";

    /// <summary>Writes the problem details response for <paramref name="errors"/> with <paramref name="status"/>.</summary>
    public static async Task WriteAsync(HttpContext context, int status, string title, IReadOnlyList<ValidationError> errors)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        // Relaxed escaping: a message quotes values ('2024-02-30'); the body is JSON for API clients, never HTML.
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("type", TypeOf(status));
            writer.WriteString("title", title);
            writer.WriteNumber("status", status);
            writer.WriteString("detail", errors.Count == 1
                ? "1 error; it is listed under the JSON Pointer of the value it is about."
                : string.Create(CultureInfo.InvariantCulture, $"{errors.Count} errors; each is listed under the JSON Pointer of the value it is about."));
            writer.WriteString("instance", context.Request.Path.Value);
            writer.WriteStartObject("errors");
            foreach (IGrouping<string, ValidationError> pointer in errors.GroupBy(e => e.Path))
            {
                writer.WriteStartArray(pointer.Key);
                foreach (ValidationError error in pointer)
                {
                    writer.WriteStartObject();
                    writer.WriteString("keyword", error.Keyword);
                    writer.WriteString("message", error.Message);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
            writer.WriteString("traceId", Activity.Current?.Id ?? context.TraceIdentifier);
            writer.WriteEndObject();
        }

        HttpResponse response = context.Response;
        response.StatusCode = status;
        response.ContentType = ContentType;
        response.ContentLength = buffer.WrittenCount;
        await response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted);
    }

    /// <summary>The error for a request whose Content-Type is not accepted; <paramref name="expectation"/> says what is.</summary>
    internal static ValidationError UnsupportedContentType(HttpRequest request, string expectation) =>
        new("", ContentTypeKeyword, string.IsNullOrEmpty(request.ContentType)
            ? $"the request has no Content-Type; {expectation}"
            : $"Content-Type '{request.ContentType}' is not accepted; {expectation}");

    private static string TypeOf(int status) => status switch
    {
        StatusCodes.Status413PayloadTooLarge => "https://tools.ietf.org/html/rfc9110#section-15.5.14",
        StatusCodes.Status415UnsupportedMediaType => "https://tools.ietf.org/html/rfc9110#section-15.5.16",
        StatusCodes.Status408RequestTimeout => "https://tools.ietf.org/html/rfc9110#section-15.5.9",
        _ => "https://tools.ietf.org/html/rfc9110#section-15.5.1",
    };
}
