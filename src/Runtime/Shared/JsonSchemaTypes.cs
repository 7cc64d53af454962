// Compiled into the runtime (public) and linked into the generator (internal): the generator
// writes these flags into generated code, the runtime checks values against them.
#if INSIGHTS_GENERATOR
namespace Insights.Contracts.Generator.Shared;
#else
namespace Insights.Contracts.Runtime.CompilerServices;
#endif

/// <summary>The JSON types of the <c>type</c> keyword, combinable for unions.</summary>
[System.Flags]
#if INSIGHTS_GENERATOR
internal
#else
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public
#endif
enum JsonSchemaTypes
{
    /// <summary>No type: only used as "none given".</summary>
    None = 0,

    /// <summary><c>null</c>.</summary>
    Null = 1,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean = 2,

    /// <summary>A JSON object.</summary>
    Object = 4,

    /// <summary>A JSON array.</summary>
    Array = 8,

    /// <summary>Any number.</summary>
    Number = 16,

    /// <summary>A string.</summary>
    String = 32,

    /// <summary>A number with no fractional part (<c>1.0</c> is one).</summary>
    Integer = 64,
}

/// <summary>The names the <c>type</c> keyword gives each of <see cref="JsonSchemaTypes"/>.</summary>
#if INSIGHTS_GENERATOR
internal
#else
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public
#endif
static class JsonSchemaTypeNames
{
    /// <summary>The type named <paramref name="name"/> (<c>"string"</c>, <c>"integer"</c>...), or <see cref="JsonSchemaTypes.None"/>.</summary>
    public static JsonSchemaTypes Parse(string name) => name switch
    {
        "null" => JsonSchemaTypes.Null,
        "boolean" => JsonSchemaTypes.Boolean,
        "object" => JsonSchemaTypes.Object,
        "array" => JsonSchemaTypes.Array,
        "number" => JsonSchemaTypes.Number,
        "string" => JsonSchemaTypes.String,
        "integer" => JsonSchemaTypes.Integer,
        _ => JsonSchemaTypes.None,
    };

    /// <summary>Every type, in the order messages list them.</summary>
    public static readonly (JsonSchemaTypes Type, string Name)[] All =
    [
        (JsonSchemaTypes.Object, "object"), (JsonSchemaTypes.Array, "array"), (JsonSchemaTypes.String, "string"),
        (JsonSchemaTypes.Integer, "integer"), (JsonSchemaTypes.Number, "number"), (JsonSchemaTypes.Boolean, "boolean"),
        (JsonSchemaTypes.Null, "null"),
    ];

    /// <summary>The types in <paramref name="types"/>, as a message says them ("string or null").</summary>
    public static string Describe(JsonSchemaTypes types)
    {
        var names = new System.Text.StringBuilder();
        foreach ((JsonSchemaTypes flag, string name) in All)
        {
            if ((types & flag) != 0)
            {
                names.Append(names.Length == 0 ? "" : " or ").Append(name);
            }
        }

        return names.Length == 0 ? "nothing" : names.ToString();
    }
}
