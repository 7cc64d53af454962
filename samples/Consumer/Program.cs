using System.Text.Json;
using Insights.Contracts.Runtime;
using Shop.Contracts;

// Exercises the generated contracts the way a user would, and exits non-zero if any expectation
// fails, so scripts/consumer-check.sh (run by CI) proves the packed package really works.
var failures = new List<string>();
void Expect(bool condition, string what)
{
    Console.WriteLine($"{(condition ? "ok  " : "FAIL")} {what}");
    if (!condition)
    {
        failures.Add(what);
    }
}

const string valid = """
    {"order_id":"8ed4ac35-04b0-4c4f-a283-41b6e387c422","placed_on":"2024-02-29",
     "lines":[{"sku":"ABC-1234","quantity":2}],"delivery":{"pickup_point":"P-17"}}
    """;
var parsed = Order.Parse(valid);
Expect(parsed.IsValid, "a valid order parses");
Expect(parsed.Value?.Status == Status.Open, "the schema default applies (status = open)");
Expect(parsed.Value?.Delivery.Variant == DeliveryVariant.Pickup, "the oneOf branch is surfaced as a typed variant");

const string invalid = """
    {"order_id":"nope","placed_on":"2023-02-29","lines":[{"sku":"abc","quantity":0}],
     "delivery":{"pickup_point":"P-17","address":"Main St 1"},"status":"lost"}
    """;
var rejected = Order.Parse(invalid);
foreach (var error in rejected.Errors)
{
    Console.WriteLine($"     {error}");
}

Expect(
    rejected.Errors.Select(e => e.Path).SequenceEqual(["/order_id", "/placed_on", "/lines/0/sku", "/lines/0/quantity", "/delivery", "/status"]),
    "every error of an invalid order is reported with its JSON Pointer");

var order = parsed.Value!;
Expect(Order.Parse(order.ToUtf8Json()).Value == order, "serialize and parse back gives an equal record");

// JsonSerializer with reflection off: metadata built from the generated converter, no reflection.
// (A [JsonSerializable] context cannot do it: one source generator never sees another's types.)
var orderInfo = JsonContract.GetTypeInfo<Order>();
string viaSerializer = JsonSerializer.Serialize(order, orderInfo);
Expect(viaSerializer == order.ToJson(), "JsonSerializer (no reflection) writes the same JSON");
Expect(JsonSerializer.Deserialize(viaSerializer, orderInfo) == order, "JsonSerializer (no reflection) reads it back");
try
{
    JsonSerializer.Deserialize(invalid, orderInfo);
    Expect(false, "JsonSerializer rejects an invalid order");
}
catch (JsonContractException e)
{
    Expect(e.Errors.Count == 6, "JsonSerializer rejects an invalid order with every error");
}

var built = order with { Lines = [new Line { Sku = "XYZ-0001", Quantity = 5000 }] };
Expect(built.Validate().Errors.Single().Path == "/lines/0/quantity", "Validate() checks an object built in code");

// A schema that is not one typed object becomes a JSON-backed value; its $ref leads into a
// reference document given by URI.
var price = Price.Parse("""{"amount":"9.99","currency":"EUR"}""");
Expect(price.IsValid && price.Value.Variant == PriceVariant.Amount, "a JSON-backed value parses through a $ref into a reference document");
Expect(Price.Parse("\"free\"").Value?.Variant == PriceVariant.Free, "the titled oneOf branch is surfaced as its Variant");
var badPrice = Price.Parse("""{"amount":"9.9","currency":"EUR"}""");
Expect(!badPrice.IsValid && badPrice.Errors.Single().Message.Contains("Amount: /amount: '9.9' does not match the pattern"), "a bad price names the failing branch and member");
var priceInfo = JsonContract.GetTypeInfo<Price>();
Expect(JsonSerializer.Deserialize("""{"currency":"EUR","amount":"1.00"}""", priceInfo)!.Equals(Price.Parse("""{"amount":"1.00","currency":"EUR"}""").Value), "JsonSerializer (no reflection) reads a JSON-backed value; equality ignores member order");

Console.WriteLine(failures.Count == 0 ? "consumer: all checks passed" : $"consumer: {failures.Count} check(s) failed");
return failures.Count == 0 ? 0 : 1;
