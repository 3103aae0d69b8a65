using Fabric.Contracts.Vms;
using Fabric.Silo.Dashboard.Vms;

namespace Fabric.Dashboard.Tests.Vms;

public sealed class VmFilterTests
{
    private static readonly VmInfo Web = new()
    {
        Name = "web1",
        Hardware = new VmHardware { VCpus = 1, MemoryMiB = 512, Profile = DeviceProfile.Paravirtual },
        Desired = PowerState.Running,
        Observed = VmStatus.Running,
        Host = "node1",
        Guest = new GuestInfo("Linux", "6", "6.1", ["10.0.2.15"], DateTimeOffset.UnixEpoch),
    };

    [Theory]
    [InlineData("web", null, null, true)]
    [InlineData("10.0.2", null, null, true)]
    [InlineData("NODE1", null, null, true)]
    [InlineData("db", null, null, false)]
    [InlineData(null, VmStatus.Stopped, null, false)]
    [InlineData(null, VmStatus.Running, "node1", true)]
    [InlineData(null, null, "node2", false)]
    public void Matches_SearchStateAndHost(string? search, VmStatus? state, string? host, bool expected) =>
        Assert.Equal(expected, new VmFilter(search, state, host).Matches(Web));
}
