namespace Fabric.Contracts.Hosts.Leases;

/// <summary>The lease witness of an in-memory cluster: <see cref="IHostLeaseGrain"/>, reached by agents and silos alike.</summary>
public sealed class GrainLeaseWitness(IGrainFactory grains) : ILeaseWitness
{
    private IHostLeaseGrain Grain => grains.GetGrain<IHostLeaseGrain>(IHostLeaseGrain.Key);

    public Task<LeaseDecision> RenewAsync(string host, string incarnation, string token, TimeSpan ttl, CancellationToken cancellationToken = default) =>
        Grain.Renew(host, incarnation, token, ttl);

    public Task<LeaseRecord?> ReadAsync(string host, CancellationToken cancellationToken = default) => Grain.Read(host);

    public Task<LeaseSnapshot> ReadAllAsync(CancellationToken cancellationToken = default) => Grain.ReadAll();

    public Task<bool> FenceAsync(string host, long generation, TimeSpan margin, CancellationToken cancellationToken = default) =>
        Grain.Fence(host, generation, margin);
}
