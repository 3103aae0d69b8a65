namespace Fabric.Grains.Inventory;

/// <summary>Stored index of registered host names.</summary>
public sealed class HostInventoryRecord
{
    public SortedSet<string> HostNames { get; set; } = new(StringComparer.Ordinal);
}
