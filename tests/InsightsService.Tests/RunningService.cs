using System;
using System.Linq;
using System.Threading.Tasks;
using Insights.Service;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Insights.Contracts.InsightsService.Tests;

/// <summary>A real Kestrel server on 127.0.0.1 at a free port (the sample service, or any app), started and stopped by a test.</summary>
internal sealed class RunningService : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RunningService(WebApplication app)
    {
        _app = app;
        Address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single() + "/");
    }

    public Uri Address { get; }

    /// <summary>samples/InsightsService as its Program runs it, on loopback.</summary>
    public static Task<RunningService> StartInsightsServiceAsync(string environment = "Production") =>
        StartAsync(InsightsServiceApp.Build(["--urls", "http://127.0.0.1:0", "--environment", environment], builder => builder.Logging.ClearProviders()));

    public static async Task<RunningService> StartAsync(WebApplication app)
    {
        await app.StartAsync();
        return new RunningService(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
