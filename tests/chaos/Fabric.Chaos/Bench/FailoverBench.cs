using Fabric.Chaos.Cluster;
using Fabric.Chaos.Faults;
using Fabric.Chaos.Trials;
using Fabric.Testing.Benchmarks;
using Fabric.Testing.Processes;

namespace Fabric.Chaos.Bench;

/// <summary>
/// The failover benchmark (bench/failover/run.sh): real trials on a qemu cluster with cold boots measured
/// beside them and the saturated soak after them, then simulated trials on a simulated cluster; each
/// cluster is one <c>fabric up --hosts 3 --silos 3</c>. Writes the results file even when a phase fails,
/// with what was measured until then.
/// </summary>
public static class FailoverBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = BenchOptions.Parse(args);
        var log = Console.Out;
        var machine = MachineInfo.Read();
        var commit = MachineInfo.GitCommit(RepositoryPaths.Root);
        var trials = new List<TrialResult>();
        var boots = new List<double>();
        SoakRun.Result? soak = null;
        var work = Directory.CreateTempSubdirectory("fabric-failover-bench-").FullName;
        await log.WriteLineAsync($"failover bench: work folder {work}");
        var status = 0;
        try
        {
            if (options.Attach is { } clusterJson)
            {
                await using var attached = ClusterUnderTest.Attach(clusterJson, work, options.Driver);
                soak = await RunOnAsync(attached, options, options.Driver == "qemu" ? options.RealTrials : options.SimulatedTrials, trials, boots, log);
            }
            else if (options.RealTrials > 0 || options.SoakMinutes > 0 || options.Boots > 0)
            {
                soak = await RunClusterAsync(Path.Combine(work, "qemu"), "qemu", options, options.RealTrials, trials, boots, log);
            }

            if (options.Attach is null && options.SimulatedTrials > 0)
            {
                await RunClusterAsync(Path.Combine(work, "simulated"), "simulated", options, options.SimulatedTrials, trials, boots, log);
            }
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException or HttpRequestException or IOException)
        {
            await Console.Error.WriteLineAsync($"failover bench: stopped early: {e}");
            status = 1;
        }

        var path = Path.GetFullPath(Path.Combine(RepositoryPaths.Root, options.Out));
        await Results.WriteAsync(path, FailoverReport.Build(options, trials, boots, soak, machine, commit));
        await log.WriteLineAsync($"logs of the clusters are under {work}");
        return status;
    }

    private static async Task<SoakRun.Result?> RunClusterAsync(
        string directory, string driver, BenchOptions options, int trialCount, List<TrialResult> trials, List<double> boots, TextWriter log)
    {
        await log.WriteLineAsync($"== {driver}: starting fabric up --hosts 3 --silos 3 in {directory}");
        await using var cluster = await ClusterUnderTest.StartAsync(new ClusterOptions(directory, Driver: driver));
        return await RunOnAsync(cluster, options, trialCount, trials, boots, log);
    }

    private static async Task<SoakRun.Result?> RunOnAsync(
        ClusterUnderTest cluster, BenchOptions options, int trialCount, List<TrialResult> trials, List<double> boots, TextWriter log)
    {
        var driver = cluster.Driver;
        using var watching = new CancellationTokenSource();
        var watcher = cluster.Watcher.RunAsync(watching.Token);
        try
        {
            await HaFleet.UploadGuestAsync(cluster);
            if (driver == "qemu")
            {
                for (var i = 0; i < options.Boots; i++)
                {
                    var seconds = await BootMeasurement.ColdBootSecondsAsync(cluster, $"chaos-boot-{i + 1}");
                    boots.Add(seconds);
                    await log.WriteLineAsync($"cold boot {i + 1}: {seconds:0.0} s");
                }
            }

            var vms = await HaFleet.CreateAsync(cluster, options.Vms);
            var runner = new TrialRunner(cluster, vms, log);
            for (var i = 0; i < trialCount; i++)
            {
                var faults = options.Faults is { } names ? [.. names.Select(Fault.Named)] : Fault.All;
                var result = await runner.RunAsync(faults[i % faults.Count], i);
                trials.Add(result);
                await log.WriteLineAsync(result.ToString());
            }

            if (driver == "qemu" && options.SoakMinutes > 0)
            {
                await SteadyState.WaitAsync(cluster, vms, TrialRunner.SettleDeadline);
                var soak = await SoakRun.RunAsync(cluster, vms, TimeSpan.FromMinutes(options.SoakMinutes), log);
                await log.WriteLineAsync($"soak: {soak}");
                return soak;
            }

            return null;
        }
        finally
        {
            await watching.CancelAsync();
            await watcher;
        }
    }
}
