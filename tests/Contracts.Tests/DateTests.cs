using System;
using Insights.Contracts.Runtime;
using Xunit;

namespace Insights.Contracts.Tests;

/// <summary>from_date / to_date: strict ISO 8601 calendar dates (YYYY-MM-DD), from not after to.</summary>
public class DateTests
{
    [Theory]
    [InlineData("2024-02-29", 2024, 2, 29)] // leap day
    [InlineData("2000-02-29", 2000, 2, 29)] // divisible by 400: leap
    [InlineData("2024-01-01", 2024, 1, 1)]
    [InlineData("2024-12-31", 2024, 12, 31)]
    [InlineData("0001-01-01", 1, 1, 1)]
    [InlineData("9999-12-31", 9999, 12, 31)]
    public void Valid_dates_parse(string text, int year, int month, int day)
    {
        // Both members get the same date: a period of one day is allowed.
        InsightsFlowRequest request = AssertErrors.Valid(
            InsightsFlowRequest.Parse(Documents.Request(("from_date", $"\"{text}\""), ("to_date", $"\"{text}\""))));

        Assert.Equal(new DateOnly(year, month, day), request.FromDate);
        Assert.Equal(new DateOnly(year, month, day), request.ToDate);
    }

    public static TheoryData<string, string> InvalidDates()
    {
        var data = new TheoryData<string, string>();
        string[] texts =
        [
            "2023-02-29",            // not a leap year
            "1900-02-29",            // divisible by 100 but not 400: not a leap year
            "2024-1-05",             // single-digit month
            "2024-01-5",             // single-digit day
            "2024-01-05T00:00:00Z",  // date-time, not a date
            "2024-13-01",            // month 13
            "2024-00-10",            // month 0
            "2024-01-00",            // day 0
            "2024-01-32",            // day 32
            "2024-04-31",            // April has 30 days
            "0000-01-01",            // year 0 is not a calendar year in ISO 8601 full-date
            " 2024-01-01",           // leading space
            "2024-01-01 ",           // trailing space
            "２０２４-01-01",        // full-width digits
            "2024/01/01",            // wrong separator
            "20240101",              // basic format
            "+2024-01-01",           // expanded year
            "",                      // empty
        ];
        foreach (string member in new[] { "from_date", "to_date" })
        {
            foreach (string text in texts)
            {
                data.Add(member, text);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(InvalidDates))]
    public void Invalid_dates_are_format_errors_at_their_member(string member, string text)
    {
        ParseResult<InsightsFlowRequest> result = InsightsFlowRequest.Parse(Documents.Request((member, $"\"{text}\"")));

        AssertErrors.Invalid(result, ("/" + member, "format"));
        Assert.Contains($"'{text}'", result.Errors[0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(@"\u0032024-01-01")] // the first digit escaped
    [InlineData(@"\u0032\u0030\u0032\u0034\u002d\u0030\u0031\u002d\u0030\u0031")] // every character escaped
    [InlineData(@"2024-01\u002D01")] // upper-case hex in the escape
    public void A_json_escaped_valid_date_is_valid(string escaped)
    {
        InsightsFlowRequest request = AssertErrors.Valid(
            InsightsFlowRequest.Parse(Documents.Request(("from_date", $"\"{escaped}\""))));

        Assert.Equal(new DateOnly(2024, 1, 1), request.FromDate);
    }

    [Fact]
    public void A_json_escaped_invalid_date_is_still_a_format_error()
    {
        // \u0033 is '3': 2023-02-29 does not exist.
        ParseResult<InsightsFlowRequest> result = InsightsFlowRequest.Parse(Documents.Request(("to_date", "\"202\\u0033-02-29\"")));

        AssertErrors.Invalid(result, ("/to_date", "format"));
    }

    [Fact]
    public void Both_dates_invalid_gives_two_errors()
    {
        ParseResult<InsightsFlowRequest> result = InsightsFlowRequest.Parse(
            Repository.ReadBytes("schema", "examples", "invalid", "request-bad-dates.json"));

        AssertErrors.Invalid(result, ("/from_date", "format"), ("/to_date", "format"));
    }

    [Fact]
    public void From_date_after_to_date_is_a_dateRange_error_at_to_date()
    {
        ParseResult<InsightsFlowRequest> result = InsightsFlowRequest.Parse(
            Documents.Request(("from_date", "\"2024-01-02\""), ("to_date", "\"2024-01-01\"")));

        AssertErrors.Invalid(result, ("/to_date", "dateRange"));
        Assert.Contains("2024-01-01", result.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("2024-01-02", result.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void From_date_after_to_date_in_a_code_built_request_is_a_dateRange_error()
    {
        InsightsFlowRequest request = Build.Request() with { FromDate = new DateOnly(2025, 1, 1), ToDate = new DateOnly(2024, 12, 31) };

        AssertErrors.Single(request.Validate().Errors, "/to_date", "dateRange");
    }

    [Fact]
    public void Round_trip_writes_dates_as_yyyy_mm_dd()
    {
        InsightsFlowRequest request = AssertErrors.Valid(
            InsightsFlowRequest.Parse(Documents.Request(("from_date", "\"2024-02-29\""), ("to_date", "\"2024-03-01\""))));

        string json = request.ToJson();

        Assert.Contains("\"from_date\":\"2024-02-29\"", json, StringComparison.Ordinal);
        Assert.Contains("\"to_date\":\"2024-03-01\"", json, StringComparison.Ordinal);
        Assert.Equal(request, AssertErrors.Valid(InsightsFlowRequest.Parse(json)));
    }

    [Fact]
    public void Escaped_input_is_written_back_unescaped()
    {
        InsightsFlowRequest request = AssertErrors.Valid(
            InsightsFlowRequest.Parse(Documents.Request(("from_date", "\"\\u0032024-01-01\""))));

        Assert.Contains("\"from_date\":\"2024-01-01\"", request.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void Small_years_are_zero_padded_to_four_digits()
    {
        InsightsFlowRequest request = Build.Request() with { FromDate = new DateOnly(5, 3, 7), ToDate = new DateOnly(987, 10, 11) };

        string json = request.ToJson();

        Assert.Contains("\"from_date\":\"0005-03-07\"", json, StringComparison.Ordinal);
        Assert.Contains("\"to_date\":\"0987-10-11\"", json, StringComparison.Ordinal);
        Assert.Equal(request, AssertErrors.Valid(InsightsFlowRequest.Parse(json)));
    }

    [Theory]
    [InlineData("20240101")]
    [InlineData("true")]
    [InlineData("null")]
    [InlineData("[\"2024-01-01\"]")]
    [InlineData("{}")]
    public void A_date_that_is_not_a_json_string_is_a_type_error(string raw)
    {
        AssertErrors.Invalid(InsightsFlowRequest.Parse(Documents.Request(("from_date", raw))), ("/from_date", "type"));
    }
}
