using System.Security.Cryptography;
using System.Text;

namespace Fabric.Hypervisor.Qemu.CommandLine;

/// <summary>Profile defaults and naming conventions shared by the command line and hotplug.</summary>
public static class DeviceRules
{
    public static DiskBus EffectiveBus(VmDiskSpec disk, DeviceProfile profile) => disk.Bus switch
    {
        DiskBus.Default => profile == DeviceProfile.Paravirtual ? DiskBus.VirtioBlk : DiskBus.Sata,
        var bus => bus,
    };

    public static NicModel EffectiveModel(VmNicSpec nic, DeviceProfile profile) => nic.Model switch
    {
        NicModel.Default => profile == DeviceProfile.Paravirtual ? NicModel.VirtioNet : NicModel.E1000,
        var model => model,
    };

    /// <summary>Format node of a disk or CD-ROM; <c>block_resize</c> and <c>device_add</c> name it.</summary>
    public static string FormatNode(string deviceId) => $"drive-{deviceId}";

    /// <summary>Protocol (file) node under the format node.</summary>
    public static string FileNode(string deviceId) => $"file-{deviceId}";

    public static string NetdevId(string nicId) => $"netdev-{nicId}";

    public static string HotplugPort(int index) => $"hotplug{index}";

    /// <summary>The single virtio-scsi controller the command line creates for scsi disks.</summary>
    public const string ScsiController = "scsi0";

    /// <summary>A stable locally administered MAC (QEMU's 52:54:00 prefix) so a VM keeps its address across restarts.</summary>
    public static string MacAddress(string vmId, VmNicSpec nic)
    {
        if (nic.MacAddress is not null)
        {
            return nic.MacAddress.ToLowerInvariant();
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{vmId}/{nic.Id}"));
        return $"52:54:00:{hash[0]:x2}:{hash[1]:x2}:{hash[2]:x2}";
    }
}
