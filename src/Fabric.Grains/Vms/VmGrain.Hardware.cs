using Fabric.Contracts.Images;
using Fabric.Contracts.Validation;
using Fabric.Contracts.Vms;

namespace Fabric.Grains.Vms;

/// <summary>
/// Hardware changes after creation. Memory, vCPUs and the device profile need the VM stopped (as
/// in Hyper-V); NICs, ISOs and SCSI controllers are hot-plugged by the host when it runs; a new COM
/// port appears at the next start, because QEMU cannot hot-plug serial ports.
/// </summary>
public sealed partial class VmGrain
{
    public async Task<VmInfo> ChangeHardware(HardwareChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        ThrowIfMissing();
        var hw = Record.Hardware;
        var stopped = Record.Desired == PowerState.Stopped && Describe(null).Observed is VmStatus.Stopped or VmStatus.Crashed;
        var problems = new List<ValidationProblem>();
        void Check(string field, string? problem)
        {
            if (problem is not null)
            {
                problems.Add(new ValidationProblem(field, problem));
            }
        }

        if ((change.VCpus is not null || change.MemoryMiB is not null || change.Profile is not null) && !stopped)
        {
            throw FabricException.Conflict("vm", $"VM '{Name}' must be stopped to change vCPUs, memory or the device profile; shut it down first");
        }

        Check("vCpus", change.VCpus is { } c ? HardwareRules.ValidateVCpus(c) : null);
        Check("memoryMiB", change.MemoryMiB is { } m ? HardwareRules.ValidateMemory(m) : null);
        var profile = change.Profile ?? hw.Profile;
        if (profile == DeviceProfile.Emulated)
        {
            Check("profile", hw.Disks.Any(d => d.Bus is DiskBus.Virtio or DiskBus.Scsi) ? "disks on virtio or SCSI need the paravirtual profile; move them to the default bus first" : null);
            Check("profile", hw.Nics.Any(n => n.Model == NicModel.Virtio) ? "virtio NICs need the paravirtual profile" : null);
        }

        var nics = hw.Nics.ToList();
        if (change.RemoveNic is { } remove && nics.RemoveAll(n => n.Id == remove) == 0)
        {
            Check("removeNic", $"VM '{Name}' has no NIC '{remove}' (it has {string.Join(", ", hw.Nics.Select(n => n.Id))})");
        }

        if (change.AddNic is { } add)
        {
            Check("addNic.network", HardwareRules.ValidateNetwork(add.Network));
            Check("addNic.mac", add.Mac is { } mac ? MacAddresses.Validate(mac) : null);
            Check("addNic", nics.Count >= Limits.MaxNics ? $"VM '{Name}' already has {Limits.MaxNics} NICs" : null);
            Check("addNic.model", profile == DeviceProfile.Emulated && add.Model == NicModel.Virtio ? "a virtio NIC needs the paravirtual profile" : null);
        }

        Check("addSerialPort", change.AddSerialPort && hw.SerialPorts >= Limits.MaxSerialPorts ? $"VM '{Name}' already has COM1–COM{Limits.MaxSerialPorts}" : null);
        Check("addScsiController", change.AddScsiController && hw.ScsiControllers >= Limits.MaxScsiControllers ? $"VM '{Name}' already has {Limits.MaxScsiControllers} SCSI controllers" : null);
        Check("addScsiController", change.AddScsiController && profile == DeviceProfile.Emulated ? "SCSI controllers are virtio-scsi and need the paravirtual profile" : null);
        Check("insertIso", change.InsertIso is { } iso ? ResourceNames.ValidateImageName(iso) : null);
        if (problems.Count > 0)
        {
            throw new FabricException(FabricErrorKind.Invalid, problems);
        }

        if (change.AddNic is { } added)
        {
            nics.Add(await ReserveNicAsync(added, nics));
        }

        var isoName = await SwapIsoAsync(hw.Iso, change);
        var before = hw;
        Record.Hardware = hw with
        {
            VCpus = change.VCpus ?? hw.VCpus,
            MemoryMiB = change.MemoryMiB ?? hw.MemoryMiB,
            Profile = profile,
            Nics = nics,
            Iso = isoName,
            SerialPorts = hw.SerialPorts + (change.AddSerialPort ? 1 : 0),
            ScsiControllers = hw.ScsiControllers + (change.AddScsiController ? 1 : 0),
        };
        await CommitHardwareAsync(before, HardwareChangeDescriber.Describe(change, Record.Hardware, stopped));
        if (change.RemoveNic is not null)
        {
            await GrainFactory.GetGrain<IVmCatalogGrain>(IVmCatalogGrain.Key).ReleaseMacs(Name, [.. nics.Select(n => n.Mac)]);
        }

        return Describe(null);
    }

    /// <summary>Saves new hardware and pushes it to the host; if the host refuses, puts the old hardware back.</summary>
    private async Task CommitHardwareAsync(VmHardware before, string message)
    {
        try
        {
            await PushAssignmentAsync();
        }
        catch
        {
            Record.Hardware = before;
            throw;
        }

        AddEvent(message);
        await state.WriteStateAsync();
    }

    private async Task<VmNic> ReserveNicAsync(CreateVmNic nic, List<VmNic> existing)
    {
        var id = Enumerable.Range(0, Limits.MaxNics + 1).Select(i => $"net{i}").First(i => existing.All(n => n.Id != i));
        var mac = MacAddresses.Normalize(nic.Mac ?? MacAddresses.Generate());
        var taken = await GrainFactory.GetGrain<IVmCatalogGrain>(IVmCatalogGrain.Key).ReserveMacs(Name, [.. existing.Select(n => n.Mac), mac]);
        return taken.Count > 0
            ? throw FabricException.Conflict("addNic.mac", $"MAC address {string.Join(", ", taken)} already belongs to another VM")
            : new VmNic(id, nic.Network, nic.Model, mac);
    }

    private async Task<string?> SwapIsoAsync(string? current, HardwareChange change)
    {
        var library = GrainFactory.GetGrain<IImageLibraryGrain>(IImageLibraryGrain.Key);
        if (change.InsertIso is { } iso)
        {
            var image = await library.Get(iso);
            if (image?.Kind != ImageKind.Iso)
            {
                throw FabricException.Invalid("insertIso", image is null ? $"no image named '{iso}'" : $"image '{iso}' is not an ISO");
            }

            await library.Use(iso, Name);
        }

        if ((change.InsertIso is not null || change.EjectIso) && current is not null && current != change.InsertIso)
        {
            await library.Release(current, Name);
        }

        return change.InsertIso ?? (change.EjectIso ? null : current);
    }
}
