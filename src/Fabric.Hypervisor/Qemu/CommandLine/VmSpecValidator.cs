using System.Text.RegularExpressions;

namespace Fabric.Hypervisor.Qemu.CommandLine;

/// <summary>Refuses specs QEMU would reject late or misread, with messages that say what to change.</summary>
public static partial class VmSpecValidator
{
    /// <summary>AHCI ports on q35 (<c>ide.0</c>–<c>ide.5</c>), shared by SATA disks and CD-ROMs.</summary>
    public const int AhciPorts = 6;

    public static void Validate(VmRuntimeSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ValidateVmId(spec.VmId);
        Require(!string.IsNullOrWhiteSpace(spec.Name), $"VM '{spec.VmId}' has an empty name; give it a display name.");
        QemuOptionText.RefuseControlCharacters(spec.Name, $"VM '{spec.VmId}' name");
        Require(spec.VCpus is >= 1 and <= 255, $"VM '{spec.VmId}' asks for {spec.VCpus} vCPUs; use 1 to 255.");
        Require(spec.MemoryMiB >= 16, $"VM '{spec.VmId}' asks for {spec.MemoryMiB} MiB of memory; use at least 16 MiB.");
        Require(spec.SerialPorts is >= 0 and <= 4, $"VM '{spec.VmId}' asks for {spec.SerialPorts} serial ports; COM1–COM4 means 0 to 4.");
        Require(spec.HotplugSlots is >= 0 and <= 16, $"VM '{spec.VmId}' asks for {spec.HotplugSlots} hotplug slots; use 0 to 16.");

        var ids = spec.Disks.Select(d => d.Id).Concat(spec.CdRoms.Select(c => c.Id)).Concat(spec.Nics.Select(n => n.Id)).ToList();
        foreach (var id in ids)
        {
            QemuOptionText.DeviceId(id, $"VM '{spec.VmId}' device");
        }

        var duplicate = ids.GroupBy(i => i, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        Require(duplicate is null, $"VM '{spec.VmId}' uses device id '{duplicate?.Key}' twice; give every disk, CD-ROM and NIC its own id.");
        var unknownBoot = spec.BootOrder.FirstOrDefault(b => !ids.Contains(b, StringComparer.Ordinal));
        Require(unknownBoot is null, $"VM '{spec.VmId}' boot order names '{unknownBoot}', which is no disk, CD-ROM or NIC of this VM.");

        var ahci = spec.Disks.Count(d => DeviceRules.EffectiveBus(d, spec.Profile) == DiskBus.Sata) + spec.CdRoms.Count;
        Require(ahci <= AhciPorts, $"VM '{spec.VmId}' needs {ahci} AHCI ports for SATA disks and CD-ROMs; q35 has {AhciPorts}. Move disks to virtio.");
        var readOnlySata = spec.Disks.FirstOrDefault(d => d.ReadOnly && DeviceRules.EffectiveBus(d, spec.Profile) == DiskBus.Sata);
        Require(readOnlySata is null, $"Disk '{readOnlySata?.Id}' is read-only on SATA, which QEMU's ide-hd refuses; use virtio-blk or virtio-scsi, or make it writable.");
        foreach (var nic in spec.Nics)
        {
            Require(nic.MacAddress is null || MacPattern().IsMatch(nic.MacAddress),
                $"NIC '{nic.Id}' MAC address '{nic.MacAddress}' is not a unicast xx:xx:xx:xx:xx:xx address.");
            Require(nic.Bridge is null || BridgePattern().IsMatch(nic.Bridge),
                $"NIC '{nic.Id}' bridge '{nic.Bridge}' is not a Linux interface name (1–15 of letters, digits, '.', '-', '_').");
        }
    }

    public static void ValidateVmId(string vmId) =>
        Require(vmId is not null && VmIdPattern().IsMatch(vmId),
            $"VM id '{vmId}' is not valid; use 1–64 letters, digits, '-' or '_', starting with a letter or digit (it names a directory).");

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new HypervisorException(HypervisorErrorCode.InvalidSpec, message);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")]
    private static partial Regex VmIdPattern();

    [GeneratedRegex("^[0-9a-fA-F][02468aceACE](:[0-9a-fA-F]{2}){5}$")]
    private static partial Regex MacPattern();

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,15}$")]
    private static partial Regex BridgePattern();
}
