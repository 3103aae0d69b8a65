using Fabric.Contracts.Hosts;
using Fabric.Contracts.Images;
using Fabric.Testing.Guest;

namespace Fabric.Integration.Tests.Infrastructure;

/// <summary>
/// A real cluster whose agent drives real QEMU (under TCG here), with the test guest's installer
/// ISO in the image library: what the VM lifecycle tests run against. Shared by a test class.
/// </summary>
public sealed class QemuClusterFixture : IAsyncLifetime
{
    public const string Host = "it-qemu";
    public const string Iso = "test-install.iso";

    public ClusterUnderTest Cluster { get; private set; } = null!;

    public ClusterClientConnection Client { get; private set; } = null!;

    /// <summary>The host as it first showed Ready, with what its agent probed.</summary>
    public HostInfo HostInfo { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Cluster = await ClusterUnderTest.StartRedisAsync();
        await Cluster.StartSiloAsync();
        Cluster.StartAgent(Host, "qemu");
        HostInfo = await Cluster.WaitForHostAsync(Host, HostState.Ready, TimeSpan.FromSeconds(120));
        Client = await Cluster.ConnectAsync();

        var images = Path.Combine(Cluster.PoolDirectory, "images");
        Directory.CreateDirectory(images);
        File.Copy(TestGuest.InstallIso, Path.Combine(images, Iso));
        await Client.Grains.GetGrain<IImageLibraryGrain>(IImageLibraryGrain.Key).Add(new ImageInfo
        {
            Name = Iso, Kind = ImageKind.Iso, Pool = "local", Path = $"images/{Iso}", Format = "raw",
            SizeBytes = new FileInfo(TestGuest.InstallIso).Length, AddedAt = DateTimeOffset.UtcNow,
        });
    }

    public async Task DisposeAsync()
    {
        if (Client is not null)
        {
            await Client.DisposeAsync();
        }

        await Cluster.DisposeAsync();
    }
}
