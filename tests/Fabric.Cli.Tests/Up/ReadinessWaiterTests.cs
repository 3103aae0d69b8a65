using Fabric.Cli.Tests.TestSupport;
using Fabric.Cli.Up;

namespace Fabric.Cli.Tests.Up;

public sealed class ReadinessWaiterTests : IDisposable
{
    private readonly TemporaryDirectory _temporary = new();
    private readonly ReadinessWaiter _waiter = new(TimeProvider.System, TimeSpan.FromMilliseconds(10));

    [Fact]
    public async Task Wait_ProbeBecomesReady_Returns()
    {
        var calls = 0;

        await _waiter.WaitAsync("third call", _ => Task.FromResult(++calls < 3 ? "not yet" : null), TimeSpan.FromSeconds(10), null, [], CancellationToken.None);

        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task Wait_NeverReady_FailsAfterDeadlineWithLastSeen()
    {
        var failure = await Assert.ThrowsAsync<UpFailedException>(() =>
            _waiter.WaitAsync("the thing", _ => Task.FromResult<string?>("503 warming up"), TimeSpan.FromMilliseconds(200), null, [], CancellationToken.None));

        Assert.Equal("the thing did not happen within 0.2 s (last seen: 503 warming up)", failure.Message);
    }

    [Fact]
    public async Task Wait_WatchedChildExits_FailsNamingItAndItsExitCode()
    {
        var child = await ChildProcess.StartAsync("crasher", "/bin/sh", ["-c", "echo boom; exit 3"], _temporary.Combine("crasher.log"));
        using var _ = child;

        var failure = await Assert.ThrowsAsync<UpFailedException>(() =>
            _waiter.WaitAsync("the silo", _ => Task.FromResult<string?>("not yet"), TimeSpan.FromSeconds(30), null, [child], CancellationToken.None));

        Assert.Equal("crasher exited with code 3 while waiting for the silo", failure.Message);
        Assert.Same(child, failure.Culprit);
    }

    [Fact]
    public async Task Wait_Cancelled_ThrowsOperationCanceled()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            _waiter.WaitAsync("anything", _ => Task.FromResult<string?>("not yet"), TimeSpan.FromSeconds(30), null, [], cancellation.Token));
    }

    public void Dispose() => _temporary.Dispose();
}
