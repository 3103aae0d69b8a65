using Fabric.Grains.Storage;

namespace Fabric.Grains.Tests.Storage;

public sealed class GroupCommitTests
{
    [Fact]
    public async Task WriteAsync_CallersDuringAWrite_ShareTheNextWriteWhichHoldsAllTheirChanges()
    {
        var value = 0;
        var stored = new List<int>();
        var firstWrite = new TaskCompletionSource();
        var commit = new GroupCommit(async () =>
        {
            stored.Add(value);
            if (stored.Count == 1)
            {
                await firstWrite.Task;
            }
        });

        value = 1;
        var first = commit.WriteAsync();
        await WaitUntilAsync(() => stored.Count == 1);
        value = 2;
        var second = commit.WriteAsync();
        value = 3;
        var third = commit.WriteAsync();
        Assert.False(second.IsCompleted);
        firstWrite.SetResult();
        await Task.WhenAll(first, second, third);

        Assert.Same(second, third);
        Assert.Equal([1, 3], stored);
    }

    [Fact]
    public async Task WriteAsync_AfterAWriteEnded_StartsANewOne()
    {
        var writes = 0;
        var commit = new GroupCommit(() =>
        {
            writes++;
            return Task.CompletedTask;
        });

        await commit.WriteAsync();
        await commit.WriteAsync();

        Assert.Equal(2, writes);
    }

    [Fact]
    public async Task WriteAsync_FailedWrite_FailsItsCallersAndTheNextWriteStillRuns()
    {
        var writes = 0;
        var commit = new GroupCommit(() => ++writes == 1 ? Task.FromException(new InvalidOperationException("storage down")) : Task.CompletedTask);

        await Assert.ThrowsAsync<InvalidOperationException>(commit.WriteAsync);
        await commit.WriteAsync();

        Assert.Equal(2, writes);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "the condition did not hold within 10 s");
            await Task.Yield();
        }
    }
}
