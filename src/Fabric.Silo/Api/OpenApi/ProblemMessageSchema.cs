using System.Text.Json.Nodes;
using Fabric.Contracts.Rest;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Fabric.Silo.Api.OpenApi;

/// <summary>
/// Marks <see cref="FabricProblem.Detail"/> as the error's message (<c>x-ms-primary-error-message</c>, read by
/// Kiota), so a generated client's exception says what went wrong rather than only its type.
/// </summary>
internal sealed class ProblemMessageSchema : IOpenApiSchemaTransformer
{
    private const string PrimaryErrorMessage = "x-ms-primary-error-message";

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Type == typeof(FabricProblem) && schema.Properties?.TryGetValue("detail", out var property) == true && property is OpenApiSchema detail)
        {
            detail.Extensions ??= new Dictionary<string, IOpenApiExtension>();
            detail.Extensions[PrimaryErrorMessage] = new JsonNodeExtension(JsonValue.Create(true));
        }

        return Task.CompletedTask;
    }
}
