using System.Linq;
using System;
using Insights.Contracts.Runtime;
using Insights.Contracts.Runtime.CompilerServices;
using Xunit;

namespace Insights.Contracts.Runtime.Tests;

/// <summary>
/// The format checks on cases the official suite does not cover: where ECMA-262 and .NET disagree,
/// Punycode and the IDNA2008 rules, the corners of the URI, template and duration grammars, and the
/// message each format gives.
/// </summary>
public class FormatTests
{
    /// <summary>Every format JSON Schema 2020-12 defines, by the name a schema gives it.</summary>
    private static readonly string[] Names =
    [
        "date-time", "date", "time", "duration", "email", "idn-email", "hostname", "idn-hostname", "ipv4", "ipv6",
        "uri", "uri-reference", "iri", "iri-reference", "uuid", "uri-template", "json-pointer", "relative-json-pointer", "regex",
    ];

    [Fact]
    public void Every_2020_12_format_name_is_one_checked_format()
    {
        JsonFormat[] formats = Names.Select(name => JsonFormatNames.TryParse(name, out JsonFormat format) ? format : (JsonFormat)(-1)).ToArray();

        Assert.DoesNotContain((JsonFormat)(-1), formats);
        Assert.Equal(Enum.GetValues<JsonFormat>().Order(), formats.Order());
        Assert.Equal(Names.Order(), JsonFormatNames.Names.Order()); // the names diagnostics list and suggest
    }

    [Theory]
    [InlineData("uri-reference", "a b", "'a b' is not an RFC 3986 URI reference")]
    [InlineData("iri", "/relative", "'/relative' is not an RFC 3987 absolute IRI")]
    [InlineData("iri-reference", "a\\b", "'a\\b' is not an RFC 3987 IRI reference")]
    [InlineData("uri-template", "{a", "'{a' is not an RFC 6570 URI template")]
    [InlineData("hostname", "a_b", "'a_b' is not an RFC 1123 host name")]
    [InlineData("idn-hostname", "a..b", "'a..b' is not an internationalized host name (IDNA2008)")]
    [InlineData("idn-email", "user", "'user' is not an RFC 6531 internationalized e-mail address")]
    [InlineData("json-pointer", "a", "'a' is not an RFC 6901 JSON Pointer")]
    [InlineData("relative-json-pointer", "/a", "'/a' is not a relative JSON Pointer")]
    [InlineData("regex", "(?i)a", "'(?i)a' is not an ECMA-262 regular expression")]
    [InlineData("duration", "P1H", "'P1H' is not an ISO 8601 duration (P1Y2M3DT4H5M6S or P2W)")]
    [InlineData("uri", "a", "'a' is not an RFC 3986 absolute URI")]
    public void An_invalid_value_is_reported_with_what_the_format_expects(string name, string value, string message)
    {
        Assert.True(JsonFormatNames.TryParse(name, out JsonFormat format));
        var context = new ValidationContext();

        Assert.False(JsonCheck.Format(value, format, context));
        ValidationError error = Assert.Single(context.ToResult().Errors);
        Assert.Equal("format", error.Keyword);
        Assert.Equal(message, error.Message);
    }

