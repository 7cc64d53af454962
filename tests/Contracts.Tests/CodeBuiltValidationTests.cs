using System;
using Insights.Contracts.Runtime;
using Xunit;

namespace Insights.Contracts.Tests;

/// <summary>Validate() on values built in code: the same rules and pointers as parsing, without JSON.</summary>
public class CodeBuiltValidationTests
{
    [Fact]
    public void Valid_request_returns_the_shared_Valid_result()
    {
        ValidationResult result = Build.Request().Validate();

        Assert.True(result.IsValid);
        Assert.Empty(result.Errors);
        Assert.Same(ValidationResult.Valid, result);
        Assert.Equal("valid", result.ToString());
    }

    [Fact]
    public void Valid_response_returns_the_shared_Valid_result()
    {
        Assert.Same(ValidationResult.Valid, Build.Response(Build.Result()).Validate());
        Assert.Same(ValidationResult.Valid, Build.Response().Validate());
    }

    [Fact]
    public void Fully_populated_valid_request_is_valid()
    {
        InsightsFlowRequest request = Build.Request(new RefreshFlowAccounts { Ids = [Build.Id1], Ibans = [Documents.Iban1, Documents.Iban2], All = false }) with
        {
            IntendedReports = [IntendedReport.Income, IntendedReport.Risk, new IntendedReport("future")],
            InsightsConsumerId = "c",
            DataRetentionMinutes = int.MaxValue,
            ToDate = new DateOnly(2024, 1, 1),
        };

        Assert.Same(ValidationResult.Valid, request.Validate());
    }

