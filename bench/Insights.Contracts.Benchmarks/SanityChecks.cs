using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using Microsoft.CodeAnalysis;

namespace Insights.Contracts.Benchmarks;

/// <summary>Every competitor must really read the same data (and NJsonSchema must really validate) before anything is timed.</summary>
public static class SanityChecks
{
    public static void Run()
    {
        foreach (int accounts in new[] { 1, 100, 10_000 })
        {
            byte[] utf8 = Payloads.Response(accounts);
            var ours = InsightsFlowResponse.Parse(utf8).GetValueOrThrow();
            var plain = JsonSerializer.Deserialize(utf8, PlainJsonContext.Default.PlainResponse)!;
            var reflected = JsonSerializer.Deserialize<PlainResponse>(utf8, PlainJson.Reflection)!;
            var bench = new ParseResponseBenchmarks { Accounts = accounts };
            bench.Setup();
            var nj = bench.NJsonSchema();
            Require(ours.Data.Result!.Accounts.Count == accounts, "ours");
            Require(plain.Data.Result!.Accounts.Count == accounts && plain.Data.Result.Accounts[^1].Iban == ours.Data.Result.Accounts[^1].Iban, "STJ source-gen");
            Require(reflected.Data.Result!.Accounts.Count == accounts && reflected.Data.Result.Accounts[^1].InsightsAccountId == ours.Data.Result.Accounts[^1].InsightsAccountId, "STJ reflection");
            Require(nj.Data.Result.Accounts.Count == accounts && nj.Data.Result.Accounts.Last().Iban == ours.Data.Result.Accounts[^1].Iban, "NJsonSchema");
            Require(Competitors.CountTokens(utf8) > accounts * 5, "floor");
            Require(JsonSerializer.SerializeToUtf8Bytes(plain, PlainJsonContext.Default.PlainResponse).AsSpan().SequenceEqual(ours.ToUtf8Json()), "serializers write the same bytes");
            var jsonBacked = JsonBacked.InsightsFlowResponse.Parse(utf8).GetValueOrThrow();
            Require(jsonBacked.Value.GetProperty("data").GetProperty("result").GetProperty("accounts").GetArrayLength() == accounts, "JSON-backed");
            Require(new JsonBackedResponseBenchmarks { Accounts = accounts } is { } jb && Setup(jb) && jb.NJsonSchemaValidate() == 0, "NJsonSchema validate only");
        }

        foreach (string scenario in Payloads.Scenarios)
        {
            byte[] utf8 = Payloads.Request(scenario);
            Require(InsightsFlowRequest.Parse(utf8).GetValueOrThrow().AccountsScenario?.ToString() == scenario, $"request {scenario}");
            Require(JsonSerializer.Deserialize(utf8, PlainJsonContext.Default.PlainRequest)!.IntendedReports.Count == 2, $"STJ request {scenario}");
        }

        // NJsonSchema must reject what the schema rejects, or (e) would be timing deserialization alone.
        string invalid = Encoding.UTF8.GetString(Payloads.Response(1)).Replace("insights_refresh", "nope", StringComparison.Ordinal);
        Require(NJsonSchemaPeer.LoadResponseSchema().Validate(invalid).Count > 0, "NJsonSchema validates");
        Require(!InsightsFlowResponse.Parse(invalid).IsValid, "ours validates");
        Require(!JsonBacked.InsightsFlowResponse.Parse(invalid).IsValid, "JSON-backed validates");

        PaymentEventUnions();
        UnevaluatedPairs();

        var generator = new GeneratorBenchmarks();
        generator.Setup();
        Require(generator.Insights().GetRunResult().GeneratedTrees.Length == 8, "generator output");
        Require(generator.Properties1000().GetRunResult().Diagnostics.IsEmpty, "synthetic schema is clean");
        Console.WriteLine("sanity checks passed: every competitor reads the same data");
    }

