using System.Globalization;
using Fabric.Chaos.Watching;
using Fabric.Testing.Processes;
using Fabric.Testing.Waiting;

namespace Fabric.Chaos.Cluster;

/// <summary>
/// A whole cluster started by the real <c>fabric up --hosts N --silos M</c>, known through the
/// <c>cluster.json</c> it writes and its REST API. Remembers how each agent, silo and Redis was
/// started, so a fault can kill one and the harness can start it again the same way.
/// </summary>
public sealed class ClusterUnderTest : IAsyncDisposable
{
    private static readonly TimeSpan UpDeadline = TimeSpan.FromMinutes(6);

    private readonly ChildProcess? _up;
    private readonly List<ChildProcess> _restarted = [];
    private readonly Dictionary<string, ProcessLaunch> _agentLaunches = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _agentPids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ProcessLaunch> _siloLaunches = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _siloPids = new(StringComparer.Ordinal);
    private int _redisPid;

    private ClusterUnderTest(string directory, ChildProcess? up, ClusterFile file, string driver)
    {
        Directory = directory;
        _up = up;
        File = file;
        Driver = driver;
        Api = new FabricApi(file.ApiUrl, System.IO.File.ReadAllText(file.AdminTokenFile).Trim());
        var identities = new List<HostIdentity>();
        foreach (var host in file.Hosts)
        {
            _agentPids[host.Name] = host.AgentPid;
            _agentLaunches[host.Name] = ProcessLaunch.Capture(host.AgentPid, file.Namespaces ? host.Netns : null);
            identities.Add(new HostIdentity(host.Name, host.DataDir, ProcFileSystem.Read(host.AgentPid)?.NetworkNamespace is { } ns && file.Namespaces ? ns : null));
        }

        foreach (var silo in file.Silos)
        {
            _siloPids[silo.Name] = silo.Pid;
            _siloLaunches[silo.Name] = ProcessLaunch.Capture(silo.Pid, netns: null);
        }

        _redisPid = file.Redis?.Pid ?? 0;
        Watcher = new OutsideWatcher(new ProcFileSystem(), new HostResolver(identities), TimeProvider.System);
    }

    public string Directory { get; }

    public ClusterFile File { get; }

    public string Driver { get; }

    public FabricApi Api { get; }

    public OutsideWatcher Watcher { get; }

    public IReadOnlyList<string> HostNames => [.. File.Hosts.Select(h => h.Name)];

    /// <summary>Runs <c>fabric up</c> (hosts chaos-1..N) and waits for its <c>cluster.json</c>.</summary>
    public static async Task<ClusterUnderTest> StartAsync(ClusterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        System.IO.Directory.CreateDirectory(options.Directory);
        var data = Path.Combine(options.Directory, "data");
        var clusterJson = Path.Combine(data, "cluster.json");
        if (System.IO.File.Exists(clusterJson))
        {
            System.IO.File.Delete(clusterJson);
        }
        var environment = new Dictionary<string, string>
        {
            ["FABRIC_HOME"] = RepositoryPaths.Root,
            ["XDG_CONFIG_HOME"] = Path.Combine(options.Directory, "config"),
        };
        var up = ChildProcess.StartDotnet(RepositoryPaths.CliDll,
            ["up", "--hosts", Text(options.Hosts), "--silos", Text(options.Silos), "--driver", options.Driver, "--host-name", "chaos",
             "--data-dir", data, "--port", Text(FreePort.Next())],
            Path.Combine(options.Directory, "up.log"), environment);
        try
        {
            await Eventually.MatchAsync(
                () => Task.FromResult(up.HasExited || System.IO.File.Exists(clusterJson)),
                doneOrExited => doneOrExited, UpDeadline, $"fabric up to write {clusterJson}");
            if (up.HasExited)
            {
                throw new InvalidOperationException($"fabric up exited {up.ExitCode} before the cluster was up:\n{up.Output}");
            }

            return new ClusterUnderTest(options.Directory, up, ClusterFile.Read(clusterJson), options.Driver);
        }
        catch
        {
            await up.DisposeAsync();
            throw;
        }
    }

    /// <summary>A cluster someone else started; the harness will not stop it.</summary>
    public static ClusterUnderTest Attach(string clusterJson, string directory, string driver) =>
        new(directory, up: null, ClusterFile.Read(clusterJson), driver);

    public ClusterFile.HostEntry Host(string name) => File.Hosts.Single(h => h.Name == name);

    public int AgentPid(string host) => _agentPids[host];

    public int SiloPid(string silo) => _siloPids[silo];

    public int RedisPid => _redisPid;

    /// <summary>The host's fence companion, from the pidfile its agent writes, or null when there is none.</summary>
    public int? CompanionPid(string host)
    {
        var file = Path.Combine(Host(host).DataDir, "fence-companion.pid");
        return System.IO.File.Exists(file) && int.TryParse(System.IO.File.ReadAllText(file).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            ? pid
            : null;
    }

    /// <summary>Starts a killed agent again with its first command line, in its namespace.</summary>
    public void RestartAgent(string host)
    {
        var child = _agentLaunches[host].Start(Path.Combine(Directory, $"agent-{host}-restarted.log"));
        _restarted.Add(child);
        // With a namespace the child is `ip netns exec`, which execs the agent: the pid is the agent's.
        _agentPids[host] = child.Id;
    }

    public void RestartSilo(string silo)
    {
        var child = _siloLaunches[silo].Start(Path.Combine(Directory, $"silo-{silo}-restarted.log"));
        _restarted.Add(child);
        _siloPids[silo] = child.Id;
    }

    /// <summary>Starts Redis again with its recorded command line in its folder; its append-only file brings the data back.</summary>
    public void RestartRedis()
    {
        var redis = File.Redis ?? throw new InvalidOperationException("the cluster runs in memory; there is no Redis to restart");
        var child = ChildProcess.Start(redis.CommandLine[0], redis.CommandLine.Skip(1), Path.Combine(Directory, "redis-restarted.log"), workingDirectory: redis.WorkingDirectory);
        _restarted.Add(child);
        _redisPid = child.Id;
    }

    public async ValueTask DisposeAsync()
    {
        if (_up is not null)
        {
            await _up.StopAsync(TimeSpan.FromMinutes(1));
            await _up.DisposeAsync();
        }

        foreach (var child in _restarted)
        {
            await child.DisposeAsync();
        }

        if (_up is not null)
        {
            // QEMU outlives agents by design, and companions may outlive a killed agent: end what is left of this cluster.
            LeftoverProcesses.KillBelow(Path.Combine(Directory, "data"), File.Hosts.Select(h => CompanionPid(h.Name)));
        }

        Api.Dispose();
    }

    private static string Text(int number) => number.ToString(CultureInfo.InvariantCulture);
}
