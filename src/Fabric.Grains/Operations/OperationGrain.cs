using Fabric.Contracts.Operations;
using Fabric.Contracts.Vms;
using Microsoft.Extensions.DependencyInjection;

namespace Fabric.Grains.Operations;

/// <summary>
/// One long-running operation: its state, progress and event trail, stored so it outlives a silo
/// restart. Operations are many and short-lived, so an idle one leaves memory after two minutes
/// (a later read activates it again from storage).
/// </summary>
[GrainType("operation"), CollectionAgeLimit(Minutes = 2)]
public sealed class OperationGrain(
    [PersistentState("operation", GrainStorageNames.Default)] IPersistentState<OperationRecord> state,
    [FromKeyedServices(FabricTime.Key)] TimeProvider time) : Grain, IOperationGrain
{
    private const int MaxEvents = 50;

    public async Task<OperationInfo> Begin(string kind, string target, string message)
    {
        var now = time.GetUtcNow();
        state.State = new OperationRecord { Kind = kind, Target = target, State = OperationState.Running, StartedAt = now };
        return await UpdateAsync(OperationState.Running, 0, message);
    }

    public async Task Report(int progress, string message)
    {
        progress = Math.Clamp(progress, 0, 99);
        // Hosts report every change of any VM; only news is written.
        if (state.State.State == OperationState.Running && (state.State.Progress != progress || state.State.Message != message))
        {
            await UpdateAsync(OperationState.Running, progress, message);
        }
    }

    public Task<OperationInfo> Succeed(string message) => FinishAsync(OperationState.Succeeded, 100, message);

    public Task<OperationInfo> Fail(string message) => FinishAsync(OperationState.Failed, state.State.Progress, message);

    public Task<OperationInfo?> Get() => Task.FromResult(state.RecordExists ? Describe() : null);

    private async Task<OperationInfo> FinishAsync(OperationState final, int progress, string message)
    {
        // First outcome wins: a late success after a timeout failure (or the reverse) is ignored.
        if (state.State.State != OperationState.Running)
        {
            return Describe();
        }

        var ended = await UpdateAsync(final, progress, message);
        DeactivateOnIdle(); // an ended operation is only read now, and reads come back from storage
        return ended;
    }

    private async Task<OperationInfo> UpdateAsync(OperationState newState, int progress, string message)
    {
        var record = state.State;
        var now = time.GetUtcNow();
        record.State = newState;
        record.Progress = progress;
        record.Message = message;
        record.FinishedAt = newState == OperationState.Running ? null : now;
        record.Events.Add(new VmEvent(now, message));
        if (record.Events.Count > MaxEvents)
        {
            record.Events.RemoveAt(0);
        }

        await state.WriteStateAsync();
        return Describe();
    }

    private OperationInfo Describe()
    {
        var r = state.State;
        return new OperationInfo
        {
            Id = this.GetPrimaryKeyString(),
            Kind = r.Kind,
            Target = r.Target,
            State = r.State,
            Progress = r.Progress,
            Message = r.Message,
            StartedAt = r.StartedAt,
            FinishedAt = r.FinishedAt,
            Events = [.. r.Events],
        };
    }
}
