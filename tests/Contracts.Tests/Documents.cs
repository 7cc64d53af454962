using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Insights.Contracts.Runtime;
using Xunit;

namespace Insights.Contracts.Tests;

/// <summary>Small JSON documents built from a valid baseline, and exact assertions on errors.</summary>
internal static class Documents
{
    public const string Guid1 = "8ed4ac35-04b0-4c4f-a283-41b6e387c422";
    public const string Guid2 = "3dbd396b-f8ef-4ab6-9cd8-c5426eafb212";
    public const string Iban1 = "DE89370400440532013000";
    public const string Iban2 = "GB82WEST12345698765432";

    private static readonly (string Name, string Raw)[] s_requestBaseline =
    [
        ("intended_reports", """["transactions"]"""),
        ("from_date", "\"2024-01-01\""),
        ("to_date", "\"2024-03-31\""),
    ];

    /// <summary>The smallest valid request (account selection, defaults).</summary>
    public static string MinimalRequest => Request();

    /// <summary>
    /// A valid minimal request with members replaced (same name), added (new name) or removed
    /// (raw value null). Raw values are JSON text inserted as is.
    /// </summary>
    public static string Request(params (string Name, string? Raw)[] members) => Object(s_requestBaseline, members);

    /// <summary>A minimal request whose <c>accounts</c> member is <paramref name="accountsRaw"/>.</summary>
    public static string RequestWithAccounts(string accountsRaw) => Request(("accounts", accountsRaw));

    /// <summary>A valid response with one account.</summary>
    public static string Response(string? resultRaw = null, string state = "\"FINISHED\"") =>
        "{\"data\":{\"state\":" + state + (resultRaw is null ? "" : ",\"result\":" + resultRaw) + "}}";

    public static string Result(string type = "\"insights_refresh\"", string? accountsRaw = null, string consumer = "\"" + Guid2 + "\"") =>
        "{\"type\":" + type + ",\"accounts\":" + (accountsRaw ?? "[" + Account() + "]") + ",\"insights_consumer_id\":" + consumer + "}";

    public static string Account(string id = "\"" + Guid1 + "\"", string iban = "\"" + Iban1 + "\"") =>
        "{\"insights_account_id\":" + id + ",\"iban\":" + iban + "}";

    public static byte[] Utf8(string json) => Encoding.UTF8.GetBytes(json);

    private static string Object((string Name, string Raw)[] baseline, (string Name, string? Raw)[] members)
    {
        var list = baseline.Select(m => (m.Name, Raw: (string?)m.Raw)).ToList();
        foreach ((string name, string? raw) in members)
        {
            int index = list.FindIndex(m => m.Name == name);
            if (index >= 0)
            {
                list[index] = (name, raw);
            }
            else
            {
                list.Add((name, raw));
            }
        }

        return "{" + string.Join(",", list.Where(m => m.Raw is not null).Select(m => "\"" + m.Name + "\":" + m.Raw)) + "}";
    }
}

/// <summary>Exact checks on error lists: pointers, keywords and counts, in the order reported.</summary>
internal static class AssertErrors
{
    public static void Exactly(IReadOnlyList<ValidationError> errors, params (string Path, string Keyword)[] expected)
    {
        string Show(IEnumerable<(string, string)> list) => string.Join("; ", list.Select(e => $"{e.Item1} [{e.Item2}]"));
        var actual = errors.Select(e => (e.Path, e.Keyword)).ToArray();
        Assert.True(
            actual.SequenceEqual(expected),
            $"expected: {Show(expected)}\nactual:   {Show(actual)}\nmessages:\n{string.Join("\n", errors)}");
    }

    public static ValidationError Single(IReadOnlyList<ValidationError> errors, string path, string keyword)
    {
        Exactly(errors, (path, keyword));
        return errors[0];
    }

    /// <summary>The parse failed with exactly the given errors and handed out no value.</summary>
    public static void Invalid<T>(ParseResult<T> result, params (string Path, string Keyword)[] expected) where T : class
    {
        Assert.False(result.IsValid, "expected invalid, got valid");
        Assert.Null(result.Value);
        Exactly(result.Errors, expected);
    }

    public static T Valid<T>(ParseResult<T> result) where T : class
    {
        Assert.True(result.IsValid, result.ToString());
        Assert.Empty(result.Errors);
        return result.Value!;
    }
}

/// <summary>Values built in code (not parsed).</summary>
internal static class Build
{
    public static readonly Guid Id1 = Guid.Parse(Documents.Guid1);
    public static readonly Guid Id2 = Guid.Parse(Documents.Guid2);

    public static InsightsFlowRequest Request(RefreshFlowAccounts? accounts = null) => new()
    {
        IntendedReports = [IntendedReport.Transactions],
        FromDate = new DateOnly(2024, 1, 1),
        ToDate = new DateOnly(2024, 3, 31),
        Accounts = accounts,
    };

    public static InsightsFlowResponse Response(FlowResult? result = null) => new()
    {
        Data = new FlowData { State = "FINISHED", Result = result },
    };

    public static FlowResult Result(params RefreshFlowResponseAccount[] accounts) => new()
    {
        Type = FlowResultType.InsightsRefresh,
        Accounts = EquatableArray.From(accounts.Length == 0 ? [Account()] : accounts),
        InsightsConsumerId = Documents.Guid2,
    };

    public static RefreshFlowResponseAccount Account(string iban = Documents.Iban1) => new()
    {
        InsightsAccountId = Id1,
        Iban = iban,
    };
}
