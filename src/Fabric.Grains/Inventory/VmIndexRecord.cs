namespace Fabric.Grains.Inventory;

/// <summary>Stored state of one VM index shard: the names it holds. Summaries live in memory only.</summary>
public sealed class VmIndexRecord
{
    public SortedSet<string> Names { get; set; } = new(StringComparer.Ordinal);
}
