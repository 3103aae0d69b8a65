using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Fabric.Testing.Processes;
using Fabric.Testing.Waiting;

namespace Fabric.Create.Bench;

/// <summary>
/// A fresh cluster for one run: a silo (in-memory storage, or a real redis-server on a free port)
/// and one agent process per simulated host, each with its own name and data folder, in a
/// temporary folder removed afterwards.
/// </summary>
internal sealed class SimulatedCluster : IAsyncDisposable
{
    private readonly List<ChildProcess> _agents = [];
    private readonly string _directory;
    private readonly RedisServer? _redis;

    private SimulatedCluster(string directory, string storage, RedisServer? redis)
    {
        _directory = directory;
        Storage = storage;
        _redis = redis;
        Http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue }) { Timeout = TimeSpan.FromSeconds(60) };
    }

    public string Storage { get; }

    public string ApiUrl { get; } = $"http://127.0.0.1:{FreePort.Next()}";

    public int GatewayPort { get; } = FreePort.Next();

    public string? RedisConnectionString => _redis?.ConnectionString;

    /// <summary>Authorised with the admin token once the silo is up.</summary>
    public HttpClient Http { get; }

    public ChildProcess Silo { get; private set; } = null!;

    /// <summary>Starts the silo and <paramref name="hosts"/> simulated hosts offering <paramref name="hostMemoryBytes"/> each, and waits until all are Ready.</summary>
    public static async Task<SimulatedCluster> StartAsync(string storage, int hosts, long hostMemoryBytes)
    {
        var directory = Directory.CreateTempSubdirectory("fabric-bench-create-").FullName;
        var redis = storage == "redis" ? await RedisServer.StartAsync(Path.Combine(directory, "redis")) : null;
        var cluster = new SimulatedCluster(directory, storage, redis);
        try
        {
            await cluster.StartSiloAsync();
            for (var host = 1; host <= hosts; host++)
            {
                cluster.StartAgent($"sim-{host:00}", hostMemoryBytes);
            }

            await Eventually.MatchAsync(cluster.ReadyHostsAsync, ready => ready == hosts, TimeSpan.FromMinutes(5), $"{hosts} simulated hosts to be Ready");
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Where both processes keep cluster state, and the gateway agents use in an in-memory cluster.</summary>
    private string[] ClusterArguments =>
        [_redis is { } redis ? $"--Fabric:Redis={redis.ConnectionString}" : "--Fabric:InMemory=true",
         $"--Fabric:GatewayPort={GatewayPort.ToString(CultureInfo.InvariantCulture)}"];

    private async Task StartSiloAsync()
    {
        var data = Path.Combine(_directory, "silo");
        Silo = ChildProcess.StartDotnet(RepositoryPaths.SiloDll,
            ["--urls", ApiUrl, .. ClusterArguments, $"--Fabric:SiloPort={FreePort.Next().ToString(CultureInfo.InvariantCulture)}", $"--Fabric:DataDir={data}"],
            Path.Combine(_directory, "silo.log"));
        await Eventually.MatchAsync(
            async () => Silo.HasExited ? throw new InvalidOperationException($"silo exited: {Silo.Output}") : (int)(await Http.GetAsync($"{ApiUrl}/readyz")).StatusCode,
            status => status == 200, TimeSpan.FromMinutes(3), "the silo to be ready");
        var token = (await File.ReadAllTextAsync(Path.Combine(data, "admin-token"))).Trim();
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    private void StartAgent(string hostName, long memoryBytes)
    {
        var data = Path.Combine(_directory, hostName);
        _agents.Add(ChildProcess.StartDotnet(RepositoryPaths.AgentDll,
            [.. ClusterArguments, "--Fabric:Driver=simulated", $"--Fabric:HostName={hostName}", $"--Fabric:DataDir={data}",
             $"--Fabric:Simulated:MemoryBytes={memoryBytes.ToString(CultureInfo.InvariantCulture)}"],
            Path.Combine(_directory, hostName + ".log")));
    }

    private async Task<int> ReadyHostsAsync()
    {
        if (_agents.FirstOrDefault(a => a.HasExited) is { } dead)
        {
            throw new InvalidOperationException($"an agent exited: {dead.Output}");
        }

        using var hosts = await HostsAsync();
        return hosts.RootElement.EnumerateArray().Count(h => h.GetProperty("state").GetString() == "Ready");
    }

    /// <summary>VMs the hosts' agents report running, summed over GET /api/v1/hosts.</summary>
    public async Task<int> RunningVmsAsync()
    {
        using var hosts = await HostsAsync();
        return hosts.RootElement.EnumerateArray().Sum(h => h.GetProperty("runningVms").GetArrayLength());
    }

    private async Task<JsonDocument> HostsAsync()
    {
        using var response = await Http.GetAsync($"{ApiUrl}/api/v1/hosts");
        response.EnsureSuccessStatusCode();
        return await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var agent in _agents)
        {
            await agent.DisposeAsync();
        }

        if (Silo is not null)
        {
            await Silo.DisposeAsync();
        }

        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }

        Http.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
