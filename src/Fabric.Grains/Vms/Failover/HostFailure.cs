namespace Fabric.Grains.Vms.Failover;

/// <summary>A VM's host was declared dead while the VM was meant to run there.</summary>
/// <param name="Host">The dead host.</param>
/// <param name="DeclaredDeadAt">When the cluster declared it dead.</param>
/// <param name="DownSince">The last report of the VM running there, or the declaration when there is none.</param>
public sealed record HostFailure(string Host, DateTimeOffset DeclaredDeadAt, DateTimeOffset DownSince);
