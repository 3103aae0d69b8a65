using Fabric.Contracts.Operations;
using Fabric.Contracts.Validation;
using Fabric.Contracts.Vms;
using Fabric.Grains.Operations;

namespace Fabric.Grains.Vms;

/// <summary>Power actions: each changes the desired state (or bumps a counter), pushes it to the host and returns an operation.</summary>
public sealed partial class VmGrain
{
    private static readonly TimeSpan StartDeadline = TimeSpan.FromMinutes(5);

    public async Task<OperationInfo> Power(PowerAction action, TimeSpan? shutdownTimeout)
    {
        ThrowIfMissing();
        var r = Record;
        var observed = Describe(null).Observed;
        var before = (r.Desired, r.StopMode, r.ShutdownTimeout, r.ResetCount, r.RestartCount);
        void Restore() => (r.Desired, r.StopMode, r.ShutdownTimeout, r.ResetCount, r.RestartCount) = before;
        PendingOperation pending = new(OperationIds.New(), $"vm.{action.ToString().ToLowerInvariant()}", time.GetUtcNow() + StartDeadline);
        switch (action)
        {
            case PowerAction.Start:
            case PowerAction.Resume:
                r.Desired = PowerState.Running;
                break;
            case PowerAction.Shutdown:
                var timeout = shutdownTimeout ?? TimeSpan.FromMinutes(1);
                if (timeout <= TimeSpan.Zero || timeout > TimeSpan.FromHours(1))
                {
                    throw FabricException.Invalid("timeoutSeconds", $"{timeout.TotalSeconds:0} s is not a shutdown timeout; use 1 s to 1 h");
                }

                (r.Desired, r.StopMode, r.ShutdownTimeout) = (PowerState.Stopped, StopMode.Graceful, timeout);
                pending = pending with { Deadline = time.GetUtcNow() + timeout + TimeSpan.FromSeconds(60) };
                break;
            case PowerAction.Stop:
                (r.Desired, r.StopMode) = (PowerState.Stopped, StopMode.Force);
                break;
            case PowerAction.Pause:
                RequireRunning(action, observed);
                r.Desired = PowerState.Paused;
                break;
            case PowerAction.Suspend:
                RequireRunning(action, observed);
                r.Desired = PowerState.Suspended;
                break;
            case PowerAction.Reset:
                RequireRunning(action, observed);
                pending = pending with { TargetCount = ++r.ResetCount };
                break;
            case PowerAction.Restart:
                RequireRunning(action, observed);
                pending = pending with { TargetCount = ++r.RestartCount, Deadline = time.GetUtcNow() + r.ShutdownTimeout + StartDeadline };
                break;
            default:
                throw FabricException.Invalid("action", $"unknown power action {(int)action}");
        }

        return await BeginAsync(pending, $"{action} requested", placeIfNeeded: r.Desired != PowerState.Stopped, Restore);
    }

    private static void RequireRunning(PowerAction action, VmStatus observed)
    {
        if (observed is not VmStatus.Running and not VmStatus.Paused)
        {
            throw FabricException.Conflict("vm", $"cannot {action.ToString().ToLowerInvariant()} a VM that is {observed}; start it first");
        }
    }

    /// <summary>Supersedes any operation in flight, places the VM if it needs a host, pushes the assignment and starts tracking.</summary>
    private async Task<OperationInfo> BeginAsync(PendingOperation pending, string message, bool placeIfNeeded, Action restore)
    {
        if (Record.Pending is { } previous)
        {
            await Operation(previous.Id).Fail($"superseded by {pending.Kind}");
        }

        var operation = await Operation(pending.Id).Begin(pending.Kind, $"vm/{Name}", message);
        Record.Pending = pending;
        Record.PendingSince = time.GetUtcNow();
        AddEvent(message);
        try
        {
            if (placeIfNeeded)
            {
                await EnsurePlacedAsync();
            }
            else
            {
                await PushAssignmentAsync();
            }
        }
        catch (Exception ex)
        {
            // Refused or failed: the desired state goes back to what it was, so nothing changed but the trail.
            restore();
            Record.Pending = null;
            AddEvent($"{pending.Kind} refused: {ex.Message}");
            await state.WriteStateAsync();
            await Operation(pending.Id).Fail(ex.Message);
            throw;
        }

        await state.WriteStateAsync();
        EnsureOperationTimer();
        return await CheckPendingAsync() ?? operation;
    }

    private IOperationGrain Operation(string id) => GrainFactory.GetGrain<IOperationGrain>(id);
}
