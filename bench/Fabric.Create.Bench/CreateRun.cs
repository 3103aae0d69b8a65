using System.Collections.Concurrent;
using System.Diagnostics;
using Fabric.Testing.Waiting;

namespace Fabric.Create.Bench;

/// <summary>
/// One measurement on a fresh cluster: warm the surface up, create the VMs from concurrent callers,
/// wait until every VM runs, and measure the silo's memory before and after.
/// </summary>
internal sealed class CreateRun(BenchOptions options, SiloMemory memory, SiloProfiler? profiler)
{
    /// <summary>Created (and counted as running) before the clock starts, so JIT and first connections stay out of the figures.</summary>
    public const int WarmUpVms = 20;

    public async Task<RunResult> RunAsync(string storage, string surfaceName, int clients)
    {
        var label = $"{storage}-{surfaceName}-{clients}";
        Console.WriteLine($"{label}: starting a silo and {options.Hosts} simulated hosts");
        await using var cluster = await SimulatedCluster.StartAsync(storage, options.Hosts, HostMemoryBytes());
        await using ICreateSurface surface = surfaceName == "rest" ? new RestCreateSurface(cluster) : await ClientCreateSurface.ConnectAsync(cluster);
        for (var i = 0; i < WarmUpVms; i++)
        {
            await surface.CreateAsync($"warm-{i:00}", options.MemoryMiB);
        }

        await WaitForRunningAsync(cluster, WarmUpVms, TimeSpan.FromMinutes(2));
        var before = await memory.MeasureAsync(cluster.Silo.Id, $"{label}-before");
        profiler?.Start(cluster.Silo.Id, label);

        Console.WriteLine($"{label}: creating {options.Vms} VMs from {clients} concurrent callers");
        var load = File.ReadAllText("/proc/loadavg").Trim();
        var latencies = new ConcurrentQueue<double>();
        var errors = new ConcurrentQueue<string>();
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            for (var index = Interlocked.Increment(ref next); index < options.Vms; index = Interlocked.Increment(ref next))
            {
                var call = Stopwatch.StartNew();
                try
                {
                    await surface.CreateAsync($"vm-{index:00000}", options.MemoryMiB);
                    latencies.Enqueue(call.Elapsed.TotalMilliseconds);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    errors.Enqueue(ex.Message);
                }
            }
        })));
        var createSeconds = clock.Elapsed.TotalSeconds;
        var created = latencies.Count;
        Console.WriteLine($"{label}: {created} created in {createSeconds:0.0} s ({created / createSeconds:0} /s), {errors.Count} refused; waiting for all to run");
        double? allRunningSeconds = null;
        int running;
        try
        {
            running = await WaitForRunningAsync(cluster, WarmUpVms + created, TimeSpan.FromMinutes(15));
            allRunningSeconds = clock.Elapsed.TotalSeconds;
        }
        catch (TimeoutException)
        {
            running = await cluster.RunningVmsAsync();
        }

        var after = await memory.MeasureAsync(cluster.Silo.Id, $"{label}-after");
        if (profiler is not null)
        {
            await profiler.StopAsync(before.GcDump, after.GcDump, created);
        }

        var result = new RunResult(
            storage,
            surfaceName,
            clients,
            options.Vms,
            created,
            errors.Count,
            [.. errors.Distinct().Take(3)],
            Math.Round(created / createSeconds, 1),
            Math.Round(createSeconds, 2),
            Math.Round(Stats.Percentile(latencies, 50), 1),
            Math.Round(Stats.Percentile(latencies, 99), 1),
            Math.Round(latencies.DefaultIfEmpty().Max(), 1),
            allRunningSeconds is { } seconds ? Math.Round(seconds, 2) : null,
            running - WarmUpVms,
            before.RssBytes >> 20,
            after.RssBytes >> 20,
            created > 0 ? (after.RssBytes - before.RssBytes) / created : 0,
            profiler is not null,
            load);
        Console.WriteLine($"{label}: p50 {result.p50Ms} ms, p99 {result.p99Ms} ms, all running after {result.allRunningSeconds} s, {result.siloBytesPerVm} silo bytes/VM");
        return result;
    }

    /// <summary>Enough for an even share of the VMs twice over plus the host reserve, so placement never runs out.</summary>
    private long HostMemoryBytes() => ((((long)options.Vms + WarmUpVms + options.Hosts - 1) / options.Hosts * options.MemoryMiB * 2) + 1024) << 20;

    private static async Task<int> WaitForRunningAsync(SimulatedCluster cluster, int count, TimeSpan deadline) =>
        await Eventually.MatchAsync(cluster.RunningVmsAsync, running => running >= count, deadline, $"{count} VMs to be Running on the hosts");
}
