using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Insights.Contracts.Generator.Metaschemas;

/// <summary>
/// The official metaschemas of draft-04, -06, -07, 2019-09 and 2020-12, embedded in the generator
/// (see README.md beside this file), so a <c>$ref</c> to one resolves without a network or an
/// AdditionalFile: the compiler gives a generator no network, and builds must not depend on one.
/// </summary>
internal static class EmbeddedMetaschemas
{
    private const string ResourcePrefix = "Insights.Contracts.Generator.Metaschemas.";

    // Each metaschema's URI as its own $id/id writes it, without the empty fragment that the
    // drafts up to 07 append; the file it is embedded from.
    private static readonly (string Uri, string File)[] Documents =
    [
        ("http://json-schema.org/draft-04/schema", "draft-04-schema.json"),
        ("http://json-schema.org/draft-06/schema", "draft-06-schema.json"),
        ("http://json-schema.org/draft-07/schema", "draft-07-schema.json"),
        ("https://json-schema.org/draft/2019-09/schema", "draft-2019-09-schema.json"),
        ("https://json-schema.org/draft/2019-09/meta/core", "draft-2019-09-meta-core.json"),
        ("https://json-schema.org/draft/2019-09/meta/applicator", "draft-2019-09-meta-applicator.json"),
        ("https://json-schema.org/draft/2019-09/meta/validation", "draft-2019-09-meta-validation.json"),
        ("https://json-schema.org/draft/2019-09/meta/meta-data", "draft-2019-09-meta-meta-data.json"),
        ("https://json-schema.org/draft/2019-09/meta/format", "draft-2019-09-meta-format.json"),
        ("https://json-schema.org/draft/2019-09/meta/content", "draft-2019-09-meta-content.json"),
        ("https://json-schema.org/draft/2020-12/schema", "draft-2020-12-schema.json"),
        ("https://json-schema.org/draft/2020-12/meta/core", "draft-2020-12-meta-core.json"),
        ("https://json-schema.org/draft/2020-12/meta/applicator", "draft-2020-12-meta-applicator.json"),
        ("https://json-schema.org/draft/2020-12/meta/unevaluated", "draft-2020-12-meta-unevaluated.json"),
        ("https://json-schema.org/draft/2020-12/meta/validation", "draft-2020-12-meta-validation.json"),
        ("https://json-schema.org/draft/2020-12/meta/meta-data", "draft-2020-12-meta-meta-data.json"),
        ("https://json-schema.org/draft/2020-12/meta/format-annotation", "draft-2020-12-meta-format-annotation.json"),
        ("https://json-schema.org/draft/2020-12/meta/format-assertion", "draft-2020-12-meta-format-assertion.json"),
        ("https://json-schema.org/draft/2020-12/meta/content", "draft-2020-12-meta-content.json"),
    ];

    // Read on first use, once per process: the text never changes, and every schema file of every
    // build in this compiler process may ask for it.
    private static readonly Dictionary<string, Lazy<string>> TextByUri = Index();

    /// <summary>The URI of every embedded metaschema, as its <c>$id</c> (or draft-04 <c>id</c>) writes it, without a trailing <c>#</c>.</summary>
    public static IEnumerable<string> Uris => Documents.Select(d => d.Uri);

    /// <summary>
    /// The text of the metaschema <paramref name="uri"/> names. Accepts the URI as a <c>$ref</c>
    /// resolves to (absolute, no fragment) or with an empty fragment (<c>…/draft-07/schema#</c>),
    /// and for draft-04, -06 and -07, whose <c>id</c>s are <c>http:</c>, also the <c>https:</c>
    /// spelling that many schemas use. Comparison is exact otherwise, as JSON Schema compares URIs.
    /// </summary>
    public static bool TryGet(string uri, out string text)
    {
        string key = uri.EndsWith("#", StringComparison.Ordinal) ? uri.Substring(0, uri.Length - 1) : uri;
        if (TextByUri.TryGetValue(key, out Lazy<string>? document))
        {
            text = document.Value;
            return true;
        }

        text = string.Empty;
        return false;
    }

    private static Dictionary<string, Lazy<string>> Index()
    {
        var index = new Dictionary<string, Lazy<string>>(StringComparer.Ordinal);
        foreach ((string uri, string file) in Documents)
        {
            var text = new Lazy<string>(() => Read(file));
            index.Add(uri, text);
            if (uri.StartsWith("http://", StringComparison.Ordinal))
            {
                index.Add("https://" + uri.Substring("http://".Length), text);
            }
        }

        return index;
    }

    private static string Read(string file)
    {
        using Stream stream = typeof(EmbeddedMetaschemas).Assembly.GetManifestResourceStream(ResourcePrefix + file)
            ?? throw new InvalidOperationException($"The metaschema {file} is not embedded in the generator; the build lost it.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
