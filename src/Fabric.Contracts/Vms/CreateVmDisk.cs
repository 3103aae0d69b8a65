namespace Fabric.Contracts.Vms;

/// <summary>
/// One disk of a new VM: exactly one of a new disk (<see cref="SizeBytes"/>), an existing cluster
/// disk (<see cref="Existing"/>) or an image to import (<see cref="Import"/>, e.g. a Hyper-V VHDX).
/// </summary>
[GenerateSerializer, Immutable, Alias("fabric.CreateVmDisk")]
public sealed record CreateVmDisk
{
    [Id(0)] public long? SizeBytes { get; init; }

    /// <summary><c>qcow2</c> (default), <c>raw</c>, <c>vhdx</c> or <c>vhd</c>.</summary>
    [Id(1)] public string? Format { get; init; }

    /// <summary>Storage pool; the first pool of a Ready host when null.</summary>
    [Id(2)] public string? Pool { get; init; }

    [Id(3)] public string? Existing { get; init; }

    /// <summary>Image-library name of a disk image to copy in.</summary>
    [Id(4)] public string? Import { get; init; }

    [Id(5)] public DiskBus Bus { get; init; } = DiskBus.Default;
}
