using System.Collections.Generic;
using System.ComponentModel;

namespace Insights.Contracts.Runtime.CompilerServices;

/// <summary>
/// The members of one object that some subschema evaluated (the annotations <c>properties</c>,
/// <c>patternProperties</c>, <c>additionalProperties</c> and <c>unevaluatedProperties</c> produce, through
/// every applicator that holds), for <c>unevaluatedProperties</c>. Only contracts whose schema uses it
/// create one.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class EvaluatedProperties
{
    private readonly HashSet<string> _names = new(System.StringComparer.Ordinal);

    /// <summary>Every member was evaluated.</summary>
    public bool All { get; private set; }

    /// <summary>Records that <paramref name="name"/> was evaluated.</summary>
    public void Add(string name) => _names.Add(name);

    /// <summary>Records that every member was evaluated.</summary>
    public void AddAll() => All = true;

    /// <summary>Whether some subschema evaluated <paramref name="name"/>.</summary>
    public bool Contains(string name) => All || _names.Contains(name);
}

/// <summary>
/// The items of one array that some subschema evaluated (<c>prefixItems</c>, <c>items</c>,
/// <c>contains</c>, <c>unevaluatedItems</c>, through every applicator that holds), for <c>unevaluatedItems</c>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class EvaluatedItems
{
    private HashSet<int>? _indexes;

    /// <summary>Items below this index were evaluated (by <c>prefixItems</c>).</summary>
    public int Prefix { get; private set; }

    /// <summary>Every item was evaluated.</summary>
    public bool All { get; private set; }

    /// <summary>Records that the first <paramref name="count"/> items were evaluated.</summary>
    public void AddPrefix(int count)
    {
        if (count > Prefix)
        {
            Prefix = count;
        }
    }

    /// <summary>Records that item <paramref name="index"/> was evaluated (it matched <c>contains</c>).</summary>
    public void Add(int index) => (_indexes ??= []).Add(index);

    /// <summary>Records that every item was evaluated.</summary>
    public void AddAll() => All = true;

    /// <summary>Whether some subschema evaluated item <paramref name="index"/>.</summary>
    public bool Contains(int index) => All || index < Prefix || (_indexes?.Contains(index) ?? false);
}
