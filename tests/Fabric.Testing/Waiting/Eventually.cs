using System.Diagnostics;

namespace Fabric.Testing.Waiting;

/// <summary>Waits on a condition with a deadline, never a fixed sleep; fails saying what was awaited and what was last seen.</summary>
public static class Eventually
{
    public static async Task<T> MatchAsync<T>(Func<Task<T>> probe, Func<T, bool> condition, TimeSpan deadline, string what)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(condition);
        var clock = Stopwatch.StartNew();
        T last = default!;
        Exception? lastError = null;
        while (clock.Elapsed < deadline)
        {
            try
            {
                last = await probe();
                if (condition(last))
                {
                    return last;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException or InvalidOperationException)
            {
                lastError = ex;
            }

            // Polling interval between probes of the condition, not a synchronisation sleep.
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }

        throw new TimeoutException($"Waited {deadline.TotalSeconds:0} s for {what}; last seen: {Describe(last)}{(lastError is null ? "" : $"; last error: {lastError.Message}")}");
    }

    private static string Describe<T>(T value) => value switch
    {
        null => "nothing",
        string s => s.Length > 2000 ? s[..2000] : s,
        _ => value.ToString() ?? "",
    };
}
