using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Insights.Contracts.Runtime;
using Xunit;

namespace Insights.Contracts.Tests;

/// <summary>The committed corpus of bad documents (Corpus/), each with its documented first error.</summary>
public class CorpusTests
{
    private static readonly string Folder = Repository.Path("tests", "Contracts.Tests", "Corpus");

    private static Dictionary<string, (string Pointer, string Keyword)> Expectations() =>
        JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Folder, "expectations.json"))).RootElement.EnumerateObject()
            .ToDictionary(e => e.Name, e => (e.Value.GetProperty("pointer").GetString()!, e.Value.GetProperty("keyword").GetString()!));

    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach ((string file, (string pointer, string keyword)) in Expectations().OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            data.Add(file, pointer, keyword);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_bad_document_gives_its_documented_first_error(string file, string pointer, string keyword)
    {
        byte[] bytes = File.ReadAllBytes(Path.Combine(Folder, file));

        IReadOnlyList<ValidationError> errors = file.StartsWith("request/", StringComparison.Ordinal)
            ? InsightsFlowRequest.Parse(bytes).Errors
            : InsightsFlowResponse.Parse(bytes).Errors;

        Assert.NotEmpty(errors);
        Assert.Equal((pointer, keyword), (errors[0].Path, errors[0].Keyword));
        Assert.All(errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
    }

    [Fact]
    public void Every_corpus_file_has_an_expectation_and_every_expectation_a_file()
    {
        string[] files = Directory.GetFiles(Folder, "*.json", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Folder, f).Replace('\\', '/'))
            .Where(f => f != "expectations.json")
            .Order(StringComparer.Ordinal)
            .ToArray();

        Assert.Equal(files, Expectations().Keys.Order(StringComparer.Ordinal));
        Assert.True(files.Length >= 80, $"only {files.Length} corpus files");
    }

    [Fact]
    public void A_100_MB_insights_consumer_id_is_a_maxLength_error_with_bounded_memory()
    {
        string huge = new('a', 100 * 1024 * 1024);
        byte[] bytes = Encoding.UTF8.GetBytes($$"""{"intended_reports":["risk"],"from_date":"2024-01-01","to_date":"2024-01-02","insights_consumer_id":"{{huge}}"}""");

        long before = GC.GetAllocatedBytesForCurrentThread();
        ParseResult<InsightsFlowRequest> result = InsightsFlowRequest.Parse(bytes);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // Rejected (maxLength 127, issue 13); at most the one 200 MB UTF-16 string is allocated on the way.
        AssertErrors.Invalid(result, ("/insights_consumer_id", "maxLength"));
        Assert.InRange(allocated, 0, 220L * 1024 * 1024);
    }

    [Fact]
    public void A_100_MB_string_in_a_skipped_response_member_is_checked_without_being_copied()
    {
        byte[] bytes = Encoding.UTF8.GetBytes("""{"data":{"state":"FINISHED","log":""" + "\"" + new string('x', 100 * 1024 * 1024) + "\"}}");

        long before = GC.GetAllocatedBytesForCurrentThread();
        ParseResult<InsightsFlowResponse> result = InsightsFlowResponse.Parse(bytes);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(result.IsValid, result.ToString());
        Assert.InRange(allocated, 0, 64 * 1024); // the member is UTF-8-checked in place, never decoded
    }

    [Fact]
    public void A_100_MB_string_where_a_date_belongs_is_a_format_error_with_a_short_message()
    {
        byte[] bytes = Encoding.UTF8.GetBytes("""{"intended_reports":["risk"],"to_date":"2024-01-02","from_date":""" + "\"" + new string('9', 100 * 1024 * 1024) + "\"}");

        ValidationError error = Assert.Single(InsightsFlowRequest.Parse(bytes).Errors);

        Assert.Equal(("/from_date", "format"), (error.Path, error.Keyword));
        Assert.True(error.Message.Length < 200, "the message quotes a shortened value");
    }
}
