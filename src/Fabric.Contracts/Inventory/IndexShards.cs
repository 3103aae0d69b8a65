namespace Fabric.Contracts.Inventory;

/// <summary>
/// Which shard of an index grain holds a name. A stable hash (FNV-1a over the name's characters),
/// never <see cref="string.GetHashCode()"/>, which changes from process to process. Changing
/// <see cref="Count"/> moves names between shards: it is part of the stored format.
/// </summary>
public static class IndexShards
{
    public const int Count = 16;

    public static int For(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var hash = 2166136261u;
        foreach (var c in name)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % Count);
    }
}
