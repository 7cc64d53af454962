using System;

namespace Insights.Contracts.Generator.Model;

/// <summary>The JSON Schema drafts the generator reads, as flags so a keyword can name the drafts it belongs to.</summary>
[Flags]
internal enum Dialect
{
    Draft4 = 1,
    Draft6 = 2,
    Draft7 = 4,
    Draft201909 = 8,
    Draft202012 = 16,
}

/// <summary>The vocabularies of drafts 2019-09 and 2020-12; a custom metaschema can leave some out.</summary>
[Flags]
internal enum Vocabularies
{
    None = 0,
    Core = 1,
    Applicator = 2,
    Unevaluated = 4,
    Validation = 8,
    MetaData = 16,
    FormatAnnotation = 32,
    FormatAssertion = 64,
    Content = 128,
    All = Core | Applicator | Unevaluated | Validation | MetaData | FormatAnnotation | Content,
}

/// <summary>How one schema resource is read: its draft, and (2019-09 and later) the vocabularies its metaschema enables.</summary>
internal readonly record struct SchemaDialect(Dialect Draft, Vocabularies Vocabularies)
{
    public static SchemaDialect Of(Dialect draft) => new(draft, Vocabularies.All);

    /// <summary>Draft 4 to 7: <c>$ref</c> replaces its schema, so every keyword beside it is ignored.</summary>
    public bool RefOverridesSiblings => Draft <= Dialect.Draft7;

    public override string ToString() => Dialects.Name(Draft);
}

/// <summary>The names and metaschema URIs of the drafts.</summary>
internal static class Dialects
{
    public const Dialect All = Dialect.Draft4 | Dialect.Draft6 | Dialect.Draft7 | Dialect.Draft201909 | Dialect.Draft202012;

    /// <summary>The draft a standard metaschema URI names (<c>$schema</c>), with or without a trailing <c>#</c>, over http or https.</summary>
    public static bool TryParseMetaschema(string uri, out Dialect draft)
    {
        string normalized = uri.TrimEnd('#');
        if (normalized.StartsWith("https://", StringComparison.Ordinal))
        {
            normalized = "http://" + normalized.Substring("https://".Length);
        }

        switch (normalized)
        {
            case "http://json-schema.org/draft-04/schema": draft = Dialect.Draft4; return true;
            case "http://json-schema.org/draft-06/schema": draft = Dialect.Draft6; return true;
            case "http://json-schema.org/draft-07/schema": draft = Dialect.Draft7; return true;
            case "http://json-schema.org/draft/2019-09/schema": draft = Dialect.Draft201909; return true;
            case "http://json-schema.org/draft/2020-12/schema": draft = Dialect.Draft202012; return true;
            default: draft = default; return false;
        }
    }

    /// <summary>
    /// The draft an MSBuild setting names (<c>JsonSchemaDialect</c>): <c>draft-07</c>, <c>draft7</c>,
    /// <c>7</c>, <c>2020-12</c>, <c>draft2020-12</c> or a metaschema URI.
    /// </summary>
    public static bool TryParseSetting(string text, out Dialect draft)
    {
        string name = text.Trim().ToLowerInvariant().Replace("draft", "").Replace("-", "").Replace("/", "").Replace(" ", "");
        switch (name)
        {
            case "4" or "04": draft = Dialect.Draft4; return true;
            case "6" or "06": draft = Dialect.Draft6; return true;
            case "7" or "07": draft = Dialect.Draft7; return true;
            case "201909": draft = Dialect.Draft201909; return true;
            case "202012": draft = Dialect.Draft202012; return true;
            default: return TryParseMetaschema(text.Trim(), out draft);
        }
    }

    public static string Name(Dialect draft) => draft switch
    {
        Dialect.Draft4 => "draft-04",
        Dialect.Draft6 => "draft-06",
        Dialect.Draft7 => "draft-07",
        Dialect.Draft201909 => "draft 2019-09",
        _ => "draft 2020-12",
    };

    /// <summary>The metaschema URI of a draft, as its <c>$schema</c> is written.</summary>
    public static string MetaschemaUri(Dialect draft) => draft switch
    {
        Dialect.Draft4 => "http://json-schema.org/draft-04/schema#",
        Dialect.Draft6 => "http://json-schema.org/draft-06/schema#",
        Dialect.Draft7 => "http://json-schema.org/draft-07/schema#",
        Dialect.Draft201909 => "https://json-schema.org/draft/2019-09/schema",
        _ => "https://json-schema.org/draft/2020-12/schema",
    };

    /// <summary>The vocabulary a <c>$vocabulary</c> URI names, for a custom metaschema of 2019-09 or 2020-12.</summary>
    public static Vocabularies VocabularyOf(string uri) => uri switch
    {
        "https://json-schema.org/draft/2020-12/vocab/core" or "https://json-schema.org/draft/2019-09/vocab/core" => Vocabularies.Core,
        "https://json-schema.org/draft/2020-12/vocab/applicator" or "https://json-schema.org/draft/2019-09/vocab/applicator" => Vocabularies.Applicator,
        "https://json-schema.org/draft/2020-12/vocab/unevaluated" => Vocabularies.Unevaluated,
        "https://json-schema.org/draft/2020-12/vocab/validation" or "https://json-schema.org/draft/2019-09/vocab/validation" => Vocabularies.Validation,
        "https://json-schema.org/draft/2020-12/vocab/meta-data" or "https://json-schema.org/draft/2019-09/vocab/meta-data" => Vocabularies.MetaData,
        "https://json-schema.org/draft/2020-12/vocab/format-annotation" or "https://json-schema.org/draft/2019-09/vocab/format" => Vocabularies.FormatAnnotation,
        "https://json-schema.org/draft/2020-12/vocab/format-assertion" => Vocabularies.FormatAssertion,
        "https://json-schema.org/draft/2020-12/vocab/content" or "https://json-schema.org/draft/2019-09/vocab/content" => Vocabularies.Content,
        _ => Vocabularies.None,
    };
}
