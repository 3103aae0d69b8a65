using Fabric.Chaos.Cluster;

namespace Fabric.Chaos.Faults;

/// <summary>
/// One kind of fault: what it does to a host (or the control plane), and how the harness undoes it at
/// the end of the trial so the next trial starts from a whole cluster.
/// </summary>
public abstract class Fault
{
    /// <summary>The fault's name in results: agent-kill, host-crash, ...</summary>
    public abstract string Name { get; }

    /// <summary>True when the host must be declared dead and its HA VMs restarted elsewhere; false when no host may be fenced and no VM touched.</summary>
    public abstract bool FailsHost { get; }

    /// <summary>Injects the fault; <paramref name="host"/> is the host to fault (ignored by control-plane faults).</summary>
    public abstract Task InjectAsync(ClusterUnderTest cluster, string host);

    /// <summary>Undoes what is left of the fault at the trial's end.</summary>
    public abstract Task HealAsync(ClusterUnderTest cluster, string host);

    public override string ToString() => Name;

    /// <summary>Every fault the harness knows, in the order trials cycle through them.</summary>
    public static IReadOnlyList<Fault> All { get; } =
        [new AgentKill(), new HostCrash(), new AgentHang(), new HostFreeze(), new NetworkCut(), new SiloKill(), new RedisRestart()];

    public static Fault Named(string name) =>
        All.SingleOrDefault(f => f.Name == name) ?? throw new ArgumentException($"no fault '{name}'; use one of {string.Join(", ", All.Select(f => f.Name))}", nameof(name));

    /// <summary>The live QEMU processes of the host's VMs, as the outside watcher last saw them.</summary>
    protected static IReadOnlyList<int> QemuPidsOn(ClusterUnderTest cluster, string host)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        cluster.Watcher.Sample();
        return [.. cluster.Watcher.LiveVms().Values.SelectMany(v => v).Where(s => s.Host == host).Select(s => s.Pid)];
    }

    /// <summary>Starts the host's agent again if the fault (or its aftermath) left it dead.</summary>
    protected static Task EnsureAgentRunsAsync(ClusterUnderTest cluster, string host)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        if (!Alive(cluster.AgentPid(host)))
        {
            cluster.RestartAgent(host);
        }

        return Task.CompletedTask;
    }

    protected static bool Alive(int pid) => Watching.ProcFileSystem.Read(pid) is { IsLive: true };
}
