using Fabric.Grains.Storage;

namespace Fabric.Grains.Tests.Storage;

/// <summary>Each test runs on an exclusive scheduler, one work item at a time, as grain turns run.</summary>
public sealed class GroupCommitTests
{
    private static readonly TaskScheduler Turns = new ConcurrentExclusiveSchedulerPair().ExclusiveScheduler;

    [Fact]
    public Task WriteAsync_CallersDuringAWrite_ShareTheNextWriteWhichHoldsAllTheirChanges() => InTurnsAsync(async () =>
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
    });

    [Fact]
    public Task WriteAsync_AfterAWriteEnded_StartsANewOne() => InTurnsAsync(async () =>
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
    });

    [Fact]
    public Task WriteAsync_FailedWrite_FailsItsCallersAndTheNextWriteStillRuns() => InTurnsAsync(async () =>
    {
        var writes = 0;
        var commit = new GroupCommit(() => ++writes == 1 ? Task.FromException(new InvalidOperationException("storage down")) : Task.CompletedTask);

        await Assert.ThrowsAsync<InvalidOperationException>(commit.WriteAsync);
        await commit.WriteAsync();

        Assert.Equal(2, writes);
    });

    private static Task InTurnsAsync(Func<Task> test) => Task.Factory.StartNew(test, CancellationToken.None, TaskCreationOptions.None, Turns).Unwrap();

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
