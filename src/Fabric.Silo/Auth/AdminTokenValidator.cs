using System.Security.Cryptography;
using System.Text;

namespace Fabric.Silo.Auth;

/// <summary>
/// Checks a presented token against the cluster's admin token. Both are hashed first, so the
/// comparison takes the same time whatever the token's length or how much of it matches.
/// Injectable: the REST bearer check and the dashboard's cookie login both use it.
/// </summary>
public sealed class AdminTokenValidator
{
    private readonly byte[] _expectedHash;

    public AdminTokenValidator(AdminToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        _expectedHash = Hash(token.Value);
    }

    public bool IsValid(string? presented) =>
        !string.IsNullOrEmpty(presented) && CryptographicOperations.FixedTimeEquals(Hash(presented), _expectedHash);

    private static byte[] Hash(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));
}
