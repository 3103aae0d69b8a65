using Fabric.Contracts.Hosts.Leases;

namespace Fabric.Contracts.Tests.Hosts.Leases;

public sealed class LeaseRulesTests
{
    private static readonly LeaseRecord Held = new("inc-a", "token-a", 1_000, 4_000, 3, 0);

    [Fact]
    public void Renew_ExactlyAtExpiry_IsLapsed() =>
        Assert.Equal(LeaseOutcome.Lapsed, LeaseRules.Renew(Held, "inc-a", "token-a", 4_000, 3_000).Outcome);

    [Fact]
    public void Renew_JustBeforeExpiry_Renews() =>
        Assert.Equal(new LeaseRecord("inc-a", "token-a", 3_999, 6_999, 3, 0), LeaseRules.Renew(Held, "inc-a", "token-a", 3_999, 3_000).Lease);

    [Fact]
    public void Renew_AfterAFence_KeepsTheFencedGeneration()
    {
        var fenced = Held with { FencedGeneration = 3 };
        var next = LeaseRules.Renew(fenced, "inc-b", "token-b", 2_000, 3_000);
        Assert.Equal(new LeaseRecord("inc-b", "token-b", 2_000, 5_000, 4, 3), next.Lease);
        Assert.Equal(LeaseOutcome.Acquired, next.Outcome);
    }

    [Theory]
    [InlineData(4_999, false)]
    [InlineData(5_000, true)]
    public void IsDue_AfterExpiryPlusMargin(long now, bool due) => Assert.Equal(due, LeaseRules.IsDue(Held, now, 1_000));

    [Fact]
    public void Fence_WrongGeneration_IsNull() => Assert.Null(LeaseRules.Fence(Held, 2, 10_000, 1_000));
}
