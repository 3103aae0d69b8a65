using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Fabric.Silo.Api.OpenApi;

/// <summary>Marks every operation whose endpoint requires authorization as needing the admin token (<see cref="DocumentDescription.BearerScheme"/>).</summary>
internal sealed class BearerRequirement : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
        {
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(DocumentDescription.BearerScheme, context.Document)] = [],
            });
        }

        return Task.CompletedTask;
    }
}
