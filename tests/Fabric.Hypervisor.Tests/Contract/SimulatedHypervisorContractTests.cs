using Fabric.Hypervisor.Simulated;
using Microsoft.Extensions.Options;

namespace Fabric.Hypervisor.Tests.Contract;

public sealed class SimulatedHypervisorContractTests : HypervisorContractTests
{
    private const string Pool = "/var/lib/fabric/simulated-contract";

    protected override string PoolPath => Pool;

    protected override Task<IHypervisor> CreateDriverAsync() => Task.FromResult<IHypervisor>(new SimulatedHypervisor(
        Options.Create(new SimulatedHypervisorOptions { StoragePools = new() { ["local"] = Pool }, PoolCapacityBytes = 1L << 40 }),
        TimeProvider.System));

    protected override VmRuntimeSpec Spec(string vmId) => new(vmId, vmId, 1, 1, 256);
}
