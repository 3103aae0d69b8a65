using Fabric.Contracts.Inventory;
using Fabric.Contracts.Operations;
using Fabric.Contracts.Validation;
using Fabric.Contracts.Vms;

namespace Fabric.Client.Vms;

/// <summary>Creates and drives VMs. Refusals arrive as <see cref="FabricException"/> listing every problem.</summary>
public sealed class VmsClient(IGrainFactory grains)
{
    /// <summary>Every VM, in name order (all pages; see <see cref="ListPageAsync"/> for one page at a time).</summary>
    public Task<IReadOnlyList<VmInfo>> ListAsync() => ListPages.AllAsync(next => ListPageAsync(next));

    /// <summary>One page of VMs after <paramref name="continueAfter"/> (the previous page's <see cref="ListPage{T}.Continue"/>), without their event trails.</summary>
    public Task<ListPage<VmInfo>> ListPageAsync(string? continueAfter = null, int limit = ListLimits.DefaultLimit)
    {
        var problems = new ProblemCollector();
        problems.AddRange(ListLimits.Validate(limit, continueAfter));
        problems.ThrowIfAny();
        return grains.GetGrain<IVmListGrain>(0).List(continueAfter, limit);
    }

    /// <summary>The VM, or <c>null</c> when none has this name.</summary>
    public Task<VmInfo?> GetAsync(string name) => Vm(name).Get();

    public Task<VmInfo> CreateAsync(CreateVmRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new ProblemCollector();
        problems.AddRange(CreateVmRequestValidator.Validate(request));
        problems.ThrowIfAny();
        return Vm(request.Name).Create(request);
    }

    /// <summary>Asks for a power change; wait for the returned operation with <see cref="Operations.OperationsClient.WaitAsync"/>.</summary>
    public Task<OperationInfo> PowerAsync(string name, PowerAction action, TimeSpan? shutdownTimeout = null) => Vm(name).Power(action, shutdownTimeout);

    public Task<VmInfo> ChangeHardwareAsync(string name, HardwareChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var problems = new ProblemCollector();
        problems.AddRange(HardwareChangeValidator.Validate(change));
        problems.ThrowIfAny();
        return Vm(name).ChangeHardware(change);
    }

    public Task<VmInfo> AttachDiskAsync(string name, string disk, DiskBus bus = DiskBus.Default) => Vm(name).AttachDisk(Label(disk, "disk"), bus);

    public Task<VmInfo> DetachDiskAsync(string name, string disk) => Vm(name).DetachDisk(Label(disk, "disk"));

    public Task<GuestExecResult> ExecAsync(string name, IReadOnlyList<string> command, TimeSpan timeout) => Vm(name).Exec(command, timeout);

    public Task DeleteAsync(string name, bool deleteDisks = false) => Vm(name).Delete(deleteDisks);

    private IVmGrain Vm(string name) => grains.GetGrain<IVmGrain>(Label(name, "VM"));

    internal static string Label(string name, string what) =>
        ResourceNames.ValidateLabel(name, what) is { } problem ? throw FabricException.Invalid("name", problem) : name;
}
