using System;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace Insights.Contracts.Runtime;

/// <summary>
/// HttpClient with contracts: a value is checked against its schema before it is sent (an invalid
/// one never leaves the process), and a response body is read into a contract with every rule checked.
/// </summary>
public static class HttpContractExtensions
{
    /// <summary>
    /// The value as a JSON request body (<c>application/json; charset=utf-8</c>), written by its
    /// own writer. Throws <see cref="JsonContractException"/> listing every error if it is not valid.
    /// </summary>
    public static HttpContent ToHttpContent<T>(this T value) where T : class, IJsonContract<T>
    {
        ValidationResult check = JsonContract.Validate(value);
        if (!check.IsValid)
        {
            throw JsonContractException.ForValue(typeof(T).Name, check.Errors);
        }

        var content = new ByteArrayContent(JsonContract.SerializeToUtf8Bytes(value));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    /// <summary>POSTs <paramref name="value"/> as JSON after checking it; see <see cref="ToHttpContent{T}(T)"/>.</summary>
    public static Task<HttpResponseMessage> PostContractAsync<T>(this HttpClient client, string? requestUri, T value, CancellationToken cancellationToken = default)
        where T : class, IJsonContract<T>
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.PostAsync(requestUri, value.ToHttpContent(), cancellationToken);
    }

    /// <summary>PUTs <paramref name="value"/> as JSON after checking it; see <see cref="ToHttpContent{T}(T)"/>.</summary>
    public static Task<HttpResponseMessage> PutContractAsync<T>(this HttpClient client, string? requestUri, T value, CancellationToken cancellationToken = default)
        where T : class, IJsonContract<T>
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.PutAsync(requestUri, value.ToHttpContent(), cancellationToken);
    }

    /// <summary>
    /// Reads the body (at most <paramref name="maxBytes"/> bytes, streamed into pooled buffers) into
    /// <typeparamref name="T"/> with every rule checked. A body whose Content-Type is not JSON is a
    /// <c>contentType</c> error; nothing here throws for bad content.
    /// </summary>
    public static async Task<ParseResult<T>> ReadContractAsync<T>(this HttpContent content, long maxBytes = JsonContract.DefaultMaxDocumentBytes, CancellationToken cancellationToken = default)
        where T : class, IJsonContract<T>
    {
        ArgumentNullException.ThrowIfNull(content);
        string? mediaType = content.Headers.ContentType?.MediaType;
        if (mediaType is not null && !IsJson(mediaType))
        {
            return ParseResult<T>.Failure([new ValidationError("", "contentType", $"expected a JSON body, got Content-Type '{content.Headers.ContentType}'")]);
        }

        Stream body = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
        {
            return await JsonContract.ParseAsync<T>(body, maxBytes, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// GETs <paramref name="requestUri"/> and reads the body into <typeparamref name="T"/>: an
    /// unsuccessful status throws <see cref="HttpRequestException"/>, a body that is not a valid
    /// <typeparamref name="T"/> throws <see cref="JsonContractException"/> listing every error.
    /// </summary>
    public static async Task<T> GetContractAsync<T>(this HttpClient client, string? requestUri, CancellationToken cancellationToken = default)
        where T : class, IJsonContract<T>
    {
        ArgumentNullException.ThrowIfNull(client);
        using HttpResponseMessage response = await client.GetAsync(requestUri, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadContractAsync<T>(cancellationToken: cancellationToken).ConfigureAwait(false)).GetValueOrThrow();
    }

    private static bool IsJson(string mediaType) =>
        mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
}
