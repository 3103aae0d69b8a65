using Fabric.Contracts.Vms;

namespace Fabric.Contracts.Tasks;

/// <summary>How a <see cref="HostTask"/> ended: an error, or what it produced.</summary>
[GenerateSerializer, Immutable, Alias("fabric.HostTaskResult")]
public sealed record HostTaskResult
{
    [Id(0)] public required string Id { get; init; }

    /// <summary>Null on success; otherwise what went wrong and what to do, from the host.</summary>
    [Id(1)] public string? Error { get; init; }

    [Id(2)] public ImageFacts? Image { get; init; }

    [Id(3)] public GuestExecResult? Exec { get; init; }

    /// <summary>A screenshot, as PNG bytes.</summary>
    [Id(4)] public byte[]? Png { get; init; }
}
