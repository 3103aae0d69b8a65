using Fabric.Contracts.Hosts;
using Fabric.Contracts.Operations;
using Fabric.Contracts.Vms;
using MudBlazor;

namespace Fabric.Silo.Dashboard.Shared;

/// <summary>One colour per state, the same on every page.</summary>
public static class StateColors
{
    public static Color Of(HostState state) => state switch
    {
        HostState.Ready => Color.Success,
        HostState.Joining => Color.Info,
        HostState.Maintenance => Color.Warning,
        _ => Color.Error,
    };

    public static Color Of(VmStatus status) => status switch
    {
        VmStatus.Running => Color.Success,
        VmStatus.Starting or VmStatus.ShuttingDown => Color.Info,
        VmStatus.Paused or VmStatus.Suspended or VmStatus.Pending => Color.Warning,
        VmStatus.Stopped => Color.Default,
        _ => Color.Error,
    };

    public static Color Of(OperationState state) => state switch
    {
        OperationState.Succeeded => Color.Success,
        OperationState.Failed => Color.Error,
        _ => Color.Info,
    };
}
