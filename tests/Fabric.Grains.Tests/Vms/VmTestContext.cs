using Fabric.Contracts.Images;
using Fabric.Contracts.Operations;
using Fabric.Contracts.Vms;
using Fabric.Testing.Orleans;
using Microsoft.Extensions.Time.Testing;

namespace Fabric.Grains.Tests.Vms;

/// <summary>
/// One fresh fake host per test: the shared clock moves past the liveness limit first, so every
/// host of earlier tests is Unreachable and placement can only choose this one.
/// </summary>
public sealed class VmTestContext
{
    private static int _hosts;

    public VmTestContext(GrainClusterFixture fixture, long memoryBytes = 8L << 30)
        : this((fixture ?? throw new ArgumentNullException(nameof(fixture))).Time, fixture.Cluster.Client, memoryBytes)
    {
    }

    /// <summary>For a cluster of another fixture: its fake clock and its client.</summary>
    public VmTestContext(FakeTimeProvider time, IGrainFactory grains, long memoryBytes = 8L << 30)
    {
        ArgumentNullException.ThrowIfNull(time);
        time.Advance(TimeSpan.FromSeconds(11));
        Grains = grains;
        Agent = new FakeAgent(Grains, $"fake-{Interlocked.Increment(ref _hosts)}", memoryBytes);
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

    /// <summary>
    /// Heartbeats until the operation leaves Running. Observations reach VM grains one-way, so a
    /// single beat is not enough to be sure: wait on the outcome, with a deadline.
    /// </summary>
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

    public async Task AddIsoAsync(string name) =>
        await Grains.GetGrain<IImageLibraryGrain>(IImageLibraryGrain.Key).Add(new ImageInfo
        {
            Name = name, Kind = ImageKind.Iso, Pool = "local", Path = $"images/{name}", Format = "raw", SizeBytes = 1 << 20,
        });
}
