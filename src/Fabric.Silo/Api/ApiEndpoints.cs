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
            // Every error has the same shape, including the framework's own 404/405/415.
            c.ProblemDetails.Extensions.TryAdd("errors", Array.Empty<object>()));
        // Malformed bodies throw, so ApiExceptionHandler can say what was wrong instead of a bare 400.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return services;
    }

    public static void MapFabricApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").RequireAuthorization(AdminAuthentication.PolicyName);
        api.MapHostsEndpoints();
        api.MapVmEndpoints();
        api.MapDiskEndpoints();
        api.MapImageEndpoints();
        api.MapOperationEndpoints();
    }
}
