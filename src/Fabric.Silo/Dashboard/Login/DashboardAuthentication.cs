namespace Fabric.Silo.Dashboard.Login;

/// <summary>Names of the dashboard's cookie scheme and the policy every dashboard page and console requires.</summary>
public static class DashboardAuthentication
{
    public const string Scheme = "FabricDashboard";
    public const string Policy = "FabricDashboard";
    public const string LoginPath = "/login";
    public const string LogoutPath = "/logout";
}
