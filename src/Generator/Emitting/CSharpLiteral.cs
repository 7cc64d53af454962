using System.Globalization;
using Insights.Contracts.Generator.Parsing;
using Insights.Contracts.Generator.Shared;

namespace Insights.Contracts.Generator.Emitting;

/// <summary>Schema values as C# literals.</summary>
internal static class CSharpLiteral
{
    /// <summary>A C# string literal.</summary>
    public static string String(string text) => Naming.ToLiteral(text);

    /// <summary>
    /// A JSON number as a C# <c>double</c>: out-of-range values become infinities, as in JSON
    /// parsers (<c>1e400</c> is <c>double.PositiveInfinity</c>, never the undeclared <c>Infinityd</c>).
    /// </summary>
    public static string Double(string json)
    {
        double value = double.Parse(json, NumberStyles.Float, CultureInfo.InvariantCulture);
        return double.IsPositiveInfinity(value) ? "double.PositiveInfinity"
            : double.IsNegativeInfinity(value) ? "double.NegativeInfinity"
            : value.ToString("R", CultureInfo.InvariantCulture) + "d";
    }

    /// <summary>A JSON number as a C# <c>double</c> when it is finite as one; null otherwise (a default cannot be infinite).</summary>
    public static string? FiniteDouble(string json) =>
        double.TryParse(json, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && !double.IsInfinity(value)
            ? value.ToString("R", CultureInfo.InvariantCulture) + "d"
            : null;

    /// <summary>A JSON number as a C# <c>long</c> when it is an integer that fits one; null otherwise.</summary>
    public static string? Long(string json) =>
        long.TryParse(json, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value)
            ? value.ToString(CultureInfo.InvariantCulture) + "L"
            : null;

    /// <summary>A JSON number as a C# <c>decimal</c> when its text is exactly one (<see cref="ExactDecimal"/>); null otherwise.</summary>
    public static string? Decimal(string json) => ExactDecimal.Applies(json) ? json + "m" : null;

    /// <summary>A count from the schema.</summary>
    public static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);
}
