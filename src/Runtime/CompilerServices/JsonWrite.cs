using System;
using System.Text.Json;
using System.ComponentModel;

namespace Insights.Contracts.Runtime.CompilerServices;

/// <summary>Writers for value shapes System.Text.Json does not write in the schema's format.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonWrite
{
    /// <summary>Writes <paramref name="date"/> as an RFC 3339 <c>full-date</c> string (<c>YYYY-MM-DD</c>), without allocating.</summary>
    public static void WriteDate(Utf8JsonWriter writer, DateOnly date)
    {
        Span<byte> buffer = stackalloc byte[IsoDate.Length];
        IsoDate.Format(date, buffer);
        writer.WriteStringValue(buffer);
    }
}
