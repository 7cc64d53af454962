using System;
using System.Linq;
using System.Text;
using CsCheck;
using Insights.Contracts.Runtime;
using Xunit;

namespace Insights.Contracts.Tests;

/// <summary>
/// Property-based tests (CsCheck, fixed seeds so a failure reproduces): random valid contracts
/// survive a round trip, and random byte mutations of valid documents never escape as anything
/// but the documented result.
/// </summary>
public class PropertyTests
{
    private const string Seed = "0N0XIzNsQ0O2";

    internal static readonly Gen<string> UnicodeText =
        Gen.OneOf(
            Gen.String[Gen.Char['a', 'z'], 1, 12],
            Gen.Int[0x20, 0x2FFFF].Where(c => c is < 0xD800 or > 0xDFFF).Select(c => char.ConvertFromUtf32(c)).Array[1, 8].Select(string.Concat));

    internal static readonly Gen<string> Iban =
        Gen.Select(
            Gen.Char['A', 'Z'].Array[2],
            Gen.Char['0', '9'].Array[2],
            Gen.OneOf(Gen.Char['A', 'Z'], Gen.Char['0', '9']).Array[11, 30],
            (country, check, rest) => new string(country) + new string(check) + new string(rest));

    internal static readonly Gen<IntendedReport> Report =
        Gen.OneOf(
            Gen.OneOfConst(IntendedReport.AccountDetails, IntendedReport.Balances, IntendedReport.Transactions, IntendedReport.Income, IntendedReport.Risk),
            UnicodeText.Select(t => new IntendedReport(t)));

    internal static readonly Gen<RefreshFlowAccounts?> Accounts =
        Gen.Int[0, 3].SelectMany(scenario => scenario switch
        {
            0 => Gen.Const((RefreshFlowAccounts?)null),
            1 => Gen.Select(Gen.Bool, Gen.Bool, Gen.Bool, (ids, ibans, all) =>
                (RefreshFlowAccounts?)new RefreshFlowAccounts { Ids = ids ? [] : null, Ibans = ibans ? [] : null, All = all ? false : null }),
            2 => Gen.Bool.Select(lists => (RefreshFlowAccounts?)new RefreshFlowAccounts { Ids = lists ? [] : null, Ibans = lists ? [] : null, All = true }),
            _ => Gen.Select(Gen.Guid.Array[0, 4], Iban.Array[0, 4], Gen.Bool, (ids, ibans, allFalse) =>
                (RefreshFlowAccounts?)new RefreshFlowAccounts
                {
                    Ids = ids.Length == 0 && ibans.Length == 0 ? [Guid.NewGuid()] : [.. ids.Distinct()],
                    Ibans = [.. ibans.Distinct()],
                    All = allFalse ? false : null,
                }),
        });

    internal static readonly Gen<InsightsFlowRequest> Request =
        Gen.Select(
            Report.Array[1, 5].Select(r => r.Distinct().ToArray()),
            Gen.Int[1, 3_000_000].Select(d => DateOnly.FromDayNumber(d)),
            Gen.Int[0, 800],
            Accounts,
            Gen.OneOf(Gen.Const((string?)null), UnicodeText.Select(t => (string?)t)),
            Gen.Int[1, int.MaxValue])
        .Select((reports, from, days, accounts, consumer, retention) => new InsightsFlowRequest
        {
            IntendedReports = [.. reports],
            FromDate = from,
            ToDate = from.AddDays(days),
            Accounts = accounts,
            InsightsConsumerId = consumer,
            DataRetentionMinutes = retention,
        });

    internal static readonly Gen<InsightsFlowResponse> Response =
        Gen.Select(
            UnicodeText,
            Gen.Bool,
            Gen.OneOfConst(FlowResultType.Error, FlowResultType.InsightsRefresh),
            Gen.Select(Gen.Guid, Iban, (id, iban) => new RefreshFlowResponseAccount { InsightsAccountId = id, Iban = iban }).Array[0, 20],
            UnicodeText,
            (state, hasResult, type, accounts, consumer) => new InsightsFlowResponse
            {
                Data = new FlowData
                {
                    State = state,
                    Result = hasResult ? new FlowResult { Type = type, Accounts = [.. accounts], InsightsConsumerId = consumer } : null,
                },
            });

