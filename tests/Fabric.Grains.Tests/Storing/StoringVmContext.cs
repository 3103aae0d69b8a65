using Fabric.Contracts.Operations;
using Fabric.Contracts.Vms;
using Fabric.Testing.Orleans;

namespace Fabric.Grains.Tests.Storing;

/// <summary>
/// What <see cref="Vms.VmTestContext"/> gives VM tests, on the storing cluster: a fresh fake host per
/// test, after the clock moved past the liveness limit so earlier tests' hosts cannot take VMs.
/// </summary>
public sealed class StoringVmContext
{
    private static int _hosts;

    public StoringVmContext(StoringClusterFixture fixture, long memoryBytes = 8L << 30)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        fixture.Time.Advance(TimeSpan.FromSeconds(11));
        Grains = fixture.Cluster.Client;
        Agent = new FakeAgent(Grains, $"storing-{Interlocked.Increment(ref _hosts)}", memoryBytes);
    }

    public IGrainFactory Grains { get; }

    public FakeAgent Agent { get; }

    public IVmGrain Vm(string name) => Grains.GetGrain<IVmGrain>(name);

    public async Task<VmInfo> CreateAsync(CreateVmRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        await Agent.BeatAsync();
        return await Agent.DriveAsync(Vm(request.Name).Create(request));
    }

    /// <summary>Heartbeats until the operation leaves Running (observations arrive one-way), with a deadline.</summary>
    public async Task<OperationInfo> FinishAsync(OperationInfo operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var grain = Grains.GetGrain<IOperationGrain>(operation.Id);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while ((await grain.Get())!.State == OperationState.Running && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Agent.BeatAsync();
            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }

        return (await grain.Get())!;
    }
}
