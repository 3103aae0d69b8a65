using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Fabric.Silo.Dashboard.Login;

/// <summary>Cookie session for the dashboard: pages redirect to the login page, console sockets get 401.</summary>
public static class LoginSetup
{
    public static IServiceCollection AddDashboardLogin(this IServiceCollection services)
    {
        services.AddAuthentication(DashboardAuthentication.Scheme).AddCookie(DashboardAuthentication.Scheme, o =>
        {
            o.LoginPath = DashboardAuthentication.LoginPath;
            o.LogoutPath = DashboardAuthentication.LogoutPath;
            o.Cookie.Name = "fabric-dashboard";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = context =>
            {
                // A WebSocket or script cannot follow a redirect to a login form: tell it plainly.
                if (context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
                {
                    // The REST API's bearer scheme has already answered 401 with a problem body.
                    return Task.CompletedTask;
                }

                if (context.Request.Path.StartsWithSegments("/dashboard", StringComparison.Ordinal))
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return Task.CompletedTask;
                }

                context.Response.Redirect(context.RedirectUri);
                return Task.CompletedTask;
            };
        });
        services.AddAuthorizationBuilder().AddPolicy(DashboardAuthentication.Policy, p =>
            p.AddAuthenticationSchemes(DashboardAuthentication.Scheme).RequireAuthenticatedUser());
        return services;
    }

    public static ClaimsPrincipal Administrator() =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, "admin"), new Claim(ClaimTypes.Role, "admin")], DashboardAuthentication.Scheme));

    public static void MapLogout(this WebApplication app) =>
        app.MapPost(DashboardAuthentication.LogoutPath, async (HttpContext context) =>
        {
            await context.SignOutAsync(DashboardAuthentication.Scheme);
            return Results.Redirect(DashboardAuthentication.LoginPath);
        }).RequireAuthorization(DashboardAuthentication.Policy);
}