    [Fact]
    public void Random_valid_requests_are_valid_and_round_trip_equal()
    {
        Request.Sample(
            request =>
            {
                Assert.True(request.Validate().IsValid, request.Validate().ToString());
                ParseResult<InsightsFlowRequest> parsed = InsightsFlowRequest.Parse(request.ToUtf8Json());
                Assert.True(parsed.IsValid, parsed.ToString());
                Assert.Equal(request, parsed.Value);
            },
            iter: 3_000,
            seed: Seed);
    }

    [Fact]
    public void Random_valid_responses_are_valid_and_round_trip_equal()
    {
        Response.Sample(
            response =>
            {
                ParseResult<InsightsFlowResponse> parsed = InsightsFlowResponse.Parse(response.ToUtf8Json());
                Assert.True(parsed.IsValid, parsed.ToString());
                Assert.Equal(response, parsed.Value);
            },
            iter: 3_000,
            seed: Seed);
    }

    [Fact]
    public void Byte_mutations_of_valid_documents_never_escape_and_verdicts_are_stable()
    {
        Gen<(byte[] Document, bool IsRequest)> documents = Gen.OneOf(
            Request.Select(r => (r.ToUtf8Json(), true)),
            Response.Select(r => (r.ToUtf8Json(), false)));
        Gen<(byte[], bool)> mutated = Gen.Select(documents, Gen.Int[0, 5], Gen.Int[0, int.MaxValue], Gen.Byte, (doc, kind, at, value) => (Mutate(doc.Document, kind, at, value), doc.IsRequest));

        mutated.Sample(
            ((byte[] bytes, bool isRequest) input) =>
            {
                if (input.isRequest)
                {
                    Check(InsightsFlowRequest.Parse(input.bytes), v => v.Validate(), v => InsightsFlowRequest.Parse(v.ToUtf8Json()).Value);
                }
                else
                {
                    Check(InsightsFlowResponse.Parse(input.bytes), v => v.Validate(), v => InsightsFlowResponse.Parse(v.ToUtf8Json()).Value);
                }
            },
            iter: 10_000,
            seed: Seed);
    }

    /// <summary>Either valid (then it validates and re-parses to itself) or errors that are well-formed.</summary>
    private static void Check<T>(ParseResult<T> result, Func<T, ValidationResult> validate, Func<T, T?> reparse) where T : class
    {
        if (result.IsValid)
        {
            Assert.True(validate(result.Value).IsValid);
            Assert.Equal(result.Value, reparse(result.Value));
            return;
        }

        Assert.NotEmpty(result.Errors);
        Assert.All(result.Errors, e =>
        {
            Assert.False(string.IsNullOrEmpty(e.Keyword));
            Assert.True(e.Path.Length == 0 || e.Path[0] == '/', e.Path);
            Assert.False(string.IsNullOrWhiteSpace(e.Message));
        });
    }

    private static byte[] Mutate(byte[] document, int kind, int at, byte value)
    {
        if (document.Length == 0)
        {
            return document;
        }

        int i = at % document.Length;
        var bytes = document.ToList();
        switch (kind)
        {
            case 0: bytes[i] = value; break;                                 // replace a byte
            case 1: bytes[i] = (byte)(bytes[i] ^ (1 << (value % 8))); break;  // flip a bit
            case 2: bytes.Insert(i, value); break;                            // insert a byte
            case 3: bytes.RemoveAt(i); break;                                 // delete a byte
            case 4: bytes.RemoveRange(i, bytes.Count - i); break;             // truncate
            default: bytes.InsertRange(i, bytes.GetRange(i, Math.Min(8, bytes.Count - i))); break; // duplicate a slice
        }

        return [.. bytes];
    }
}
