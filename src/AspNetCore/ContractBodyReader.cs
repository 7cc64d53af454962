using System.Globalization;
using System.IO.Pipelines;
using System.Threading.Tasks;
using Insights.Contracts.Runtime;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Insights.Contracts.AspNetCore;

/// <summary>
/// Reads a contract body with the contract's own reader before the endpoint runs: a body that is not
/// JSON, too large, malformed or invalid is answered with problem details and the endpoint never
/// runs; a valid one is handed to the endpoint's own binding from the pooled buffer it was read into.
/// </summary>
internal sealed class ContractBodyReader(ContractBody body, RequestDelegate next, JsonContractsOptions options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        HttpRequest request = context.Request;
        if (body.IsOptional && !HasBody(context))
        {
            await next(context);
            return;
        }

        if (!request.HasJsonContentType())
        {
            await ContractProblem.WriteAsync(
                context,
                StatusCodes.Status415UnsupportedMediaType,
                "The request body must be JSON.",
                [ContractProblem.UnsupportedContentType(request, "expected application/json")]);
            return;
        }

        Utf8JsonBuffer buffer;
        try
        {
            buffer = await Utf8JsonBuffer.ReadAsync(request.BodyReader, options.MaxBodyBytes, context.RequestAborted);
        }
        catch (BadHttpRequestException e)
        {
            // Kestrel's own limits (MaxRequestBodySize, the minimum data rate): answered alike.
            await ContractProblem.WriteAsync(context, e.StatusCode, "The request body could not be read.", [new ValidationError("", ContractProblem.RequestKeyword, e.Message)]);
            return;
        }

        context.Response.RegisterForDispose(buffer);
        ParseResult<object> parsed = body.Contract.Parse(buffer);
        if (!parsed.IsValid)
        {
            bool tooLarge = buffer.SizeError is not null;
            await ContractProblem.WriteAsync(
                context,
                tooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest,
                tooLarge
                    ? string.Create(CultureInfo.InvariantCulture, $"The request body is larger than {options.MaxBodyBytes} bytes.")
                    : $"The request body is not a valid {body.Contract.Name}.",
                parsed.Errors);
            return;
        }

        // The endpoint's binding (minimal API or MVC) reads the same checked bytes again.
        PipeReader replay = PipeReader.Create(buffer.Utf8Json);
        context.Features.Set<IRequestBodyPipeFeature>(new ReplayedBody(replay));
        request.Body = replay.AsStream();
        await next(context);
    }

    private static bool HasBody(HttpContext context) =>
        context.Request.ContentLength is { } length
            ? length > 0
            : context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true;

    private sealed class ReplayedBody(PipeReader reader) : IRequestBodyPipeFeature
    {
        public PipeReader Reader { get; } = reader;
    }
}
