using System.Globalization;

namespace Fabric.Cli.Up;

/// <summary>
/// The children of `fabric up` and their command lines: redis-server (unless in memory), the silo
/// and one host agent. Stopping goes in reverse order of starting, so nothing loses what it depends on
/// while it shuts down: the agent before the silo it reports to, the silo before the Redis it stores in.
/// </summary>
internal sealed class LocalCluster(UpSettings settings, FabricInstallation installation, DataDirectory data, string adminTokenFile, TimeProvider time)
{
    private static readonly TimeSpan StopGracePeriod = TimeSpan.FromSeconds(15);

    private readonly List<ChildProcess> _children = [];

    // A new Orleans cluster id per `fabric up` (the service id, which keys grain state and reminders,
    // stays "fabric", so all state survives). Seen for real: after `fabric up` was SIGKILLed, its silo's
    // membership row stayed Active in Redis, and the next silo, in the same cluster id, spent its whole
    // start deadline trying to reach the dead one (ValidateInitialConnectivity) and failed.
    private readonly string _clusterId = "fabric-up-" + time.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
    private RedisServer? _redis;
    private int _gatewayPort;

    public IReadOnlyCollection<ChildProcess> Children => _children;

    public string ApiUrl => $"http://127.0.0.1:{settings.Port}";

    public async Task<RedisServer> StartRedisAsync()
    {
        _redis = await RedisServer.StartAsync(FreePort.PreferOrPick(RedisServer.PreferredPort), data);
        _children.Add(_redis.Process);
        return _redis;
    }

    public async Task<ChildProcess> StartSiloAsync()
    {
        var taken = new List<int> { settings.Port };
        if (_redis is not null)
        {
            taken.Add(_redis.Port);
        }

        var siloPort = FreePort.PickExcept(taken);
        taken.Add(siloPort);
        _gatewayPort = FreePort.PickExcept(taken);
        List<string> arguments = [installation.SiloDll, "--urls", ApiUrl];
        arguments.Add(_redis is { } redis ? "--Fabric:Redis=" + redis.Endpoint : "--in-memory");
        arguments.AddRange(["--Fabric:SiloPort=" + Text(siloPort), "--Fabric:GatewayPort=" + Text(_gatewayPort), "--Fabric:ClusterId=" + _clusterId, "--Fabric:DataDir=" + data.Root, "--Fabric:AdminTokenFile=" + adminTokenFile]);
        return Track(await ChildProcess.StartAsync("silo", "dotnet", arguments, data.LogOf("silo"), ParentDeathSignal.Kill));
    }

    public async Task<ChildProcess> StartAgentAsync()
    {
        List<string> arguments = [installation.AgentDll, .. AgentStorage(), "--Fabric:Driver=" + settings.Driver, "--Fabric:ClusterId=" + _clusterId, "--Fabric:DataDir=" + data.Root];
        if (settings.HostName is { } hostName)
        {
            arguments.Add("--Fabric:HostName=" + hostName);
        }

        return Track(await ChildProcess.StartAsync("agent", "dotnet", arguments, data.LogOf("agent"), ParentDeathSignal.Kill));
    }

    /// <summary>Stops every child that was started, newest first; safe to call on any exit path.</summary>
    public async Task StopAsync()
    {
        for (var index = _children.Count - 1; index >= 0; index--)
        {
            var child = _children[index];
            if (_redis is not null && child == _redis.Process)
            {
                await _redis.ShutdownAsync(StopGracePeriod, time);
            }
            else
            {
                await child.StopAsync(StopGracePeriod, time);
            }

            child.Dispose();
        }

        _children.Clear();
    }

    /// <summary>The agent finds the cluster through Redis, or, in memory, at the silo's gateway.</summary>
    private IEnumerable<string> AgentStorage() => _redis is { } redis
        ? ["--Fabric:Redis=" + redis.Endpoint]
        : ["--Fabric:InMemory=true", "--Fabric:GatewayPort=" + Text(_gatewayPort)];

    private ChildProcess Track(ChildProcess child)
    {
        _children.Add(child);
        return child;
    }

    private static string Text(int number) => number.ToString(CultureInfo.InvariantCulture);
}
