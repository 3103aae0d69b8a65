using Fabric.Contracts.Disks;
using Fabric.Contracts.Validation;
using Fabric.Grains.Tests.Vms;
using Fabric.Testing.Orleans;

namespace Fabric.Grains.Tests.Disks;

/// <summary>
/// A linked clone reads its unchanged blocks from its base image, so the base must not be deleted,
/// converted or reverted while the clone exists: each is refused, says which clone is in the way,
/// and leaves both disks as they were without handing a host any work.
/// </summary>
[Collection(VmClusterCollection.Name)]
public sealed class LinkedCloneBaseTests(GrainClusterFixture fixture)
{
    private readonly VmTestContext _ctx = new(fixture);
    private int _tasksBefore;

    [Fact]
    public async Task Delete_BaseOfALinkedClone_IsRefusedNamingTheCloneAndBothDisksStay()
    {
        var (disk, clone) = await BaseWithCloneAsync("lcb-delete");

        await RefusedAsync(Disk("lcb-delete").Delete(), "cannot delete disk 'lcb-delete': linked clone(s) lcb-delete-clone are based on it");

        await AssertUnchangedAsync(disk, clone);
    }

    [Fact]
    public async Task Convert_BaseOfALinkedClone_IsRefusedNamingTheCloneAndBothDisksStay()
    {
        var (disk, clone) = await BaseWithCloneAsync("lcb-convert");

        await RefusedAsync(Disk("lcb-convert").Convert("raw"), "cannot convert disk 'lcb-convert': linked clone(s) lcb-convert-clone are based on it");

        await AssertUnchangedAsync(disk, clone);
    }

    [Fact]
    public async Task SnapshotRevert_BaseOfALinkedClone_IsRefusedNamingTheCloneAndBothDisksStay()
    {
        var (disk, clone) = await BaseWithCloneAsync("lcb-revert", snapshot: "golden");
        Assert.Equal(["golden"], disk.Snapshots);

        await RefusedAsync(Disk("lcb-revert").Snapshot(SnapshotAction.Revert, "golden"), "cannot revert disk 'lcb-revert': linked clone(s) lcb-revert-clone are based on it");

        await AssertUnchangedAsync(disk, clone);
    }

    private IDiskGrain Disk(string name) => _ctx.Grains.GetGrain<IDiskGrain>(name);

    /// <summary>Makes a base disk (with a snapshot if asked) and a linked clone of it; returns both as they are then.</summary>
    private async Task<(DiskInfo Base, DiskInfo Clone)> BaseWithCloneAsync(string name, string? snapshot = null)
    {
        await _ctx.Agent.BeatAsync();
        await _ctx.Agent.DriveAsync(Disk(name).Create(new CreateDiskRequest { Name = name, SizeBytes = 64L << 20 }));
        if (snapshot is not null)
        {
            await _ctx.Agent.DriveAsync(Disk(name).Snapshot(SnapshotAction.Create, snapshot));
        }

        var clone = await _ctx.Agent.DriveAsync(Disk($"{name}-clone").Create(new CreateDiskRequest { Name = $"{name}-clone", CloneOf = name }));
        Assert.Equal(name, clone.BackingDisk);
        _tasksBefore = _ctx.Agent.Seen.Count;
        return ((await Disk(name).Get())!, clone);
    }

    private async Task RefusedAsync(Task change, string reason)
    {
        // Driven like any disk change, so a change that is wrongly let through gets its host task done and returns.
        var refused = await Assert.ThrowsAsync<FabricException>(() => _ctx.Agent.DriveAsync(change));

        Assert.Equal(FabricErrorKind.Conflict, refused.Kind);
        var problem = Assert.Single(refused.Problems);
        Assert.Equal("disk", problem.Field);
        Assert.Contains(reason, problem.Message, StringComparison.Ordinal);
        Assert.EndsWith("delete or convert them first", problem.Message, StringComparison.Ordinal);
    }

    /// <summary>No host was handed any work, and both disks are still there exactly as before.</summary>
    private async Task AssertUnchangedAsync(DiskInfo disk, DiskInfo clone)
    {
        Assert.Empty(_ctx.Agent.Seen.Skip(_tasksBefore));
        Assert.Equivalent(disk, await Disk(disk.Name).Get(), strict: true);
        Assert.Equivalent(clone, await Disk(clone.Name).Get(), strict: true);
        var listed = await _ctx.Grains.GetGrain<IDiskCatalogGrain>(IDiskCatalogGrain.Key).List();
        Assert.Contains(listed, d => d.Name == disk.Name);
        Assert.Contains(listed, d => d.Name == clone.Name && d.BackingDisk == disk.Name);
    }
}
