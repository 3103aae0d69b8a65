using Fabric.Contracts.Hosts;

namespace Fabric.HostAgent.Tests.Reconcile;

public sealed class PoolPathsTests : IAsyncLifetime
{
    private readonly ReconcileFixture _f = new();

    public Task InitializeAsync() => Task.CompletedTask;

    // xunit 2 disposes test classes through IAsyncLifetime, not IAsyncDisposable.
    public async Task DisposeAsync() => await _f.DisposeAsync();

    [Fact]
    public void Resolve_PathInPool_IsUnderThePoolFolder()
    {
        var path = _f.Paths.Resolve(new AssignedFile("local", "disks/web1-disk0.qcow2"));

        Assert.Equal(Path.Combine(_f.Settings.StoragePools["local"], "disks", "web1-disk0.qcow2"), path);
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("disks/../../outside")]
    [InlineData("/etc/passwd")]
    [InlineData("")]
    [InlineData("./disks/x")]
    public void Resolve_PathLeavingThePool_IsRefused(string relative)
    {
        var ex = Assert.Throws<InvalidOperationException>(() => _f.Paths.Resolve("local", relative));

        Assert.Contains("pool 'local'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_UnknownPool_NamesThePoolsThisHostHas()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => _f.Paths.Resolve("fast", "disks/x"));

        Assert.Contains("no storage pool 'fast'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("local", ex.Message, StringComparison.Ordinal);
    }
}
