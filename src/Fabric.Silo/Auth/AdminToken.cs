namespace Fabric.Silo.Auth;

/// <summary>The cluster's admin token and the file it was read from or written to.</summary>
/// <param name="Value">The secret itself.</param>
/// <param name="FilePath">Where it lives (mode 0600).</param>
/// <param name="Origin">How the silo came by it, for the start-up log line.</param>
public sealed record AdminToken(string Value, string FilePath, AdminTokenOrigin Origin)
{
    /// <summary>The start-up log line: where the token is, never the token.</summary>
    public string Describe() => Origin switch
    {
        AdminTokenOrigin.ConfiguredFile => $"REST API admin token read from {FilePath} (Fabric:AdminTokenFile)",
        AdminTokenOrigin.ReusedGenerated => $"REST API admin token: the one generated earlier in {FilePath}",
        _ => $"REST API admin token generated and written to {FilePath} (mode 0600); send it as 'Authorization: Bearer <token>'",
    };

    /// <summary>Never print the secret by accident (records print their properties).</summary>
    public override string ToString() => Describe();
}
