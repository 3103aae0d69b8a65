using Microsoft.AspNetCore.Authentication;

namespace Fabric.Silo.Auth;

/// <summary>Registers the admin token check and the <see cref="PolicyName"/> policy the REST API requires.</summary>
public static class AdminAuthentication
{
    /// <summary>Authorization policy of everything under <c>/api/v1</c>; other schemes (a cookie login) can be added to it.</summary>
    public const string PolicyName = "FabricAdmin";

    public static IServiceCollection AddAdminAuthentication(this IServiceCollection services, AdminToken token)
    {
        services.AddSingleton(token);
        services.AddSingleton<AdminTokenValidator>();
        services.AddAuthentication(AdminTokenAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, AdminTokenAuthenticationHandler>(AdminTokenAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(PolicyName, policy => policy
                // The bearer token for programs; the dashboard's session for the signed-in operator's
                // browser (its SameSite=Strict cookie is never sent by other sites' pages).
                .AddAuthenticationSchemes(AdminTokenAuthenticationHandler.SchemeName, Dashboard.Login.DashboardAuthentication.Scheme)
                .RequireAuthenticatedUser());
        return services;
    }
}
