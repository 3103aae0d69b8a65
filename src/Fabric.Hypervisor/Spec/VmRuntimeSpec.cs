namespace Fabric.Hypervisor;

/// <summary>
/// Everything a driver needs to run one VM on this host. Built by the agent from the
/// cluster's assignment; paths are already resolved and confined to storage pools.
/// </summary>
/// <param name="VmId">Stable VM identifier; also names the runtime directory (letters, digits, '-', '_').</param>
/// <param name="Name">Display name; any printable text (escaped for QEMU, never parsed as options).</param>
/// <param name="Epoch">Assignment epoch; a driver never acts on an older epoch than it holds.</param>
/// <param name="VCpus">Number of virtual CPUs.</param>
/// <param name="MemoryMiB">Guest memory in MiB.</param>
public sealed record VmRuntimeSpec(string VmId, string Name, long Epoch, int VCpus, int MemoryMiB)
{
    /// <summary>Paravirtual (virtio + guest agent) or Emulated (AHCI, e1000, no agent); Hyper-V's integration services.</summary>
    public DeviceProfile Profile { get; init; } = DeviceProfile.Paravirtual;

    /// <summary>Disks, in the order they are attached.</summary>
    public IReadOnlyList<VmDiskSpec> Disks { get; init; } = [];

    /// <summary>CD-ROM drives, each empty or holding an ISO.</summary>
    public IReadOnlyList<VmCdromSpec> CdRoms { get; init; } = [];

    /// <summary>Network adapters.</summary>
    public IReadOnlyList<VmNicSpec> Nics { get; init; } = [];

    /// <summary>How many of COM1–COM4 exist (0–4); each is a unix socket with a log file.</summary>
    public int SerialPorts { get; init; } = 1;

    /// <summary>Screen access; a display device is needed for screenshots.</summary>
    public VmDisplay Display { get; init; } = VmDisplay.UnixSocket;

    /// <summary>Boot a kernel directly instead of firmware boot from a device (tests use it).</summary>
    public DirectKernelBoot? DirectKernelBoot { get; init; }

    /// <summary>Device ids (disk, CD-ROM or NIC) in boot priority order.</summary>
    public IReadOnlyList<string> BootOrder { get; init; } = [];

    /// <summary>Empty PCIe root ports kept free for hotplug (q35's root bus cannot hotplug).</summary>
    public int HotplugSlots { get; init; } = 4;
}
