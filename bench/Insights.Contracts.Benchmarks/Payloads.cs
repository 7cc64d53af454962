using System;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text;

namespace Insights.Contracts.Benchmarks;

/// <summary>Deterministic documents, built in code so every run and every competitor reads the same bytes.</summary>
public static class Payloads
{
    public static string RepositoryRoot { get; } = typeof(Payloads).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;

    /// <summary>A finished-flow response with <paramref name="accounts"/> accounts (valid against the schema).</summary>
    public static byte[] Response(int accounts)
    {
        var builder = new StringBuilder(128 + (accounts * 96));
        builder.Append("""{"data":{"state":"FINISHED","result":{"type":"insights_refresh","accounts":[""");
        for (int i = 0; i < accounts; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            builder.Append("""{"insights_account_id":""").Append('"').Append(DeterministicGuid(i)).Append("\",")
                .Append("\"iban\":\"").Append(Iban(i)).Append("\"}");
        }

        builder.Append("""],"insights_consumer_id":"3dbd396b-f8ef-4ab6-9cd8-c5426eafb212"}}}""");
        return Encoding.UTF8.GetBytes(builder.ToString());
    }

    /// <summary>A request for one of the three accounts scenarios (valid against the schema).</summary>
    public static byte[] Request(string scenario)
    {
        string accounts = scenario switch
        {
            "AccountSelection" => "",
            "AllAccounts" => ""","accounts":{"ids":[],"ibans":[],"all":true}""",
            "GivenAccounts" => $$""","accounts":{"ids":["{{DeterministicGuid(1)}}","{{DeterministicGuid(2)}}"],"ibans":["DE89370400440532013000","GB29NWBK60161331926819"]}""",
            _ => throw new ArgumentOutOfRangeException(nameof(scenario), scenario, null),
        };
        return Encoding.UTF8.GetBytes($$"""{"intended_reports":["transactions","balances"],"from_date":"2024-01-01","to_date":"2024-03-31"{{accounts}},"insights_consumer_id":"consumer-42","data_retention_minutes":60}""");
    }

    public static readonly string[] Scenarios = ["AccountSelection", "AllAccounts", "GivenAccounts"];

    /// <summary>The kinds of payment event, in the order <see cref="PaymentEvents"/> cycles through them.</summary>
    public static readonly string[] PaymentEventKinds = ["card_payment", "bank_transfer", "refund", "chargeback"];

    /// <summary>
    /// A page of <paramref name="events"/> payment events (valid against bench/schemas/payment-events.schema.json),
    /// cycling through the four kinds. Each event's discriminator <c>type</c> is its first member, or its last
    /// when <paramref name="discriminatorLast"/>; nothing else differs, so both layouts are the same length.
    /// </summary>
    public static byte[] PaymentEvents(int events, bool discriminatorLast)
    {
        string[] currencies = ["EUR", "GBP", "USD"];
        var builder = new StringBuilder(32 + (events * 260));
        builder.Append("""{"page":1,"events":[""");
        for (int i = 0; i < events; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            string kind = PaymentEventKinds[i % PaymentEventKinds.Length];
            string id = (kind switch { "refund" => "re_", "chargeback" => "cb_", _ => "pay_" }) + Twelve(i);
            string createdAt = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(i * 7).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            var body = new StringBuilder(240);
            body.Append($$"""
                "id":"{{id}}","created_at":"{{createdAt}}","amount":{"amount_minor":{{((i * 137) % 100_000) + 1}},"currency":"{{currencies[i % 3]}}"}
                """);
            switch (kind)
            {
                case "card_payment":
                    body.Append($$"""
                        ,"card":{"brand":"{{new[] { "visa", "mastercard", "amex" }[i % 3]}}","last4":"{{(i % 10_000).ToString("D4", CultureInfo.InvariantCulture)}}","exp_month":{{(i % 12) + 1}},"exp_year":{{2026 + (i % 5)}}},"captured":{{(i % 8 == 0 ? "true" : "false")}}
                        """);
                    if ((i / 4) % 2 == 0)
                    {
                        body.Append(",\"description\":\"order ").Append(i.ToString(CultureInfo.InvariantCulture)).Append('"');
                    }

                    break;
                case "bank_transfer":
                    body.Append($$"""
                        ,"debtor":{"name":"Customer {{i}}","iban":"DE{{(i % 90) + 10}}3704004405{{i.ToString("D8", CultureInfo.InvariantCulture)}}"},"reference":"INV-{{i}}","status":"{{new[] { "pending", "settled", "returned" }[i % 3]}}"
                        """);
                    break;
                case "refund":
                    body.Append($$"""
                        ,"payment_id":"pay_{{Twelve(i - 2)}}","reason":"{{new[] { "requested_by_customer", "duplicate", "fraudulent" }[i % 3]}}"
                        """);
                    break;
                default:
                    body.Append($$"""
                        ,"payment_id":"pay_{{Twelve(i - 3)}}","reason_code":"{{4830 + (i % 10)}}","evidence_due_by":"{{new DateOnly(2024, 2, 1).AddDays(i % 28).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}}"
                        """);
                    break;
            }

            string discriminator = $"\"type\":\"{kind}\"";
            builder.Append('{')
                .Append(discriminatorLast ? body : discriminator)
                .Append(',')
                .Append(discriminatorLast ? discriminator : body)
                .Append('}');
        }

        builder.Append("]}");
        return Encoding.UTF8.GetBytes(builder.ToString());
    }

