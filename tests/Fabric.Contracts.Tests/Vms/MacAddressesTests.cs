using Fabric.Contracts.Vms;

namespace Fabric.Contracts.Tests.Vms;

public sealed class MacAddressesTests
{
    [Fact]
    public void Derive_SameInputs_SameUnicastQemuAddress()
    {
        var mac = MacAddresses.Derive("web1", "net0", 0);

        Assert.Equal(mac, MacAddresses.Derive("web1", "net0", 0));
        Assert.StartsWith("52:54:00:", mac, StringComparison.Ordinal);
        Assert.Null(MacAddresses.Validate(mac));
    }

    [Fact]
    public void Derive_OtherVmNicOrAttempt_OtherAddress()
    {
        var mac = MacAddresses.Derive("web1", "net0", 0);

        Assert.NotEqual(mac, MacAddresses.Derive("web2", "net0", 0));
        Assert.NotEqual(mac, MacAddresses.Derive("web1", "net1", 0));
        Assert.NotEqual(mac, MacAddresses.Derive("web1", "net0", 1));
    }

    [Fact]
    public void Derive_TenThousandVms_FewCollisions()
    {
        // 24 random bits: about n²/2/2²⁴ ≈ 3 collisions for 10,000; the claim per address catches each.
        var macs = Enumerable.Range(0, 10_000).Select(i => MacAddresses.Derive($"vm{i}", "net0", 0)).ToList();

        Assert.InRange(macs.Count - macs.Distinct(StringComparer.Ordinal).Count(), 0, 12);
    }
}
