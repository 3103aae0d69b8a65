using System.Collections.Concurrent;

namespace Fabric.Hypervisor.Simulated;

/// <summary>One simulated VM: its spec, run state and the devices plugged into it.</summary>
internal sealed class SimulatedVm
{
    private readonly Lock _gate = new();

    public SimulatedVm(VmRuntimeSpec spec, VmRuntimeStatus status)
    {
        Spec = spec;
        Status = status;
        foreach (var id in spec.Disks.Select(d => d.Id).Concat(spec.Nics.Select(n => n.Id)))
        {
            Devices[id] = "cold";
        }

        foreach (var cdrom in spec.CdRoms)
        {
            Devices[cdrom.Id] = cdrom.IsoPath ?? string.Empty;
        }

        if (spec.Disks.Any(d => d.Bus == DiskBus.VirtioScsi))
        {
            Devices["scsi0"] = "controller";
        }
    }

    public VmRuntimeSpec Spec { get; }

    public VmRuntimeStatus Status { get; private set; }

    /// <summary>Device id → what it holds (ISO path for CD-ROMs).</summary>
    public ConcurrentDictionary<string, string> Devices { get; } = new(StringComparer.Ordinal);

    public bool TryTransition(VmRunState from, VmRunState to)
    {
        lock (_gate)
        {
            if (Status.State != from)
            {
                return false;
            }

            Status = Status with { State = to, Detail = to.ToString().ToLowerInvariant() };
            return true;
        }
    }

    public void End(VmRunState state, VmExitReason reason, string detail)
    {
        lock (_gate)
        {
            Status = Status with { State = state, ExitReason = reason, Detail = detail };
        }
    }
}
