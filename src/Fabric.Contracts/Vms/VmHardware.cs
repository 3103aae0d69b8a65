namespace Fabric.Contracts.Vms;

/// <summary>A VM's virtual hardware: the desired configuration the host agent makes real.</summary>
[GenerateSerializer, Immutable, Alias("fabric.VmHardware")]
public sealed record VmHardware
{
    [Id(0)] public required int VCpus { get; init; }

    [Id(1)] public required int MemoryMiB { get; init; }

    [Id(2)] public required DeviceProfile Profile { get; init; }

    [Id(3)] public IReadOnlyList<VmDiskAttachment> Disks { get; init; } = [];

    [Id(4)] public IReadOnlyList<VmNic> Nics { get; init; } = [];

    /// <summary>Image-library name of the ISO in the CD-ROM drive, or null for an empty drive.</summary>
    [Id(5)] public string? Iso { get; init; }

    /// <summary>Boot devices in order: <c>cdrom</c>, <c>disk</c>, <c>network</c>.</summary>
    [Id(6)] public IReadOnlyList<string> BootOrder { get; init; } = ["disk", "cdrom"];

    /// <summary>COM ports (COM1–COM4); COM1 is the serial console.</summary>
    [Id(7)] public int SerialPorts { get; init; } = 1;

    /// <summary>virtio-scsi controllers added to the VM (Hyper-V's "add SCSI controller").</summary>
    [Id(8)] public int ScsiControllers { get; init; }
}