    /// <summary>
    /// A ledger of <paramref name="rows"/> rows, each a tuple (IBAN, amount in minor units, currency),
    /// valid against bench/schemas/uneval-tuple-*.schema.json.
    /// </summary>
    public static byte[] Ledger(int rows)
    {
        string[] currencies = ["EUR", "GBP", "USD"];
        var builder = new StringBuilder(16 + (rows * 40));
        builder.Append("""{"rows":[""");
        for (int i = 0; i < rows; i++)
        {
            builder.Append(i > 0 ? "," : "").Append("[\"").Append(Iban(i)).Append("\",")
                .Append((((long)i * 7919) % 1_000_000).ToString(CultureInfo.InvariantCulture))
                .Append(",\"").Append(currencies[i % 3]).Append("\"]");
        }

        builder.Append("]}");
        return Encoding.UTF8.GetBytes(builder.ToString());
    }

    /// <summary>
    /// <paramref name="methods"/> payment methods, bank accounts and cards in turn, each with an id, its
    /// <c>kind</c> and one member of its own, valid against bench/schemas/uneval-union-*.schema.json.
    /// </summary>
    public static byte[] PaymentMethods(int methods)
    {
        var builder = new StringBuilder(16 + (methods * 96));
        builder.Append("""{"methods":[""");
        for (int i = 0; i < methods; i++)
        {
            builder.Append(i > 0 ? "," : "").Append("{\"id\":\"").Append(DeterministicGuid(i)).Append("\",");
            builder.Append(i % 2 == 0
                ? "\"kind\":\"bank_account\",\"iban\":\"" + Iban(i) + "\"}"
                : "\"kind\":\"card\",\"last4\":\"" + (i % 10_000).ToString("D4", CultureInfo.InvariantCulture) + "\"}");
        }

        builder.Append("]}");
        return Encoding.UTF8.GetBytes(builder.ToString());
    }

    /// <summary>The IBAN <see cref="Response"/> gives account <paramref name="i"/>.</summary>
    private static string Iban(int i) =>
        "DE" + ((i % 90) + 10).ToString(CultureInfo.InvariantCulture) + "3704004405" + i.ToString("D8", CultureInfo.InvariantCulture);

    private static string Twelve(int i) => i.ToString("D12", CultureInfo.InvariantCulture);

    private static Guid DeterministicGuid(int i)
    {
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, i);
        BitConverter.TryWriteBytes(bytes.Slice(4), i * 7919);
        BitConverter.TryWriteBytes(bytes.Slice(8), (long)i * 104729);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC variant
        return new Guid(bytes);
    }
}
