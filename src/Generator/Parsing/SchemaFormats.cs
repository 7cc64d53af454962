using System;
using System.Collections.Generic;

namespace Insights.Contracts.Generator.Parsing;

/// <summary>The <c>format</c> values the generated code checks, for both shapes.</summary>
internal static class SchemaFormats
{
    /// <summary>
    /// Schema name → runtime <c>JsonFormat</c> member. In typed records <c>date</c> and <c>uuid</c>
    /// become <c>DateOnly</c>/<c>Guid</c> before this is consulted; any other format is reported
    /// (ICG009) and only annotates.
    /// </summary>
    public static readonly Dictionary<string, string> Asserted = new(StringComparer.Ordinal)
    {
        ["date"] = "Date",
        ["date-time"] = "DateTime",
        ["time"] = "Time",
        ["email"] = "Email",
        ["ipv4"] = "IPv4",
        ["ipv6"] = "IPv6",
        ["uri"] = "Uri",
        ["uuid"] = "Uuid",
    };
}