    /// <summary>
    /// The union-dispatch competitors read the same events in both layouts (the count of each kind,
    /// the last event's id and amount), and ours reject what the schema rejects in both layouts.
    /// </summary>
    private static void PaymentEventUnions()
    {
        foreach (int events in new[] { 1, 1_000 })
        {
            byte[] first = Payloads.PaymentEvents(events, discriminatorLast: false);
            byte[] last = Payloads.PaymentEvents(events, discriminatorLast: true);
            string expected = Expected(events);
            Require(first.Length == last.Length && Competitors.CountTokens(first) == Competitors.CountTokens(last) && Competitors.CountTokens(last) > events * 20, $"union floor, {events} events");
            Require(Summary(Unions.PaymentEvents.Parse(first).GetValueOrThrow()) == expected, $"union typed, type first, {events} events");
            Require(Summary(Unions.PaymentEvents.Parse(last).GetValueOrThrow()) == expected, $"union typed, type last, {events} events");
            Require(Summary(JsonBackedUnions.PaymentEvents.Parse(last).GetValueOrThrow()) == expected, $"union JSON-backed, {events} events");
            Require(Summary(JsonSerializer.Deserialize(first, PlainUnionJsonContext.Default.PlainPaymentEvents)!) == expected, $"union STJ, type first, {events} events");
            Require(Summary(JsonSerializer.Deserialize(last, PlainUnionOutOfOrderJsonContext.Default.PlainPaymentEvents)!) == expected, $"union STJ out-of-order, type last, {events} events");
            Require(Summary(JsonSerializer.Deserialize(first, PlainUnionOutOfOrderJsonContext.Default.PlainPaymentEvents)!) == expected, $"union STJ out-of-order, type first, {events} events");

            // Without the option, STJ refuses a discriminator that is not first: row (f) needs it.
            Require(Throws(() => JsonSerializer.Deserialize(last, PlainUnionJsonContext.Default.PlainPaymentEvents)), $"union STJ needs out-of-order for type last, {events} events");
        }

        foreach (bool discriminatorLast in new[] { false, true })
        {
            string valid = Encoding.UTF8.GetString(Payloads.PaymentEvents(1_000, discriminatorLast));
            string unknownKind = valid.Replace("\"type\":\"refund\"", "\"type\":\"crypto\"", StringComparison.Ordinal);
            string badCurrency = valid.Replace("\"currency\":\"GBP\"", "\"currency\":\"gbp\"", StringComparison.Ordinal);
            string layout = discriminatorLast ? "type last" : "type first";
            Require(Rejects(Unions.PaymentEvents.Parse(unknownKind).Errors, "/events/2", "oneOf"), $"union typed rejects an unknown type, {layout}");
            Require(Rejects(Unions.PaymentEvents.Parse(badCurrency).Errors, "/events/1/amount/currency", "pattern"), $"union typed rejects a bad currency, {layout}");
            Require(Rejects(JsonBackedUnions.PaymentEvents.Parse(unknownKind).Errors, "/events/2", "oneOf"), $"union JSON-backed rejects an unknown type, {layout}");
            // The JSON-backed value has no dispatch: it reports that the event matches none of the branches.
            Require(Rejects(JsonBackedUnions.PaymentEvents.Parse(badCurrency).Errors, "/events/1", "oneOf"), $"union JSON-backed rejects a bad currency, {layout}");
        }
    }

