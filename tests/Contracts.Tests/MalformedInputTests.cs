using System;
using System.Linq;
using System.Text;
using Insights.Contracts.Runtime;
using Xunit;

namespace Insights.Contracts.Tests;

/// <summary>Text that is not (strict RFC 8259) JSON: Parse never throws, and reports a syntax error.</summary>
public class MalformedInputTests
{
    private const string Valid = """{"intended_reports":["transactions"],"from_date":"2024-01-01","to_date":"2024-03-31"}""";

    public static TheoryData<string, string> MalformedRequests() => new()
    {
        { "truncated", Valid.Substring(0, Valid.Length - 10) },
        { "truncated after a member", """{"intended_reports":["transactions"],""" },
        { "truncated inside a string", """{"intended_reports":["transac""" },
        { "missing closing brace", Valid.TrimEnd('}') },
        { "trailing garbage", Valid + "x" },
        { "trailing second object", Valid + "{}" },
        { "trailing comma-separated value", Valid + ",1" },
        { "block comment", Valid.Replace("{", "{/* c */", StringComparison.Ordinal) },
        { "line comment", Valid.Replace(",", ", // c\n", StringComparison.Ordinal) },
        { "trailing comma in object", Valid.TrimEnd('}') + ",}" },
        { "trailing comma in array", Valid.Replace("[\"transactions\"]", "[\"transactions\",]", StringComparison.Ordinal) },
        { "single quotes", Valid.Replace('"', '\'') },
        { "unquoted member name", Valid.Replace("\"from_date\"", "from_date", StringComparison.Ordinal) },
        { "NaN", Valid.TrimEnd('}') + ",\"data_retention_minutes\":NaN}" },
        { "Infinity", Valid.TrimEnd('}') + ",\"data_retention_minutes\":Infinity}" },
        { "leading zero", Valid.TrimEnd('}') + ",\"data_retention_minutes\":010}" },
        { "raw newline in string", Valid.Replace("transactions", "trans\nactions", StringComparison.Ordinal) },
        { "invalid escape", Valid.Replace("transactions", "trans\\xactions", StringComparison.Ordinal) },
        { "missing colon", Valid.Replace("\"from_date\":", "\"from_date\" ", StringComparison.Ordinal) },
        { "empty", "" },
        { "whitespace only", " \t\r\n " },
        { "BOM only", "\uFEFF" },
    };

