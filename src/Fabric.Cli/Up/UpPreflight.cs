namespace Fabric.Cli.Up;

/// <summary>What `fabric up` checks before it starts anything, so a missing piece is one line, not a child's stack trace.</summary>
internal static class UpPreflight
{
    public sealed record Problem(string Message, int ExitCode);

    public static Problem? Check(UpSettings settings, FabricInstallation installation)
    {
        if (!settings.InMemory && RedisServer.CheckInstalled() is { } redisMissing)
        {
            return new Problem(redisMissing, ExitCodes.Failure);
        }

        foreach (var (what, dll) in new[] { ("silo", installation.SiloDll), ("host agent", installation.AgentDll) })
        {
            if (!File.Exists(dll))
            {
                var fix = installation.CheckoutRoot is null
                    ? "reinstall Fabric, or run from a checkout with ./fabric (set FABRIC_HOME to the checkout)"
                    : "build it: run ./fabric, which builds the solution, or `dotnet build Fabric.sln -c Release`";
                return new Problem($"cannot find the {what} at {dll}; {fix}", ExitCodes.Failure);
            }
        }

        if (!FreePort.IsFree(settings.Port))
        {
            return new Problem($"port {settings.Port} on 127.0.0.1 is in use (another `fabric up`?); pass --port with a free one", ExitCodes.Usage);
        }

        return null;
    }
}
