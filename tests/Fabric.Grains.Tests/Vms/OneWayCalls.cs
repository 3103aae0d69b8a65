using Fabric.Contracts.Validation;
using Fabric.Contracts.Vms;

namespace Fabric.Grains.Tests.Vms;

/// <summary>
/// Observations reach a VM grain one-way, so a test that expects one to be ignored cannot wait for
/// its effect. A grain handles calls that do not interleave one at a time, in arrival order: once
/// such a call returns, every observation sent before it has been handled.
/// </summary>
public static class OneWayCalls
{
    /// <summary>Returns once <paramref name="vm"/> has handled everything sent to it before; changes nothing (growing an unknown disk is refused).</summary>
    public static async Task SettleAsync(IVmGrain vm)
    {
        ArgumentNullException.ThrowIfNull(vm);
        var refused = await Assert.ThrowsAsync<FabricException>(() => vm.GrowDisk("no-such-disk", 1L << 30));
        Assert.Equal(FabricErrorKind.NotFound, refused.Kind);
    }
}
