using Fabric.Contracts.Vms;

namespace Fabric.Grains.Hosts;

/// <summary>Whether two observations of a VM say the same thing (records compare lists by reference, so not with ==).</summary>
public static class ObservationComparer
{
    public static bool SameAs(VmObservation a, VmObservation b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return a.Epoch == b.Epoch && a.Status == b.Status && a.Detail == b.Detail && a.Host == b.Host && a.Error == b.Error
            && a.AppliedResetCount == b.AppliedResetCount && a.AppliedRestartCount == b.AppliedRestartCount
            && SameGuest(a.Guest, b.Guest)
            && a.DiskSizes.Count == b.DiskSizes.Count && a.DiskSizes.All(d => b.DiskSizes.TryGetValue(d.Key, out var size) && size == d.Value);
    }

    private static bool SameGuest(GuestInfo? a, GuestInfo? b) =>
        (a is null && b is null)
        || (a is not null && b is not null && a.OsName == b.OsName && a.OsVersion == b.OsVersion
            && a.KernelRelease == b.KernelRelease && a.IpAddresses.SequenceEqual(b.IpAddresses));
}
