namespace Fabric.Hypervisor.Qemu.Lifecycle;

/// <summary>Why a VM's process ended, as recorded in its runtime directory.</summary>
public sealed record VmExitRecord(VmExitReason Reason, string Detail, DateTimeOffset At);
