using Fabric.Contracts.Hosts;
using Fabric.Contracts.Hosts.Leases;
using Fabric.Contracts.Validation;
using Fabric.Contracts.Vms;
using Fabric.Grains.Placement;
using Fabric.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Fabric.Grains.Hosts;

/// <summary>
/// One physical host. Heartbeats register and renew it and carry what the agent observes; the
/// reply carries the VMs assigned to it and work to do. Its state is derived from the last
/// heartbeat on every read. Storage is written on registration, on an agent restart, on an
/// assignment change and at most every <see cref="HostLivenessOptions.PersistHeartbeatEvery"/>.
/// </summary>
[GrainType("host")]
public sealed partial class HostGrain(
    [PersistentState("host", GrainStorageNames.Default)] IPersistentState<HostRecord> state,
    IOptions<HostLivenessOptions> options,
    IOptions<PlacementOptions> placement,
    ILeaseWitness leases,
    [FromKeyedServices(FabricTime.Key)] TimeProvider time,
    HostView hosts,
    ILogger<HostGrain> logger) : Grain, IHostGrain
{
    private readonly HostLivenessOptions _options = options.Value;
    private readonly Dictionary<string, VmObservation> _observations = new(StringComparer.Ordinal);

    /// <summary>Every write of the host's record goes through here, so interleaved assignments share writes and never race.</summary>
    private readonly GroupCommit _writes = new(() => state.WriteStateAsync());
    private DateTimeOffset? _lastHeartbeat;
    private bool _enrolled;

    /// <summary>The host's lease as last read from the witness (every heartbeat reads it).</summary>
    private LeaseRecord? _lease;

    /// <summary>The incarnation last told to stand down, so the refusal is logged once, not every heartbeat.</summary>
    private string? _refused;

    /// <summary>The lease generation whose return after a fence was last logged.</summary>
    private long _returnedGeneration;

    private string Name => this.GetPrimaryKeyString();

    public async Task<HeartbeatReply> Heartbeat(HostHeartbeat heartbeat)
    {
        ArgumentNullException.ThrowIfNull(heartbeat);
        _lease = await leases.ReadAsync(Name);
        if (LeaseCheck.StandDownReason(Name, heartbeat.Incarnation, _lease) is { } standDown)
        {
            if (_refused != heartbeat.Incarnation)
            {
                _refused = heartbeat.Incarnation;
                LogStoodDown(logger, Name, heartbeat.Incarnation, standDown);
            }

            // Its observations and task results are not trusted, and it gets nothing to drive.
            return new HeartbeatReply(Describe(time.GetUtcNow()).State, [], []) { StandDown = standDown };
        }

        NoteReturn(heartbeat.Incarnation);
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
        _agent = heartbeat.Observer;
        CompleteTasks(heartbeat.TaskResults);

        if (isNew || agentRestarted || probeArrived || IsStoredHeartbeatStale(record, now))
        {
            record.LastHeartbeat = now;
            await _writes.WriteAsync();
        }

        if (!_enrolled)
        {
            // Enroll once per activation: idempotent, and repairs an index that missed the host.
            await GrainFactory.GetGrain<IHostInventoryGrain>(IHostInventoryGrain.Key).Enroll(Name);
            _enrolled = true;
        }

        await ForwardObservationsAsync(heartbeat.Vms);
        var info = Describe(now);
        hosts.Update(info);
        return new HeartbeatReply(info.State, [.. record.Assignments.Values], PendingTasks());
    }

    /// <summary>Reads the lease at once, so the host's state is right from the first call of a new activation.</summary>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        try
        {
            _lease = await leases.ReadAsync(Name, cancellationToken);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The witness is away: the state derives from heartbeats until a heartbeat reads the lease.
            LogLeaseUnread(logger, Name, ex.Message);
        }

        await base.OnActivateAsync(cancellationToken);
    }

    public Task<HostInfo?> GetInfo() =>
        Task.FromResult(state.RecordExists ? Describe(time.GetUtcNow()) : null);

    public Task<VmObservation?> GetObservation(string vm) =>
        Task.FromResult(_observations.TryGetValue(vm, out var observation) ? observation : null);

    public async Task<HostInfo> SetMaintenance(bool enabled)
    {
        if (!state.RecordExists)
        {
            throw FabricException.NotFound("host", Name, "list hosts with 'fabric host list', or start fabric-agent on it first");
        }

        state.State.Maintenance = enabled;
        await _writes.WriteAsync();
        return Describe(time.GetUtcNow());
    }

    /// <summary>Tells each VM's grain what its host sees, only when that changed since the last heartbeat.</summary>
    private async Task ForwardObservationsAsync(IReadOnlyList<VmObservation> observations)
    {
        foreach (var observation in observations)
        {
            var stamped = observation with { Host = Name, ObservedAt = time.GetUtcNow() };
            if (_observations.TryGetValue(observation.Vm, out var previous) && ObservationComparer.SameAs(previous, stamped))
            {
                continue;
            }

            _observations[observation.Vm] = stamped;
            await GrainFactory.GetGrain<IVmGrain>(observation.Vm).Observe(stamped);
        }

        foreach (var gone in _observations.Keys.Except(observations.Select(o => o.Vm)).ToList())
        {
            _observations.Remove(gone);
        }
    }

    /// <summary>The host's state now, with its reason.</summary>
    private (HostState State, string Reason) Evaluate() =>
        HostStatePolicy.Evaluate(state.State, _lease, _lastHeartbeat ?? state.State.LastHeartbeat, time.GetUtcNow(), _options.UnreachableAfter);

    private bool IsStoredHeartbeatStale(HostRecord record, DateTimeOffset now) =>
        record.LastHeartbeat is null || now - record.LastHeartbeat.Value >= _options.PersistHeartbeatEvery;

    private HostInfo Describe(DateTimeOffset now)
    {
        var record = state.State;
        var lastHeartbeat = _lastHeartbeat ?? record.LastHeartbeat;
        var (hostState, reason) = HostStatePolicy.Evaluate(record, _lease, lastHeartbeat, now, _options.UnreachableAfter);
        return new HostInfo
        {
            Name = Name,
            State = hostState,
            StateReason = reason,
            Capabilities = record.Capabilities,
            LastHeartbeat = lastHeartbeat,
            RegisteredAt = record.RegisteredAt,
            RunningVms = hostState == HostState.Unreachable
                ? []
                : [.. _observations.Values.Where(o => o.Status is not VmStatus.Stopped and not VmStatus.Crashed).Select(o => o.Vm).Order(StringComparer.Ordinal)],
            AssignedVms = [.. record.Assignments.Keys.Order(StringComparer.Ordinal)],
            CommittedMemoryMiB = CommittedMemoryMiB(),
            CommittedVCpus = CommittedVCpus(),
            Lease = _lease is { } lease
                ? new HostLeaseInfo(lease.Holder, DateTimeOffset.FromUnixTimeMilliseconds(lease.RenewedAtMs), DateTimeOffset.FromUnixTimeMilliseconds(lease.ExpiresAtMs), lease.Generation)
                : null,
            FencedAt = record.FencedAt,
        };
    }
}
