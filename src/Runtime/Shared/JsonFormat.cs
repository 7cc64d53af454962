// Compiled into the runtime (public) and linked into the generator (internal), so the names a
// schema may give a format and the formats the runtime checks are one table.
#if INSIGHTS_GENERATOR
namespace Insights.Contracts.Generator.Shared;
#else
namespace Insights.Contracts.Runtime.CompilerServices;
#endif

/// <summary>The <c>format</c> values the generated validators check.</summary>
#if INSIGHTS_GENERATOR
internal
#else
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public
#endif
enum JsonFormat
{
    /// <summary>RFC 3339 <c>date-time</c>.</summary>
    DateTime,

    /// <summary>RFC 3339 <c>full-time</c> (with an offset).</summary>
    Time,

    /// <summary>RFC 5321 mailbox (<c>local@domain</c>), no display name.</summary>
    Email,

    /// <summary>RFC 2673 dotted-quad IPv4 address.</summary>
    IPv4,

    /// <summary>RFC 4291 IPv6 address (no zone id).</summary>
    IPv6,

    /// <summary>RFC 3986 absolute URI.</summary>
    Uri,

    /// <summary>RFC 3339 <c>full-date</c> (<c>YYYY-MM-DD</c>); typed contracts read it as <c>DateOnly</c>.</summary>
    Date,

    /// <summary>RFC 9562 UUID text; typed contracts read it as <c>Guid</c>.</summary>
    Uuid,

    /// <summary>RFC 3986 URI reference: an absolute URI or a relative reference.</summary>
    UriReference,

    /// <summary>RFC 3987 absolute IRI (a URI that may hold non-ASCII characters).</summary>
    Iri,

    /// <summary>RFC 3987 IRI reference: an absolute IRI or a relative reference.</summary>
    IriReference,

    /// <summary>RFC 6570 URI template (any level).</summary>
    UriTemplate,

    /// <summary>RFC 1123 host name; <c>xn--</c> labels must be valid IDNA2008 A-labels.</summary>
    Hostname,

    /// <summary>Internationalized host name: IDNA2008 (RFC 5890-5893) U-labels, A-labels or ASCII labels.</summary>
    IdnHostname,

    /// <summary>RFC 6531 internationalized mailbox: UTF-8 local part, internationalized domain.</summary>
    IdnEmail,

    /// <summary>RFC 6901 JSON Pointer.</summary>
    JsonPointer,

    /// <summary>Relative JSON Pointer (draft-handrews-relative-json-pointer).</summary>
    RelativeJsonPointer,

    /// <summary>ECMA-262 regular expression that .NET can run as a <c>pattern</c>.</summary>
    Regex,

    /// <summary>ISO 8601 duration as RFC 3339 Appendix A defines it (<c>P1Y2M3DT4H5M6S</c>, <c>P2W</c>).</summary>
    Duration,
}

/// <summary>The name a schema gives each <see cref="JsonFormat"/> (the value of its <c>format</c> keyword).</summary>
#if INSIGHTS_GENERATOR
internal
#else
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public
#endif
static class JsonFormatNames
{
    // One table for both directions, in the order messages list the names.
    private static readonly (string Name, JsonFormat Format)[] Formats =
    [
        ("date", JsonFormat.Date), ("date-time", JsonFormat.DateTime), ("time", JsonFormat.Time), ("duration", JsonFormat.Duration),
        ("email", JsonFormat.Email), ("idn-email", JsonFormat.IdnEmail), ("hostname", JsonFormat.Hostname), ("idn-hostname", JsonFormat.IdnHostname),
        ("ipv4", JsonFormat.IPv4), ("ipv6", JsonFormat.IPv6), ("uri", JsonFormat.Uri), ("uri-reference", JsonFormat.UriReference),
        ("iri", JsonFormat.Iri), ("iri-reference", JsonFormat.IriReference), ("uuid", JsonFormat.Uuid), ("uri-template", JsonFormat.UriTemplate),
        ("json-pointer", JsonFormat.JsonPointer), ("relative-json-pointer", JsonFormat.RelativeJsonPointer), ("regex", JsonFormat.Regex),
    ];

    /// <summary>The name of every format the validators check (for a list in a message, or a "did you mean").</summary>
    public static System.Collections.Generic.IReadOnlyList<string> Names { get; } = System.Array.ConvertAll(Formats, f => f.Name);

    /// <summary>The format a schema names <paramref name="name"/>, if it is one the validators check.</summary>
    public static bool TryParse(string name, out JsonFormat format)
    {
        foreach ((string known, JsonFormat value) in Formats)
        {
            if (known == name)
            {
                format = value;
                return true;
            }
        }

        format = default;
        return false;
    }
}
