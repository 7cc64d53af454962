using System;
using Insights.Contracts.Runtime;
using Xunit;

namespace Insights.Contracts.Tests;

/// <summary>Member rules of the request: required, types, ranges, unknown and duplicate members, arrays.</summary>
public class RequestTests
{
    // ---- required ----

    [Theory]
    [InlineData("intended_reports")]
    [InlineData("from_date")]
    [InlineData("to_date")]
    public void Each_missing_required_member_is_reported_at_its_own_path(string member)
    {
        ParseResult<InsightsFlowRequest> result = InsightsFlowRequest.Parse(Documents.Request((member, null)));

        AssertErrors.Invalid(result, ("/" + member, "required"));
        Assert.Contains($"'{member}'", result.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void All_missing_required_members_are_reported_together()
    {
        AssertErrors.Invalid(
            InsightsFlowRequest.Parse("{}"),
            ("/intended_reports", "required"), ("/from_date", "required"), ("/to_date", "required"));
    }

    [Fact]
    public void Missing_required_example_reports_the_bad_number_and_both_missing_members()
    {
        AssertErrors.Invalid(
            InsightsFlowRequest.Parse(Repository.ReadBytes("schema", "examples", "invalid", "request-missing-required.json")),
            ("/data_retention_minutes", "minimum"), ("/intended_reports", "required"), ("/to_date", "required"));
    }

    [Theory]
    [InlineData("intended_reports")]
    [InlineData("from_date")]
    [InlineData("to_date")]
    [InlineData("accounts")]
    [InlineData("insights_consumer_id")]
    [InlineData("data_retention_minutes")]
    public void Null_is_a_type_error_for_every_member(string member)
    {
        ParseResult<InsightsFlowRequest> result = InsightsFlowRequest.Parse(Documents.Request((member, "null")));

        AssertErrors.Invalid(result, ("/" + member, "type"));
        Assert.EndsWith("got null", result.Errors[0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ids")]
    [InlineData("ibans")]
    [InlineData("all")]
    public void Null_inside_accounts_is_a_type_error(string member)
    {
        AssertErrors.Invalid(
            InsightsFlowRequest.Parse(Documents.RequestWithAccounts($"{{\"{member}\":null}}")),
            ($"/accounts/{member}", "type"));
    }

    // ---- wrong JSON types ----

    [Theory]
    [InlineData("intended_reports", "\"transactions\"", "/intended_reports", "got string")]
    [InlineData("intended_reports", "{}", "/intended_reports", "got object")]
    [InlineData("intended_reports", "[1]", "/intended_reports/0", "got integer")]
    [InlineData("intended_reports", "[\"income\",[\"risk\"]]", "/intended_reports/1", "got array")]
    [InlineData("from_date", "20240101", "/from_date", "got integer")]
    [InlineData("to_date", "false", "/to_date", "got boolean")]
    [InlineData("accounts", "\"all\"", "/accounts", "got string")]
    [InlineData("accounts", "[]", "/accounts", "got array")]
    [InlineData("accounts", "{\"ids\":\"" + Documents.Guid1 + "\"}", "/accounts/ids", "got string")]
    [InlineData("accounts", "{\"ids\":[42]}", "/accounts/ids/0", "got integer")]
    [InlineData("accounts", "{\"ibans\":{}}", "/accounts/ibans", "got object")]
    [InlineData("accounts", "{\"ibans\":[true]}", "/accounts/ibans/0", "got boolean")]
    [InlineData("accounts", "{\"all\":\"true\"}", "/accounts/all", "got string")]
    [InlineData("accounts", "{\"all\":1}", "/accounts/all", "got integer")]
    [InlineData("insights_consumer_id", "42", "/insights_consumer_id", "got integer")]
    [InlineData("insights_consumer_id", "[\"a\"]", "/insights_consumer_id", "got array")]
    [InlineData("data_retention_minutes", "\"10\"", "/data_retention_minutes", "got string")]
    [InlineData("data_retention_minutes", "true", "/data_retention_minutes", "got boolean")]
    public void Wrong_json_type_is_a_type_error_at_the_value(string member, string raw, string path, string got)
    {
        ParseResult<InsightsFlowRequest> result = InsightsFlowRequest.Parse(Documents.Request((member, raw)));

        AssertErrors.Invalid(result, (path, "type"));
        Assert.EndsWith(got, result.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_types_example_reports_every_error()
    {
        AssertErrors.Invalid(
            InsightsFlowRequest.Parse(Repository.ReadBytes("schema", "examples", "invalid", "request-wrong-types.json")),
            ("/intended_reports", "type"),
            ("/from_date", "type"),
            ("/to_date", "format"),
            ("/accounts/ids/0", "format"),
            ("/accounts/ibans/0", "pattern"),
            ("/accounts/every", "additionalProperties"),
            ("/data_retention_minutes", "type"));
    }

    // ---- data_retention_minutes ----

    [Fact]
    public void Data_retention_minutes_defaults_to_10_when_absent()
    {
        InsightsFlowRequest request = AssertErrors.Valid(InsightsFlowRequest.Parse(Documents.MinimalRequest));

        Assert.Equal(10, request.DataRetentionMinutes);
        Assert.Equal(10, Build.Request().DataRetentionMinutes);
        Assert.Contains("\"data_retention_minutes\":10", request.ToJson(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1", 1)]
    [InlineData("60", 60)]
    [InlineData("10.0", 10)] // JSON Schema integer: a number with no fractional part
    [InlineData("1e1", 10)]
    [InlineData("2147483647", int.MaxValue)]
    public void Data_retention_minutes_accepts_positive_integers(string raw, int expected)
    {
        InsightsFlowRequest request = AssertErrors.Valid(InsightsFlowRequest.Parse(Documents.Request(("data_retention_minutes", raw))));

        Assert.Equal(expected, request.DataRetentionMinutes);
    }

    [Theory]
    [InlineData("0", "minimum")]
    [InlineData("-1", "minimum")]
    [InlineData("-2147483648", "minimum")]
    [InlineData("2147483648", "maximum")]
    [InlineData("99999999999999999999", "maximum")]
    [InlineData("1.5", "type")]
    [InlineData("10.01", "type")]
    public void Data_retention_minutes_rejects_values_outside_the_schema(string raw, string keyword)
    {
        AssertErrors.Invalid(
            InsightsFlowRequest.Parse(Documents.Request(("data_retention_minutes", raw))),
            ("/data_retention_minutes", keyword));
    }

    // ---- unknown and duplicate members ----

    [Fact]
    public void Unknown_top_level_member_is_rejected()
    {
        ParseResult<InsightsFlowRequest> result = InsightsFlowRequest.Parse(Documents.Request(("name", "\"x\"")));

        AssertErrors.Invalid(result, ("/name", "additionalProperties"));
        Assert.Contains("'name'", result.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_member_inside_accounts_is_rejected()
    {
        AssertErrors.Invalid(
            InsightsFlowRequest.Parse(Documents.RequestWithAccounts("""{"all":true,"name":{"nested":[1,2]}}""")),
            ("/accounts/name", "additionalProperties"));
    }

    [Fact]
    public void Member_names_are_case_sensitive()
    {
        AssertErrors.Invalid(
            InsightsFlowRequest.Parse(Documents.Request(("From_Date", "\"2024-01-01\""))),
            ("/From_Date", "additionalProperties"));
    }

    [Fact]
    public void Unknown_member_names_are_escaped_in_the_pointer()
    {
        AssertErrors.Invalid(InsightsFlowRequest.Parse(Documents.Request(("a/b~c", "1"))), ("/a~1b~0c", "additionalProperties"));
    }

    [Theory]
    [InlineData("intended_reports", "[\"income\"]")]
    [InlineData("from_date", "\"2024-01-01\"")]
    [InlineData("to_date", "\"2024-03-31\"")]
    [InlineData("accounts", "{}")]
    [InlineData("insights_consumer_id", "\"c\"")]
    [InlineData("data_retention_minutes", "5")]
    public void Duplicate_member_is_rejected(string member, string raw)
    {
        string json = Documents.Request((member, raw));
        json = json.Insert(json.Length - 1, $",\"{member}\":{raw}");

        ParseResult<InsightsFlowRequest> result = InsightsFlowRequest.Parse(json);

        AssertErrors.Invalid(result, ("/" + member, "duplicateProperty"));
        Assert.Contains($"'{member}'", result.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_member_spelled_with_an_escape_is_still_a_duplicate()
    {
        string json = Documents.Request(("from\\u005fdate", "\"2024-01-01\""));

        AssertErrors.Invalid(InsightsFlowRequest.Parse(json), ("/from_date", "duplicateProperty"));
    }

    [Fact]
    public void Duplicate_member_inside_accounts_is_rejected()
    {
        AssertErrors.Invalid(
            InsightsFlowRequest.Parse(Documents.RequestWithAccounts("""{"all":false,"all":true}""")),
            ("/accounts/all", "duplicateProperty"));
    }

    // ---- intended_reports ----

    [Fact]
    public void Empty_intended_reports_is_a_minItems_error()
    {
        AssertErrors.Invalid(InsightsFlowRequest.Parse(Documents.Request(("intended_reports", "[]"))), ("/intended_reports", "minItems"));
    }

    [Theory]
    [InlineData("[\"transactions\",\"transactions\"]")]
    [InlineData("[\"transactions\",\"\\u0074ransactions\"]")] // equal after unescaping
    [InlineData("[\"new_report\",\"balances\",\"new_report\"]")]
    public void Duplicated_intended_reports_is_a_uniqueItems_error(string raw)
    {
        AssertErrors.Invalid(InsightsFlowRequest.Parse(Documents.Request(("intended_reports", raw))), ("/intended_reports", "uniqueItems"));
    }

    [Fact]
    public void Empty_string_report_type_is_a_minLength_error_at_its_index()
    {
        AssertErrors.Invalid(
            InsightsFlowRequest.Parse(Documents.Request(("intended_reports", "[\"income\",\"\"]"))),
            ("/intended_reports/1", "minLength"));
    }

    [Fact]
    public void Unknown_report_type_is_accepted_and_kept()
    {
        InsightsFlowRequest request = AssertErrors.Valid(
            InsightsFlowRequest.Parse(Documents.Request(("intended_reports", "[\"transactions\",\"cash_flow_forecast\"]"))));

        Assert.Equal(2, request.IntendedReports.Count);
        Assert.Equal(IntendedReport.Transactions, request.IntendedReports[0]);
        Assert.True(request.IntendedReports[0].IsKnown);
        Assert.Equal("cash_flow_forecast", request.IntendedReports[1].Value);
        Assert.False(request.IntendedReports[1].IsKnown);
        Assert.Equal(new IntendedReport("cash_flow_forecast"), request.IntendedReports[1]);
        Assert.Contains("\"intended_reports\":[\"transactions\",\"cash_flow_forecast\"]", request.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void Known_report_types_map_to_their_named_values()
    {
        InsightsFlowRequest request = AssertErrors.Valid(InsightsFlowRequest.Parse(Documents.Request(
            ("intended_reports", "[\"account_details\",\"balances\",\"transactions\",\"income\",\"risk\"]"))));

        Assert.Equal(
            [IntendedReport.AccountDetails, IntendedReport.Balances, IntendedReport.Transactions, IntendedReport.Income, IntendedReport.Risk],
            request.IntendedReports);
        Assert.All(request.IntendedReports, r => Assert.True(r.IsKnown));
    }

    [Fact]
    public void Report_type_values_are_case_sensitive()
    {
        InsightsFlowRequest request = AssertErrors.Valid(InsightsFlowRequest.Parse(Documents.Request(("intended_reports", "[\"Income\"]"))));

        Assert.False(request.IntendedReports[0].IsKnown);
        Assert.NotEqual(IntendedReport.Income, request.IntendedReports[0]);
    }

    [Fact]
    public void IntendedReport_api()
    {
        Assert.Equal("risk", IntendedReport.Risk.Value);
        Assert.Equal("risk", IntendedReport.Risk.ToString());
        Assert.True(new IntendedReport("risk") == IntendedReport.Risk);
        Assert.True(new IntendedReport("x") != IntendedReport.Risk);
        Assert.Equal(new IntendedReport("x").GetHashCode(), new IntendedReport("x").GetHashCode());
        Assert.Equal(string.Empty, default(IntendedReport).Value);
        Assert.False(default(IntendedReport).IsKnown);
        Assert.Throws<ArgumentNullException>(() => new IntendedReport(null!));
    }

    // ---- accounts items ----

    [Theory]
    [InlineData("not-a-uuid")]
    [InlineData("8ed4ac3504b04c4fa28341b6e387c422")] // no hyphens
    [InlineData("{8ed4ac35-04b0-4c4f-a283-41b6e387c422}")] // braces
    [InlineData("8ed4ac35-04b0-4c4f-a283-41b6e387c42")] // one digit short
    [InlineData("8ed4ac35-04b0-4c4f-a283-41b6e387c42g")] // not hexadecimal
    [InlineData("")]
    public void Invalid_uuid_in_ids_is_a_format_error_at_its_index(string id)
    {
        AssertErrors.Invalid(
            InsightsFlowRequest.Parse(Documents.RequestWithAccounts($"{{\"ids\":[\"{Documents.Guid2}\",\"{id}\"]}}")),
            ("/accounts/ids/1", "format"));
    }

    [Fact]
    public void Upper_case_uuid_is_accepted()
    {
        InsightsFlowRequest request = AssertErrors.Valid(InsightsFlowRequest.Parse(
            Documents.RequestWithAccounts($"{{\"ids\":[\"{Documents.Guid1.ToUpperInvariant()}\"]}}")));

        Assert.Equal(Build.Id1, request.Accounts!.Ids!.Value[0]);
    }

    [Fact]
    public void Duplicated_ids_is_a_uniqueItems_error()
    {
        AssertErrors.Invalid(
            InsightsFlowRequest.Parse(Documents.RequestWithAccounts($"{{\"ids\":[\"{Documents.Guid1}\",\"{Documents.Guid1.ToUpperInvariant()}\"]}}")),
            ("/accounts/ids", "uniqueItems"));
    }

    [Theory]
    [InlineData("de89370400440532013000")] // lower case
    [InlineData("De89370400440532013000")] // mixed case
    [InlineData("DE89 3704 0044 0532 0130 00")] // print format with spaces
    [InlineData(" DE89370400440532013000")] // leading space
    [InlineData("DE89370400440532013000 ")] // trailing space
    [InlineData("DE8937040044")] // too short
    [InlineData("DE893704004405320130001234567890123")] // too long (> 34)
    [InlineData("D189370400440532013000")] // digit in the country code
    public void Malformed_iban_is_a_pattern_error_at_its_index(string iban)
    {
        AssertErrors.Invalid(
            InsightsFlowRequest.Parse(Documents.RequestWithAccounts($"{{\"ibans\":[\"{iban}\"]}}")),
            ("/accounts/ibans/0", "pattern"));
    }

    [Fact]
    public void Iban_with_a_trailing_newline_is_a_pattern_error()
    {
        // JSON Schema patterns are ECMA-262: '$' without the multiline flag matches only at the very end.
        AssertErrors.Invalid(
            InsightsFlowRequest.Parse(Documents.RequestWithAccounts($"{{\"ibans\":[\"{Documents.Iban1}\\n\"]}}")),
            ("/accounts/ibans/0", "pattern"));
    }

    [Fact]
    public void Duplicated_ibans_is_a_uniqueItems_error()
    {
        AssertErrors.Invalid(
            InsightsFlowRequest.Parse(Documents.RequestWithAccounts($"{{\"ibans\":[\"{Documents.Iban1}\",\"{Documents.Iban1}\"]}}")),
            ("/accounts/ibans", "uniqueItems"));
    }

    [Fact]
    public void Every_bad_item_of_an_array_is_reported()
    {
        AssertErrors.Invalid(
            InsightsFlowRequest.Parse(Documents.RequestWithAccounts($"{{\"ibans\":[\"x\",\"{Documents.Iban1}\",\"y\"],\"ids\":[\"a\",\"b\"]}}")),
            ("/accounts/ibans/0", "pattern"),
            ("/accounts/ibans/2", "pattern"),
            ("/accounts/ids/0", "format"),
            ("/accounts/ids/1", "format"));
    }

    // ---- insights_consumer_id ----

    [Fact]
    public void Empty_insights_consumer_id_is_a_minLength_error()
    {
        AssertErrors.Invalid(InsightsFlowRequest.Parse(Documents.Request(("insights_consumer_id", "\"\""))), ("/insights_consumer_id", "minLength"));
    }

    [Fact]
    public void Any_non_empty_insights_consumer_id_is_kept()
    {
        InsightsFlowRequest request = AssertErrors.Valid(InsightsFlowRequest.Parse(Documents.Request(("insights_consumer_id", "\"c-1 \\u00e9\""))));

        Assert.Equal("c-1 é", request.InsightsConsumerId);
    }

    [Theory]
    [InlineData("a", 127, true)]
    [InlineData("a", 128, false)]
    [InlineData("😀", 127, true)] // 127 characters (code points) are 254 UTF-16 units: still valid
    [InlineData("😀", 128, false)]
    public void Insights_consumer_id_has_at_most_127_characters(string character, int count, bool valid)
    {
        string id = string.Concat(System.Linq.Enumerable.Repeat(character, count));
        ParseResult<InsightsFlowRequest> parsed = InsightsFlowRequest.Parse(Documents.Request(("insights_consumer_id", "\"" + id + "\"")));
        ValidationResult built = (Build.Request() with { InsightsConsumerId = id }).Validate();

        Assert.Equal(valid, parsed.IsValid);
        Assert.Equal(valid, built.IsValid);
        if (!valid)
        {
            ValidationError error = AssertErrors.Single(parsed.Errors, "/insights_consumer_id", "maxLength");
            Assert.Equal("must be at most 127 characters long, got 128", error.Message);
            AssertErrors.Single(built.Errors, "/insights_consumer_id", "maxLength");
        }
    }

    // ---- all errors at once ----

    [Fact]
    public void Three_different_problems_give_three_errors()
    {
        string json = Documents.Request(
            ("intended_reports", "[]"),
            ("from_date", "\"2024-02-30\""),
            ("data_retention_minutes", "0"));

        AssertErrors.Invalid(
            InsightsFlowRequest.Parse(json),
            ("/intended_reports", "minItems"), ("/from_date", "format"), ("/data_retention_minutes", "minimum"));
    }

    [Fact]
    public void Problems_at_every_level_are_reported_in_one_pass()
    {
        string json = Documents.Request(
            ("to_date", null),
            ("accounts", "{\"ids\":[\"x\"],\"extra\":1}"),
            ("insights_consumer_id", "\"\""),
            ("unknown", "null"));

        AssertErrors.Invalid(
            InsightsFlowRequest.Parse(json),
            ("/accounts/ids/0", "format"),
            ("/accounts/extra", "additionalProperties"),
            ("/insights_consumer_id", "minLength"),
            ("/unknown", "additionalProperties"),
            ("/to_date", "required"));
    }

    // ---- API shape ----

    [Fact]
    public void TryParseJson_sets_the_value_only_when_valid()
    {
        Assert.True(InsightsFlowRequest.TryParseJson(Documents.Utf8(Documents.MinimalRequest), out InsightsFlowRequest? valid));
        Assert.NotNull(valid);

        Assert.False(InsightsFlowRequest.TryParseJson(Documents.Utf8("{}"), out InsightsFlowRequest? invalid));
        Assert.Null(invalid);
    }

    [Fact]
    public void Parse_of_string_and_of_utf8_agree()
    {
        string json = Documents.Request(("insights_consumer_id", "\"Zoë 😀\""), ("accounts", "{\"all\":true}"));

        Assert.Equal(
            AssertErrors.Valid(InsightsFlowRequest.Parse(json)),
            AssertErrors.Valid(InsightsFlowRequest.Parse(Documents.Utf8(json))));
    }

    [Fact]
    public void Round_trip_writes_members_in_schema_order_and_parses_back_equal()
    {
        InsightsFlowRequest request = AssertErrors.Valid(InsightsFlowRequest.Parse(Repository.ReadBytes("schema", "examples", "request-all-accounts.json")));

        Assert.Equal(
            """{"intended_reports":["transactions","balances"],"from_date":"2024-01-01","to_date":"2024-06-30","accounts":{"ids":[],"ibans":[],"all":true},"insights_consumer_id":"3dbd396b-f8ef-4ab6-9cd8-c5426eafb212","data_retention_minutes":60}""",
            request.ToJson());
        Assert.Equal(request, AssertErrors.Valid(InsightsFlowRequest.Parse(request.ToUtf8Json())));
    }
}
