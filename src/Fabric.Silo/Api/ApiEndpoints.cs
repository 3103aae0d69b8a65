using Fabric.Contracts.Validation;
using Fabric.Silo.Auth;

namespace Fabric.Silo.Api;

/// <summary>Everything under <c>/api/v1</c>, behind the admin token.</summary>
public static class ApiEndpoints
{
    public static IServiceCollection AddFabricApi(this IServiceCollection services)
    {
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddScoped<ImageUploader>();
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            // Every error has the same shape, including the framework's own 404/405/415.
            var request = c.HttpContext.Request;
            c.ProblemDetails.Detail ??= c.ProblemDetails.Status == StatusCodes.Status404NotFound
                ? $"no endpoint {request.Method} {request.Path}; the API is described at /openapi/v1.json"
                : $"{request.Method} {request.Path}: {c.ProblemDetails.Title}";
            c.ProblemDetails.Extensions.TryAdd("errors", Array.Empty<object>());
        });
        // Malformed bodies throw, so ApiExceptionHandler can say what was wrong instead of a bare 400.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return services;
    }

    public static void MapFabricApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").RequireAuthorization(AdminAuthentication.PolicyName)
            .ProducesProblems(401, 503);
        api.MapHostsEndpoints();
        api.MapVmEndpoints();
        api.MapDiskEndpoints();
        api.MapImageEndpoints();
        api.MapOperationEndpoints();

        // Unknown paths under /api/v1 are behind the token too, so an anonymous caller learns nothing.
        // Routing also lands here when an endpoint exists but its body's Content-Type does not fit.
        api.MapFallback(async (HttpContext context) =>
        {
            var request = context.Request;
            if (request.ContentType is { Length: > 0 } type && !request.HasJsonContentType())
            {
                await ApiProblems.WriteAsync(context, StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                    [new ValidationProblem("contentType", $"'{type}' is not accepted here; send JSON as application/json (image uploads: application/octet-stream)")]);
                return;
            }

            throw new FabricException(FabricErrorKind.NotFound, "path",
                $"no endpoint {request.Method} {request.Path} (endpoints taking a JSON body need Content-Type: application/json); the API is described at /openapi/v1.json");
        }).ExcludeFromDescription();
    }
}
