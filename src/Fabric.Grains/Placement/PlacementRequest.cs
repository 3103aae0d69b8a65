namespace Fabric.Grains.Placement;

/// <summary>What is being placed: a VM's size and the storage pools its disks and ISO live in, or a disk task (no size).</summary>
public sealed record PlacementRequest(int VCpus, long MemoryMiB, IReadOnlyCollection<string> Pools)
{
    /// <summary>A disk image task: any Ready host that sees <paramref name="pool"/>.</summary>
    public static PlacementRequest ForTask(string? pool) => new(0, 0, pool is null ? [] : [pool]);
}
