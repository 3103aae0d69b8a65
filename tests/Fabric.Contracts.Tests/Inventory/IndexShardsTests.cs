using Fabric.Contracts.Inventory;

namespace Fabric.Contracts.Tests.Inventory;

public sealed class IndexShardsTests
{
    [Fact]
    public void For_KnownName_IsStableAcrossProcesses() =>
        // FNV-1a of "web1" mod 16; a change here moves stored names between shards.
        Assert.Equal(IndexShards.For("web1"), (int)(Fnv("web1") % IndexShards.Count));

    [Fact]
    public void For_ManyNames_SpreadOverEveryShard()
    {
        var counts = Enumerable.Range(0, 16_000).GroupBy(i => IndexShards.For($"vm-{i}")).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(IndexShards.Count, counts.Count);
        Assert.All(counts.Values, c => Assert.InRange(c, 800, 1200));
    }

    private static uint Fnv(string s)
    {
        var hash = 2166136261u;
        foreach (var c in s)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}
