using Fabric.Contracts.Validation;
using Fabric.Contracts.Vms;
using Fabric.Grains.Vms.Operations;

namespace Fabric.Grains.Vms.Power;

/// <summary>
/// Turns a power action into a new desired state and the operation that tracks it, or refuses it
/// (a pause of a VM that does not run, a shutdown timeout out of bounds). Decides only: the VM
/// grain places the VM, pushes the assignment and keeps the record.
/// </summary>
public static class PowerPlanner
{
    /// <summary>How long a start (or any action without a timeout of its own) may take.</summary>
    public static readonly TimeSpan StartDeadline = TimeSpan.FromMinutes(5);

    /// <summary>What a graceful stop gets beyond the guest's timeout: the forced stop and the host's next report.</summary>
    public static readonly TimeSpan ForceStopGrace = TimeSpan.FromSeconds(60);

    /// <param name="action">The action asked for.</param>
    /// <param name="current">The VM's desired power now.</param>
    /// <param name="observed">What the VM is observed to be now.</param>
    /// <param name="shutdownTimeout">For shutdown and restart: the guest's time to shut down; null keeps the VM's own.</param>
    /// <param name="operationId">Id for the new operation.</param>
    /// <param name="now">The current time.</param>
    public static PowerPlan Plan(PowerAction action, DesiredPower current, VmStatus observed, TimeSpan? shutdownTimeout, string operationId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (shutdownTimeout is { } given && ShutdownTimeoutRule.Validate(given) is { } problem)
        {
            throw FabricException.Invalid("timeoutSeconds", problem);
        }

        var startBy = now + StartDeadline;
        var message = $"{action} requested";
        switch (action)
        {
            case PowerAction.Start:
                return Plan(current with { State = PowerState.Running }, new StartVmOperation(operationId, startBy), message);
            case PowerAction.Resume:
                return Plan(current with { State = PowerState.Running }, new ResumeVmOperation(operationId, startBy), message);
            case PowerAction.Shutdown:
                var timeout = shutdownTimeout ?? ShutdownTimeoutRule.Default;
                return Plan(current with { State = PowerState.Stopped, StopMode = StopMode.Graceful, ShutdownTimeout = timeout },
                    new ShutdownVmOperation(operationId, now + timeout + ForceStopGrace), message);
            case PowerAction.Stop:
                return Plan(current with { State = PowerState.Stopped, StopMode = StopMode.Force }, new StopVmOperation(operationId, startBy), message);
            case PowerAction.Pause:
                RequireRunning(action, observed);
                return Plan(current with { State = PowerState.Paused }, new PauseVmOperation(operationId, startBy), message);
            case PowerAction.Suspend:
                RequireRunning(action, observed);
                return Plan(current with { State = PowerState.Suspended }, new SuspendVmOperation(operationId, startBy), message);
            case PowerAction.Reset:
                RequireRunning(action, observed);
                var resets = current.ResetCount + 1;
                return Plan(current with { ResetCount = resets }, new ResetVmOperation(operationId, startBy, resets), message);
            case PowerAction.Restart:
                RequireRunning(action, observed);
                var restarts = current.RestartCount + 1;
                var restartTimeout = shutdownTimeout ?? current.ShutdownTimeout;
                return Plan(current with { RestartCount = restarts, ShutdownTimeout = restartTimeout },
                    new RestartVmOperation(operationId, now + restartTimeout + StartDeadline, restarts), message);
            default:
                throw FabricException.Invalid("action", $"unknown power action {(int)action}; use start, shutdown, stop, restart, reset, pause, resume or suspend");
        }
    }

    private static PowerPlan Plan(DesiredPower desired, VmOperation operation, string message) =>
        new(desired, operation, NeedsHost: desired.State != PowerState.Stopped, message);

    private static void RequireRunning(PowerAction action, VmStatus observed)
    {
        if (observed is not VmStatus.Running and not VmStatus.Paused)
        {
            throw FabricException.Conflict("vm", $"cannot {action.ToString().ToLowerInvariant()} a VM that is {observed}; start it first");
        }
    }
}
