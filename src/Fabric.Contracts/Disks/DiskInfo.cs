namespace Fabric.Contracts.Disks;

/// <summary>A virtual disk in a storage pool, as clients see it.</summary>
[GenerateSerializer, Immutable, Alias("fabric.DiskInfo")]
public sealed record DiskInfo
{
    [Id(0)] public required string Name { get; init; }

    [Id(1)] public required string Pool { get; init; }

    /// <summary><c>qcow2</c>, <c>raw</c>, <c>vhdx</c> or <c>vpc</c>.</summary>
    [Id(2)] public required string Format { get; init; }

    /// <summary>Path of the image relative to its pool's folder.</summary>
    [Id(3)] public required string Path { get; init; }

    /// <summary>Size the guest sees.</summary>
    [Id(4)] public long VirtualSizeBytes { get; init; }

    /// <summary>Space the image takes in the pool.</summary>
    [Id(5)] public long AllocatedBytes { get; init; }

    /// <summary>The VM it is attached to, or null.</summary>
    [Id(6)] public string? AttachedTo { get; init; }

    [Id(7)] public IReadOnlyList<string> Snapshots { get; init; } = [];

    /// <summary>The template disk this is a linked clone of, or null.</summary>
    [Id(8)] public string? BackingDisk { get; init; }

    [Id(9)] public DateTimeOffset CreatedAt { get; init; }
}
