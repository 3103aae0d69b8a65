using Fabric.Chaos.Cluster;
using Fabric.Chaos.Watching;
using Fabric.Contracts.Hosts;
using Fabric.Contracts.Vms;

namespace Fabric.Chaos.Trials;

/// <summary>
/// What one trial sees between the fault and its deadline: when the cluster declared the faulted host dead
/// (REST), when each of its HA VMs had a live QEMU elsewhere (the outside watcher; for simulated VMs, REST),
/// when each guest agent answered there (the guest-agent socket), and any other host declared dead.
/// </summary>
internal sealed class TrialObservation(
    ClusterUnderTest cluster, string target, bool failsHost, IReadOnlyList<string> victims, IReadOnlyDictionary<string, DateTimeOffset?> fencedBefore)
{
    private readonly bool _qemu = cluster.Driver == "qemu";
    private readonly Dictionary<string, Task<double?>> _guestWaits = new(StringComparer.Ordinal);
    private int _apiErrors;

    public double? DetectSeconds { get; private set; }

    public Dictionary<string, double> Restarted { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, double> AgentAnswered { get; } = new(StringComparer.Ordinal);

    public SortedSet<string> FalseFailovers { get; } = new(StringComparer.Ordinal);

    public List<string> Notes { get; } = [];

    public async Task WatchAsync(DateTimeOffset t0, TimeSpan window, TimeSpan tick)
    {
        var deadline = t0 + window;
        using var timer = new PeriodicTimer(tick);
        while (DateTimeOffset.UtcNow < deadline && !Done())
        {
            await CheckFencingAsync(t0);
            if (failsHost)
            {
                await CheckVictimsAsync(t0, deadline);
            }

            await timer.WaitForNextTickAsync();
        }

        foreach (var (vm, wait) in _guestWaits)
        {
            if (await wait is { } seconds)
            {
                AgentAnswered[vm] = seconds;
            }
        }

        if (_apiErrors > 0)
        {
            Notes.Add($"{_apiErrors} REST calls failed or timed out during the fault");
        }
    }

    /// <summary>Records the faulted host's detection, and any other host declared dead since the trial began.</summary>
    public async Task CheckFencingAsync(DateTimeOffset t0)
    {
        IReadOnlyList<HostInfo> hosts;
        try
        {
            hosts = await cluster.Api.ListHostsAsync();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            _apiErrors++;
            return;
        }

        var now = DateTimeOffset.UtcNow;
        foreach (var host in hosts)
        {
            var newlyFenced = host.FencedAt is { } at && at > t0 && at != fencedBefore.GetValueOrDefault(host.Name);
            if (host.State != HostState.Fenced && !newlyFenced)
            {
                continue;
            }

            if (failsHost && host.Name == target)
            {
                // The silo's own timestamp when it gives one; the poll's time otherwise.
                DetectSeconds ??= ((newlyFenced ? host.FencedAt!.Value : now) - t0).TotalSeconds;
            }
            else
            {
                FalseFailovers.Add($"{host.Name} ({host.State}, fenced at {host.FencedAt:HH:mm:ss.fff})");
            }
        }
    }

    private async Task CheckVictimsAsync(DateTimeOffset t0, DateTimeOffset deadline)
    {
        foreach (var vm in victims.Where(v => !Restarted.ContainsKey(v)))
        {
            if (_qemu)
            {
                if (cluster.Watcher.FirstElsewhere(vm, target, t0) is { } sighting)
                {
                    Restarted[vm] = (sighting.FirstSeen - t0).TotalSeconds;
                    Notes.Add($"{vm} came back on {sighting.Host} as pid {sighting.Pid}");
                    _guestWaits[vm] = WaitForGuestAgentAsync(sighting, t0, deadline);
                }
            }
            else if (await TryGetVmAsync(vm) is { Observed: VmStatus.Running } info && info.Host is { } host && host != target)
            {
                Restarted[vm] = (DateTimeOffset.UtcNow - t0).TotalSeconds;
            }
        }
    }

    private static async Task<double?> WaitForGuestAgentAsync(VmSighting sighting, DateTimeOffset t0, DateTimeOffset deadline)
    {
        while (DateTimeOffset.UtcNow < deadline && sighting.GuestAgentSocket is { } socket)
        {
            if (await GuestAgentProbe.PingAsync(socket, TimeSpan.FromSeconds(2)))
            {
                return (DateTimeOffset.UtcNow - t0).TotalSeconds;
            }

            // Polling interval of the probe (the socket may not exist yet), not a synchronisation sleep.
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        return null;
    }

    private bool Done() =>
        failsHost
            && DetectSeconds is not null && victims.All(Restarted.ContainsKey) && (!_qemu || _guestWaits.Values.All(w => w.IsCompleted));

    private async Task<VmInfo?> TryGetVmAsync(string vm)
    {
        try
        {
            return await cluster.Api.GetVmAsync(vm);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            _apiErrors++;
            return null;
        }
    }
}
