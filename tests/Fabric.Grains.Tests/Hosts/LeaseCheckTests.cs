using Fabric.Contracts.Hosts.Leases;
using Fabric.Grains.Hosts;

namespace Fabric.Grains.Tests.Hosts;

public sealed class LeaseCheckTests
{
    private static readonly LeaseRecord Lease = new("inc-a", "token", 0, 3_000, 2, 0);

    [Fact]
    public void StandDownReason_TheHolder_IsNull() => Assert.Null(LeaseCheck.StandDownReason("h", "inc-a", Lease));

    [Fact]
    public void StandDownReason_TheHolderOfAFencedGeneration_MustFenceAndComeBack() =>
        Assert.Contains("new incarnation", LeaseCheck.StandDownReason("h", "inc-a", Lease with { FencedGeneration = 2 }), StringComparison.Ordinal);

    [Fact]
    public void StandDownReason_NoIncarnation_AsksForAnUpgrade() =>
        Assert.Contains("upgrade fabric-agent", LeaseCheck.StandDownReason("h", "", Lease), StringComparison.Ordinal);

    [Fact]
    public void StandDownReason_AnotherIncarnation_NamesTheHolder() =>
        Assert.Contains("held by agent incarnation inc-a (generation 2)", LeaseCheck.StandDownReason("h", "inc-b", Lease), StringComparison.Ordinal);
}
