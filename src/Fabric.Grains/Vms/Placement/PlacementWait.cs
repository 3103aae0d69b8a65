namespace Fabric.Grains.Vms.Placement;

/// <summary>
/// A VM that should run but that no host can take yet: since when, and why, host by host. Stored with
/// the VM, so a new activation keeps trying; cleared once a host takes it or it is no longer wanted running.
/// </summary>
public sealed record PlacementWait(DateTimeOffset Since, string Reason);
