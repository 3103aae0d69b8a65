namespace Fabric.Contracts.Tasks;

/// <summary>What <c>qemu-img info</c> says about an image.</summary>
[GenerateSerializer, Immutable, Alias("fabric.ImageFacts")]
public sealed record ImageFacts(
    [property: Id(0)] string Format,
    [property: Id(1)] long VirtualSizeBytes,
    [property: Id(2)] long AllocatedBytes,
    [property: Id(3)] IReadOnlyList<string> Snapshots);
