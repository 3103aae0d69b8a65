using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Fabric.Contracts.Hosts;
using Fabric.Contracts.Images;
using Fabric.Testing.Guest;
using Fabric.Testing.Processes;
using Fabric.Testing.Waiting;

namespace Fabric.Integration.Tests.Infrastructure;

/// <summary>
/// A real single-host cluster for one test: redis-server (AOF), fabric-silo and fabric-agent as
/// separate processes on free loopback ports, in a temporary folder removed afterwards.
/// </summary>
public sealed class ClusterUnderTest : IAsyncDisposable
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly int _siloPort = FreePort.Next();
    private readonly int _gatewayPort = FreePort.Next();

    private ClusterUnderTest(string directory, RedisServer redis)
    {
        Directory = directory;
        Redis = redis;
        ApiUrl = $"http://127.0.0.1:{FreePort.Next()}";
    }

    public string Directory { get; }

    public RedisServer Redis { get; }

    public string ApiUrl { get; }

    public ChildProcess? Silo { get; private set; }

    public ChildProcess? Agent { get; private set; }

    /// <summary>Liveness limit given to the silo, short so "agent stopped → Unreachable" is quick to see.</summary>
    public static TimeSpan UnreachableAfter { get; } = TimeSpan.FromSeconds(3);

    public static async Task<ClusterUnderTest> StartRedisAsync()
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("fabric-it-").FullName;
        return new ClusterUnderTest(directory, await RedisServer.StartAsync(Path.Combine(directory, "redis")));
    }

    /// <summary>Starts the silo; <paramref name="unreachableAfter"/> overrides <see cref="UnreachableAfter"/> for agents that heartbeat seldom.</summary>
    public async Task StartSiloAsync(TimeSpan? unreachableAfter = null)
    {
        Silo = ChildProcess.StartDotnet(RepositoryPaths.SiloDll,
            ["--urls", ApiUrl, $"--Fabric:Redis={Redis.ConnectionString}", $"--Fabric:SiloPort={_siloPort}",
             $"--Fabric:GatewayPort={_gatewayPort}", $"--Fabric:Hosts:UnreachableAfter={unreachableAfter ?? UnreachableAfter}", $"--Fabric:DataDir={SiloDataDirectory}"],
            Path.Combine(Directory, "silo.log"));
        await Eventually.MatchAsync(
            async () => Silo.HasExited ? throw new InvalidOperationException($"silo exited: {Silo.Output}") : (int)(await _http.GetAsync($"{ApiUrl}/readyz")).StatusCode,
            status => status == 200, TimeSpan.FromSeconds(90), "the silo to be ready");

        // The silo made (or reused) the admin token in its data folder, as for an operator's first start.
        AdminToken = (await File.ReadAllTextAsync(Path.Combine(SiloDataDirectory, "admin-token"))).Trim();
        _http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", AdminToken);
    }

    /// <summary>The silo's data folder, where it keeps the admin token.</summary>
    public string SiloDataDirectory => Path.Combine(Directory, "silo");

    /// <summary>The REST API's bearer token.</summary>
    public string AdminToken { get; private set; } = "";

    /// <summary>Starts the agent; <paramref name="settings"/> are extra arguments such as <c>--Fabric:HeartbeatInterval=00:00:30</c>.</summary>
    public ChildProcess StartAgent(string hostName, string driver, params string[] settings)
    {
        Agent = ChildProcess.StartDotnet(RepositoryPaths.AgentDll, [.. AgentArguments(hostName, driver), .. settings], Path.Combine(Directory, "agent.log"));
        return Agent;
    }

    public string[] AgentArguments(string hostName, string driver) =>
        [$"--Fabric:Redis={Redis.ConnectionString}", $"--Fabric:Driver={driver}", $"--Fabric:HostName={hostName}",
         $"--Fabric:DataDir={AgentDataDirectory}", $"--Fabric:StoragePools:local={PoolDirectory}"];

    /// <summary>The agent's data folder (runtime sockets, logs, applied state).</summary>
    public string AgentDataDirectory => Path.Combine(Directory, "agent");

    /// <summary>The storage pool <c>local</c>, shared as all agents of the cluster would share it.</summary>
    public string PoolDirectory => Path.Combine(Directory, "pool");

    /// <summary>Puts the test guest's installer ISO into the pool and the image library as <paramref name="name"/>, as an upload would.</summary>
    public async Task AddInstallerIsoAsync(ClusterClientConnection client, string name)
    {
        ArgumentNullException.ThrowIfNull(client);
        var images = Path.Combine(PoolDirectory, "images");
        System.IO.Directory.CreateDirectory(images);
        File.Copy(TestGuest.InstallIso, Path.Combine(images, name));
        await client.Grains.GetGrain<IImageLibraryGrain>(IImageLibraryGrain.Key).Add(new ImageInfo
        {
            Name = name, Kind = ImageKind.Iso, Pool = "local", Path = $"images/{name}", Format = "raw",
            SizeBytes = new FileInfo(TestGuest.InstallIso).Length, AddedAt = DateTimeOffset.UtcNow,
        });
    }

    public Task<ClusterClientConnection> ConnectAsync() => ClusterClientConnection.ConnectAsync(Redis.ConnectionString);

    public async Task<IReadOnlyList<HostInfo>> ListHostsAsync() =>
        await _http.GetFromJsonAsync<List<HostInfo>>($"{ApiUrl}/api/v1/hosts", Json) ?? [];

    public async Task<HostInfo> WaitForHostAsync(string name, HostState state, TimeSpan deadline)
    {
        var hosts = await Eventually.MatchAsync(ListHostsAsync, hs => hs.Any(h => h.Name == name && h.State == state), deadline,
            $"host {name} to be {state}");
        return hosts.Single(h => h.Name == name);
    }

    public async ValueTask DisposeAsync()
    {
        // Stop the agent gracefully is not enough: QEMU outlives it by design, so end the VMs too.
        VmProcesses.KillAll(AgentDataDirectory);
        foreach (var process in new[] { Agent, Silo })
        {
            if (process is not null)
            {
                await process.DisposeAsync();
            }
        }

        await Redis.DisposeAsync();
        _http.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
