namespace Fabric.Contracts.Vms;

/// <summary>
/// One change to a VM's hardware after creation. Which changes need the VM stopped follows
/// Hyper-V: memory, vCPUs and the profile only when stopped; NICs, COM ports, ISOs, SCSI
/// controllers and disks also while running.
/// </summary>
[GenerateSerializer, Immutable, Alias("fabric.HardwareChange")]
public sealed record HardwareChange
{
    [Id(0)] public int? VCpus { get; init; }

    [Id(1)] public int? MemoryMiB { get; init; }

    [Id(2)] public DeviceProfile? Profile { get; init; }

    [Id(3)] public CreateVmNic? AddNic { get; init; }

    /// <summary>Id of a NIC to remove, e.g. <c>net1</c>.</summary>
    [Id(4)] public string? RemoveNic { get; init; }

    [Id(5)] public bool AddSerialPort { get; init; }

    /// <summary>Insert this image-library ISO; with <see cref="EjectIso"/> false and this null, the drive is untouched.</summary>
    [Id(6)] public string? InsertIso { get; init; }

    [Id(7)] public bool EjectIso { get; init; }

    [Id(8)] public bool AddScsiController { get; init; }
}
