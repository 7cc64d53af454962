// Compiled into the runtime (public) and linked into the generator (internal), so the names a
// schema may give a format and the formats the runtime checks are one table.
#if INSIGHTS_GENERATOR
namespace Insights.Contracts.Generator.Shared;
#else
namespace Insights.Contracts.Runtime;
#endif

/// <summary>The <c>format</c> values the generated validators check.</summary>
#if INSIGHTS_GENERATOR
internal
#else
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
}

/// <summary>The name a schema gives each <see cref="JsonFormat"/> (the value of its <c>format</c> keyword).</summary>
#if INSIGHTS_GENERATOR
internal
#else
public
#endif
static class JsonFormatNames
{
    /// <summary>The format a schema names <paramref name="name"/>, if it is one the validators check.</summary>
    public static bool TryParse(string name, out JsonFormat format)
    {
        switch (name)
        {
            case "date-time": format = JsonFormat.DateTime; return true;
            case "time": format = JsonFormat.Time; return true;
            case "email": format = JsonFormat.Email; return true;
            case "ipv4": format = JsonFormat.IPv4; return true;
            case "ipv6": format = JsonFormat.IPv6; return true;
            case "uri": format = JsonFormat.Uri; return true;
            case "date": format = JsonFormat.Date; return true;
            case "uuid": format = JsonFormat.Uuid; return true;
            default: format = default; return false;
        }
    }
}
