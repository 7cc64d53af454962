using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Matching;
using Microsoft.Extensions.Options;

namespace Insights.Contracts.AspNetCore;

/// <summary>
/// Puts <see cref="ContractBodyReader"/> in front of every endpoint (minimal API or MVC action) whose
/// body parameter is a generated contract. Routing is the one place a library can reach every
/// endpoint of an app without a line per endpoint; the endpoint that replaces the matched one keeps
/// its route, order and metadata, so authorization, CORS and the rest see no difference, and the
/// body is read only when the endpoint runs (after authentication and authorization).
/// </summary>
internal sealed class ContractBodyMatcherPolicy(IOptions<JsonContractsOptions> options) : MatcherPolicy, IEndpointSelectorPolicy
{
    private readonly ConcurrentDictionary<Endpoint, Endpoint?> _replacements = new();

    /// <summary>After the built-in policies (HTTP method, host, dynamic endpoints) have had their say.</summary>
    public override int Order => 100_000;

    /// <summary>
    /// The name ASP.NET Core routing gives the endpoint it selects when no endpoint at a path accepts
    /// the request's Content-Type (a minimal API JSON body declares application/json); it answers a
    /// bare 415, which this policy replaces with problem details.
    /// </summary>
    internal const string RoutingUnsupportedMediaTypeName = "415 HTTP Unsupported Media Type";

    private static readonly Endpoint s_unsupportedMediaType = new(
        context => ContractProblem.WriteAsync(
            context,
            StatusCodes.Status415UnsupportedMediaType,
            "The request body's media type is not accepted here.",
            [ContractProblem.UnsupportedContentType(context.Request, "no endpoint here accepts it")]),
        new EndpointMetadataCollection(ContractBody.Checked.Instance),
        RoutingUnsupportedMediaTypeName);

    public bool AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints) =>
        endpoints.Any(e => ContractBody.Of(e) is not null || IsRoutingUnsupportedMediaType(e));

    private static bool IsRoutingUnsupportedMediaType(Endpoint endpoint) =>
        endpoint is not RouteEndpoint && endpoint.DisplayName == RoutingUnsupportedMediaTypeName && endpoint.Metadata.GetMetadata<ContractBody.Checked>() is null;

    public Task ApplyAsync(HttpContext httpContext, CandidateSet candidates)
    {
        for (int i = 0; i < candidates.Count; i++)
        {
            if (candidates.IsValidCandidate(i) && _replacements.GetOrAdd(candidates[i].Endpoint, Replace) is { } replacement)
            {
                candidates.ReplaceEndpoint(i, replacement, candidates[i].Values);
            }
        }

        return Task.CompletedTask;
    }

    private Endpoint? Replace(Endpoint endpoint)
    {
        if (IsRoutingUnsupportedMediaType(endpoint))
        {
            return s_unsupportedMediaType;
        }

        if (endpoint is not RouteEndpoint { RequestDelegate: { } next } route || ContractBody.Of(endpoint) is not { } body)
        {
            return null;
        }

        var reader = new ContractBodyReader(body, next, options.Value);
        return new RouteEndpoint(
            reader.InvokeAsync,
            route.RoutePattern,
            route.Order,
            new EndpointMetadataCollection([.. route.Metadata, ContractBody.Checked.Instance]),
            route.DisplayName);
    }
}
