using Fabric.Integration.Tests.Infrastructure;
using Fabric.Testing.Processes;

namespace Fabric.Integration.Tests.Cli;

/// <summary>Runs the real <c>fabric</c> CLI against a cluster under test, as an operator at a terminal would.</summary>
public static class CliRun
{
    public static async Task<(int ExitCode, string Output)> RunAsync(ClusterUnderTest cluster, params string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var config = Path.Combine(cluster.Directory, "cli-config");
        Directory.CreateDirectory(config);
        var environment = new Dictionary<string, string>
        {
            ["FABRIC_API"] = cluster.ApiUrl,
            ["FABRIC_TOKEN"] = cluster.AdminToken,
            ["XDG_CONFIG_HOME"] = config,
        };
        await using var cli = ChildProcess.StartDotnet(RepositoryPaths.CliDll, arguments, Path.Combine(cluster.Directory, "cli.log"), environment);
        var exitCode = await cli.WaitForExitAsync(TimeSpan.FromMinutes(6));
        return (exitCode, cli.Output);
    }

    /// <summary>Runs a command that must succeed; fails the test with its output otherwise.</summary>
    public static async Task<string> OkAsync(ClusterUnderTest cluster, params string[] arguments)
    {
        var (exitCode, output) = await RunAsync(cluster, arguments);
        Assert.True(exitCode == 0, $"fabric {string.Join(' ', arguments)} exited {exitCode}:\n{output}");
        return output;
    }
}
