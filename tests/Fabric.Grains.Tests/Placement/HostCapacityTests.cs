using Fabric.Contracts.Hosts;
using Fabric.Grains.Placement;
using Fabric.Testing.Orleans;

namespace Fabric.Grains.Tests.Placement;

public sealed class HostCapacityTests
{
    private static readonly HostCapabilities EightGiBFourCpus = SampleHosts.Capabilities() with { MemoryBytes = 8L << 30, CpuCount = 4 };

    [Fact]
    public void UsableMemory_PhysicalLessTheReserveTimesTheRatio()
    {
        Assert.Equal(8192 - 512, HostCapacity.UsableMemoryMiB(EightGiBFourCpus, new PlacementOptions()));
        Assert.Equal((8192 - 1024) * 3 / 2, HostCapacity.UsableMemoryMiB(EightGiBFourCpus, new PlacementOptions { HostReserveMiB = 1024, MemoryAllocationRatio = 1.5 }));
    }

    [Fact]
    public void UsableMemory_ReserveLargerThanTheHost_IsNothingNotNegative() =>
        Assert.Equal(0, HostCapacity.UsableMemoryMiB(EightGiBFourCpus, new PlacementOptions { HostReserveMiB = 16384 }));

    [Fact]
    public void UsableVCpus_CpusTimesTheRatio()
    {
        Assert.Equal(64, HostCapacity.UsableVCpus(EightGiBFourCpus, new PlacementOptions()));
        Assert.Equal(4, HostCapacity.UsableVCpus(EightGiBFourCpus, new PlacementOptions { CpuAllocationRatio = 1 }));
    }

    [Fact]
    public void Free_HostWithoutCapabilities_HasNothing()
    {
        var host = new HostInfo { Name = "new", State = HostState.Ready };

        Assert.Equal((0, 0), (HostCapacity.FreeMemoryMiB(host, new PlacementOptions()), HostCapacity.FreeVCpus(host, new PlacementOptions())));
    }
}
