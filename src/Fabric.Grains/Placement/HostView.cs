using Fabric.Contracts.Hosts;
using Microsoft.Extensions.DependencyInjection;

namespace Fabric.Grains.Placement;

/// <summary>
/// This silo's view of every host, for placement and listing, so neither asks the host inventory
/// (one grain) on every call. Refreshed when older than <see cref="MaxAge"/>, replaced entry by entry
/// by heartbeats that reach this silo, and adjusted by the placements made here. Stale is safe: a
/// host grain still accepts or refuses each assignment atomically, and a placement that finds no
/// taker asks for a fresh view once before it gives up.
/// </summary>
public sealed class HostView(IGrainFactory grains, [FromKeyedServices(FabricTime.Key)] TimeProvider time)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);

    private readonly Lock _lock = new();
    private Snapshot _snapshot = new(DateTimeOffset.MinValue, new Dictionary<string, HostInfo>(StringComparer.Ordinal));
    private Task<Snapshot>? _refresh;

    /// <summary>Every known host, at most <see cref="MaxAge"/> old unless <paramref name="fresh"/> asks for a new read.</summary>
    public async Task<IReadOnlyDictionary<string, HostInfo>> GetAsync(bool fresh = false)
    {
        Task<Snapshot> refresh;
        lock (_lock)
        {
            if (!fresh && time.GetUtcNow() - _snapshot.At < MaxAge)
            {
                return _snapshot.Hosts;
            }

            // One read at a time for the whole silo; callers that arrive meanwhile share it. Run off
            // this thread, so the read never completes inside the lock that publishes it.
            refresh = _refresh ??= Task.Run(RefreshAsync);
        }

        return (await refresh).Hosts;
    }

    /// <summary>A host's newer state, straight from its heartbeat.</summary>
    public void Update(HostInfo host)
    {
        ArgumentNullException.ThrowIfNull(host);
        lock (_lock)
        {
            _snapshot = _snapshot with { Hosts = new Dictionary<string, HostInfo>(_snapshot.Hosts, StringComparer.Ordinal) { [host.Name] = host } };
        }
    }

    /// <summary>Counts what a placement from this silo just took on a host, so the next placements here see it.</summary>
    public void Reserve(string host, long memoryMiB, int vCpus)
    {
        lock (_lock)
        {
            if (_snapshot.Hosts.TryGetValue(host, out var info))
            {
                var hosts = new Dictionary<string, HostInfo>(_snapshot.Hosts, StringComparer.Ordinal)
                {
                    [host] = info with { CommittedMemoryMiB = info.CommittedMemoryMiB + memoryMiB, CommittedVCpus = info.CommittedVCpus + vCpus },
                };
                _snapshot = _snapshot with { Hosts = hosts };
            }
        }
    }

    private async Task<Snapshot> RefreshAsync()
    {
        try
        {
            var at = time.GetUtcNow();
            var hosts = await grains.GetGrain<IHostInventoryGrain>(IHostInventoryGrain.Key).List();
            var snapshot = new Snapshot(at, hosts.ToDictionary(h => h.Name, StringComparer.Ordinal));
            lock (_lock)
            {
                _snapshot = snapshot;
            }

            return snapshot;
        }
        finally
        {
            lock (_lock)
            {
                _refresh = null;
            }
        }
    }

    private sealed record Snapshot(DateTimeOffset At, IReadOnlyDictionary<string, HostInfo> Hosts);
}
