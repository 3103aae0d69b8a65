using Fabric.Contracts.Hosts;
using Contract = Fabric.Contracts.Vms;
using Driver = Fabric.Hypervisor;

namespace Fabric.HostAgent.Reconcile;

/// <summary>Turns the cluster's assignment into the driver's runtime spec: files resolved in pools, device ids fixed.</summary>
public sealed class AssignmentTranslator(PoolPaths paths)
{
    public const string CdromId = "cd0";

    /// <summary>
    /// The QEMU device id of a cluster disk: short and stable. QEMU caps node names at 31 characters
    /// and disk names may have 63, so the id is a hash of the name, not the name.
    /// </summary>
    public static string DiskId(string disk) =>
        "d" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(disk)))[..10];

    public Driver.VmRuntimeSpec Translate(VmAssignment assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        var hw = assignment.Hardware;
        var disks = assignment.Disks.Select(d => new Driver.VmDiskSpec(DiskId(d.Name), paths.Resolve(d.Image), Driver.DiskFormatNames.Parse(d.Format))
        {
            Bus = Bus(d.Bus),
        }).ToList();
        var nics = hw.Nics.Select(n => new Driver.VmNicSpec(n.Id)
        {
            Model = n.Model switch { Contract.NicModel.Virtio => Driver.NicModel.VirtioNet, Contract.NicModel.E1000 => Driver.NicModel.E1000, _ => Driver.NicModel.Default },
            MacAddress = n.Mac,
            Bridge = n.Network == "user" ? null : n.Network,
        }).ToList();
        var boot = hw.BootOrder.Select(device => device switch
        {
            "cdrom" => CdromId,
            "disk" => disks.FirstOrDefault()?.Id,
            "network" => nics.FirstOrDefault()?.Id,
            _ => null,
        }).OfType<string>().ToList();

        return new Driver.VmRuntimeSpec(assignment.Vm, assignment.Vm, assignment.Epoch, hw.VCpus, hw.MemoryMiB)
        {
            Profile = hw.Profile == Contract.DeviceProfile.Emulated ? Driver.DeviceProfile.Emulated : Driver.DeviceProfile.Paravirtual,
            Disks = disks,
            CdRoms = [new Driver.VmCdromSpec(CdromId, assignment.Iso is null ? null : paths.Resolve(assignment.Iso))],
            Nics = nics,
            SerialPorts = hw.SerialPorts,
            BootOrder = boot,
        };
    }

    public static Driver.DiskBus Bus(Contract.DiskBus bus) => bus switch
    {
        Contract.DiskBus.Virtio => Driver.DiskBus.VirtioBlk,
        Contract.DiskBus.Scsi => Driver.DiskBus.VirtioScsi,
        Contract.DiskBus.Ide => Driver.DiskBus.Sata,
        _ => Driver.DiskBus.Default,
    };
}
