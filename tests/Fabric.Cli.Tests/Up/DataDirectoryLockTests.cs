using Fabric.Cli.Tests.TestSupport;
using Fabric.Cli.Up;

namespace Fabric.Cli.Tests.Up;

public sealed class DataDirectoryLockTests : IDisposable
{
    private readonly TemporaryDirectory _data = new();

    [Fact]
    public void TryAcquire_AlreadyHeld_RefusesNamingHolderPidAndFolder()
    {
        var (first, _) = DataDirectoryLock.TryAcquire(_data.Path, ownPid: 4242);
        using var held = first;
        Assert.NotNull(held);

        var (second, refusal) = DataDirectoryLock.TryAcquire(_data.Path, ownPid: 5353);

        Assert.Null(second);
        Assert.Contains("process 4242", refusal);
        Assert.Contains(_data.Path, refusal);
        Assert.Contains("--data-dir", refusal);
    }

    [Fact]
    public void TryAcquire_AfterHolderReleased_Succeeds()
    {
        var (first, _) = DataDirectoryLock.TryAcquire(_data.Path, ownPid: 4242);
        first!.Dispose();

        var (second, refusal) = DataDirectoryLock.TryAcquire(_data.Path, ownPid: 5353);
        using var held = second;

        Assert.NotNull(held);
        Assert.Null(refusal);
        Assert.Equal("5353", File.ReadAllText(_data.Combine("fabric.pid")).Trim());
    }

    public void Dispose() => _data.Dispose();
}
