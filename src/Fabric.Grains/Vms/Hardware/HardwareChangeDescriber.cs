using Fabric.Contracts.Vms;

namespace Fabric.Grains.Vms.Hardware;

/// <summary>Says in words what a hardware change did, for the VM's event trail.</summary>
public static class HardwareChangeDescriber
{
    public static string Describe(HardwareChange change, VmHardware after, bool stopped)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(after);
        var parts = new List<string>();
        if (change.VCpus is { } c) parts.Add($"vCPUs → {c}");
        if (change.MemoryMiB is { } m) parts.Add($"memory → {m} MiB");
        if (change.Profile is { } p) parts.Add($"profile → {p}");
        if (change.AddNic is not null) parts.Add($"NIC {after.Nics[^1].Id} added ({after.Nics[^1].Mac})");
        if (change.RemoveNic is { } r) parts.Add($"NIC {r} removed");
        if (change.AddSerialPort) parts.Add($"COM{after.SerialPorts} added{(stopped ? "" : " (appears at the next start)")}");
        if (change.InsertIso is { } iso) parts.Add($"ISO {iso} inserted");
        else if (change.EjectIso) parts.Add("ISO ejected");
        if (change.AddScsiController) parts.Add($"SCSI controller {after.ScsiControllers} added");
        return parts.Count == 0 ? "hardware unchanged" : $"hardware: {string.Join(", ", parts)}";
    }
}
