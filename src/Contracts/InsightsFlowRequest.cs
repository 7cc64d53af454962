using Insights.Contracts.Runtime;
using Insights.Contracts.Runtime.CompilerServices;

namespace Insights.Contracts;

// Hand-written additions to the generated record: only what JSON Schema cannot say.
public sealed partial record InsightsFlowRequest
{
    /// <summary>
    /// The accounts scenario this request asks for. A request without <c>accounts</c> is
    /// <see cref="RefreshFlowAccountsVariant.AccountSelection"/>, as the API describes; null only when
    /// <see cref="Accounts"/> matches no scenario (then <see cref="Validate"/> reports why).
    /// </summary>
    public RefreshFlowAccountsVariant? AccountsScenario =>
        Accounts is null ? RefreshFlowAccountsVariant.AccountSelection : Accounts.Variant;

    /// <summary>The period is from_date to to_date; a period that ends before it starts retrieves nothing and is a mistake.</summary>
    partial void OnValidate(ValidationContext context)
    {
        if (ToDate < FromDate)
        {
            context.AddErrorAt(
                "to_date",
                "dateRange",
                $"to_date {IsoDate.ToIsoString(ToDate)} is before from_date {IsoDate.ToIsoString(FromDate)}");
        }
    }
}
