using Fabric.Contracts.Images;
using Fabric.Contracts.Vms;
using Fabric.Testing.Orleans;

namespace Fabric.Grains.Tests.Vms;

/// <summary>
/// One fresh fake host per test: the shared clock moves past the liveness limit first, so every
/// host of earlier tests is Unreachable and placement can only choose this one.
/// </summary>
public sealed class VmTestContext
{
    private static int _hosts;

    public VmTestContext(GrainClusterFixture fixture, long memoryBytes = 8L << 30)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        fixture.Time.Advance(TimeSpan.FromSeconds(11));
        Grains = fixture.Cluster.Client;
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

    public async Task AddIsoAsync(string name) =>
        await Grains.GetGrain<IImageLibraryGrain>(IImageLibraryGrain.Key).Add(new ImageInfo
        {
            Name = name, Kind = ImageKind.Iso, Pool = "local", Path = $"images/{name}", Format = "raw", SizeBytes = 1 << 20,
        });
}
