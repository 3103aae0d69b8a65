namespace Fabric.Contracts.Hosts.Leases;

/// <summary>
/// The lease witness of a cluster kept in memory (one silo, nothing survives a restart): the same
/// <see cref="LeaseRules"/> as in Redis, held by one grain. Reached through <see cref="GrainLeaseWitness"/>.
/// </summary>
[Alias("fabric.IHostLeaseGrain")]
public interface IHostLeaseGrain : IGrainWithIntegerKey
{
    public const long Key = 0;

    [Alias("Renew")]
    Task<LeaseDecision> Renew(string host, string incarnation, string token, TimeSpan ttl);

    [Alias("Read")]
    Task<LeaseRecord?> Read(string host);

    [Alias("ReadAll")]
    Task<LeaseSnapshot> ReadAll();

    [Alias("Fence")]
    Task<bool> Fence(string host, long generation, TimeSpan margin);
}
