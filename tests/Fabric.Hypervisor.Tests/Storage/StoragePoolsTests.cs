using Fabric.Hypervisor.Storage;
using Fabric.Hypervisor.Tests.Support;

namespace Fabric.Hypervisor.Tests.Storage;

public sealed class StoragePoolsTests : IDisposable
{
    private readonly TempPool _pool = new();

    [Fact]
    public void Resolve_PathInPool_ReturnsPoolAndPath()
    {
        var resolved = new StoragePools(_pool.Pools).Resolve(_pool.InPool("a.qcow2"), "Disk");
        Assert.Equal("local", resolved.Pool);
        Assert.Equal(_pool.InPool("a.qcow2"), resolved.FullPath);
    }

    [Fact]
    public void Resolve_DotDotSegment_IsRefusedEvenIfItWouldLandInside()
    {
        var error = Assert.Throws<HypervisorException>(() => new StoragePools(_pool.Pools).Resolve(_pool.InPool("x/../a.qcow2"), "Disk"));
        Assert.Equal(HypervisorErrorCode.PathNotAllowed, error.Code);
        Assert.Contains("'..'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_PathOutsidePools_IsRefusedNamingThePools()
    {
        var error = Assert.Throws<HypervisorException>(() => new StoragePools(_pool.Pools).Resolve(Path.Combine(_pool.OutsidePath, "a.raw"), "Disk"));
        Assert.Equal(HypervisorErrorCode.PathNotAllowed, error.Code);
        Assert.Contains("local=", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_SymlinkedDirectoryEscapingThePool_IsRefused()
    {
        Directory.CreateSymbolicLink(_pool.InPool("escape"), _pool.OutsidePath);
        var error = Assert.Throws<HypervisorException>(() => new StoragePools(_pool.Pools).Resolve(_pool.InPool("escape/a.raw"), "Disk"));
        Assert.Equal(HypervisorErrorCode.PathNotAllowed, error.Code);
        Assert.Contains("resolves to", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_SymlinkedFileEscapingThePool_IsRefused()
    {
        File.WriteAllText(Path.Combine(_pool.OutsidePath, "secret"), "x");
        File.CreateSymbolicLink(_pool.InPool("disk.raw"), Path.Combine(_pool.OutsidePath, "secret"));
        Assert.Equal(HypervisorErrorCode.PathNotAllowed,
            Assert.Throws<HypervisorException>(() => new StoragePools(_pool.Pools).Resolve(_pool.InPool("disk.raw"), "Disk")).Code);
    }

    [Fact]
    public void Resolve_PoolPrefixThatIsNotTheDirectory_IsRefused()
    {
        Assert.Equal(HypervisorErrorCode.PathNotAllowed,
            Assert.Throws<HypervisorException>(() => new StoragePools(_pool.Pools).Resolve(_pool.PoolPath + "-evil/a.raw", "Disk")).Code);
    }

    public void Dispose() => _pool.Dispose();
}
