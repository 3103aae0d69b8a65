namespace Fabric.Grains.Inventory;

/// <summary>Stored set of entity names, for the catalog grains.</summary>
public sealed class NameIndexRecord
{
    public SortedSet<string> Names { get; set; } = new(StringComparer.Ordinal);

    /// <summary>MAC address → VM name (used by the VM catalog only).</summary>
    public Dictionary<string, string> Macs { get; set; } = new(StringComparer.Ordinal);
}
