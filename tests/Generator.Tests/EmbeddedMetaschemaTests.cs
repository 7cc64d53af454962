using System;
using System.Linq;
using Insights.Contracts.Generator.Metaschemas;
using Insights.Contracts.Generator.Parsing;
using Xunit;

namespace Insights.Contracts.Generator.Tests;

/// <summary>
/// The draft metaschemas embedded in the generator (src/Generator/Metaschemas): each one is there,
/// reads with the generator's own JSON reader, and is found under the URIs a <c>$ref</c> uses.
/// </summary>
public class EmbeddedMetaschemaTests
{
    private const string ResourcePrefix = "Insights.Contracts.Generator.Metaschemas.";

    public static TheoryData<string> Uris() => new(EmbeddedMetaschemas.Uris);

    [Theory]
    [MemberData(nameof(Uris))]
    public void Each_metaschema_reads_as_json_and_names_itself_and_its_dialect(string uri)
    {
        Assert.True(EmbeddedMetaschemas.TryGet(uri, out string text));

        JsonNode root = JsonTextReader.Parse(text, out var duplicates);

        Assert.Empty(duplicates);
        Assert.Equal(JsonNodeKind.Object, root.Kind);

        // draft-04 calls it "id"; every later draft "$id". Drafts up to 07 end it with an empty fragment.
        JsonNode id = root["$id"] ?? root["id"]!;
        Assert.Equal(uri, id.Text!.TrimEnd('#'));
        Assert.Equal(root["$id"] is null, uri.Contains("draft-04", StringComparison.Ordinal));

        // A vocabulary metaschema is written in its draft's dialect; a dialect metaschema in itself.
        string dialect = uri.Contains("/meta/", StringComparison.Ordinal) ? uri.Substring(0, uri.IndexOf("/meta/", StringComparison.Ordinal)) + "/schema" : uri;
        Assert.Equal(dialect, root["$schema"]!.Text!.TrimEnd('#'));
    }

    [Fact]
    public void Every_embedded_file_has_a_uri_and_every_uri_a_file()
    {
        string[] resources = typeof(EmbeddedMetaschemas).Assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .ToArray();

        Assert.Equal(19, resources.Length);
        Assert.Equal(resources.Length, EmbeddedMetaschemas.Uris.Count());
        Assert.Equal(EmbeddedMetaschemas.Uris.Count(), EmbeddedMetaschemas.Uris.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("http://json-schema.org/draft-04/schema", "http://json-schema.org/draft-04/schema#")]
    [InlineData("https://json-schema.org/draft-04/schema", "http://json-schema.org/draft-04/schema#")]
    [InlineData("https://json-schema.org/draft-06/schema#", "http://json-schema.org/draft-06/schema#")]
    [InlineData("http://json-schema.org/draft-07/schema#", "http://json-schema.org/draft-07/schema#")]
    [InlineData("https://json-schema.org/draft-07/schema", "http://json-schema.org/draft-07/schema#")]
    [InlineData("https://json-schema.org/draft/2019-09/meta/applicator", "https://json-schema.org/draft/2019-09/meta/applicator")]
    [InlineData("https://json-schema.org/draft/2020-12/schema#", "https://json-schema.org/draft/2020-12/schema")]
    [InlineData("https://json-schema.org/draft/2020-12/meta/format-annotation", "https://json-schema.org/draft/2020-12/meta/format-annotation")]
    public void A_uri_is_found_as_a_ref_writes_it(string asked, string expectedId)
    {
        Assert.True(EmbeddedMetaschemas.TryGet(asked, out string text));

        JsonNode root = JsonTextReader.Parse(text, out _);
        Assert.Equal(expectedId, (root["$id"] ?? root["id"])!.Text);
    }

    [Theory]
    [InlineData("https://json-schema.org/draft/2020-12/vocab/core")] // a vocabulary's name, not a document
    [InlineData("http://json-schema.org/draft/2020-12/schema")] // 2020-12's URI is https only
    [InlineData("http://json-schema.org/draft-03/schema")] // not shipped
    [InlineData("https://json-schema.org/draft/2020-12/schema#/$defs")] // a fragment is resolved after loading, never part of the ask
    [InlineData("")]
    public void Other_uris_are_not_metaschemas(string uri)
    {
        Assert.False(EmbeddedMetaschemas.TryGet(uri, out string text));
        Assert.Empty(text);
    }
}
