using Insights.Contracts;
using Insights.Contracts.AspNetCore;
using Insights.Contracts.Runtime;

namespace Insights.Service;

/// <summary>The service: POST /flows takes a flow request and answers with the flow's response.</summary>
public static class InsightsServiceApp
{
    /// <summary>Builds the app (not started); <paramref name="args"/> are the usual host arguments (<c>--urls</c>, <c>--environment</c>).</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        WebApplicationBuilder builder = WebApplication.CreateBuilder(args);
        builder.Services.AddJsonContracts();
        builder.Services.AddOpenApi();
        configure?.Invoke(builder);

        WebApplication app = builder.Build();
        app.MapOpenApi();
        app.MapGet("/", () => "Insights flow service: POST /flows, OpenAPI at /openapi/v1.json");
        app.MapPost("/flows", (InsightsFlowRequest request) => TypedResults.Ok(Flows.Run(request)))
            .WithName("StartFlow")
            .WithSummary("Starts an Insights flow and answers with its result.");
        return app;
    }
}

/// <summary>
/// A stand-in for the bank side of a flow: every consumer has the same three accounts. The request
/// arrives already valid (AddJsonContracts answered anything else with problem details).
/// </summary>
public static class Flows
{
    public static IReadOnlyList<RefreshFlowResponseAccount> Accounts { get; } =
    [
        new() { InsightsAccountId = Guid.Parse("8ed4ac35-04b0-4c4f-a283-41b6e387c422"), Iban = "DE89370400440532013000" },
        new() { InsightsAccountId = Guid.Parse("3dbd396b-f8ef-4ab6-9cd8-c5426eafb212"), Iban = "GB82WEST12345698765432" },
        new() { InsightsAccountId = Guid.Parse("c0ffee00-1234-4abc-8def-0123456789ab"), Iban = "NL91ABNA0417164300" },
    ];

    public static InsightsFlowResponse Run(InsightsFlowRequest request)
    {
        IEnumerable<RefreshFlowResponseAccount> refreshed = request.AccountsScenario switch
        {
            // The consumer picks one account during the bank session; this stand-in picks the first.
            RefreshFlowAccountsVariant.AccountSelection => Accounts.Take(1),
            RefreshFlowAccountsVariant.AllAccounts => Accounts,
            _ => Accounts.Where(a =>
                (request.Accounts!.Ids?.Contains(a.InsightsAccountId) ?? false)
                || (request.Accounts.Ibans?.Contains(a.Iban) ?? false)),
        };

        var response = new InsightsFlowResponse
        {
            Data = new FlowData
            {
                State = "FINISHED",
                Result = new FlowResult
                {
                    Type = FlowResultType.InsightsRefresh,
                    Accounts = [.. refreshed],
                    InsightsConsumerId = request.InsightsConsumerId ?? Guid.NewGuid().ToString(),
                },
            },
        };

        // What the service answers is held to the same contract as what it accepts.
        ValidationResult check = response.Validate();
        return check.IsValid ? response : throw new InvalidOperationException($"the service built an invalid response:\n{check}");
    }
}
