using Insights.Contracts.Runtime;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Insights.Contracts.AspNetCore;

/// <summary>An endpoint's request body parameter whose type is a generated contract.</summary>
internal sealed record ContractBody(JsonContractInfo Contract, bool IsOptional)
{
    /// <summary>Marks an endpoint this library already wrapped, so it is never wrapped twice.</summary>
    internal sealed class Checked
    {
        public static Checked Instance { get; } = new();
    }

    /// <summary>The contract body of <paramref name="endpoint"/>, or null when it takes none.</summary>
    public static ContractBody? Of(Endpoint endpoint)
    {
        EndpointMetadataCollection metadata = endpoint.Metadata;
        if (metadata.GetMetadata<Checked>() is not null)
        {
            return null;
        }

        // MVC: a parameter bound from the body ([FromBody], or inferred by [ApiController]).
        if (metadata.GetMetadata<ActionDescriptor>() is { } action)
        {
            foreach (var parameter in action.Parameters)
            {
                if (parameter.BindingInfo?.BindingSource == BindingSource.Body && JsonContractInfo.Find(parameter.ParameterType) is { } contract)
                {
                    return new ContractBody(contract, parameter.BindingInfo.EmptyBodyBehavior == EmptyBodyBehavior.Allow);
                }
            }

            return null;
        }

        // Minimal APIs: the request delegate factory describes a JSON body parameter (inferred or
        // [FromBody]) as accepts-metadata naming its type; optional when the parameter is nullable.
        return metadata.GetMetadata<IAcceptsMetadata>() is { RequestType: { } type } accepts && JsonContractInfo.Find(type) is { } found
            ? new ContractBody(found, accepts.IsOptional)
            : null;
    }
}
