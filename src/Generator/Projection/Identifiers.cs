using System;
using System.Collections.Generic;
using Insights.Contracts.Generator.Parsing;

namespace Insights.Contracts.Generator.Projection;

/// <summary>
/// The one policy every generated C# name goes through: which names a record, an open enum or a
/// type already uses (so a schema's member or type cannot take them), and how a taken name is
/// changed. Type names are unique without regard to case, because a type's generated file is named
/// after it and Roslyn (like Windows and macOS file systems) compares those names without case.
/// </summary>
internal static class Identifiers
{
    /// <summary>
    /// Members every generated record has or inherits, by its own code or the compiler's: a schema
    /// property named <c>clone</c> would otherwise become <c>Clone</c>, which records forbid (CS8859),
    /// and <c>on_validate</c> the partial method users implement.
    /// </summary>
    private static readonly HashSet<string> RecordMembers = new(StringComparer.Ordinal)
    {
        "Validate", "Parse", "TryParse", "TryParseJson", "JsonSchemaText", "ToJson", "ToUtf8Json", "WriteJson", "ReadJson",
        "Variant", "Converter", "OnValidate", "ValidateObjectRules",
        "Clone", "EqualityContract", "Equals", "GetHashCode", "ToString", "PrintMembers", "Deconstruct", "GetType", "MemberwiseClone", "Finalize",
    };

    /// <summary>Prefixes of the private helpers a record numbers (<c>ReadItem1</c>, <c>MatchesPattern2</c>, <c>CheckColorValue1</c>).</summary>
    private static readonly string[] NumberedHelperPrefixes = ["Read", "Check", "Matches"];

    /// <summary>Whether a member of a record may not be called <paramref name="name"/>.</summary>
    public static bool IsReservedMember(string name) =>
        RecordMembers.Contains(name) || (name.Length > 0 && char.IsDigit(name[name.Length - 1]) && Array.Exists(NumberedHelperPrefixes, p => name.StartsWith(p, StringComparison.Ordinal)));

    /// <summary>Whether a type may not be called <paramref name="name"/>: it would have a member of its own name (CS0542).</summary>
    public static bool IsReservedType(string name) => IsReservedMember(name) || name is "Value" or "From" or "IsKnown";

    /// <summary>The C# name of the member for JSON member <paramref name="wireName"/> of type <paramref name="typeName"/>, before it is made unique.</summary>
    public static string MemberName(string wireName, string typeName)
    {
        string name = Naming.ToPascalCase(wireName);
        return IsReservedMember(name) || name == typeName ? name + "Value" : name;
    }

    /// <summary>A set of type names that compares them as hint names and file systems do.</summary>
    public static HashSet<string> NewTypeNameSet() => new(StringComparer.OrdinalIgnoreCase);
}