    /// <summary>
    /// Each pair of <see cref="UnevaluatedBenchmarks"/> accepts and rejects the same documents, typed and
    /// JSON-backed (so the unevaluated* keyword is really applied, and no row times a no-op), every parse
    /// reads all the items, and every value the Validate() rows start from is valid.
    /// </summary>
    private static void UnevaluatedPairs()
    {
        string response = Encoding.UTF8.GetString(Payloads.Response(4));
        const string Account = "{\"insights_account_id\":";
        SameVerdicts("a objects", [
            (response, true),
            (response.Replace("\"state\":\"FINISHED\"", "\"state\":\"FINISHED\",\"note\":1", StringComparison.Ordinal), true),
            (ReplaceFirst(response, Account, "{\"nickname\":\"x\",\"insights_account_id\":"), false),
            (ReplaceFirst(response, "\"iban\":", "\"IBAN\":"), false),
            (ReplaceFirst(response, "\"iban\":\"DE", "\"iban\":\"de"), false),
            (ReplaceFirst(response, Account + "\"", Account + "\"x"), false),
        ],
        json => Unevaluated.ClosedAccounts.ClosedAccountsResponse.Parse(json).IsValid,
        json => Unevaluated.ExtendedAccounts.ExtendedAccountsResponse.Parse(json).IsValid,
        json => UnevaluatedJson.ClosedAccounts.ClosedAccountsResponse.Parse(json).IsValid,
        json => UnevaluatedJson.ExtendedAccounts.ExtendedAccountsResponse.Parse(json).IsValid);

        string ledger = Encoding.UTF8.GetString(Payloads.Ledger(4));
        SameVerdicts("b tuples", [
            (ledger, true),
            (ReplaceFirst(ledger, "\"EUR\"]", "\"EUR\",true]"), false),
            (ReplaceFirst(ledger, ",\"EUR\"]", "]"), false),
            (ReplaceFirst(ledger, "\"EUR\"]", "\"euro\"]"), false),
            (ReplaceFirst(ledger, ",0,", ",-1,"), false),
            (ledger.Replace("{\"rows\":[", "{\"rows\":[[\"DE89370400440532013000\",1,\"EUR\"],", StringComparison.Ordinal), true),
        ],
        json => Unevaluated.TupleItems.TupleItemsLedger.Parse(json).IsValid,
        json => Unevaluated.TupleUnevaluated.TupleUnevaluatedLedger.Parse(json).IsValid,
        json => UnevaluatedJson.TupleItems.TupleItemsLedger.Parse(json).IsValid,
        json => UnevaluatedJson.TupleUnevaluated.TupleUnevaluatedLedger.Parse(json).IsValid);

        string methods = Encoding.UTF8.GetString(Payloads.PaymentMethods(4));
        SameVerdicts("c oneOf", [
            (methods, true),
            (ReplaceFirst(methods, "\"kind\":\"bank_account\",", "\"kind\":\"bank_account\",\"last4\":\"1234\","), false),
            (ReplaceFirst(methods, "\"kind\":\"card\",", "\"kind\":\"card\",\"iban\":\"DE89370400440532013000\","), false),
            (ReplaceFirst(methods, "\"kind\":\"card\",", "\"kind\":\"card\",\"nickname\":\"x\","), false),
            (ReplaceFirst(methods, "\"kind\":\"card\"", "\"kind\":\"wallet\""), false),
            (ReplaceFirst(methods, "\"kind\":\"card\"", "\"kind\":\"bank_account\""), false),
            (ReplaceFirst(methods, "{\"id\":", "{\"ID\":"), false),
        ],
        json => Unevaluated.UnionClosed.ClosedPaymentMethods.Parse(json).IsValid,
        json => Unevaluated.UnionUnevaluated.UnevaluatedPaymentMethods.Parse(json).IsValid,
        json => UnevaluatedJson.UnionClosed.ClosedPaymentMethods.Parse(json).IsValid,
        json => UnevaluatedJson.UnionUnevaluated.UnevaluatedPaymentMethods.Parse(json).IsValid);

        var bench = new UnevaluatedBenchmarks { Items = 1_000 };
        bench.Setup();
        string lastIban = bench.ClosedAccountsTyped().Data.Result!.Accounts[^1].Iban;
        Require(bench.ClosedAccountsTyped().Data.Result!.Accounts.Count == 1_000 && bench.ExtendedAccountsTyped().Data.Result!.Accounts[^1].Iban == lastIban, "a objects, typed parses read every account");
        Require(bench.ClosedAccountsJson().Value.GetProperty("data").GetProperty("result").GetProperty("accounts").GetArrayLength() == 1_000
            && bench.ExtendedAccountsJson().Value.GetProperty("data").GetProperty("result").GetProperty("accounts").GetArrayLength() == 1_000, "a objects, JSON-backed parses read every account");
        Require(bench.TupleItemsTyped().Rows.Count == 1_000 && bench.TupleUnevaluatedTyped().Rows.Count == 1_000
            && bench.TupleItemsJson().Value.GetProperty("rows").GetArrayLength() == 1_000 && bench.TupleUnevaluatedJson().Value.GetProperty("rows").GetArrayLength() == 1_000, "b tuples, parses read every row");
        Require(bench.UnionClosedTyped().Methods.Count == 1_000 && bench.UnionUnevaluatedTyped().Methods[^1].Id == bench.UnionClosedTyped().Methods[^1] switch { Unevaluated.UnionClosed.Card card => card.Id, Unevaluated.UnionClosed.BankAccount account => account.Id, _ => default },
            "c oneOf, typed parses read every payment method");
        Require(bench.UnionClosedJson().Value.GetProperty("methods").GetArrayLength() == 1_000 && bench.UnionUnevaluatedJson().Value.GetProperty("methods").GetArrayLength() == 1_000, "c oneOf, JSON-backed parses read every payment method");
        foreach ((string name, Func<Runtime.ValidationResult> validate) in new (string, Func<Runtime.ValidationResult>)[]
        {
            ("a typed closed", bench.ClosedAccountsTypedValidate), ("a typed unevaluated", bench.ExtendedAccountsTypedValidate),
            ("a JSON-backed closed", bench.ClosedAccountsJsonValidate), ("a JSON-backed unevaluated", bench.ExtendedAccountsJsonValidate),
            ("b typed closed", bench.TupleItemsTypedValidate), ("b typed unevaluated", bench.TupleUnevaluatedTypedValidate),
            ("b JSON-backed closed", bench.TupleItemsJsonValidate), ("b JSON-backed unevaluated", bench.TupleUnevaluatedJsonValidate),
            ("c typed closed", bench.UnionClosedTypedValidate),
            ("c JSON-backed closed", bench.UnionClosedJsonValidate), ("c JSON-backed unevaluated", bench.UnionUnevaluatedJsonValidate),
        })
        {
            Require(validate().IsValid, $"{name}: Validate() of a parsed value");
        }
    }

