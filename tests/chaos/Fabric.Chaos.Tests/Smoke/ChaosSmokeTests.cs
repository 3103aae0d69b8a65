using Fabric.Chaos.Cluster;
using Fabric.Chaos.Faults;
using Fabric.Chaos.Trials;
using Xunit.Abstractions;

namespace Fabric.Chaos.Tests.Smoke;

/// <summary>
/// The chaos smoke: a real cluster from <c>fabric up --hosts 3 --silos 3</c> (Redis, three silos, three
/// agents each in its own network namespace) running HA VMs on the test guest under real QEMU, and one
/// trial of every fault. Watched from outside: no VM may ever run twice, no HA VM may be lost, no host
/// may be declared dead that was not faulted, and a control-plane fault may touch no VM.
/// </summary>
public sealed class ChaosSmokeTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("fabric-chaos-smoke-").FullName;
    private bool _passed;

    [RootFact]
    public async Task EveryFaultOnce_HaVmsComeBackElsewhere_AndNoVmRunsTwiceIsLostOrIsTouchedByAFalseFailover()
    {
        using var log = new StringWriter();
        var results = new List<TrialResult>();
        try
        {
            await using var cluster = await ClusterUnderTest.StartAsync(new ClusterOptions(_directory));
            using var watching = new CancellationTokenSource();
            var watcher = cluster.Watcher.RunAsync(watching.Token);
            await HaFleet.UploadGuestAsync(cluster);
            var vms = await HaFleet.CreateAsync(cluster, count: 3);
            var runner = new TrialRunner(cluster, vms, log);
            foreach (var (fault, index) in Fault.All.Select((f, i) => (f, i)))
            {
                var result = await runner.RunAsync(fault, index);
                results.Add(result);
                await log.WriteLineAsync(result.ToString());
            }

            await watching.CancelAsync();
            await watcher;
        }
        finally
        {
            output.WriteLine(log.ToString());
            output.WriteLine($"cluster logs: {_directory}/data/logs (kept when the test fails)");
        }

        Assert.All(results, r => Assert.True(r.Clean, r.ToString()));
        Assert.All(results.Where(r => Fault.Named(r.Fault).FailsHost), r =>
        {
            Assert.True(r.Vms.Count > 0, $"{r.Fault}: the faulted host {r.Host} had no HA VM, so nothing was proved");
            Assert.True(r.RestartSeconds.Count == r.Vms.Count && r.AgentSeconds.Count == r.Vms.Count, $"{r.Fault}: not every HA VM came back with its guest agent: {r}");
            Assert.NotNull(r.DetectSeconds);
        });
        Assert.Equal(Fault.All.Select(f => f.Name), results.Select(r => r.Fault));
        _passed = true;
    }

    public void Dispose()
    {
        if (_passed)
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
