using Fabric.Contracts.Operations;
using Fabric.Contracts.Validation;
using Fabric.Contracts.Vms;

namespace Fabric.Client.Vms;

/// <summary>Creates and drives VMs. Refusals arrive as <see cref="FabricException"/> listing every problem.</summary>
public sealed class VmsClient(IGrainFactory grains)
{
    public Task<IReadOnlyList<VmInfo>> ListAsync() => grains.GetGrain<IVmCatalogGrain>(IVmCatalogGrain.Key).List();

    /// <summary>The VM, or <c>null</c> when none has this name.</summary>
    public Task<VmInfo?> GetAsync(string name) => Vm(name).Get();

    public Task<VmInfo> CreateAsync(CreateVmRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (CreateVmRequestValidator.Validate(request) is { Count: > 0 } problems)
        {
            throw new FabricException(FabricErrorKind.Invalid, problems);
        }

        return Vm(request.Name).Create(request);
    }

    /// <summary>Asks for a power change; wait for the returned operation with <see cref="Operations.OperationsClient.WaitAsync"/>.</summary>
    public Task<OperationInfo> PowerAsync(string name, PowerAction action, TimeSpan? shutdownTimeout = null) => Vm(name).Power(action, shutdownTimeout);

    public Task<VmInfo> ChangeHardwareAsync(string name, HardwareChange change) => Vm(name).ChangeHardware(change);

    public Task<VmInfo> AttachDiskAsync(string name, string disk, DiskBus bus = DiskBus.Default) => Vm(name).AttachDisk(Label(disk, "disk"), bus);

    public Task<VmInfo> DetachDiskAsync(string name, string disk) => Vm(name).DetachDisk(Label(disk, "disk"));

    public Task<GuestExecResult> ExecAsync(string name, IReadOnlyList<string> command, TimeSpan timeout) => Vm(name).Exec(command, timeout);

    public Task DeleteAsync(string name, bool deleteDisks = false) => Vm(name).Delete(deleteDisks);

    private IVmGrain Vm(string name) => grains.GetGrain<IVmGrain>(Label(name, "VM"));

    internal static string Label(string name, string what) =>
        ResourceNames.ValidateLabel(name, what) is { } problem ? throw FabricException.Invalid("name", problem) : name;
}
