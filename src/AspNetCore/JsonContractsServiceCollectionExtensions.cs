using System;
using System.Collections.Generic;
using System.Text.Json.Serialization.Metadata;
using Insights.Contracts.Runtime;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.DependencyInjection;

namespace Insights.Contracts.AspNetCore;

/// <summary>The one line of setup: <c>builder.Services.AddJsonContracts();</c>.</summary>
public static class JsonContractsServiceCollectionExtensions
{
    /// <summary>
    /// Every minimal API endpoint and MVC action whose body parameter is a generated contract gets
    /// the body read and validated by the contract's own reader before it runs; a body that is not
    /// JSON (415), too large (413), malformed or invalid (400) is answered with
    /// <c>application/problem+json</c> listing every error by JSON Pointer, in every environment.
    /// Contracts are (de)serialized by their own reader and writer, without reflection, wherever the
    /// app's JSON options are used, and an OpenAPI document shows each contract's own JSON Schema and
    /// the 400, 413 and 415 problem details answers of each operation whose body is a contract.
    /// </summary>
    public static IServiceCollection AddJsonContracts(this IServiceCollection services, Action<JsonContractsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);

        var options = services.AddOptions<JsonContractsOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<MatcherPolicy, ContractBodyMatcherPolicy>());
        services.ConfigureHttpJsonOptions(json => PutContractsFirst(json.SerializerOptions.TypeInfoResolverChain));
        services.Configure<Microsoft.AspNetCore.Mvc.JsonOptions>(json => PutContractsFirst(json.JsonSerializerOptions.TypeInfoResolverChain));
        services.ConfigureAll<OpenApiOptions>(openApi =>
        {
            openApi.AddSchemaTransformer(JsonContractSchemaTransformer.Instance);
            openApi.AddDocumentTransformer(JsonContractSchemaTransformer.Instance);
            openApi.AddOperationTransformer(ContractProblemResponses.Instance);
        });
        return services;
    }

    private static void PutContractsFirst(IList<IJsonTypeInfoResolver> chain)
    {
        if (!chain.Contains(JsonContract.TypeInfoResolver))
        {
            chain.Insert(0, JsonContract.TypeInfoResolver);
        }
    }
}
