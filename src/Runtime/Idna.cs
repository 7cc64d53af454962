using System;

namespace Insights.Contracts.Runtime;

/// <summary>
/// IDNA2008 label checks for the <c>hostname</c>, <c>idn-hostname</c> and <c>idn-email</c> formats:
/// Punycode (RFC 3492), A-labels and U-labels (RFC 5890, 5891 §5.4), the derived property and
/// contextual rules (RFC 5892) and the Bidi rule (RFC 5893), over <see cref="IdnaTable"/>.
/// No mapping (case folding, width): a name must already be in the form IDNA2008 registers.
/// </summary>
internal static class Idna
{
    /// <summary>The longest label, in octets of its ASCII form (RFC 1034).</summary>
    public const int MaxLabelLength = 63;

    private const int PValid = 1, ContextJ = 2, ContextO = 3;

    private const int BidiL = 1, BidiR = 2, BidiAL = 3, BidiAN = 4, BidiEN = 5, BidiES = 6, BidiCS = 7, BidiET = 8, BidiON = 9, BidiBN = 10, BidiNSM = 11;

    private const int JoinD = 1, JoinR = 2, JoinL = 3, JoinT = 4;

    private const int Greek = 1, Hebrew = 2, Hiragana = 3, Katakana = 4, Han = 5;

    /// <summary>Punycode parameters (RFC 3492 §5).</summary>
    private const int Base = 36, TMin = 1, TMax = 26, Skew = 38, Damp = 700, InitialBias = 72, InitialN = 0x80;

    /// <summary>Where the Bidi rule stands over the labels read so far (RFC 5893 §2 applies it only to a name holding R, AL or AN).</summary>
    public struct BidiState
    {
        /// <summary>Some label holds a right-to-left character or an Arabic digit: the name is a Bidi domain name.</summary>
        public bool BidiDomain;

        /// <summary>Some label breaks the Bidi rule.</summary>
        public bool RuleBroken;

        /// <summary>Whether the name passes: the rule matters only in a Bidi domain name.</summary>
        public readonly bool Holds => !(BidiDomain && RuleBroken);
    }

    /// <summary>
    /// Reads one label of a host name: an LDH label (an A-label if it starts <c>xn--</c>) or, when
    /// <paramref name="allowUnicode"/>, a U-label. <paramref name="asciiLength"/> is its length as it
    /// goes on the wire (a U-label as its A-label), for the 253-octet limit of the whole name.
    /// </summary>
    public static bool IsLabel(ReadOnlySpan<char> label, bool allowUnicode, ref BidiState bidi, out int asciiLength)
    {
        asciiLength = 0;
        Span<int> codePoints = stackalloc int[MaxLabelLength + 1];
        int count;
        if (label.IsEmpty)
        {
            return false;
        }

        if (IsAscii(label))
        {
            if (!IsLdhLabel(label))
            {
                return false;
            }

            asciiLength = label.Length;
            bool aLabel = label.Length > 4 && label[2] == '-' && label[3] == '-' && label[0] is 'x' or 'X' && label[1] is 'n' or 'N';
            if (aLabel)
            {
                if (!IsALabel(label.Slice(4), codePoints, out count))
                {
                    return false;
                }
            }
            else
            {
                // Letters compare without case in DNS; lower case reads them as the table's LDH code points.
                count = label.Length;
                for (int i = 0; i < count; i++)
                {
                    codePoints[i] = label[i] is >= 'A' and <= 'Z' ? label[i] + 32 : label[i];
                }
            }
        }
        else
        {
            if (!allowUnicode || !TryCodePoints(label, codePoints, out count) || !IsULabel(codePoints.Slice(0, count))
                || !TryEncode(codePoints.Slice(0, count), out int encodedLength))
            {
                return false;
            }

            asciiLength = "xn--".Length + encodedLength;
            if (asciiLength > MaxLabelLength)
            {
                return false;
            }
        }

        CheckBidi(codePoints.Slice(0, count), ref bidi);
        return true;
    }

