using Fabric.Chaos.Cluster;
using Fabric.Chaos.Trials;
using Fabric.Chaos.Watching;
using Fabric.Contracts.Vms;

namespace Fabric.Chaos.Bench;

/// <summary>
/// A cold boot of the same guest the trials use, on the same cluster, measured the way a trial's
/// <c>agent</c> time is: from the start request until the guest agent in the new QEMU answers.
/// The difference between the two is the cluster's own share of a failover.
/// </summary>
public static class BootMeasurement
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(3);

    public static async Task<double> ColdBootSecondsAsync(ClusterUnderTest cluster, string name)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        await cluster.Api.CreateVmAsync(HaFleet.Request(cluster, name, ha: false) with { Start = false });
        var t0 = DateTimeOffset.UtcNow;
        await cluster.Api.PowerAsync(name, PowerAction.Start);
        try
        {
            while (DateTimeOffset.UtcNow - t0 < Deadline)
            {
                cluster.Watcher.Sample();
                if (cluster.Watcher.LiveProcesses(name) is [{ GuestAgentSocket: { } socket }] && await GuestAgentProbe.PingAsync(socket, TimeSpan.FromSeconds(2)))
                {
                    return (DateTimeOffset.UtcNow - t0).TotalSeconds;
                }

                // Polling interval of the probe, not a synchronisation sleep.
                await Task.Delay(TimeSpan.FromMilliseconds(100));
            }

            throw new TimeoutException($"VM {name} did not boot to its guest agent within {Deadline.TotalMinutes} min.");
        }
        finally
        {
            await cluster.Api.PowerAsync(name, PowerAction.Stop);
            await Testing.Waiting.Eventually.MatchAsync(() => Task.FromResult(Live(cluster, name)), n => n == 0, Deadline, $"VM {name}'s QEMU to end after stop");
            await Testing.Waiting.Eventually.MatchAsync(() => cluster.Api.GetVmAsync(name), vm => vm?.Observed == VmStatus.Stopped, Deadline, $"VM {name} to be reported Stopped");
            await cluster.Api.DeleteVmAsync(name);
        }
    }

    private static int Live(ClusterUnderTest cluster, string name)
    {
        cluster.Watcher.Sample();
        return cluster.Watcher.LiveProcesses(name).Count;
    }
}
