using Fabric.Hypervisor.Tests.Support;

namespace Fabric.Hypervisor.Tests.Contract;

[Collection(QemuCollection.Name)]
[Trait("Needs", "Qemu")]
public sealed class QemuHypervisorContractTests : HypervisorContractTests
{
    private readonly QemuTestHost _host = new();

    protected override string PoolPath => _host.PoolPath;

    public override async Task DisposeAsync() => await _host.DisposeAsync();

    protected override Task<IHypervisor> CreateDriverAsync() => Task.FromResult<IHypervisor>(_host.Driver);

    protected override VmRuntimeSpec Spec(string vmId) => QemuTestHost.GuestSpec(vmId);

    protected override Task WaitUntilSaveableAsync(string vmId) => _host.WaitForSerialAsync(vmId, "FABRIC-GUEST: init");
}
