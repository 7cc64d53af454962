using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using Xunit;

namespace Insights.Contracts.InsightsService.Tests;

/// <summary>samples/InsightsClient run as a user runs it, before the service is started.</summary>
public class ClientSampleTests
{
    [Fact]
    public async Task Without_the_service_the_client_says_in_one_line_what_to_start()
    {
        // A port nothing listens on: bound, then released.
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
        }

        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "InsightsClient.dll"));
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.ArgumentList.Add("1");
        using Process process = Process.Start(start)!;
        Task<string> error = process.StandardError.ReadToEndAsync();
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)), "the client did not give up");

        Assert.Equal(1, process.ExitCode);
        Assert.Equal("", await output);
        Assert.Equal(
            $"Nothing answers at http://127.0.0.1:{port}/ after 1 s: start the service first (dotnet run --project samples/InsightsService), then run this again.",
            (await error).TrimEnd());
    }
}
