using Fabric.Chaos.Cluster;

namespace Fabric.Chaos.Faults;

/// <summary>
/// A hung agent: SIGSTOP, SIGCONT at the trial's end. It cannot fence anything itself, so the fence
/// companion must kill the host's HA QEMU processes before the cluster restarts them elsewhere.
/// </summary>
public sealed class AgentHang : Fault
{
    public override string Name => "agent-hang";

    public override bool FailsHost => true;

    public override Task InjectAsync(ClusterUnderTest cluster, string host)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        Signals.Stop(cluster.AgentPid(host));
        return Task.CompletedTask;
    }

    public override Task HealAsync(ClusterUnderTest cluster, string host)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        Signals.Continue(cluster.AgentPid(host));
        return EnsureAgentRunsAsync(cluster, host);
    }
}
