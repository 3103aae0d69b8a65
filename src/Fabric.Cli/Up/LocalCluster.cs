using System.Globalization;
using Fabric.Cli.Up.Namespaces;
using Fabric.Client.Connection;

namespace Fabric.Cli.Up;

/// <summary>
/// The children of `fabric up` and their command lines: redis-server (unless in memory), the silos
/// and one host agent per host. Stopping goes in reverse order of starting, so nothing loses what it
/// depends on while it shuts down: the agents (all at once) before the silos they report to, the silos
/// before the Redis they store in.
/// </summary>
internal sealed class LocalCluster(
    UpSettings settings, FabricInstallation installation, DataDirectory data, string adminTokenFile, NetworkPlan network, TimeProvider time)
{
    private static readonly TimeSpan StopGracePeriod = TimeSpan.FromSeconds(15);

    private readonly List<ChildProcess> _children = [];
    private readonly List<SiloInstance> _silos = [];
    private readonly List<HostInstance> _hosts = [];
    private readonly List<int> _takenPorts = [settings.Port];

    private RedisServer? _redis;

    public IReadOnlyCollection<ChildProcess> Children => _children;

    /// <summary>
    /// The Orleans cluster id, the same at every start, so a program's client settings stay right. A killed
    /// run leaves its silos' membership rows Active in Redis, and a new silo would spend its start deadline
    /// trying to reach them; <see cref="RedisServer.ClearMembershipAsync"/> removes them first (up holds the
    /// data folder's lock, so those silos are known to be dead).
    /// </summary>
    public static string ClusterId => FabricConnectionSettings.DefaultClusterId;

    public static string ServiceId => FabricConnectionSettings.DefaultServiceId;

    public RedisServer? Redis => _redis;

    public IReadOnlyList<SiloInstance> Silos => _silos;

    public IReadOnlyList<HostInstance> Hosts => _hosts;

    public NetworkPlan Network => network;

    public string ApiUrl => $"http://127.0.0.1:{settings.Port}";

    /// <summary>The one <c>local</c> pool all hosts share (as NFS would be shared); with one host, the agent's own default, which is the same folder.</summary>
    public string LocalPool => Path.Combine(data.Root, "pools", "local");

    /// <summary>Whether this run has started creating network namespaces (and so must delete them at stop).</summary>
    public bool NamespacesCreated { get; private set; }

    /// <summary>Creates the hosts' network namespaces (removing a previous run's leftovers first).</summary>
    public Task CreateNamespacesAsync() => NetworkNamespaces.CreateAsync(network, () => NamespacesCreated = true);

    public async Task<RedisServer> StartRedisAsync()
    {
        var port = FreePort.PreferOrPick(RedisServer.PreferredPort);
        _takenPorts.Add(port);
        _redis = await RedisServer.StartAsync(port, data, network.ClusterAddress);
        _children.Add(_redis.Process);
        return _redis;
    }

    /// <summary>Silo <paramref name="index"/> (from 1): the first on --port, the others on free ports; silo and gateway ports always free ones.</summary>
    public async Task<SiloInstance> StartSiloAsync(int index)
    {
        var apiUrl = index == 1 ? ApiUrl : $"http://127.0.0.1:{PickPort()}";
        var siloPort = PickPort();
        var gatewayPort = PickPort();
        List<string> arguments = [installation.SiloDll, "--urls", apiUrl];
        arguments.Add(_redis is { } redis ? "--Fabric:Redis=" + redis.Endpoint : "--in-memory");
        arguments.AddRange(["--Fabric:SiloPort=" + Text(siloPort), "--Fabric:GatewayPort=" + Text(gatewayPort), "--Fabric:ClusterId=" + ClusterId, "--Fabric:DataDir=" + data.Root, "--Fabric:AdminTokenFile=" + adminTokenFile]);
        if (network.Namespaces)
        {
            arguments.Add("--Fabric:SiloAddress=" + network.ClusterAddress);
        }

        var name = $"silo-{index}";
        var childName = settings.Silos == 1 ? "silo" : name;
        var process = Track(await ChildProcess.StartAsync(childName, "dotnet", arguments, data.LogOf(childName), ParentDeathSignal.Kill));
        var silo = new SiloInstance(name, process, apiUrl, siloPort, gatewayPort);
        _silos.Add(silo);
        return silo;
    }

    /// <summary>
    /// The agent of <paramref name="host"/>. One host keeps the single-host layout (data in the data folder, the
    /// agent's default pool); several each get <c>hosts/&lt;name&gt;</c> and the shared <c>local</c> pool, and,
    /// with namespaces, run inside theirs (<c>ip netns exec</c> execs, so the pid and the parent-death signal stay).
    /// </summary>
    public async Task<HostInstance> StartAgentAsync(HostNetwork host)
    {
        var single = settings.Hosts == 1;
        var dataDirectory = single ? data.Root : Path.Combine(data.Root, "hosts", host.HostName);
        List<string> arguments = [installation.AgentDll, .. AgentStorage(), "--Fabric:Driver=" + settings.Driver, "--Fabric:ClusterId=" + ClusterId, "--Fabric:DataDir=" + dataDirectory];
        if (!single || settings.HostName is not null)
        {
            arguments.Add("--Fabric:HostName=" + host.HostName);
        }

        if (!single)
        {
            arguments.Add("--Fabric:StoragePools:local=" + LocalPool);
        }

        if (host.Namespace is not null)
        {
            arguments.Add("--Fabric:ConsoleAddress=" + host.Address);
        }

        var childName = single ? "agent" : "agent " + host.HostName;
        var logName = single ? "agent" : "agent-" + host.HostName;
        var process = host.Namespace is { } netns
            ? await ChildProcess.StartAsync(childName, IpTool.Path!, ["netns", "exec", netns, "dotnet", .. arguments], data.LogOf(logName), ParentDeathSignal.Kill)
            : await ChildProcess.StartAsync(childName, "dotnet", arguments, data.LogOf(logName), ParentDeathSignal.Kill);
        Track(process);
        var instance = new HostInstance(host, process, dataDirectory);
        _hosts.Add(instance);
        return instance;
    }

    /// <summary>Stops every child that was started: the agents together, then the rest newest first; safe to call on any exit path.</summary>
    public async Task StopAsync()
    {
        var agents = _hosts.Select(host => host.Agent).ToHashSet();
        await Task.WhenAll(agents.Select(agent => agent.StopAsync(StopGracePeriod, time)));
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

    /// <summary>The agent finds the cluster through Redis, or, in memory, at the first silo's gateway.</summary>
    private IEnumerable<string> AgentStorage()
    {
        if (_redis is { } redis)
        {
            return ["--Fabric:Redis=" + redis.Endpoint];
        }

        List<string> arguments = ["--Fabric:InMemory=true", "--Fabric:GatewayPort=" + Text(_silos[0].GatewayPort)];
        if (network.Namespaces)
        {
            arguments.Add("--Fabric:GatewayAddress=" + network.ClusterAddress);
        }

        return arguments;
    }

    /// <summary>What a .NET program needs to reach this cluster (written to the client file).</summary>
    public FabricConnectionFile ConnectionFile() => new()
    {
        ClusterId = ClusterId,
        ServiceId = ServiceId,
        Redis = _redis?.Endpoint,
        Gateways = [.. _silos.Select(silo => $"{network.ClusterAddress}:{Text(silo.GatewayPort)}")],
    };

    private int PickPort()
    {
        var port = FreePort.PickExcept(_takenPorts);
        _takenPorts.Add(port);
        return port;
    }

    private ChildProcess Track(ChildProcess child)
    {
        _children.Add(child);
        return child;
    }

    private static string Text(int number) => number.ToString(CultureInfo.InvariantCulture);
}
