namespace Fabric.Contracts.Disks;

/// <summary>
/// A new disk: empty of <see cref="SizeBytes"/>, imported from an image-library disk image
/// (<see cref="FromImage"/>, e.g. a Hyper-V VHDX export), or a linked clone of a template disk
/// (<see cref="CloneOf"/>). Exactly one source.
/// </summary>
[GenerateSerializer, Immutable, Alias("fabric.CreateDiskRequest")]
public sealed record CreateDiskRequest
{
    [Id(0)] public string Name { get; init; } = "";

    [Id(1)] public long? SizeBytes { get; init; }

    /// <summary><c>qcow2</c> (default), <c>raw</c>, <c>vhdx</c> or <c>vhd</c>.</summary>
    [Id(2)] public string? Format { get; init; }

    /// <summary>Storage pool; the first pool of a Ready host when null.</summary>
    [Id(3)] public string? Pool { get; init; }

    [Id(4)] public string? FromImage { get; init; }

    [Id(5)] public string? CloneOf { get; init; }
}
