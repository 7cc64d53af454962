// Compiled into the runtime and linked into the generator: a schema number and an instance number
// must be judged "exact as a decimal" by the same rule, or a bound and a value could compare inexactly.
#if INSIGHTS_GENERATOR
namespace Insights.Contracts.Generator.Shared;
#else
namespace Insights.Contracts.Runtime;
#endif

/// <summary>
/// When the text of a JSON number is exactly a C# <see cref="decimal"/>: no exponent and at most
/// 28 digits. (<c>decimal.Parse</c> would round a 29th digit away without a word, and an exponent
/// can move the digits beyond what a decimal holds.)
/// </summary>
internal static class ExactDecimal
{
    /// <summary>The most digits a decimal always holds exactly.</summary>
    public const int MaxDigits = 28;

    /// <summary>The rule, given what a scan of the number's text found.</summary>
    public static bool Applies(int digitCount, bool hasExponent) => !hasExponent && digitCount <= MaxDigits;

    /// <summary>The rule over a number's text.</summary>
    public static bool Applies(string text)
    {
        int digits = 0;
        foreach (char c in text)
        {
            if (c is 'e' or 'E')
            {
                return false;
            }

            digits += c is >= '0' and <= '9' ? 1 : 0;
        }

        return Applies(digits, hasExponent: false);
    }
}