    [Theory]
    [MemberData(nameof(MalformedRequests))]
    public void Malformed_request_is_a_syntax_error(string what, string json)
    {
        ParseResult<InsightsFlowRequest> fromBytes = InsightsFlowRequest.Parse(Encoding.UTF8.GetBytes(json));
        ParseResult<InsightsFlowRequest> fromString = InsightsFlowRequest.Parse(json);

        foreach (ParseResult<InsightsFlowRequest> result in new[] { fromBytes, fromString })
        {
            Assert.False(result.IsValid, what);
            Assert.Null(result.Value);
            Assert.NotEmpty(result.Errors);
            Assert.Equal("syntax", result.Errors[^1].Keyword);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\n\n")]
    [InlineData("\uFEFF \t")]
    public void Empty_and_whitespace_input_is_one_syntax_error_at_the_root_that_says_so(string json)
    {
        AssertErrors.Invalid(InsightsFlowRequest.Parse(json), ("", "syntax"));
        AssertErrors.Invalid(InsightsFlowResponse.Parse(Encoding.UTF8.GetBytes(json)), ("", "syntax"));
        Assert.Equal("the document is empty; expected a JSON value", InsightsFlowRequest.Parse(json).Errors.Single().Message);
    }

    [Fact]
    public void Trailing_garbage_after_a_valid_object_is_one_syntax_error_at_the_root()
    {
        AssertErrors.Invalid(InsightsFlowRequest.Parse(Valid + " x"), ("", "syntax"));
        AssertErrors.Invalid(InsightsFlowResponse.Parse("""{"data":{"state":"F"}}}"""), ("", "syntax"));
    }

    [Fact]
    public void Comment_between_members_is_one_syntax_error_at_the_root()
    {
        AssertErrors.Invalid(InsightsFlowRequest.Parse(Valid.Replace(",", ",/*c*/", StringComparison.Ordinal)), ("", "syntax"));
    }

    [Fact]
    public void Trailing_comma_is_one_syntax_error_at_the_root()
    {
        AssertErrors.Invalid(InsightsFlowRequest.Parse(Valid.TrimEnd('}') + ",}"), ("", "syntax"));
    }

    [Fact]
    public void Syntax_error_message_gives_a_one_based_line_and_byte()
    {
        ParseResult<InsightsFlowRequest> result = InsightsFlowRequest.Parse("{\n  \"from_date\": x\n}");

        ValidationError error = AssertErrors.Single(result.Errors, "", "syntax");
        Assert.StartsWith("invalid JSON at line 2, byte ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Utf8_byte_order_mark_is_accepted()
    {
        byte[] withBom = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Valid)];

        InsightsFlowRequest fromBytes = AssertErrors.Valid(InsightsFlowRequest.Parse(withBom));
        InsightsFlowRequest fromString = AssertErrors.Valid(InsightsFlowRequest.Parse("\uFEFF" + Valid));
        Assert.Equal(AssertErrors.Valid(InsightsFlowRequest.Parse(Valid)), fromBytes);
        Assert.Equal(fromBytes, fromString);

        byte[] responseWithBom = [0xEF, 0xBB, 0xBF, .. Repository.ReadBytes("schema", "examples", "response-finished.json")];
        AssertErrors.Valid(InsightsFlowResponse.Parse(responseWithBom));
    }

    [Fact]
    public void Two_byte_order_marks_are_a_syntax_error()
    {
        byte[] twice = [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Valid)];

        AssertErrors.Invalid(InsightsFlowRequest.Parse(twice), ("", "syntax"));
    }

    [Theory]
    [InlineData("insights_consumer_id", "/insights_consumer_id")]
    [InlineData("from_date", "/from_date")]
    public void Invalid_utf8_inside_a_request_string_is_a_syntax_error(string member, string path)
    {
        // "2024-01-\xFF1": ten bytes, the length of a date, with a byte that is never valid UTF-8.
        byte[] json = Utf8WithInvalidByte(Documents.Request((member, "\"2024-01-@1\"")));

        AssertErrors.Invalid(InsightsFlowRequest.Parse(json), (path, "syntax"));
    }

    [Fact]
    public void Invalid_utf8_inside_an_iban_is_a_syntax_error()
    {
        byte[] json = Utf8WithInvalidByte(Documents.RequestWithAccounts("{\"ibans\":[\"DE8937040044053201300@\"]}"));

        AssertErrors.Invalid(InsightsFlowRequest.Parse(json), ("/accounts/ibans/0", "syntax"));
    }

    [Fact]
    public void Invalid_utf8_inside_a_report_type_is_a_syntax_error()
    {
        byte[] json = Utf8WithInvalidByte(Documents.Request(("intended_reports", "[\"income\",\"inco@me\"]")));

        AssertErrors.Invalid(InsightsFlowRequest.Parse(json), ("/intended_reports/1", "syntax"));
    }

    [Fact]
    public void Invalid_utf8_inside_a_known_response_string_is_a_syntax_error()
    {
        byte[] json = Utf8WithInvalidByte("""{"data":{"state":"FINI@HED"}}""");

        AssertErrors.Invalid(InsightsFlowResponse.Parse(json), ("/data/state", "syntax"));
    }

    [Theory]
    [InlineData("""{"data":{"state":"FINISHED","note":"a@b"}}""")]
    [InlineData("""{"data":{"state":"FINISHED","no@te":1}}""")]
    [InlineData("""{"extra":["@"],"data":{"state":"FINISHED"}}""")]
    public void Invalid_utf8_inside_an_ignored_response_member_is_a_syntax_error(string template)
    {
        ParseResult<InsightsFlowResponse> result = InsightsFlowResponse.Parse(Utf8WithInvalidByte(template));

        Assert.False(result.IsValid, "a document with invalid UTF-8 is not JSON text (RFC 8259 section 8.1)");
        Assert.Equal("syntax", Assert.Single(result.Errors).Keyword);
    }

    [Fact]
    public void Nesting_10000_deep_is_an_error_not_a_crash()
    {
        string deep = new string('[', 10_000) + new string(']', 10_000);

        ParseResult<InsightsFlowRequest> topLevel = InsightsFlowRequest.Parse(deep);
        Assert.False(topLevel.IsValid);
        Assert.All(topLevel.Errors, e => Assert.Equal("", e.Path));
        Assert.Contains(topLevel.Errors, e => e.Keyword == "syntax");

        ParseResult<InsightsFlowRequest> inUnknownMember = InsightsFlowRequest.Parse(Documents.Request(("x", deep)));
        Assert.False(inUnknownMember.IsValid);
        Assert.Contains(inUnknownMember.Errors, e => e.Keyword == "syntax");

        ParseResult<InsightsFlowRequest> inReports = InsightsFlowRequest.Parse(Documents.Request(("intended_reports", deep)));
        Assert.False(inReports.IsValid);
        Assert.Contains(inReports.Errors, e => e.Keyword == "syntax");

        string deepObjects = string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000);
        ParseResult<InsightsFlowResponse> ignoredInResponse = InsightsFlowResponse.Parse(
            "{\"data\":{\"state\":\"F\",\"x\":" + deepObjects + "}}");
        Assert.False(ignoredInResponse.IsValid);
        Assert.Contains(ignoredInResponse.Errors, e => e.Keyword == "syntax");
    }