    [Fact]
    public void Ids_with_all_true_is_a_oneOf_error_at_accounts()
    {
        InsightsFlowRequest request = Build.Request(new RefreshFlowAccounts { Ids = [Build.Id1], All = true });

        ValidationError error = AssertErrors.Single(request.Validate().Errors, "/accounts", "oneOf");
        Assert.Contains("Given accounts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Accounts_validated_on_their_own_report_at_the_root()
    {
        AssertErrors.Single(new RefreshFlowAccounts { Ibans = [Documents.Iban1], All = true }.Validate().Errors, "", "oneOf");
    }

    [Fact]
    public void Empty_intended_reports_is_a_minItems_error()
    {
        AssertErrors.Single((Build.Request() with { IntendedReports = [] }).Validate().Errors, "/intended_reports", "minItems");
        AssertErrors.Single((Build.Request() with { IntendedReports = default }).Validate().Errors, "/intended_reports", "minItems");
    }

    [Fact]
    public void Duplicated_intended_reports_is_a_uniqueItems_error()
    {
        InsightsFlowRequest request = Build.Request() with { IntendedReports = [IntendedReport.Income, new IntendedReport("income")] };

        AssertErrors.Single(request.Validate().Errors, "/intended_reports", "uniqueItems");
    }

    [Fact]
    public void Empty_report_type_is_a_minLength_error_at_its_index()
    {
        AssertErrors.Single(
            (Build.Request() with { IntendedReports = [IntendedReport.Income, new IntendedReport("")] }).Validate().Errors,
            "/intended_reports/1", "minLength");
        AssertErrors.Single(
            (Build.Request() with { IntendedReports = [default] }).Validate().Errors,
            "/intended_reports/0", "minLength");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void Data_retention_minutes_below_one_is_a_minimum_error(int minutes)
    {
        AssertErrors.Single((Build.Request() with { DataRetentionMinutes = minutes }).Validate().Errors, "/data_retention_minutes", "minimum");
    }

    [Fact]
    public void Empty_insights_consumer_id_is_a_minLength_error()
    {
        AssertErrors.Single((Build.Request() with { InsightsConsumerId = "" }).Validate().Errors, "/insights_consumer_id", "minLength");
    }

    [Fact]
    public void Malformed_iban_is_a_pattern_error_at_its_index()
    {
        InsightsFlowRequest request = Build.Request(new RefreshFlowAccounts { Ibans = [Documents.Iban1, "de89370400440532013000"] });

        AssertErrors.Single(request.Validate().Errors, "/accounts/ibans/1", "pattern");
    }

    [Fact]
    public void Duplicated_ids_and_ibans_are_uniqueItems_errors()
    {
        InsightsFlowRequest request = Build.Request(new RefreshFlowAccounts { Ids = [Build.Id1, Build.Id1], Ibans = [Documents.Iban1, Documents.Iban1] });

        AssertErrors.Exactly(request.Validate().Errors, ("/accounts/ids", "uniqueItems"), ("/accounts/ibans", "uniqueItems"));
    }

    [Fact]
    public void From_date_after_to_date_is_a_dateRange_error()
    {
        InsightsFlowRequest request = Build.Request() with { FromDate = new DateOnly(2024, 4, 1) };

        AssertErrors.Single(request.Validate().Errors, "/to_date", "dateRange");
    }

    [Fact]
    public void Every_problem_of_a_code_built_request_is_reported()
    {
        InsightsFlowRequest request = Build.Request(new RefreshFlowAccounts { Ibans = ["x"], All = true }) with
        {
            IntendedReports = [],
            InsightsConsumerId = "",
            DataRetentionMinutes = 0,
            FromDate = new DateOnly(2025, 1, 1),
        };

        AssertErrors.Exactly(
            request.Validate().Errors,
            ("/intended_reports", "minItems"),
            ("/accounts/ibans/0", "pattern"),
            ("/accounts", "oneOf"),
            ("/insights_consumer_id", "minLength"),
            ("/data_retention_minutes", "minimum"),
            ("/to_date", "dateRange"));
    }

    [Fact]
    public void Validate_does_not_change_the_value()
    {
        InsightsFlowRequest request = Build.Request(new RefreshFlowAccounts { Ids = [Build.Id1], All = true });
        string before = request.ToJson();

        request.Validate();
        request.Validate();

        Assert.Equal(before, request.ToJson());
        Assert.Equal(request.Validate().Errors, request.Validate().Errors);
    }

    // ---- response ----

    [Fact]
    public void Null_data_is_a_required_error()
    {
        AssertErrors.Single(new InsightsFlowResponse { Data = null! }.Validate().Errors, "/data", "required");
    }

    [Fact]
    public void Null_state_is_a_required_error()
    {
        AssertErrors.Single(new InsightsFlowResponse { Data = new FlowData { State = null! } }.Validate().Errors, "/data/state", "required");
    }

    [Fact]
    public void Empty_state_is_a_minLength_error()
    {
        AssertErrors.Single(new InsightsFlowResponse { Data = new FlowData { State = "" } }.Validate().Errors, "/data/state", "minLength");
    }

    [Fact]
    public void Null_insights_consumer_id_in_the_result_is_a_required_error()
    {
        InsightsFlowResponse response = Build.Response(Build.Result() with { InsightsConsumerId = null! });

        AssertErrors.Single(response.Validate().Errors, "/data/result/insights_consumer_id", "required");
    }

    [Fact]
    public void Null_iban_is_a_required_error_at_the_account()
    {
        InsightsFlowResponse response = Build.Response(Build.Result(Build.Account(), Build.Account() with { Iban = null! }));

        AssertErrors.Single(response.Validate().Errors, "/data/result/accounts/1/iban", "required");
    }

    [Fact]
    public void Malformed_response_iban_is_a_pattern_error()
    {
        InsightsFlowResponse response = Build.Response(Build.Result(Build.Account("DE89 3704 0044 0532 0130 00")));

        AssertErrors.Single(response.Validate().Errors, "/data/result/accounts/0/iban", "pattern");
    }

    [Fact]
    public void Undefined_result_type_is_an_enum_error_listing_the_allowed_values()
    {
        InsightsFlowResponse response = Build.Response(Build.Result() with { Type = (FlowResultType)42 });

        ValidationError error = AssertErrors.Single(response.Validate().Errors, "/data/result/type", "enum");
        Assert.Contains("'error'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'insights_refresh'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_iban_item_is_reported_not_thrown()
    {
        InsightsFlowRequest request = Build.Request(new RefreshFlowAccounts { Ibans = [null!] });

        // The JSON equivalent, "ibans": [null], is a type error at the item.
        AssertErrors.Single(request.Validate().Errors, "/accounts/ibans/0", "type");
    }

    [Fact]
    public void Null_account_item_is_reported_not_thrown()
    {
        InsightsFlowResponse response = Build.Response(Build.Result() with { Accounts = [null!] });

        // The JSON equivalent, "accounts": [null], is a type error at the item.
        AssertErrors.Single(response.Validate().Errors, "/data/result/accounts/0", "type");
    }

    [Fact]
    public void Code_built_errors_match_parse_errors_for_the_same_document()
    {
        InsightsFlowRequest request = Build.Request(new RefreshFlowAccounts { Ids = [Build.Id1], All = true }) with { IntendedReports = [], DataRetentionMinutes = 0 };

        // Written out and parsed back, the same value must fail with the same pointers and keywords.
        ParseResult<InsightsFlowRequest> parsed = InsightsFlowRequest.Parse(request.ToUtf8Json());

        AssertErrors.Exactly(parsed.Errors, ("/intended_reports", "minItems"), ("/accounts", "oneOf"), ("/data_retention_minutes", "minimum"));
        AssertErrors.Exactly(request.Validate().Errors, ("/intended_reports", "minItems"), ("/accounts", "oneOf"), ("/data_retention_minutes", "minimum"));
    }
}
