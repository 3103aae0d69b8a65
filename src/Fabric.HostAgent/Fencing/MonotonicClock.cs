using System.Diagnostics;

namespace Fabric.HostAgent.Fencing;

/// <summary>
/// CLOCK_MONOTONIC in nanoseconds, which <see cref="Stopwatch"/> reads on Linux: the same clock in
/// every process on the machine, unmoved by changes of the wall clock, so the agent and its fence
/// companion agree on a deadline.
/// </summary>
public static class MonotonicClock
{
    public static long NowNs() => ToNs(Stopwatch.GetTimestamp(), Stopwatch.Frequency);

    /// <summary>A timestamp of a clock ticking <paramref name="frequency"/> times a second, in nanoseconds.</summary>
    public static long ToNs(long timestamp, long frequency) =>
        frequency == 1_000_000_000 ? timestamp : (long)(timestamp * (1_000_000_000.0 / frequency));
}
