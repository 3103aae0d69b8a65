using Fabric.Contracts.Vms;
using Fabric.Grains.Inventory;
using Fabric.Grains.Vms;
using Fabric.Testing.Orleans;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Fabric.Grains.Tests.Inventory;

/// <summary>Data written by the first release (one VM catalog grain) read by the sharded index: a cluster of its own, so no shard is active yet.</summary>
public sealed class LegacyVmCatalogTests : IClassFixture<GrainClusterFixture>
{
    private readonly GrainClusterFixture _fixture;

    public LegacyVmCatalogTests(GrainClusterFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task List_AfterUpgrade_ListsTheOldCatalogsVmsAndKeepsTheirMacs()
    {
        var storage = _fixture.Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(GrainStorageNames.Default);
        var old = new NameIndexRecord { Names = new(StringComparer.Ordinal) { "old-a", "old-b", "old-c" } };
        old.Macs["52:54:00:aa:00:01"] = "old-a";
        old.Macs["52:54:00:aa:00:02"] = "old-c";
        await storage.WriteStateAsync("vms", GrainId.Create("vm-catalog", "all"), new GrainState<NameIndexRecord>(old));
        foreach (var name in old.Names)
        {
            // The VMs' own records, as the first release stored them: never created through this index.
            await storage.WriteStateAsync("vm", GrainId.Create("vm", name), new GrainState<VmRecord>(new VmRecord { CreatedAt = DateTimeOffset.UnixEpoch }));
        }

        var grains = _fixture.Cluster.Client;
        var listed = await grains.GetGrain<IVmListGrain>(0).List(null, 100);

        Assert.Equal(["old-a", "old-b", "old-c"], listed.Items.Select(v => v.Name));
        Assert.Equal("old-a", await grains.GetGrain<IMacAddressGrain>("52:54:00:aa:00:01").Holder());
        Assert.Equal("old-c", await grains.GetGrain<IMacAddressGrain>("52:54:00:aa:00:02").Holder());
    }
}
