using Fabric.Hypervisor.DependencyInjection;
using Fabric.Hypervisor.Qemu;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Fabric.Hypervisor.Tests.DependencyInjection;

public sealed class HypervisorServiceCollectionExtensionsTests
{
    [Fact]
    public void AddQemuHypervisor_BindsOptionsAndResolvesOneDriver()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["RuntimeDirectory"] = "/tmp/fabric-di-test",
            ["StoragePools:fast"] = "/tmp",
            ["ProbeTimeout"] = "00:00:20",
        }).Build();
        using var provider = new ServiceCollection().AddQemuHypervisor(configuration).BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<QemuHypervisorOptions>>().Value;
        Assert.Equal(("/tmp/fabric-di-test", "/tmp", TimeSpan.FromSeconds(20), "qemu-system-x86_64"),
            (options.RuntimeDirectory, options.StoragePools["fast"], options.ProbeTimeout, options.QemuBinary));
        Assert.Same(provider.GetRequiredService<QemuHypervisor>(), provider.GetRequiredService<IHypervisor>());
        Assert.Equal("qemu", provider.GetRequiredService<IHypervisor>().DriverName);
    }

    [Fact]
    public void AddSimulatedHypervisor_AppliesConfiguration()
    {
        using var provider = new ServiceCollection().AddSimulatedHypervisor(o => o.HardwareVirtualization = false).BuildServiceProvider();
        Assert.Equal("simulated", provider.GetRequiredService<IHypervisor>().DriverName);
    }
}
