using Fabric.Contracts.Disks;
using Fabric.Contracts.Validation;
using Fabric.Contracts.Vms;

namespace Fabric.Grains.Vms.Hardware;

/// <summary>
/// Decides what a hardware change does to a VM's hardware, given the hardware it has and whether it
/// is stopped, or refuses it with every reason at once. Memory, vCPUs and the device profile need the
/// VM stopped (as in Hyper-V); NICs, ISOs, SCSI controllers and disks change while it runs. The
/// request's own rules are <see cref="HardwareChangeValidator"/>'s; these are the ones that need the VM.
/// </summary>
public static class HardwarePlanner
{
    /// <summary>
    /// The hardware after <paramref name="change"/>, except the NIC to add (its MAC is reserved by the
    /// grain, see <see cref="NextNicId"/>) and the ISO (the image library decides).
    /// </summary>
    public static VmHardware PlanChange(string vm, VmHardware hardware, bool stopped, HardwareChange change)
    {
        ArgumentNullException.ThrowIfNull(hardware);
        ArgumentNullException.ThrowIfNull(change);
        if ((change.VCpus is not null || change.MemoryMiB is not null || change.Profile is not null) && !stopped)
        {
            throw FabricException.Conflict("vm", $"VM '{vm}' must be stopped to change vCPUs, memory or the device profile; shut it down first");
        }

        var problems = new ProblemCollector();
        problems.AddRange(HardwareChangeValidator.Validate(change));
        var profile = change.Profile ?? hardware.Profile;
        if (profile == DeviceProfile.Emulated)
        {
            problems.Check("profile", hardware.Disks.Any(d => d.Bus is DiskBus.Virtio or DiskBus.Scsi) ? "disks on virtio or SCSI need the paravirtual profile; move them to the default bus first" : null);
            problems.Check("profile", hardware.Nics.Any(n => n.Model == NicModel.Virtio) ? "virtio NICs need the paravirtual profile" : null);
        }

        var nics = hardware.Nics.ToList();
        if (change.RemoveNic is { } remove && nics.RemoveAll(n => n.Id == remove) == 0)
        {
            problems.Check("removeNic", $"VM '{vm}' has no NIC '{remove}' (it has {(hardware.Nics.Count == 0 ? "none" : string.Join(", ", hardware.Nics.Select(n => n.Id)))})");
        }

        if (change.AddNic is { } add)
        {
            problems.Check("addNic", nics.Count >= Limits.MaxNics ? $"VM '{vm}' already has {Limits.MaxNics} NICs" : null);
            problems.Check("addNic.model", profile == DeviceProfile.Emulated && add.Model == NicModel.Virtio ? "a virtio NIC needs the paravirtual profile" : null);
            problems.Check("addNic.mac", add.Mac is { } mac && nics.Any(n => n.Mac == MacAddresses.Normalize(mac)) ? $"VM '{vm}' already has a NIC with MAC {mac}" : null);
        }

        problems.Check("addSerialPort", change.AddSerialPort && hardware.SerialPorts >= Limits.MaxSerialPorts ? $"VM '{vm}' already has COM1–COM{Limits.MaxSerialPorts}" : null);
        problems.Check("addScsiController", change.AddScsiController && hardware.ScsiControllers >= Limits.MaxScsiControllers ? $"VM '{vm}' already has {Limits.MaxScsiControllers} SCSI controllers" : null);
        problems.Check("addScsiController", change.AddScsiController && profile == DeviceProfile.Emulated ? "SCSI controllers are virtio-scsi and need the paravirtual profile" : null);
        problems.ThrowIfAny();
        return hardware with
        {
            VCpus = change.VCpus ?? hardware.VCpus,
            MemoryMiB = change.MemoryMiB ?? hardware.MemoryMiB,
            Profile = profile,
            Nics = nics,
            SerialPorts = hardware.SerialPorts + (change.AddSerialPort ? 1 : 0),
            ScsiControllers = hardware.ScsiControllers + (change.AddScsiController ? 1 : 0),
        };
    }

    /// <summary>The lowest free NIC id (<c>net0</c>, <c>net1</c>, …).</summary>
    public static string NextNicId(IReadOnlyList<VmNic> nics) =>
        Enumerable.Range(0, Limits.MaxNics + 1).Select(i => $"net{i}").First(id => nics.All(n => n.Id != id));

    /// <summary>The hardware with <paramref name="disk"/> attached on <paramref name="bus"/> (a first SCSI disk brings a controller).</summary>
    public static VmHardware PlanAttach(string vm, VmHardware hardware, string disk, DiskBus bus)
    {
        ArgumentNullException.ThrowIfNull(hardware);
        if (EnumValues.Validate(bus, "disk bus") is { } unknown)
        {
            throw FabricException.Invalid("bus", unknown);
        }

        if (hardware.Profile == DeviceProfile.Emulated && bus is DiskBus.Virtio or DiskBus.Scsi)
        {
            throw FabricException.Invalid("bus", $"VM '{vm}' uses the emulated profile; {bus} disks need the paravirtual profile");
        }

        if (hardware.Disks.Any(d => d.Disk == disk))
        {
            throw FabricException.Conflict("disk", $"disk '{disk}' is already attached to VM '{vm}'");
        }

        if (hardware.Disks.Count >= Limits.MaxDisks)
        {
            throw FabricException.Conflict("disk", $"VM '{vm}' already has {Limits.MaxDisks} disks");
        }

        return hardware with
        {
            Disks = [.. hardware.Disks, new VmDiskAttachment(disk, bus)],
            ScsiControllers = bus == DiskBus.Scsi && hardware.ScsiControllers == 0 ? 1 : hardware.ScsiControllers,
        };
    }

    /// <summary>The hardware without <paramref name="disk"/>.</summary>
    public static VmHardware PlanDetach(string vm, VmHardware hardware, string disk)
    {
        ArgumentNullException.ThrowIfNull(hardware);
        return hardware.Disks.Any(d => d.Disk == disk)
            ? hardware with { Disks = [.. hardware.Disks.Where(d => d.Disk != disk)] }
            : throw FabricException.NotFound("disk", disk, $"VM '{vm}' has {(hardware.Disks.Count == 0 ? "no disks" : string.Join(", ", hardware.Disks.Select(d => d.Disk)))}");
    }

    /// <summary>Refuses an online grow that would shrink the disk, leave it as it is, or exceed the size limit.</summary>
    public static void CheckOnlineGrow(string disk, long currentBytes, long wantedBytes)
    {
        if (wantedBytes < currentBytes)
        {
            throw FabricException.Invalid("sizeBytes", $"{Sizes.Describe(wantedBytes)} is smaller than the disk's {Sizes.Describe(currentBytes)}: Fabric never shrinks disks");
        }

        if (DiskRules.ValidateSize(wantedBytes) is { } problem)
        {
            throw FabricException.Invalid("sizeBytes", problem);
        }

        if (wantedBytes == currentBytes)
        {
            throw FabricException.Invalid("sizeBytes", $"disk {disk} is already {Sizes.Describe(currentBytes)}");
        }
    }
}