    [Theory]
    // What .NET accepts but ECMA-262 (u flag) does not.
    [InlineData("(?i)a", false)]           // inline flags
    [InlineData("(?#note)a", false)]       // comment group
    [InlineData("(?'n'a)", false)]         // .NET's quoted group name
    [InlineData("\\p{IsGreek}", false)]    // .NET block name
    [InlineData("\\A\\Z", false)]          // .NET anchors
    [InlineData("\\e", false)]             // .NET escape character
    [InlineData("a{,3}", false)]           // a lone brace, .NET's literal
    [InlineData("a]", false)]
    [InlineData("a}", false)]
    [InlineData("\\-", false)]             // identity escapes only of syntax characters and '/'
    [InlineData("[\\d-z]", false)]         // a class escape cannot end a range
    [InlineData("[z-a]", false)]
    [InlineData("a{2,1}", false)]
    [InlineData("(a)\\2", false)]          // no group 2
    [InlineData("\\k<b>(?<a>x)", false)]   // no group b
    [InlineData("(?<a>x)(?<a>y)", false)]  // a name used twice
    [InlineData("(?=a)*", false)]          // a lookahead cannot be repeated
    [InlineData("a**", false)]
    [InlineData("\\x4", false)]
    [InlineData("\\u{110000}", false)]
    [InlineData("\\c1", false)]
    [InlineData("\\01", false)]
    // ECMA-262 that the translation must carry to .NET.
    [InlineData("[]", true)]
    [InlineData("[^]", true)]
    [InlineData("x[]y", true)]
    [InlineData("[[]", true)]             // '[' in a class is a character
    [InlineData("[-[a]", true)]           // not .NET class subtraction
    [InlineData("\\u{1F600}+", true)]
    [InlineData("\\uD83D\\uDE00", true)]
    [InlineData("\\p{gc=Lu}\\p{Letter}\\P{digit}", true)]
    [InlineData("\\cj\\0\\x41\\/", true)]
    [InlineData("[\\b\\-\\]]", true)]
    [InlineData("\\1(a)", true)]          // a backreference may come before its group
    [InlineData("(?<year>\\d{4})-\\k<year>", true)]
    [InlineData("a{2}?b*?c+?d??", true)]
    [InlineData("", true)]
    [InlineData("a|", true)]
    // ECMA-262, but with no .NET equivalent: refused rather than run with another meaning.
    [InlineData("\\p{Script=Greek}", false)]
    [InlineData("\\p{LC}", false)]
    public void Regex_is_ecma262_that_dotnet_can_run(string pattern, bool valid)
    {
        Assert.Equal(valid, JsonFormats.IsRegex(pattern));
    }

    [Theory]
    [InlineData("xn--bcher-kva.example", true)]   // bücher
    [InlineData("XN--BCHER-KVA.example", true)]   // DNS compares letters without case
    [InlineData("xn--bcher-kvA", true)]
    [InlineData("xn--bcher-kva-", false)]
    [InlineData("xn--bcher", false)]              // decodes to ASCII only
    [InlineData("xn--", false)]
    [InlineData("xn--ss-", false)]
    [InlineData("xn--zca", true)]                 // ß is PVALID in IDNA2008
    [InlineData("xn--n3h", false)]                // ☃ (a symbol) is DISALLOWED
    [InlineData("ab--c.example", true)]           // RFC 1123 allows "--" in a label
    [InlineData("example.com.", false)]
    [InlineData("bücher.example", false)]         // non-ASCII: idn-hostname only
    public void Hostname_checks_a_labels_with_idna2008(string value, bool valid)
    {
        Assert.Equal(valid, JsonFormats.IsHostname(value));
    }

    [Theory]
    [InlineData("bücher.example", true)]
    [InlineData("Bücher.example", false)]         // upper case is not PVALID: IDNA2008 registers lower case
    [InlineData("ⅳ.example", false)]              // not NFKC case-fold stable
    [InlineData("ς.example", true)]               // final sigma: a PVALID exception
    [InlineData("a\u200Cb", false)]               // ZWNJ with no virama and no joining context
    [InlineData("\u0628\u200C\u0628", true)]      // ZWNJ between dual-joining letters
    [InlineData("\u0627\u0644\u0639\u0631\u0628\u064A\u0629.com", true)]  // right-to-left label, left-to-right label
    [InlineData("1com.\u0627\u0644\u0639\u0631\u0628\u064A\u0629", false)] // Bidi rule: a label in a Bidi name starts with L, R or AL
    [InlineData("\u05D0a", false)]                // right-to-left label holding a left-to-right letter
    [InlineData("\u05D0\u0661", true)]            // right-to-left label ending in an Arabic digit
    [InlineData("\u05D01\u0661", false)]          // right-to-left label mixing European and Arabic digits
    public void Idn_hostname_applies_the_idna2008_rules(string value, bool valid)
    {
        Assert.Equal(valid, JsonFormats.IsIdnHostname(value));
    }