    [Fact]
    public void Nesting_within_the_documented_maximum_depth_is_accepted()
    {
        // The response ignores unknown members; depth 64 overall is allowed (JsonContract.MaxDepth).
        int inner = JsonContract.MaxDepth - 3; // data object, the unknown member's arrays, and the root
        string nested = new string('[', inner) + new string(']', inner);

        AssertErrors.Valid(InsightsFlowResponse.Parse("{\"data\":{\"state\":\"F\",\"x\":" + nested + "}}"));
    }

    [Theory]
    [InlineData("[]", "array")]
    [InlineData("[{\"intended_reports\":[\"risk\"]}]", "array")]
    [InlineData("\"{}\"", "string")]
    [InlineData("42", "integer")]
    [InlineData("-1.5e3", "integer")] // -1500: JSON Schema judges numbers by value
    [InlineData("true", "boolean")]
    [InlineData("null", "null")]
    public void Top_level_value_that_is_not_an_object_is_a_type_error_at_the_root(string json, string got)
    {
        ParseResult<InsightsFlowRequest> request = InsightsFlowRequest.Parse(json);
        ParseResult<InsightsFlowResponse> response = InsightsFlowResponse.Parse(json);

        AssertErrors.Invalid(request, ("", "type"));
        AssertErrors.Invalid(response, ("", "type"));
        Assert.Equal($"expected object, got {got}", request.Errors[0].Message);
    }

    [Fact]
    public void Parse_never_throws_for_any_prefix_of_a_valid_document()
    {
        // Without the file's final newline, every proper prefix is missing at least the closing brace.
        byte[] bytes = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Repository.ReadBytes("schema", "examples", "request-all-accounts.json")).TrimEnd());
        AssertErrors.Valid(InsightsFlowRequest.Parse(bytes));
        for (int length = 0; length < bytes.Length; length++)
        {
            ReadOnlySpan<byte> prefix = bytes.AsSpan(0, length);
            ParseResult<InsightsFlowRequest> result = InsightsFlowRequest.Parse(prefix);
            Assert.False(result.IsValid, $"prefix of {length} bytes");
            Assert.NotEmpty(result.Errors);
        }
    }

    /// <summary>UTF-8 of <paramref name="template"/> with its single '@' replaced by 0xFF, never valid in UTF-8.</summary>
    private static byte[] Utf8WithInvalidByte(string template)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(template);
        int at = Array.IndexOf(bytes, (byte)'@');
        Assert.True(at >= 0 && Array.IndexOf(bytes, (byte)'@', at + 1) < 0, "template needs exactly one '@'");
        bytes[at] = 0xFF;
        return bytes;
    }
}
