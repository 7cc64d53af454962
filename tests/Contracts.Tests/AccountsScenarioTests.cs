using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Insights.Contracts.Runtime;
using Xunit;
using static Insights.Contracts.RefreshFlowAccountsVariant;

namespace Insights.Contracts.Tests;

/// <summary>
/// The three accounts scenarios of the API: account selection, all accounts, given accounts;
/// every other combination of ids / ibans / all is a single oneOf error at /accounts.
/// </summary>
public class AccountsScenarioTests
{
    public enum Items
    {
        Absent,
        Empty,
        NonEmpty,
    }

    public enum Flag
    {
        Absent,
        False,
        True,
    }

    /// <summary>
    /// The full grid, written out by hand from the schema (not computed with the same logic as the
    /// product): null marks a cell that must be rejected.
    /// </summary>
    private static readonly (Items Ids, Items Ibans, Flag All, RefreshFlowAccountsVariant? Expected)[] s_grid =
    [
        // all not set: no ids/ibans -> account selection; any id or iban -> given accounts.
        (Items.Absent, Items.Absent, Flag.Absent, AccountSelection),
        (Items.Absent, Items.Empty, Flag.Absent, AccountSelection),
        (Items.Absent, Items.NonEmpty, Flag.Absent, GivenAccounts),
        (Items.Empty, Items.Absent, Flag.Absent, AccountSelection),
        (Items.Empty, Items.Empty, Flag.Absent, AccountSelection),
        (Items.Empty, Items.NonEmpty, Flag.Absent, GivenAccounts),
        (Items.NonEmpty, Items.Absent, Flag.Absent, GivenAccounts),
        (Items.NonEmpty, Items.Empty, Flag.Absent, GivenAccounts),
        (Items.NonEmpty, Items.NonEmpty, Flag.Absent, GivenAccounts),

        // all false: the same as not set.
        (Items.Absent, Items.Absent, Flag.False, AccountSelection),
        (Items.Absent, Items.Empty, Flag.False, AccountSelection),
        (Items.Absent, Items.NonEmpty, Flag.False, GivenAccounts),
        (Items.Empty, Items.Absent, Flag.False, AccountSelection),
        (Items.Empty, Items.Empty, Flag.False, AccountSelection),
        (Items.Empty, Items.NonEmpty, Flag.False, GivenAccounts),
        (Items.NonEmpty, Items.Absent, Flag.False, GivenAccounts),
        (Items.NonEmpty, Items.Empty, Flag.False, GivenAccounts),
        (Items.NonEmpty, Items.NonEmpty, Flag.False, GivenAccounts),

        // all true: only with no ids and no ibans.
        (Items.Absent, Items.Absent, Flag.True, AllAccounts),
        (Items.Absent, Items.Empty, Flag.True, AllAccounts),
        (Items.Absent, Items.NonEmpty, Flag.True, null),
        (Items.Empty, Items.Absent, Flag.True, AllAccounts),
        (Items.Empty, Items.Empty, Flag.True, AllAccounts),
        (Items.Empty, Items.NonEmpty, Flag.True, null),
        (Items.NonEmpty, Items.Absent, Flag.True, null),
        (Items.NonEmpty, Items.Empty, Flag.True, null),
        (Items.NonEmpty, Items.NonEmpty, Flag.True, null),
    ];

    public static TheoryData<Items, Items, Flag, RefreshFlowAccountsVariant?> Grid()
    {
        var data = new TheoryData<Items, Items, Flag, RefreshFlowAccountsVariant?>();
        foreach (var cell in s_grid)
        {
            data.Add(cell.Ids, cell.Ibans, cell.All, cell.Expected);
        }

        return data;
    }

    [Fact]
    public void The_grid_covers_all_27_combinations_once_and_rejects_exactly_five()
    {
        Assert.Equal(27, s_grid.Select(c => (c.Ids, c.Ibans, c.All)).Distinct().Count());
        Assert.Equal(27, s_grid.Length);
        Assert.Equal(5, s_grid.Count(c => c.Expected is null));
    }

    [Theory]
    [MemberData(nameof(Grid))]
    public void Json_cell(Items ids, Items ibans, Flag all, RefreshFlowAccountsVariant? expected)
    {
        ParseResult<InsightsFlowRequest> result = InsightsFlowRequest.Parse(Documents.RequestWithAccounts(AccountsJson(ids, ibans, all)));

        if (expected is null)
        {
            AssertErrors.Invalid(result, ("/accounts", "oneOf"));
            AssertNamesAllThreeCombinations(result.Errors[0].Message);
        }
        else
        {
            InsightsFlowRequest request = AssertErrors.Valid(result);
            Assert.NotNull(request.Accounts);
            Assert.Equal(expected, request.Accounts.Variant);
            Assert.Equal(expected, request.AccountsScenario);
        }
    }