    private static bool IsAscii(ReadOnlySpan<char> s)
    {
        foreach (char c in s)
        {
            if (c >= 0x80)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>RFC 1123 label: letters, digits and hyphens, 1-63 of them, no hyphen first or last.</summary>
    private static bool IsLdhLabel(ReadOnlySpan<char> label)
    {
        if (label.Length > MaxLabelLength || label[0] == '-' || label[label.Length - 1] == '-')
        {
            return false;
        }

        foreach (char c in label)
        {
            if (!(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// RFC 5891 §5.4 for an A-label (the part after <c>xn--</c>): it decodes, holds a non-ASCII
    /// character, is a valid U-label, and is the canonical encoding of that U-label.
    /// </summary>
    private static bool IsALabel(ReadOnlySpan<char> encoded, Span<int> codePoints, out int count)
    {
        Span<char> lower = stackalloc char[encoded.Length];
        for (int i = 0; i < encoded.Length; i++)
        {
            lower[i] = encoded[i] is >= 'A' and <= 'Z' ? (char)(encoded[i] + 32) : encoded[i];
        }

        if (!TryDecode(lower, codePoints, out count))
        {
            return false;
        }

        ReadOnlySpan<int> uLabel = codePoints.Slice(0, count);
        bool nonAscii = false;
        foreach (int c in uLabel)
        {
            nonAscii |= c >= 0x80;
        }

        Span<char> reencoded = stackalloc char[MaxLabelLength];
        return nonAscii && IsULabel(uLabel)
            && TryEncode(uLabel, reencoded, out int length) && reencoded.Slice(0, length).SequenceEqual(lower);
    }

    /// <summary>UTF-16 to code points; false for an unpaired surrogate or more than a label can hold.</summary>
    private static bool TryCodePoints(ReadOnlySpan<char> label, Span<int> codePoints, out int count)
    {
        count = 0;
        for (int i = 0; i < label.Length; i++)
        {
            int c = label[i];
            if (char.IsSurrogate((char)c))
            {
                if (!char.IsHighSurrogate((char)c) || i + 1 == label.Length || !char.IsLowSurrogate(label[i + 1]))
                {
                    return false;
                }

                c = char.ConvertToUtf32((char)c, label[++i]);
            }

            // Every code point takes at least one character of the A-label, so a longer label cannot fit.
            if (count == codePoints.Length)
            {
                return false;
            }

            codePoints[count++] = c;
        }

        return true;
    }

    /// <summary>
    /// RFC 5891 §5.4 (the U-label checks of §4.2.3 and §4.2.4, without NFC): no "--" in the third
    /// and fourth positions, no hyphen first or last, no combining mark first, and every code point
    /// PVALID or a CONTEXTJ/CONTEXTO character whose rule (RFC 5892 Appendix A) holds.
    /// </summary>
    private static bool IsULabel(ReadOnlySpan<int> label)
    {
        if (label.IsEmpty || label[0] == '-' || label[label.Length - 1] == '-' || (label.Length >= 4 && label[2] == '-' && label[3] == '-')
            || IsMark(Properties(label[0])))
        {
            return false;
        }

        for (int i = 0; i < label.Length; i++)
        {
            bool valid = (Properties(label[i]) & 3) switch
            {
                PValid => true,
                ContextJ => IsJoinerAllowed(label, i),
                ContextO => IsContextOAllowed(label, i),
                _ => false,
            };
            if (!valid)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>RFC 5892 A.1 (ZERO WIDTH NON-JOINER) and A.2 (ZERO WIDTH JOINER).</summary>
    private static bool IsJoinerAllowed(ReadOnlySpan<int> label, int i)
    {
        if (i > 0 && IsVirama(Properties(label[i - 1])))
        {
            return true;
        }

        if (label[i] != 0x200C)
        {
            return false;
        }

        // (Joining_Type:{L,D})(Joining_Type:T)*\u200C(Joining_Type:T)*(Joining_Type:{R,D})
        int before = i - 1;
        while (before >= 0 && JoiningType(label[before]) == JoinT)
        {
            before--;
        }

        int after = i + 1;
        while (after < label.Length && JoiningType(label[after]) == JoinT)
        {
            after++;
        }

        return before >= 0 && JoiningType(label[before]) is JoinL or JoinD
            && after < label.Length && JoiningType(label[after]) is JoinR or JoinD;
    }

    /// <summary>RFC 5892 A.3-A.9.</summary>
    private static bool IsContextOAllowed(ReadOnlySpan<int> label, int i)
    {
        int c = label[i];
        switch (c)
        {
            case 0x00B7: // MIDDLE DOT: between two 'l's (Catalan l·l)
                return i > 0 && i < label.Length - 1 && label[i - 1] == 'l' && label[i + 1] == 'l';
            case 0x0375: // GREEK LOWER NUMERAL SIGN (KERAIA): before a Greek character
                return i < label.Length - 1 && Script(label[i + 1]) == Greek;
            case 0x05F3 or 0x05F4: // HEBREW PUNCTUATION GERESH, GERSHAYIM: after a Hebrew character
                return i > 0 && Script(label[i - 1]) == Hebrew;
            case 0x30FB: // KATAKANA MIDDLE DOT: in a label holding Hiragana, Katakana or Han
                foreach (int other in label)
                {
                    if (Script(other) is Hiragana or Katakana or Han)
                    {
                        return true;
                    }
                }

                return false;
            case >= 0x0660 and <= 0x0669: // ARABIC-INDIC DIGITS: not with EXTENDED ARABIC-INDIC DIGITS
                return !Contains(label, 0x06F0, 0x06F9);
            case >= 0x06F0 and <= 0x06F9: // EXTENDED ARABIC-INDIC DIGITS: not with ARABIC-INDIC DIGITS
                return !Contains(label, 0x0660, 0x0669);
            default:
                return false;
        }
    }

    private static bool Contains(ReadOnlySpan<int> label, int first, int last)
    {
        foreach (int c in label)
        {
            if (c >= first && c <= last)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// RFC 5893 §2: records whether the label makes the name a Bidi domain name, and whether it
    /// breaks the six conditions of the Bidi rule.
    /// </summary>
    private static void CheckBidi(ReadOnlySpan<int> label, ref BidiState state)
    {
        bool rtl = false, hasEN = false, hasAN = false;
        int first = Bidi(label[0]);
        int lastStrong = 0;
        bool valid = first is BidiL or BidiR or BidiAL; // condition 1
        bool rightToLeft = first is BidiR or BidiAL;
        foreach (int c in label)
        {
            int bidi = Bidi(c);
            rtl |= bidi is BidiR or BidiAL or BidiAN;
            hasEN |= bidi == BidiEN;
            hasAN |= bidi == BidiAN;
            valid &= rightToLeft
                ? bidi is BidiR or BidiAL or BidiAN or BidiEN or BidiES or BidiCS or BidiET or BidiON or BidiBN or BidiNSM // condition 2
                : bidi is BidiL or BidiEN or BidiES or BidiCS or BidiET or BidiON or BidiBN or BidiNSM; // condition 5
            if (bidi != BidiNSM)
            {
                lastStrong = bidi;
            }
        }

        valid &= rightToLeft
            ? lastStrong is BidiR or BidiAL or BidiEN or BidiAN && !(hasEN && hasAN) // conditions 3 and 4
            : lastStrong is BidiL or BidiEN; // condition 6
        state.BidiDomain |= rtl;
        state.RuleBroken |= !valid;
    }

    /// <summary>Decodes Punycode (RFC 3492 §6.2) into code points; false for anything malformed or too long.</summary>
    private static bool TryDecode(ReadOnlySpan<char> input, Span<int> output, out int count)
    {
        count = 0;
        int delimiter = input.LastIndexOf('-');
        if (delimiter > 0)
        {
            if (delimiter > output.Length)
            {
                return false;
            }

            foreach (char c in input.Slice(0, delimiter))
            {
                output[count++] = c;
            }
        }

        int n = InitialN, i = 0, bias = InitialBias;
        for (int position = delimiter > 0 ? delimiter + 1 : 0; position < input.Length;)
        {
            int oldI = i, weight = 1;
            for (int k = Base; ; k += Base)
            {
                int digit = position < input.Length ? DigitValue(input[position++]) : -1;
                if (digit < 0 || digit > (int.MaxValue - i) / weight)
                {
                    return false;
                }

                i += digit * weight;
                int t = k <= bias ? TMin : k >= bias + TMax ? TMax : k - bias;
                if (digit < t)
                {
                    break;
                }

                if (weight > int.MaxValue / (Base - t))
                {
                    return false;
                }

                weight *= Base - t;
            }

            bias = Adapt(i - oldI, count + 1, oldI == 0);
            if (i / (count + 1) > 0x10FFFF - n)
            {
                return false;
            }

            n += i / (count + 1);
            i %= count + 1;
            if (count == output.Length || n is (>= 0xD800 and <= 0xDFFF))
            {
                return false;
            }

            output.Slice(i, count - i).CopyTo(output.Slice(i + 1));
            output[i++] = n;
            count++;
        }

        return true;
    }

    /// <summary>The length of the Punycode encoding (RFC 3492 §6.3) of <paramref name="input"/>; false when it would not fit in a label.</summary>
    private static bool TryEncode(ReadOnlySpan<int> input, out int length)
    {
        Span<char> output = stackalloc char[MaxLabelLength];
        return TryEncode(input, output, out length);
    }

    /// <summary>Encodes code points as Punycode (RFC 3492 §6.3); false when the result would not fit in <paramref name="output"/>.</summary>
    private static bool TryEncode(ReadOnlySpan<int> input, Span<char> output, out int length)
    {
        length = 0;
        foreach (int c in input)
        {
            if (c < 0x80)
            {
                if (length == output.Length)
                {
                    return false;
                }

                output[length++] = (char)c;
            }
        }

        int basic = length, handled = length;
        if (basic > 0)
        {
            if (length == output.Length)
            {
                return false;
            }

            output[length++] = '-';
        }

        int n = InitialN, delta = 0, bias = InitialBias;
        while (handled < input.Length)
        {
            int m = int.MaxValue;
            foreach (int c in input)
            {
                if (c >= n && c < m)
                {
                    m = c;
                }
            }

            // Labels are at most 63 code points, so delta stays far from overflowing.
            delta += (m - n) * (handled + 1);
            n = m;
            foreach (int c in input)
            {
                if (c < n)
                {
                    delta++;
                }
                else if (c == n)
                {
                    int q = delta;
                    for (int k = Base; ; k += Base)
                    {
                        int t = k <= bias ? TMin : k >= bias + TMax ? TMax : k - bias;
                        if (q < t)
                        {
                            break;
                        }

                        if (length == output.Length)
                        {
                            return false;
                        }

                        output[length++] = Digit(t + ((q - t) % (Base - t)));
                        q = (q - t) / (Base - t);
                    }

                    if (length == output.Length)
                    {
                        return false;
                    }

                    output[length++] = Digit(q);
                    bias = Adapt(delta, handled + 1, handled == basic);
                    delta = 0;
                    handled++;
                }
            }

            delta++;
            n++;
        }

        return true;
    }

    private static int Adapt(int delta, int points, bool first)
    {
        delta = first ? delta / Damp : delta / 2;
        delta += delta / points;
        int k = 0;
        while (delta > ((Base - TMin) * TMax) / 2)
        {
            delta /= Base - TMin;
            k += Base;
        }

        return k + (((Base - TMin + 1) * delta) / (delta + Skew));
    }

    private static int DigitValue(char c) => c switch
    {
        >= 'a' and <= 'z' => c - 'a',
        >= '0' and <= '9' => c - '0' + 26,
        _ => -1,
    };

    private static char Digit(int value) => (char)(value < 26 ? 'a' + value : '0' + value - 26);

    private static int Properties(int codePoint)
    {
        int index = IdnaTable.Starts.BinarySearch(codePoint);
        return IdnaTable.Values[index >= 0 ? index : ~index - 1];
    }

    private static int Bidi(int codePoint) => (Properties(codePoint) >> 2) & 0xF;

    private static int JoiningType(int codePoint) => (Properties(codePoint) >> 6) & 0x7;

    private static int Script(int codePoint) => (Properties(codePoint) >> 9) & 0x7;

    private static bool IsVirama(int properties) => (properties & (1 << 12)) != 0;

    private static bool IsMark(int properties) => (properties & (1 << 13)) != 0;
}
