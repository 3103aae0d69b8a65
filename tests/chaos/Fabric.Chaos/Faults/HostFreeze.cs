using Fabric.Chaos.Cluster;

namespace Fabric.Chaos.Faults;

/// <summary>
/// A frozen host: SIGSTOP of its agent and QEMU processes (not the fence companion), SIGCONT of them all
/// <see cref="Duration"/> later, while the trial still watches. The hardest case for "never twice": a
/// QEMU that was stopped, not killed, resumes where it was unless something killed it meanwhile.
/// </summary>
public sealed class HostFreeze : Fault
{
    public static readonly TimeSpan Duration = TimeSpan.FromSeconds(8);

    private Task _thaw = Task.CompletedTask;

    public override string Name => "host-freeze";

    public override bool FailsHost => true;

    public override Task InjectAsync(ClusterUnderTest cluster, string host)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        List<int> frozen = [cluster.AgentPid(host), .. QemuPidsOn(cluster, host)];
        foreach (var pid in frozen)
        {
            Signals.Stop(pid);
        }

        // The freeze's length is part of the fault, not a wait for a condition.
        _thaw = Task.Delay(Duration).ContinueWith(_ => frozen.ForEach(Signals.Continue), TaskScheduler.Default);
        return Task.CompletedTask;
    }

    public override async Task HealAsync(ClusterUnderTest cluster, string host)
    {
        await _thaw;
        await EnsureAgentRunsAsync(cluster, host);
    }
}
