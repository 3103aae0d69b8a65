using Fabric.Chaos.Cluster;

namespace Fabric.Chaos.Faults;

/// <summary>A host crash: <c>kill -9</c> of its agent, its QEMU processes and its fence companion at once.</summary>
public sealed class HostCrash : Fault
{
    public override string Name => "host-crash";

    public override bool FailsHost => true;

    public override Task InjectAsync(ClusterUnderTest cluster, string host)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var companion = cluster.CompanionPid(host);
        Signals.Kill(cluster.AgentPid(host));
        foreach (var pid in QemuPidsOn(cluster, host))
        {
            Signals.Kill(pid);
        }

        if (companion is { } companionPid)
        {
            Signals.Kill(companionPid);
        }

        return Task.CompletedTask;
    }

    public override Task HealAsync(ClusterUnderTest cluster, string host) => EnsureAgentRunsAsync(cluster, host);
}
