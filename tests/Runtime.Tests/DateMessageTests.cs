using System.Text;
using System.Text.Json;
using Insights.Contracts.Runtime.CompilerServices;
using Xunit;

namespace Insights.Contracts.Runtime.Tests;

/// <summary>
/// A date, date-time or time of the right shape whose part does not exist: the message says which
/// part, for every part (a shape that is wrong still shows the shape expected).
/// </summary>
public class DateMessageTests
{
    [Theory]
    [InlineData("2025-02-30T10:00:00Z", "'2025-02-30T10:00:00Z' is not a valid date-time: February 2025 has 28 days, so day 30 does not exist")]
    [InlineData("2024-02-30T10:00:00Z", "'2024-02-30T10:00:00Z' is not a valid date-time: February 2024 has 29 days, so day 30 does not exist")]
    [InlineData("2025-04-31t10:00:00z", "'2025-04-31t10:00:00z' is not a valid date-time: April 2025 has 30 days, so day 31 does not exist")]
    [InlineData("2025-01-00T10:00:00Z", "'2025-01-00T10:00:00Z' is not a valid date-time: January 2025 has 31 days, so day 00 does not exist")]
    [InlineData("2025-13-01T10:00:00Z", "'2025-13-01T10:00:00Z' is not a valid date-time: month 13 does not exist (01 to 12)")]
    [InlineData("0000-01-01T10:00:00Z", "'0000-01-01T10:00:00Z' is not a valid date-time: year 0000 does not exist (the first is 0001)")]
    [InlineData("2025-01-01T24:00:00Z", "'2025-01-01T24:00:00Z' is not a valid date-time: hour 24 does not exist (00 to 23)")]
    [InlineData("2025-01-01T10:60:00Z", "'2025-01-01T10:60:00Z' is not a valid date-time: minute 60 does not exist (00 to 59)")]
    [InlineData("2025-01-01T10:00:61Z", "'2025-01-01T10:00:61Z' is not a valid date-time: second 61 does not exist (00 to 59, or 60 for a leap second)")]
    [InlineData("2025-01-01T10:00:60Z", "'2025-01-01T10:00:60Z' is not a valid date-time: second 60 is a leap second, which only 23:59:60 UTC has")]
    [InlineData("2025-01-01T10:00:00+24:00", "'2025-01-01T10:00:00+24:00' is not a valid date-time: the offset's hour 24 does not exist (00 to 23)")]
    [InlineData("2025-01-01T10:00:00.5-01:60", "'2025-01-01T10:00:00.5-01:60' is not a valid date-time: the offset's minute 60 does not exist (00 to 59)")]
    [InlineData("2025-02-30 10:00:00Z", "'2025-02-30 10:00:00Z' is not an RFC 3339 date-time (YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM))")]
    [InlineData("2025-02-30T10:00:00", "'2025-02-30T10:00:00' is not an RFC 3339 date-time (YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM))")]
    public void A_date_time_says_which_part_does_not_exist(string value, string message)
    {
        Assert.False(JsonFormats.IsValid(value, JsonFormat.DateTime));
        Assert.Equal(message, ErrorMessages.Format(value, JsonFormat.DateTime));

        // The typed reader of a DateTimeOffset member reports the same message.
        Assert.Equal(message, ReaderMessage(value, (ref Utf8JsonReader reader, ValidationContext context) => JsonRead.TryReadDateTime(ref reader, context, out _)));
    }

    [Theory]
    [InlineData("2023-02-29", "'2023-02-29' is not a valid calendar date: February 2023 has 28 days, so day 29 does not exist")]
    [InlineData("2024-13-01", "'2024-13-01' is not a valid calendar date: month 13 does not exist (01 to 12)")]
    [InlineData("0000-01-01", "'0000-01-01' is not a valid calendar date: year 0000 does not exist (the first is 0001)")]
    [InlineData("2024-1-01", "'2024-1-01' is not an ISO 8601 date (YYYY-MM-DD)")]
    public void A_date_says_which_part_does_not_exist(string value, string message) =>
        Assert.Equal(message, ReaderMessage(value, (ref Utf8JsonReader reader, ValidationContext context) => JsonRead.TryReadDate(ref reader, context, out _)));

    private delegate bool Read(ref Utf8JsonReader reader, ValidationContext context);

    /// <summary>The one error a typed reader reports for <paramref name="value"/> as a JSON string.</summary>
    private static string ReaderMessage(string value, Read read)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(value)));
        reader.Read();
        var context = new ValidationContext();
        Assert.False(read(ref reader, context));
        return Assert.Single(context.ToResult().Errors).Message;
    }

    [Theory]
    [InlineData("25:00:00Z", "'25:00:00Z' is not a valid time: hour 25 does not exist (00 to 23)")]
    [InlineData("23:59:60+01:00", "'23:59:60+01:00' is not a valid time: second 60 is a leap second, which only 23:59:60 UTC has")]
    [InlineData("10:00", "'10:00' is not an RFC 3339 time (HH:MM:SS[.frac](Z|±HH:MM))")]
    public void A_time_says_which_part_does_not_exist(string value, string message) =>
        Assert.Equal(message, ErrorMessages.Format(value, JsonFormat.Time));

    [Fact]
    public void A_valid_leap_second_has_no_problem() =>
        Assert.True(JsonFormats.IsValid("1998-12-31T23:59:60Z", JsonFormat.DateTime));
}
