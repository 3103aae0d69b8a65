namespace Fabric.Cli.Up;

/// <summary>
/// Where the Fabric binaries are: <c>FABRIC_HOME</c> (the launcher sets it to the checkout), else the
/// checkout this CLI was built in (found by walking up to <c>Fabric.sln</c>), else nowhere.
/// </summary>
internal sealed class FabricInstallation(string? checkoutRoot)
{
    private const string BuildOutput = "bin/Release/net10.0";

    /// <summary>The repository root when running from a checkout, else <c>null</c>.</summary>
    public string? CheckoutRoot { get; } = checkoutRoot;

    public string SiloDll => Binary("Fabric.Silo", "fabric-silo.dll");

    public string AgentDll => Binary("Fabric.HostAgent", "fabric-agent.dll");

    /// <summary>The checkout's git-ignored <c>.fabric</c> folder; on an installed system, <c>/var/lib/fabric</c>.</summary>
    public string DefaultDataDirectory => CheckoutRoot is null ? "/var/lib/fabric" : Path.Combine(CheckoutRoot, ".fabric");

    public static FabricInstallation Locate(CliContext context)
    {
        if (context.GetEnvironmentVariable("FABRIC_HOME") is { Length: > 0 } home)
        {
            return new FabricInstallation(Path.GetFullPath(home));
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Fabric.sln")))
            {
                return new FabricInstallation(directory.FullName);
            }
        }

        return new FabricInstallation(null);
    }

    private string Binary(string project, string dll) => CheckoutRoot is null
        ? Path.Combine(AppContext.BaseDirectory, dll)
        : Path.Combine(CheckoutRoot, "src", project, BuildOutput, dll);
}
