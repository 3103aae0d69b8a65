namespace Fabric.HostAgent.Fencing;

/// <summary>An HA VM's QEMU process, named for good by pid and start time (see <see cref="ProcessStartTime"/>).</summary>
public sealed record FencedProcess(string Vm, int Pid, long StartTime);
