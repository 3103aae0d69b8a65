using Fabric.Hypervisor.Simulated;
using Microsoft.Extensions.Options;

namespace Fabric.Hypervisor.Tests.Simulated;

public sealed class SimulatedMemoryTests
{
    [Fact]
    public async Task ProbeAsync_MemoryConfigured_ReportsTheConfiguredMemory()
    {
        var driver = new SimulatedHypervisor(Options.Create(new SimulatedHypervisorOptions { MemoryBytes = 64L << 30 }), TimeProvider.System);

        var info = await driver.ProbeAsync(default);

        Assert.Equal(64L << 30, info.MemoryBytes);
    }

    [Fact]
    public async Task ProbeAsync_MemoryNotConfigured_LeavesTheMachineMemoryToTheAgent()
    {
        var driver = new SimulatedHypervisor(Options.Create(new SimulatedHypervisorOptions()), TimeProvider.System);

        var info = await driver.ProbeAsync(default);

        Assert.Null(info.MemoryBytes);
    }
}
