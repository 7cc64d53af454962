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
                .Append("\"iban\":\"DE").Append(((i % 90) + 10).ToString(CultureInfo.InvariantCulture))
                .Append("3704004405").Append(i.ToString("D8", CultureInfo.InvariantCulture)).Append("\"}");
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
