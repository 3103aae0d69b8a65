using System.Security.Cryptography;
using System.Text;

namespace Fabric.Silo.Dashboard.Login;

/// <summary>Compares against <c>Fabric:AdminToken</c> in constant time (hashes first, so lengths leak nothing either).</summary>
public sealed class ConfiguredAdminTokenCheck(IConfiguration configuration) : IAdminTokenCheck
{
    public const string Setting = "Fabric:AdminToken";

    public string? Check(string? token)
    {
        var expected = configuration[Setting];
        if (string.IsNullOrEmpty(expected))
        {
            return $"this silo has no admin token; start it with --{Setting}=<token>";
        }

        if (string.IsNullOrEmpty(token))
        {
            return "enter the admin token";
        }

        var matches = CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(token)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
        return matches ? null : "wrong token";
    }
}