    [Fact]
    public void Idn_hostname_limits_a_label_by_its_a_label_length()
    {
        // n × 'ü' encodes to "xn--" + n + 6 characters: 57 of them fit in 63, 58 do not.
        Assert.True(JsonFormats.IsIdnHostname(new string('ü', 57)));
        Assert.False(JsonFormats.IsIdnHostname(new string('ü', 58)));
        Assert.True(JsonFormats.IsIdnHostname(new string('a', 63)));
        Assert.False(JsonFormats.IsIdnHostname(new string('a', 64)));
    }

    [Theory]
    [InlineData("用户@例子.广告", true)]
    [InlineData("\"用户 x\"@example.com", true)]
    [InlineData("user@[IPv6:::1]", true)]
    [InlineData("user@Bücher.example", false)]
    [InlineData("us..er@example.com", false)]
    public void Idn_email_allows_unicode_local_parts_and_idn_domains(string value, bool valid)
    {
        Assert.Equal(valid, JsonFormats.IsIdnEmail(value));
    }

    [Theory]
    [InlineData("http://a:b@c:8080/p?q#f", true)]
    [InlineData("urn:isbn:0451450523", true)]
    [InlineData("//[v1.x]", true)]
    [InlineData("//[v1.]", false)]
    [InlineData("//[vz.x]", false)]
    [InlineData("//a:", true)]                  // an empty port
    [InlineData("//a:b", false)]
    [InlineData("a?b?c", true)]                 // '?' is allowed in a query
    [InlineData("a#b#c", false)]                // '#' is not allowed in a fragment
    [InlineData("%4", false)]
    [InlineData("http://[fe80::1%25eth0]/", false)] // zone identifiers are RFC 6874, not RFC 3986
    [InlineData("./a:b", true)]
    [InlineData("a:b", true)]                   // an absolute URI is a reference
    public void Uri_reference_follows_rfc3986(string value, bool valid)
    {
        Assert.Equal(valid, JsonFormats.IsUriReference(value));
    }

    [Theory]
    [InlineData("http://例え.テスト/パス?クエリ#frag", true)]
    [InlineData("http://a/?\uE000", true)]     // private use: in a query only
    [InlineData("http://a/\uE000", false)]
    [InlineData("http://a/#\uE000", false)]
    [InlineData("http://a/\uFFFE", false)]     // a noncharacter
    [InlineData("http://a/\u0085", false)]     // a C1 control
    [InlineData("http://a/\uD800", false)]     // an unpaired surrogate
    public void Iri_allows_the_characters_rfc3987_allows(string value, bool valid)
    {
        Assert.Equal(valid, JsonFormats.IsIri(value));
    }

    [Theory]
    [InlineData("{var:9999}", true)]
    [InlineData("{+a,b:3,c*}", true)]
    [InlineData("{%41%42}", true)]
    [InlineData("{var:10000}", false)]
    [InlineData("{=var}", false)]              // a reserved operator
    [InlineData("{var*:3}", false)]
    [InlineData("{.}", false)]
    [InlineData("{a.}", false)]
    [InlineData("{%4}", false)]
    [InlineData("a%2", false)]
    [InlineData("{{a}", false)]
    [InlineData("<a>", false)]
    public void Uri_template_follows_rfc6570(string value, bool valid)
    {
        Assert.Equal(valid, JsonFormats.IsUriTemplate(value));
    }

    [Theory]
    [InlineData("P1Y2M3DT4H5M6S", true)]
    [InlineData("P0W", true)]
    [InlineData("P1Y2M3DT", false)]
    [InlineData("PT1H1H", false)]
    [InlineData("P1M1M", false)]
    [InlineData("p1D", false)]
    [InlineData("P1d", false)]
    [InlineData("P1Y1W", false)]
    public void Duration_follows_rfc3339_appendix_a(string value, bool valid)
    {
        Assert.Equal(valid, JsonFormats.IsDuration(value));
    }

    [Theory]
    [InlineData("0", true)]
    [InlineData("0/", true)]
    [InlineData("3#", true)]
    [InlineData("00", false)]
    [InlineData("1#/", false)]
    [InlineData("0+1/a", false)]               // index manipulation is not in draft-handrews-relative-json-pointer
    public void Relative_json_pointer_is_an_integer_then_hash_or_a_pointer(string value, bool valid)
    {
        Assert.Equal(valid, JsonFormats.IsRelativeJsonPointer(value));
    }
}
