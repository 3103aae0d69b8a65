namespace Fabric.HostAgent.Fencing;

/// <summary>A VM the host must kill when it loses its lease, with its QEMU process when the driver has one.</summary>
public sealed record HaVm(string Vm, FencedProcess? Process);
