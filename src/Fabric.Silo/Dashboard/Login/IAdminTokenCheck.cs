namespace Fabric.Silo.Dashboard.Login;

/// <summary>
/// Checks the admin token an operator types on the login page. Stand-in until the REST API's
/// token validator lands; the dashboard only needs a yes or no and why not.
/// </summary>
public interface IAdminTokenCheck
{
    /// <summary>Null when <paramref name="token"/> is the admin token, else what to tell the operator.</summary>
    string? Check(string? token);
}
