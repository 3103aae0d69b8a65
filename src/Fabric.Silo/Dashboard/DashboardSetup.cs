using Fabric.Silo.Consoles;
using Fabric.Silo.Dashboard.Components;
using Fabric.Silo.Dashboard.Consoles;
using Fabric.Silo.Dashboard.Login;
using Fabric.Silo.Dashboard.Operations;
using Fabric.Silo.Dashboard.Vms;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor.Services;

namespace Fabric.Silo.Dashboard;

/// <summary>Hosts the admin dashboard (Blazor Server + MudBlazor) in the silo, behind a cookie session.</summary>
public static class DashboardSetup
{
    /// <summary>
    /// Serves the static web assets (MudBlazor, blazor.web.js, xterm.js, noVNC) from the build's
    /// manifest in every environment: ASP.NET Core reads it only in Development by default, and
    /// fabric-silo runs from its build folder whatever the environment.
    /// </summary>
    public static IWebHostBuilder UseDashboardAssets(this IWebHostBuilder web) => web.UseStaticWebAssets();

    public static IServiceCollection AddFabricDashboard(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddCascadingAuthenticationState();
        services.AddDashboardLogin();
        services.AddSingleton<IConsoleRelay, ConsoleRelayClient>();
        services.AddSingleton<OperationTracker>();
        return services;
    }

    public static WebApplication UseFabricDashboard(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseWebSockets();
        return app;
    }

    public static WebApplication MapFabricDashboard(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapLogout();
        app.MapConsoleEndpoints();
        app.MapVmScreenEndpoint();
        return app;
    }
}
