using Fabric.Contracts.Hosts;

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
        await Cluster.AddInstallerIsoAsync(Client, Iso);
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
