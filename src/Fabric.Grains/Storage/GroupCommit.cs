namespace Fabric.Grains.Storage;

/// <summary>
/// Writes a grain's state for every caller that changed it, one write at a time, and lets callers
/// that changed it while a write was under way share the next one. A host grain takes many VM
/// assignments a second, and each write stores all of them: writing once per caller made the
/// writes, not the decisions, the limit. Used only from the grain's own turns (never from another
/// thread), so it needs no lock.
/// </summary>
/// <param name="write">Stores the state as it is when called (e.g. <c>state.WriteStateAsync</c>).</param>
public sealed class GroupCommit(Func<Task> write)
{
    private Task _current = Task.CompletedTask;
    private TaskCompletionSource? _next;

    /// <summary>
    /// Completes once a write that began after this call has stored the state, so it holds every
    /// change made before the call. Fails when that write fails.
    /// </summary>
    public Task WriteAsync()
    {
        if (_next is { } queued)
        {
            return queued.Task;
        }

        var next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _next = next;
        _ = WriteAfterCurrentAsync(next, _current);
        return next.Task;
    }

    private async Task WriteAfterCurrentAsync(TaskCompletionSource next, Task current)
    {
        // Never start inside the caller's turn: later callers must be able to join this write.
        await Task.Yield();
        try
        {
            await current;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // That write's callers were told; this one stores the state afresh.
        }

        _next = null;
        try
        {
            _current = write();
            await _current;
            next.SetResult();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            next.SetException(ex);
        }
    }
}
