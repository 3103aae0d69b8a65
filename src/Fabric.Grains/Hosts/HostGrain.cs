using Fabric.Contracts.Hosts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Fabric.Grains.Hosts;

/// <summary>
/// One physical host. Heartbeats register and renew it; its state is derived from the last
/// heartbeat on every read. Storage is written on registration, on an agent restart and at most
/// every <see cref="HostLivenessOptions.PersistHeartbeatEvery"/> otherwise.
/// </summary>
[GrainType("host")]
public sealed partial class HostGrain(
    [PersistentState("host", GrainStorageNames.Default)] IPersistentState<HostRecord> state,
    IOptions<HostLivenessOptions> options,
    [FromKeyedServices(FabricTime.Key)] TimeProvider time,
    ILogger<HostGrain> logger) : Grain, IHostGrain
{
    private readonly HostLivenessOptions _options = options.Value;
    private DateTimeOffset? _lastHeartbeat;
    private IReadOnlyList<string> _runningVmIds = [];
    private bool _enrolled;

    private string Name => this.GetPrimaryKeyString();

    public async Task<HeartbeatReply> Heartbeat(HostHeartbeat heartbeat)
    {
        ArgumentNullException.ThrowIfNull(heartbeat);
        var now = time.GetUtcNow();
        var record = state.State;
        var isNew = !state.RecordExists;
        var agentRestarted = record.AgentStartedAt != heartbeat.AgentStartedAt;
        var probeArrived = record.Capabilities is null && heartbeat.Capabilities is not null;

        if (isNew)
        {
            record.RegisteredAt = now;
            LogRegistered(logger, Name);
        }
        else if (agentRestarted)
        {
            LogAgentRestarted(logger, Name, heartbeat.AgentStartedAt);
        }

        record.Capabilities = heartbeat.Capabilities ?? record.Capabilities;
        record.AgentStartedAt = heartbeat.AgentStartedAt;
        _lastHeartbeat = now;
        _runningVmIds = heartbeat.RunningVmIds;

        if (isNew || agentRestarted || probeArrived || IsStoredHeartbeatStale(record, now))
        {
            record.LastHeartbeat = now;
            await state.WriteStateAsync();
        }

        if (!_enrolled)
        {
            // Enroll once per activation: idempotent, and repairs an index that missed the host.
            await GrainFactory.GetGrain<IHostInventoryGrain>(IHostInventoryGrain.Key).Enroll(Name);
            _enrolled = true;
        }

        return new HeartbeatReply(Describe(now).State, []);
    }

    public Task<HostInfo?> GetInfo() =>
        Task.FromResult(state.RecordExists ? Describe(time.GetUtcNow()) : null);

    public async Task<HostInfo> SetMaintenance(bool enabled)
    {
        if (!state.RecordExists)
        {
            throw new KeyNotFoundException($"Host '{Name}' is not registered; start fabric-agent on it first.");
        }

        state.State.Maintenance = enabled;
        await state.WriteStateAsync();
        return Describe(time.GetUtcNow());
    }

    private bool IsStoredHeartbeatStale(HostRecord record, DateTimeOffset now) =>
        record.LastHeartbeat is null || now - record.LastHeartbeat.Value >= _options.PersistHeartbeatEvery;

    private HostInfo Describe(DateTimeOffset now)
    {
        var record = state.State;
        var lastHeartbeat = _lastHeartbeat ?? record.LastHeartbeat;
        var (hostState, reason) = HostStatePolicy.Evaluate(record, lastHeartbeat, now, _options.UnreachableAfter);
        return new HostInfo
        {
            Name = Name,
            State = hostState,
            StateReason = reason,
            Capabilities = record.Capabilities,
            LastHeartbeat = lastHeartbeat,
            RegisteredAt = record.RegisteredAt,
            RunningVmIds = hostState == HostState.Unreachable ? [] : _runningVmIds,
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Host {HostName} registered with the cluster")]
    private static partial void LogRegistered(ILogger logger, string hostName);

    [LoggerMessage(Level = LogLevel.Information, Message = "Host {HostName}: agent restarted (started at {StartedAt}); VMs on the host are re-adopted, not restarted")]
    private static partial void LogAgentRestarted(ILogger logger, string hostName, DateTimeOffset startedAt);
}
