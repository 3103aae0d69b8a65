using Fabric.Contracts.Hosts;
using Fabric.Contracts.Vms;
using Fabric.Hypervisor;

namespace Fabric.HostAgent.Reconcile;

/// <summary>
/// Whether a VM that should run, and stopped on its own, is started again in place: its restart
/// policy decides, by why it stopped. A VM this host never started at this epoch, or one with a
/// restart or reset asked, is simply started.
/// </summary>
public static class RestartPolicyDecision
{
    /// <summary>Why the VM stays down, or null when it is to be started.</summary>
    public static string? WhyLeftDown(VmAssignment desired, AppliedVm? applied, VmRuntimeStatus? status)
    {
        ArgumentNullException.ThrowIfNull(desired);
        if (status?.ExitReason is not { } reason || applied is null || applied.Epoch != desired.Epoch || status.Epoch != desired.Epoch
            || desired.RestartCount > applied.RestartCount || desired.ResetCount > applied.ResetCount)
        {
            return null;
        }

        var staysDown = desired.Restart switch
        {
            RestartPolicy.Always => false,
            RestartPolicy.OnFailure => reason == VmExitReason.GuestShutdown,
            _ => true,
        };
        return staysDown ? $"{Describe(reason)}; restart policy {Name(desired.Restart)} leaves it off" : null;
    }

    private static string Describe(VmExitReason reason) => reason switch
    {
        VmExitReason.GuestShutdown => "the guest powered off",
        VmExitReason.GuestCrashed => "the guest crashed",
        VmExitReason.HostStop => "its QEMU process was stopped from outside the agent",
        _ => "its QEMU process was killed or crashed",
    };

    private static string Name(RestartPolicy policy) => policy switch
    {
        RestartPolicy.OnFailure => "on-failure",
        RestartPolicy.Always => "always",
        _ => "never",
    };
}
