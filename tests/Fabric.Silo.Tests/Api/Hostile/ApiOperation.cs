using System.Text.Json.Nodes;

namespace Fabric.Silo.Tests.Api.Hostile;

/// <summary>One operation of the live OpenAPI document: method, path template, parameters and body.</summary>
internal sealed record ApiOperation(string Method, string PathTemplate, IReadOnlyList<ApiParameter> Parameters, ApiBody? Body)
{
    public override string ToString() => $"{Method} {PathTemplate}";

    /// <summary>The operations under <paramref name="prefix"/> that take a body or parameters, as the document describes them.</summary>
    public static IReadOnlyList<ApiOperation> ReadAll(JsonNode document, string prefix)
    {
        ArgumentNullException.ThrowIfNull(document);
        var components = document["components"]?["schemas"] as JsonObject;
        var operations = new List<ApiOperation>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            if (!path.StartsWith(prefix, StringComparison.Ordinal) || item is not JsonObject methods)
            {
                continue;
            }

            var shared = methods["parameters"] as JsonArray;
            foreach (var (method, node) in methods)
            {
                if (node is not JsonObject operation || method is "parameters" or "summary" or "description" or "servers")
                {
                    continue;
                }

                var parameters = (shared ?? []).Concat(operation["parameters"] as JsonArray ?? [])
                    .OfType<JsonObject>()
                    .Where(p => p["in"]?.GetValue<string>() is "path" or "query")
                    .Select(p => new ApiParameter(p["name"]!.GetValue<string>(), p["in"]!.GetValue<string>(), ApiSchema.Resolve(p["schema"], components)))
                    .ToList();
                var body = operation["requestBody"] is JsonObject requestBody && requestBody["content"] is JsonObject content && content.Count > 0
                    ? new ApiBody([.. content.Select(c => c.Key)], ApiSchema.Resolve(SchemaOf(content), components), requestBody["required"]?.GetValue<bool>() == true)
                    : null;
                if (parameters.Count > 0 || body is not null)
                {
                    operations.Add(new ApiOperation(method.ToUpperInvariant(), path, parameters, body));
                }
            }
        }

        return operations;
    }

    /// <summary>The schema of the JSON media type when there is one, else of the first.</summary>
    private static JsonNode? SchemaOf(JsonObject content) =>
        (content.FirstOrDefault(c => c.Key.Contains("json", StringComparison.OrdinalIgnoreCase)).Value ?? content.First().Value)?["schema"];
}
