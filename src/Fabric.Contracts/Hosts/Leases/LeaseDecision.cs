namespace Fabric.Contracts.Hosts.Leases;

/// <summary>The outcome of a renewal and the lease as it stands after it.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Lease">The lease after the attempt (unchanged when refused).</param>
[GenerateSerializer, Immutable, Alias("fabric.LeaseDecision")]
public sealed record LeaseDecision(
    [property: Id(0)] LeaseOutcome Outcome,
    [property: Id(1)] LeaseRecord? Lease)
{
    /// <summary>True when the caller holds the lease now.</summary>
    public bool Granted => Outcome is LeaseOutcome.Renewed or LeaseOutcome.Acquired or LeaseOutcome.TookOver;
}
