using Fabric.Contracts.Hosts.Leases;
using Fabric.Testing.Leases;
using Fabric.Testing.Orleans;

namespace Fabric.Grains.Tests.Hosts;

/// <summary>The in-memory witness (a grain applying LeaseRules on the fake clock) keeps the same contract as Redis.</summary>
[Collection(GrainClusterCollection.Name)]
public sealed class HostLeaseGrainTests(GrainClusterFixture fixture) : LeaseWitnessContract
{
    protected override ILeaseWitness Witness { get; } = new GrainLeaseWitness(fixture.Cluster.Client);

    protected override Task PassAsync(TimeSpan span)
    {
        fixture.Time.Advance(span);
        return Task.CompletedTask;
    }
}
