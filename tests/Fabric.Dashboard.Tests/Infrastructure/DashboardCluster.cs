using Fabric.Testing.Processes;
using Fabric.Testing.Waiting;

namespace Fabric.Dashboard.Tests.Infrastructure;

/// <summary>
/// The real fabric-silo (in memory, with an admin token) and one simulated fabric-agent whose host
/// reports no hardware virtualization, as processes on free loopback ports; shared by a test class.
/// </summary>
public sealed class DashboardCluster : IAsyncLifetime
{
    public const string AdminToken = "test-admin-token";

    /// <summary>Writes <see cref="AdminToken"/> where the silo's <c>Fabric:AdminTokenFile</c> will read it.</summary>
    public static string WriteTokenFile(string directory)
    {
        var path = System.IO.Path.Combine(directory, "admin-token");
        File.WriteAllText(path, AdminToken);
        return path;
    }
    public const string HostName = "node1";

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly int _gatewayPort = FreePort.Next();

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("fabric-dashboard-").FullName;

    public string Url { get; } = $"http://127.0.0.1:{FreePort.Next()}";

    public ChildProcess? Silo { get; private set; }

    public ChildProcess? Agent { get; private set; }

    public async Task InitializeAsync()
    {
        Silo = ChildProcess.StartDotnet(RepositoryPaths.SiloDll,
            ["--in-memory", "--urls", Url, $"--Fabric:AdminTokenFile={WriteTokenFile(Directory)}", $"--Fabric:SiloPort={FreePort.Next()}",
             $"--Fabric:GatewayPort={_gatewayPort}"],
            Path.Combine(Directory, "silo.log"));
        await Eventually.MatchAsync(
            async () => Silo.HasExited ? throw new InvalidOperationException($"silo exited: {Silo.Output}") : (int)(await _http.GetAsync($"{Url}/readyz")).StatusCode,
            status => status == 200, TimeSpan.FromSeconds(90), "the silo to be ready");
        Agent = ChildProcess.StartDotnet(RepositoryPaths.AgentDll,
            ["--Fabric:Driver=simulated", "--Fabric:InMemory=true", $"--Fabric:GatewayPort={_gatewayPort}", $"--Fabric:HostName={HostName}",
             $"--Fabric:DataDir={Path.Combine(Directory, "agent")}", "--Fabric:Simulated:HardwareVirtualization=false"],
            Path.Combine(Directory, "agent.log"));
    }

    public async Task DisposeAsync()
    {
        foreach (var process in new[] { Agent, Silo })
        {
            if (process is not null)
            {
                await process.DisposeAsync();
            }
        }

        _http.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
