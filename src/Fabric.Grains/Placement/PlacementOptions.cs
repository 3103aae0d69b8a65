namespace Fabric.Grains.Placement;

/// <summary>The cluster's placement rules. Bound from <c>Fabric:Placement</c>; checked at start by <see cref="PlacementOptionsValidator"/>.</summary>
public sealed class PlacementOptions
{
    public const string Section = "Fabric:Placement";

    public const long DefaultHostReserveMiB = 512;

    /// <summary>Memory kept for each host itself, never given to VMs.</summary>
    public long HostReserveMiB { get; set; } = DefaultHostReserveMiB;

    /// <summary>
    /// Virtual CPUs a host may commit per physical CPU. Proxmox and vSphere set no limit at all; 16 (Nova's
    /// long-standing default) keeps that feel while stopping a runaway. 1 gives every vCPU a CPU of its own.
    /// </summary>
    public double CpuAllocationRatio { get; set; } = 16.0;

    /// <summary>Memory a host may commit per MiB it has (after <see cref="HostReserveMiB"/>). Above 1, guests can be swapped or OOM-killed when they all use what they were given.</summary>
    public double MemoryAllocationRatio { get; set; } = 1.0;

    /// <summary>Spread (default) or pack.</summary>
    public PlacementGoal Strategy { get; set; } = PlacementGoal.Spread;
}