    [Theory]
    [MemberData(nameof(Grid))]
    public void Code_built_cell(Items ids, Items ibans, Flag all, RefreshFlowAccountsVariant? expected)
    {
        var accounts = new RefreshFlowAccounts
        {
            Ids = ids switch { Items.Absent => null, Items.Empty => [], _ => [Build.Id1] },
            Ibans = ibans switch { Items.Absent => null, Items.Empty => [], _ => [Documents.Iban1] },
            All = all switch { Flag.Absent => null, Flag.False => false, _ => true },
        };
        InsightsFlowRequest request = Build.Request(accounts);

        Assert.Equal(expected, accounts.Variant);
        Assert.Equal(expected, request.AccountsScenario);
        ValidationResult validation = request.Validate();
        if (expected is null)
        {
            AssertErrors.Single(validation.Errors, "/accounts", "oneOf");
            AssertNamesAllThreeCombinations(validation.Errors[0].Message);
        }
        else
        {
            Assert.True(validation.IsValid, validation.ToString());
        }
    }

    [Fact]
    public void Accounts_object_parsed_alone_reports_oneOf_at_its_root()
    {
        ParseResult<RefreshFlowAccounts> result = RefreshFlowAccounts.Parse($$"""{"ibans":["{{Documents.Iban1}}"],"all":true}""");

        AssertErrors.Invalid(result, ("", "oneOf"));
        AssertNamesAllThreeCombinations(result.Errors[0].Message);
    }

    [Fact]
    public void Request_without_accounts_is_account_selection()
    {
        InsightsFlowRequest request = AssertErrors.Valid(InsightsFlowRequest.Parse(Documents.MinimalRequest));

        Assert.Null(request.Accounts);
        Assert.Equal(AccountSelection, request.AccountsScenario);
        Assert.Equal(AccountSelection, Build.Request(accounts: null).AccountsScenario);
    }

    [Theory]
    [InlineData("request-account-selection.json", AccountSelection)]
    [InlineData("request-all-accounts.json", AllAccounts)]
    [InlineData("request-given-accounts.json", GivenAccounts)]
    public void Example_documents_are_their_scenario(string file, RefreshFlowAccountsVariant expected)
    {
        InsightsFlowRequest request = AssertErrors.Valid(InsightsFlowRequest.Parse(Repository.ReadBytes("schema", "examples", file)));

        Assert.Equal(expected, request.AccountsScenario);
    }

    [Fact]
    public void Scenario_1_account_selection_built_in_code()
    {
        InsightsFlowRequest request = Build.Request(new RefreshFlowAccounts());

        Assert.Equal(AccountSelection, request.AccountsScenario);
        Assert.True(request.Validate().IsValid);
        Assert.Equal("{}", request.Accounts!.ToJson());
    }

    [Fact]
    public void Scenario_2_all_accounts_built_in_code()
    {
        InsightsFlowRequest request = Build.Request(new RefreshFlowAccounts { Ids = [], Ibans = [], All = true });

        Assert.Equal(AllAccounts, request.AccountsScenario);
        Assert.True(request.Validate().IsValid);
        Assert.Equal("""{"ids":[],"ibans":[],"all":true}""", request.Accounts!.ToJson());
    }

    [Fact]
    public void Scenario_3_given_accounts_built_in_code()
    {
        InsightsFlowRequest request = Build.Request(new RefreshFlowAccounts { Ids = [Build.Id1, Build.Id2], Ibans = [Documents.Iban1] });

        Assert.Equal(GivenAccounts, request.AccountsScenario);
        Assert.True(request.Validate().IsValid);
        Assert.Equal(
            $$"""{"ids":["{{Documents.Guid1}}","{{Documents.Guid2}}"],"ibans":["{{Documents.Iban1}}"]}""",
            request.Accounts!.ToJson());
    }

    [Fact]
    public void Invalid_example_ids_with_all_true_is_one_oneOf_error()
    {
        ParseResult<InsightsFlowRequest> result = InsightsFlowRequest.Parse(
            Repository.ReadBytes("schema", "examples", "invalid", "request-ids-with-all-true.json"));

        AssertErrors.Invalid(result, ("/accounts", "oneOf"));
    }

    [Fact]
    public void A_scenario_survives_a_round_trip()
    {
        foreach (string file in new[] { "request-account-selection.json", "request-all-accounts.json", "request-given-accounts.json" })
        {
            InsightsFlowRequest first = AssertErrors.Valid(InsightsFlowRequest.Parse(Repository.ReadBytes("schema", "examples", file)));
            InsightsFlowRequest second = AssertErrors.Valid(InsightsFlowRequest.Parse(first.ToUtf8Json()));

            Assert.Equal(first.AccountsScenario, second.AccountsScenario);
            Assert.Equal(first, second);
        }
    }

    private static void AssertNamesAllThreeCombinations(string message)
    {
        Assert.Contains("Account selection", message, StringComparison.Ordinal);
        Assert.Contains("All accounts", message, StringComparison.Ordinal);
        Assert.Contains("Given accounts", message, StringComparison.Ordinal);
    }

    private static string AccountsJson(Items ids, Items ibans, Flag all)
    {
        var members = new List<string>();
        if (ids != Items.Absent)
        {
            members.Add("\"ids\":" + (ids == Items.Empty ? "[]" : $"[\"{Documents.Guid1}\"]"));
        }

        if (ibans != Items.Absent)
        {
            members.Add("\"ibans\":" + (ibans == Items.Empty ? "[]" : $"[\"{Documents.Iban1}\"]"));
        }

        if (all != Flag.Absent)
        {
            members.Add("\"all\":" + (all == Flag.True ? "true" : "false"));
        }

        return "{" + string.Join(",", members) + "}";
    }
}
