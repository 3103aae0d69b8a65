namespace Fabric.Cli.Up;

/// <summary>
/// Waits for a child to become ready by polling a probe, with a deadline, and gives up early when
/// any child exits: there is no point waiting 90 s for a silo whose Redis died at second 2.
/// </summary>
internal sealed class ReadinessWaiter(TimeProvider time, TimeSpan pollInterval)
{
    /// <summary>A probe returns <c>null</c> when ready, else what it saw instead (shown if the deadline passes).</summary>
    public delegate Task<string?> Probe(CancellationToken cancellationToken);

    /// <exception cref="UpFailedException">A watched child exited, or <paramref name="timeout"/> passed.</exception>
    public async Task WaitAsync(
        string what, Probe probe, TimeSpan timeout, ChildProcess? suspect, IReadOnlyCollection<ChildProcess> watched, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var anyExited = watched.Count == 0 ? new TaskCompletionSource().Task : Task.WhenAny(watched.Select(child => child.Exited));
        var lastSeen = "no answer yet";
        while (true)
        {
            if (watched.FirstOrDefault(child => child.Exited.IsCompleted) is { } exited)
            {
                throw new UpFailedException($"{exited.Name} {exited.DescribeExit()} while waiting for {what}", exited);
            }

            try
            {
                if (await probe(linked.Token) is not { } notReady)
                {
                    return;
                }

                lastSeen = notReady;
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                // The deadline cut a slow probe short; reported below.
            }

            cancellationToken.ThrowIfCancellationRequested();
            if (deadline.IsCancellationRequested)
            {
                throw new UpFailedException($"{what} did not happen within {timeout.TotalSeconds:0.#} s (last seen: {lastSeen})", suspect);
            }

            await Task.WhenAny(Task.Delay(pollInterval, time, linked.Token), anyExited);
        }
    }
}
