using System.Threading.Tasks;
using Insights.Service;
using Microsoft.Extensions.Logging;

namespace Insights.Contracts.InsightsService.Tests;

internal static class InsightsServiceApps
{
    /// <summary>samples/InsightsService as its Program builds it, on 127.0.0.1 at a free port.</summary>
    public static Task<LoopbackServer> StartAsync(string environment = "Production") =>
        LoopbackServer.StartAsync(InsightsServiceApp.Build(["--urls", "http://127.0.0.1:0", "--environment", environment], builder => builder.Logging.ClearProviders()));
}
