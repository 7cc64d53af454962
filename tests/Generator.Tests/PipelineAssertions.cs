using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Insights.Contracts.Generator.Tests;

/// <summary>What every generator run in the tests must show about the incremental pipeline.</summary>
internal static class PipelineAssertions
{
    /// <summary>Types a step output must never reach: Roslyn's compilation, symbols and syntax, and the schema parser's own nodes.</summary>
    private static readonly Type[] Forbidden =
    [
        typeof(Compilation), typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxTree), typeof(SemanticModel), typeof(AdditionalText),
    ];

    /// <summary>The parser's types (JsonNode, JsonMember, KeywordReader, SchemaResources...) stay inside the parse step.</summary>
    private const string ParserNamespace = "Insights.Contracts.Generator.Parsing";

    /// <summary>The generator's own steps (<see cref="TrackingNames"/>); Roslyn's input steps hold its AdditionalTexts, as they must.</summary>
    private static readonly HashSet<string> OwnSteps = typeof(TrackingNames)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (string)f.GetValue(null)!)
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>Walks every output of the generator's own steps and fails on a forbidden object.</summary>
    public static void NoForbiddenObjectsInSteps(GeneratorDriverRunResult result)
    {
        foreach (GeneratorRunResult generator in result.Results)
        {
            Assert.NotEmpty(generator.TrackedSteps);
            foreach ((string name, var steps) in generator.TrackedSteps.Where(s => OwnSteps.Contains(s.Key)))
            {
                foreach (IncrementalGeneratorRunStep step in steps)
                {
                    foreach ((object value, IncrementalStepRunReason _) in step.Outputs)
                    {
                        Walk(value, name, new HashSet<object>(ReferenceEqualityComparer.Instance));
                    }
                }
            }
        }
    }

    /// <summary>After a run on unchanged input, every tracked step and every output was served from the cache.</summary>
    public static void EveryStepCached(GeneratorDriverRunResult rerun)
    {
        foreach (GeneratorRunResult generator in rerun.Results)
        {
            foreach ((string name, var steps) in generator.TrackedSteps)
            {
                foreach ((object _, IncrementalStepRunReason reason) in steps.SelectMany(s => s.Outputs))
                {
                    Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"step {name} re-ran on unchanged input: {reason}");
                }
            }

            foreach ((object _, IncrementalStepRunReason reason) in generator.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs))
            {
                Assert.Equal(IncrementalStepRunReason.Cached, reason);
            }
        }
    }

    private static void Walk(object? value, string step, HashSet<object> seen)
    {
        if (value is null or string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
        {
            return;
        }

        Type type = value.GetType();
        Assert.False(Forbidden.Any(f => f.IsAssignableFrom(type)), $"step {step} holds a {type.FullName}");
        Assert.False(type.Namespace == ParserNamespace, $"step {step} holds the parser's {type.FullName}");
        if (type.Namespace?.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) == true)
        {
            return; // descriptors, spans and the like: checked above, not walked into
        }

        if (value is IEnumerable sequence)
        {
            foreach (object? item in sequence)
            {
                Walk(item, step, seen);
            }
        }

        for (Type? t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            foreach (FieldInfo field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (!field.FieldType.IsPointer && !field.FieldType.IsByRefLike)
                {
                    Walk(field.GetValue(value), step, seen);
                }
            }
        }
    }
}
