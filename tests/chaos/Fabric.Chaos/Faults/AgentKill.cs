using Fabric.Chaos.Cluster;

namespace Fabric.Chaos.Faults;

/// <summary><c>kill -9</c> of a host's agent; its QEMU processes and fence companion stay.</summary>
public sealed class AgentKill : Fault
{
    public override string Name => "agent-kill";

    public override bool FailsHost => true;

    public override Task InjectAsync(ClusterUnderTest cluster, string host)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        Signals.Kill(cluster.AgentPid(host));
        return Task.CompletedTask;
    }

    public override Task HealAsync(ClusterUnderTest cluster, string host) => EnsureAgentRunsAsync(cluster, host);
}
