namespace Fabric.Contracts.Images;

/// <summary>An ISO or disk image in the image library.</summary>
[GenerateSerializer, Immutable, Alias("fabric.ImageInfo")]
public sealed record ImageInfo
{
    [Id(0)] public required string Name { get; init; }

    [Id(1)] public required ImageKind Kind { get; init; }

    [Id(2)] public required string Pool { get; init; }

    /// <summary>Path relative to the pool's folder.</summary>
    [Id(3)] public required string Path { get; init; }

    /// <summary><c>raw</c> for ISOs; the disk format otherwise.</summary>
    [Id(4)] public required string Format { get; init; }

    [Id(5)] public long SizeBytes { get; init; }

    [Id(6)] public DateTimeOffset AddedAt { get; init; }

    /// <summary>VMs using the image (as their ISO); it cannot be deleted while any does.</summary>
    [Id(7)] public IReadOnlyList<string> UsedBy { get; init; } = [];
}
