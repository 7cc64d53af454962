using System;
using System.Collections.Generic;
using System.Linq;
using Insights.Contracts.Generator.Diagnostics;
using Insights.Contracts.Generator.Model;
using Insights.Contracts.Generator.Shared;
using Microsoft.CodeAnalysis.Text;

namespace Insights.Contracts.Generator.Parsing;

// References and applicators: $ref, $dynamicRef/$recursiveRef, allOf/anyOf/oneOf/not/if, and the
// in-place edges that find reference cycles which would never end.
internal sealed partial class SchemaReader
{
    private SchemaNode ReadApplicators(KeywordReader keywords, SchemaNode node, string baseUri)
    {
        int self = node.Id;
        if (keywords.TakeMember("$ref") is { } reference)
        {
            node = node with { Ref = ResolveReference(reference, baseUri) };
            if (node.Ref is { } target)
            {
                _inPlaceEdges.Add((self, target, reference.NameSpan));
            }
        }

        if ((keywords.TakeMember("$dynamicRef") ?? keywords.TakeMember("$recursiveRef")) is { } dynamic)
        {
            node = node with { DynamicRef = ResolveDynamicReference(dynamic, baseUri) };
            if (node.DynamicRef is { } reached)
            {
                _inPlaceEdges.Add((self, reached.Target, dynamic.NameSpan));
            }
        }

        node = node with
        {
            AllOf = SchemaArray(keywords, "allOf", baseUri),
            AnyOf = SchemaArray(keywords, "anyOf", baseUri),
            OneOf = SchemaArray(keywords, "oneOf", baseUri),
            Not = Subschema(keywords, "not", baseUri),
            If = Subschema(keywords, "if", baseUri),
        };

        JsonMember? thenMember = keywords.TakeMember("then");
        JsonMember? elseMember = keywords.TakeMember("else");
        if (node.If is null)
        {
            // JSON Schema ignores 'then' and 'else' without 'if'; say so rather than drop them silently.
            foreach (JsonMember? orphan in new[] { thenMember, elseMember })
            {
                if (orphan is not null)
                {
                    Report(DiagnosticDescriptors.KeywordNotApplicable, orphan.NameSpan, orphan.Name, "schemas without 'if'");
                }
            }
        }
        else
        {
            node = node with
            {
                Then = thenMember is null ? null : Visit(thenMember.Value, baseUri),
                Else = elseMember is null ? null : Visit(elseMember.Value, baseUri),
            };
        }

        // Applicators that validate the same instance location: a cycle through only these never ends.
        void InPlace(IEnumerable<int?> targets, params string[] keywordNames)
        {
            TextSpan span = keywordNames.Select(k => keywords.Schema.Member(k)).FirstOrDefault(m => m is not null)?.NameSpan ?? default;
            foreach (int? target in targets)
            {
                if (target is { } t)
                {
                    _inPlaceEdges.Add((self, t, span));
                }
            }
        }

        InPlace(node.AllOf.Select(t => (int?)t), "allOf");
        InPlace(node.AnyOf.Select(t => (int?)t), "anyOf");
        InPlace(node.OneOf.Select(t => (int?)t), "oneOf");
        InPlace([node.Not], "not");
        InPlace([node.If], "if");
        InPlace([node.Then], "then");
        InPlace([node.Else], "else");
        InPlace(node.DependentSchemas.Select(d => (int?)d.Node), "dependentSchemas", "dependencies");
        return node;
    }

    /// <summary>
    /// <c>$dynamicRef</c> (2020-12) or <c>$recursiveRef</c> (2019-09): resolved as <c>$ref</c> is, and
    /// dynamic when its target is a dynamic anchor of that name (or a resource root with
    /// <c>$recursiveAnchor: true</c>). Every resource's dynamic anchors are read, so any of them can
    /// be the one the dynamic scope picks.
    /// </summary>
    private DynamicReference? ResolveDynamicReference(JsonMember reference, string baseUri)
    {
        bool recursive = reference.Name == "$recursiveRef";
        if (recursive && reference.Value.Text != "#")
        {
            Report(DiagnosticDescriptors.InvalidKeywordValue, reference.Value.Span, "$recursiveRef", "must be \"#\" (draft 2019-09 defines no other value)");
            return null;
        }

        if (ResolveReference(reference, baseUri) is not { } target)
        {
            return null;
        }

        string fragment = UriReference.SplitFragment(reference.Value.Text!).Fragment;
        bool dynamic = recursive
            ? _resources.HasRecursiveAnchor(baseUri)
            : fragment.Length > 0 && !fragment.StartsWith("/", StringComparison.Ordinal)
                && _dynamicAnchorNames.TryGetValue(target, out string? anchor) && anchor == fragment;
        return new DynamicReference(target, recursive ? null : fragment, dynamic);
    }

    private int? ResolveReference(JsonMember reference, string baseUri)
    {
        if (reference.Value.Kind != JsonNodeKind.String)
        {
            Report(DiagnosticDescriptors.InvalidKeywordValue, reference.Value.Span, "$ref", "must be a string");
            return null;
        }

        string absolute = UriReference.Resolve(baseUri, reference.Value.Text!);
        JsonNode? target = _resources.Resolve(absolute, out string? problem);
        if (target is null)
        {
            Report(DiagnosticDescriptors.UnresolvableReference, reference.Value.Span, reference.Value.Text!, problem ?? "nothing has that URI; point the reference at a schema that exists");
            return null;
        }

        string? targetDocument = _resources.DocumentOf(target);
        bool foreign = targetDocument is not null && targetDocument != _fileUri;
        if (!foreign || _foreignSpan is not null)
        {
            return VisitLater(target, baseUri);
        }

        _foreignSpan = reference.Value.Span;
        try
        {
            return VisitLater(target, baseUri);
        }
        finally
        {
            _foreignSpan = null;
        }
    }

    /// <summary>Warns about value keywords that cannot apply because the schema's own <c>type</c> excludes their JSON type.</summary>
    private void ReportWithoutEffect(JsonNode schema, JsonSchemaTypes types)
    {
        if (types == JsonSchemaTypes.None)
        {
            return;
        }

        foreach (string name in Vocabulary.TypeSpecific)
        {
            if (schema[name] is { } value
                && !JsonSchemaTypeNames.All.Any(t => (types & t.Type) != 0 && Vocabulary.Affects(name, t.Type))
                && !(name == "format" && value.Kind == JsonNodeKind.String && Vocabulary.IsAnnotationFormat(value.Text!, types)))
            {
                Report(DiagnosticDescriptors.KeywordNotApplicable, value.Span, name, JsonSchemaTypeNames.Describe(types));
            }
        }
    }

}
