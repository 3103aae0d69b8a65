using Fabric.Contracts.Hosts.Leases;
using Microsoft.Extensions.DependencyInjection;

namespace Fabric.Grains.Hosts.Leases;

/// <summary>
/// The in-memory cluster's lease witness: <see cref="LeaseRules"/> over a dictionary, on this grain's
/// clock. Only used without Redis (one silo, nothing to survive), where it is as durable as everything else.
/// </summary>
[GrainType("host-leases")]
public sealed class HostLeaseGrain([FromKeyedServices(FabricTime.Key)] TimeProvider time) : Grain, IHostLeaseGrain
{
    private readonly Dictionary<string, LeaseRecord> _leases = new(StringComparer.Ordinal);

    private long NowMs => time.GetUtcNow().ToUnixTimeMilliseconds();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Leases live only here: an idle collection would forget them and free every host at once.
        DelayDeactivation(TimeSpan.FromDays(3650));
        return base.OnActivateAsync(cancellationToken);
    }

    public Task<LeaseDecision> Renew(string host, string incarnation, string token, TimeSpan ttl)
    {
        var decision = LeaseRules.Renew(_leases.GetValueOrDefault(host), incarnation, token, NowMs, (long)ttl.TotalMilliseconds);
        if (decision.Granted)
        {
            _leases[host] = decision.Lease!;
        }

        return Task.FromResult(decision);
    }

    public Task<LeaseRecord?> Read(string host) => Task.FromResult(_leases.GetValueOrDefault(host));

    public Task<LeaseSnapshot> ReadAll() => Task.FromResult(new LeaseSnapshot(NowMs, new Dictionary<string, LeaseRecord>(_leases, StringComparer.Ordinal)));

    public Task<bool> Fence(string host, long generation, TimeSpan margin)
    {
        if (LeaseRules.Fence(_leases.GetValueOrDefault(host), generation, NowMs, (long)margin.TotalMilliseconds) is not { } fenced)
        {
            return Task.FromResult(false);
        }

        _leases[host] = fenced;
        return Task.FromResult(true);
    }
}
