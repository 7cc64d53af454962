using System.Net;
using System.Text;
using Insights.Contracts.AspNetCore;
using Insights.Contracts.Runtime;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

// Serves a generated contract the way a user's service would, calls itself on 127.0.0.1, and exits
// non-zero if any answer is not what Insights.Contracts.AspNetCore promises.
var failures = new List<string>();
void Expect(bool condition, string what)
{
    Console.WriteLine($"{(condition ? "ok  " : "FAIL")} {what}");
    if (!condition)
    {
        failures.Add(what);
    }
}

WebApplicationBuilder builder = WebApplication.CreateBuilder(args);
builder.WebHost.UseUrls("http://127.0.0.1:0");
builder.Logging.ClearProviders();
builder.Services.AddJsonContracts();   // the one line
builder.Services.AddOpenApi();
WebApplication app = builder.Build();
app.MapOpenApi();
app.MapPost("/orders", (Order order) => $"{order.Lines.Count} line(s)");
await app.StartAsync();

string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
using var http = new HttpClient { BaseAddress = new Uri(address) };

var order = Order.Parse("""
    {"order_id":"8ed4ac35-04b0-4c4f-a283-41b6e387c422","placed_on":"2024-02-29",
     "lines":[{"sku":"ABC-1234","quantity":2}],"delivery":{"pickup_point":"P-17"}}
    """).GetValueOrThrow();
using HttpResponseMessage accepted = await http.PostContractAsync("/orders", order);
Expect(accepted.StatusCode == HttpStatusCode.OK && await accepted.Content.ReadAsStringAsync() == "1 line(s)", "a valid order reaches the endpoint");

using HttpResponseMessage rejected = await http.PostAsync("/orders", new StringContent("""{"order_id":"nope","placed_on":"2024-02-29","lines":[]}""", Encoding.UTF8, "application/json"));
string problem = await rejected.Content.ReadAsStringAsync();
Expect(rejected.StatusCode == HttpStatusCode.BadRequest, "an invalid order is a 400");
Expect(rejected.Content.Headers.ContentType?.MediaType == "application/problem+json", "as application/problem+json");
Expect(problem.Contains("\"/order_id\":[{\"keyword\":\"format\"") && problem.Contains("\"/lines\":[{\"keyword\":\"minItems\""), "with every error by JSON Pointer: " + problem);

using HttpResponseMessage notJson = await http.PostAsync("/orders", new StringContent("order", Encoding.UTF8, "text/plain"));
Expect(notJson.StatusCode == HttpStatusCode.UnsupportedMediaType && notJson.Content.Headers.ContentType?.MediaType == "application/problem+json", "a body that is not JSON is a 415 with problem details");

try
{
    await http.PostContractAsync("/orders", order with { Lines = [] });
    Expect(false, "an invalid order built in code is refused before sending");
}
catch (JsonContractException e)
{
    Expect(e.Errors.Single().Path == "/lines", "an invalid order built in code is refused before sending");
}

string openApi = await http.GetStringAsync("/openapi/v1.json");
Expect(openApi.Contains("urn:insights-contracts:Shop.Contracts.Order") && openApi.Contains("\"pattern\":\"^[A-Z]{3}-[0-9]{4}$\""), "the OpenAPI document shows the order's own JSON Schema");

await app.StopAsync();
Console.WriteLine(failures.Count == 0 ? "all checks passed" : $"{failures.Count} check(s) failed");
return failures.Count == 0 ? 0 : 1;
