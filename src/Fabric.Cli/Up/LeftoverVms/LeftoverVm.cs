namespace Fabric.Cli.Up.LeftoverVms;

/// <summary>A VM's QEMU process still running on <paramref name="Host"/> after the agents stopped (QEMU daemonizes, so it outlives them by design).</summary>
internal sealed record LeftoverVm(string Name, string Host, int Pid);
