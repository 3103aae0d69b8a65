using System.Text.Json.Nodes;

namespace Fabric.Silo.Tests.Api.Hostile;

/// <summary>
/// What an OpenAPI schema admits, flattened for generating values it does not: its JSON kinds, enum
/// names, properties and items, with <c>$ref</c>, <c>oneOf</c>/<c>anyOf</c>/<c>allOf</c> resolved.
/// </summary>
internal sealed record ApiSchema(
    JsonKinds Kinds,
    IReadOnlyList<string> EnumNames,
    IReadOnlyDictionary<string, ApiSchema> Properties,
    ApiSchema? Items,
    string? Format,
    bool NumericStringsOnly)
{
    private const int MaxDepth = 8;

    public static readonly ApiSchema Any = new(JsonKinds.Any, [], new Dictionary<string, ApiSchema>(), null, null, false);

    public bool Admits(JsonKinds kind) => (Kinds & kind) != 0;

    public static ApiSchema Resolve(JsonNode? node, JsonObject? components) => Resolve(node, components, 0);

    private static ApiSchema Resolve(JsonNode? node, JsonObject? components, int depth)
    {
        if (node is not JsonObject schema || depth > MaxDepth)
        {
            return Any;
        }

        if (schema["$ref"]?.GetValue<string>() is { } reference)
        {
            return Resolve(components?[reference.Split('/')[^1]], components, depth + 1);
        }

        var alternatives = (schema["oneOf"] ?? schema["anyOf"] ?? schema["allOf"]) as JsonArray;
        if (alternatives is { Count: > 0 })
        {
            return alternatives.Select(a => Resolve(a, components, depth + 1)).Aggregate(Union);
        }

        var kinds = KindsOf(schema["type"]);
        var enumNames = new List<string>();
        if (schema["enum"] is JsonArray values)
        {
            foreach (var value in values)
            {
                if (value is null)
                {
                    kinds |= JsonKinds.Null;
                }
                else
                {
                    enumNames.Add(value.ToString());
                    kinds |= JsonKinds.String;
                }
            }
        }

        if (schema["nullable"]?.GetValue<bool>() == true)
        {
            kinds |= JsonKinds.Null;
        }

        var properties = new Dictionary<string, ApiSchema>(StringComparer.Ordinal);
        if (schema["properties"] is JsonObject props)
        {
            kinds |= JsonKinds.Object;
            foreach (var (name, property) in props)
            {
                properties[name] = Resolve(property, components, depth + 1);
            }
        }

        var items = schema["items"] is { } itemNode ? Resolve(itemNode, components, depth + 1) : null;
        if (kinds == JsonKinds.None)
        {
            return Any;
        }

        // ASP.NET Core writes an integer that may come as a string as type [integer, string] with a digits pattern.
        var numericStrings = (kinds & JsonKinds.String) != 0 && (kinds & (JsonKinds.Integer | JsonKinds.Number)) != 0 && schema["pattern"] is not null;
        return new ApiSchema(kinds, enumNames, properties, items, schema["format"]?.GetValue<string>(), numericStrings);
    }

    private static JsonKinds KindsOf(JsonNode? type) => type switch
    {
        JsonValue single => KindOf(single.GetValue<string>()),
        JsonArray many => many.Aggregate(JsonKinds.None, (all, t) => all | KindOf(t!.GetValue<string>())),
        _ => JsonKinds.None,
    };

    private static JsonKinds KindOf(string type) => type switch
    {
        "null" => JsonKinds.Null,
        "boolean" => JsonKinds.Boolean,
        "integer" => JsonKinds.Integer,
        "number" => JsonKinds.Number | JsonKinds.Integer,
        "string" => JsonKinds.String,
        "array" => JsonKinds.Array,
        "object" => JsonKinds.Object,
        _ => JsonKinds.Any,
    };

    private static ApiSchema Union(ApiSchema a, ApiSchema b) => new(
        a.Kinds | b.Kinds,
        [.. a.EnumNames.Concat(b.EnumNames).Distinct(StringComparer.Ordinal)],
        a.Properties.Concat(b.Properties).GroupBy(p => p.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal),
        a.Items ?? b.Items,
        a.Format ?? b.Format,
        (a.NumericStringsOnly || !a.Admits(JsonKinds.String)) && (b.NumericStringsOnly || !b.Admits(JsonKinds.String)) && (a.NumericStringsOnly || b.NumericStringsOnly));
}
