using Fabric.Contracts.Validation;
using Fabric.Contracts.Vms;
using Fabric.Grains.Vms.Failover;

namespace Fabric.Grains.Vms;

/// <summary>HA: restarting the VM elsewhere when its host is declared dead (<see cref="FailoverPlanner"/> decides).</summary>
public sealed partial class VmGrain
{
    private static readonly TimeSpan FailoverRetryEvery = TimeSpan.FromSeconds(5);

    public async Task HostFailed(string host, long epoch, DateTimeOffset declaredDeadAt)
    {
        if (!state.RecordExists)
        {
            return;
        }

        var action = FailoverPlanner.Decide(Record, host, epoch);
        var noted = Record.Failure?.Host == host;
        if (action == FailoverAction.Ignore || (noted && (action == FailoverAction.StayDown || _failoverRetry is not null)))
        {
            return; // nothing to do, or already noted (a repeated call) and, when restarting, already retrying on its own
        }

        if (!noted)
        {
            var downSince = _observation is { Status: VmStatus.Running or VmStatus.Paused } seen && seen.Host == host ? seen.ObservedAt : declaredDeadAt;
            Record.Failure = new HostFailure(host, declaredDeadAt, downSince);
            AddEvent(action == FailoverAction.RestartElsewhere
                ? $"host {host} was declared dead (its lease lapsed and it was fenced); restarting the VM on another host"
                : $"host {host} was declared dead; restart policy never keeps the VM there, down, until the host returns");
            LogHostFailed(logger, Name, host, action);
        }

        if (action == FailoverAction.RestartElsewhere)
        {
            await RestartElsewhereAsync();
        }

        await state.WriteStateAsync();
        PublishSummary();
    }

    /// <summary>Places the VM on another host; when none takes it, says why once and tries again every few seconds.</summary>
    private async Task RestartElsewhereAsync()
    {
        try
        {
            await EnsurePlacedAsync();
            _failoverRetry?.Dispose();
            _failoverRetry = null;
        }
        catch (FabricException ex) when (ex.Kind is FabricErrorKind.Unavailable or FabricErrorKind.Conflict)
        {
            var reason = string.Join("; ", ex.Problems.Select(p => p.Message));
            if (_failoverRetry is null)
            {
                AddEvent($"cannot restart after host {Record.Failure?.Host} failed: {reason}; trying again every {FailoverRetryEvery.TotalSeconds:0} s");
                _failoverRetry = this.RegisterGrainTimer(RetryFailoverAsync, new GrainTimerCreationOptions(FailoverRetryEvery, FailoverRetryEvery) { KeepAlive = true });
            }

            LogFailoverWaits(logger, Name, reason);
        }
    }

    private async Task RetryFailoverAsync(CancellationToken cancellationToken)
    {
        if (Record.Failure is { } failure && Record.Host == failure.Host && Record.Desired != PowerState.Stopped)
        {
            await RestartElsewhereAsync();
            await state.WriteStateAsync();
            PublishSummary();
            return;
        }

        _failoverRetry?.Dispose();
        _failoverRetry = null;
    }

    /// <summary>Closes a failure once the VM runs again, saying where and after how long; true when it did.</summary>
    private bool NoteRunningAgain(VmObservation observation)
    {
        if (Record.Failure is not { } failure || observation.Status is not VmStatus.Running)
        {
            return false;
        }

        AddEvent(FailoverPlanner.RunningAgain(failure, observation.Host, time.GetUtcNow()));
        Record.Failure = null;
        return true;
    }
}
