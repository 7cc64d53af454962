using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace Insights.Contracts.AspNetCore.Tests;

/// <summary>
/// Issue 13: mapping a generated contract as a body parameter, with no attribute and without this
/// library, made every route of the app answer 500. Plain ASP.NET Core must bind it from the body.
/// </summary>
public class PlainBindingTests
{
    [Fact]
    public async Task A_contract_body_parameter_without_attributes_binds_and_the_other_routes_still_work()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(
            "Production",
            _ => { },
            app =>
            {
                app.MapGet("/", () => "home");
                app.MapGet("/items/{id:int}", (int id) => id * 2);
                app.MapPost("/flows", (InsightsFlowRequest request) => request.InsightsConsumerId);
            });

        Assert.Equal("home", await server.Client.GetStringAsync("/"));
        Assert.Equal("42", await server.Client.GetStringAsync("/items/21"));

        using HttpResponseMessage valid = await server.Client.PostAsync("/flows", new StringContent(ProblemDetailsTests.ValidRequest, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        Assert.Equal("c-1", await valid.Content.ReadAsStringAsync());

        // Without AddJsonContracts an invalid body is ASP.NET Core's bare 400; what matters here is no 500.
        using HttpResponseMessage invalid = await server.Client.PostAsync("/flows", new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal("home", await server.Client.GetStringAsync("/"));
    }
}
