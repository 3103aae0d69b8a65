using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Fabric.Silo.Api.OpenApi;

/// <summary>
/// Describes an optional JSON body that the endpoint reads by hand (so routing never depends on its
/// Content-Type): the body's type becomes a named schema and the operation's request body, not required.
/// </summary>
internal static class OptionalJsonBody
{
    public static Func<OpenApiOperation, OpenApiOperationTransformerContext, CancellationToken, Task> Describe<T>(string description) =>
        async (operation, context, cancellationToken) =>
        {
            var document = context.Document ?? throw new InvalidOperationException("the operation transformer was given no document");
            var name = typeof(T).Name;
            if (document.Components?.Schemas?.ContainsKey(name) != true)
            {
                document.AddComponent<IOpenApiSchema>(name, await context.GetOrCreateSchemaAsync(typeof(T), null, cancellationToken));
            }

            operation.RequestBody = new OpenApiRequestBody
            {
                Required = false,
                Description = description,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new OpenApiMediaType { Schema = new OpenApiSchemaReference(name, document) },
                },
            };
        };
}