    /// <summary>All four parses (typed and JSON-backed, of both schemas of a pair) give each document its expected verdict.</summary>
    private static void SameVerdicts(string pair, (string Json, bool Valid)[] documents, params Func<string, bool>[] parses)
    {
        string[] shapes = ["typed without unevaluated*", "typed with unevaluated*", "JSON-backed without unevaluated*", "JSON-backed with unevaluated*"];
        for (int d = 0; d < documents.Length; d++)
        {
            for (int p = 0; p < parses.Length; p++)
            {
                Require(parses[p](documents[d].Json) == documents[d].Valid, $"{pair}, {shapes[p]}: document {d} should be {(documents[d].Valid ? "accepted" : "rejected")}: {documents[d].Json}");
            }
        }
    }

    private static string ReplaceFirst(string text, string find, string replacement)
    {
        int at = text.IndexOf(find, StringComparison.Ordinal);
        Require(at >= 0, $"'{find}' occurs in the document to change");
        return string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + find.Length));
    }

    /// <summary>What <see cref="Payloads.PaymentEvents"/> holds: how many of each kind, and the last event's id and amount.</summary>
    private static string Expected(int events)
    {
        int[] counts = new int[Payloads.PaymentEventKinds.Length];
        for (int i = 0; i < events; i++)
        {
            counts[i % counts.Length]++;
        }

        string prefix = ((events - 1) % 4) switch { 2 => "re_", 3 => "cb_", _ => "pay_" };
        return Describe(counts, prefix + (events - 1).ToString("D12", System.Globalization.CultureInfo.InvariantCulture), (((events - 1) * 137) % 100_000) + 1);
    }

    private static string Summary(Unions.PaymentEvents page)
    {
        int[] counts = new int[Payloads.PaymentEventKinds.Length];
        foreach (Unions.PaymentEvent item in page.Events)
        {
            counts[item switch { Unions.CardPayment => 0, Unions.BankTransfer => 1, Unions.Refund => 2, _ => 3 }]++;
        }

        (string id, long amount) = page.Events[^1] switch
        {
            Unions.CardPayment card => (card.Id, card.Amount.AmountMinor),
            Unions.BankTransfer transfer => (transfer.Id, transfer.Amount.AmountMinor),
            Unions.Refund refund => (refund.Id, refund.Amount.AmountMinor),
            Unions.Chargeback chargeback => (chargeback.Id, chargeback.Amount.AmountMinor),
            _ => ("?", -1),
        };
        return Describe(counts, id, amount);
    }

    private static string Summary(JsonBackedUnions.PaymentEvents page)
    {
        int[] counts = new int[Payloads.PaymentEventKinds.Length];
        JsonElement items = page.Value.GetProperty("events");
        foreach (JsonElement item in items.EnumerateArray())
        {
            counts[Array.IndexOf(Payloads.PaymentEventKinds, item.GetProperty("type").GetString())]++;
        }

        JsonElement lastItem = items[items.GetArrayLength() - 1];
        return Describe(counts, lastItem.GetProperty("id").GetString()!, lastItem.GetProperty("amount").GetProperty("amount_minor").GetInt64());
    }

    private static string Summary(PlainPaymentEvents page)
    {
        int[] counts = new int[Payloads.PaymentEventKinds.Length];
        foreach (PlainPaymentEvent item in page.Events)
        {
            counts[item switch { PlainCardPayment => 0, PlainBankTransfer => 1, PlainRefund => 2, _ => 3 }]++;
        }

        return Describe(counts, page.Events[^1].Id, page.Events[^1].Amount.AmountMinor);
    }

    private static string Describe(int[] counts, string lastId, long lastAmount) =>
        $"{string.Join("/", counts)} last {lastId} {lastAmount}";

    private static bool Rejects(System.Collections.Generic.IReadOnlyList<Runtime.ValidationError> errors, string path, string keyword) =>
        errors.Any(e => e.Path == path && e.Keyword == keyword);

    private static bool Throws(Action action)
    {
        try
        {
            action();
            return false;
        }
        catch (Exception e) when (e is JsonException or NotSupportedException)
        {
            return true;
        }
    }

    private static bool Setup(JsonBackedResponseBenchmarks benchmarks)
    {
        benchmarks.Setup();
        return true;
    }

    private static void Require(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"Sanity check failed: {what}");
        }
    }
}
