using Fabric.Contracts.Hosts.Leases;
using Fabric.HostAgent.Configuration;
using Fabric.HostAgent.Heartbeat;

namespace Fabric.HostAgent.Fencing;

/// <summary>
/// Keeps the host's lease, apart from the heartbeat (a slow grain call must never delay a fence):
/// renews it every <see cref="FencingSettings.RenewEvery"/> and, separately, checks every
/// <see cref="CheckEvery"/> whether it ran out, fencing the host at once if so.
/// </summary>
/// <remarks>
/// The timing argument (docs/high-availability.md has it in full): a grant is counted from when the
/// renewal was sent, before the witness stamped it, so this agent's deadline falls before the
/// witness's expiry however long the call took. At that deadline this agent kills its HA VMs, and if
/// it is hung its fence companion does (same deadline, petted after every grant). The cluster
/// re-places them only after the witness's expiry plus a margin covering the kill and the clock-rate
/// difference over one TTL. A renewal that failed keeps the old deadline; one refused fences now.
/// </remarks>
public sealed partial class LeaseKeeper(
    AgentSettings settings,
    ILeaseWitness witness,
    LeaseGate gate,
    HostFence fence,
    FenceTargets targets,
    IFencePet pet,
    HeartbeatTrigger heartbeat,
    TimeProvider time,
    ILogger<LeaseKeeper> logger) : BackgroundService
{
    public static readonly TimeSpan CheckEvery = TimeSpan.FromMilliseconds(100);

    private string? _holderSeen;
    private bool _witnessLost;

    /// <summary>
    /// Renews from a thread of its own (the Redis witness answers it synchronously), so a starved thread
    /// pool cannot hold a renewal back: seen in the chaos harness, where a silo's death on a loaded
    /// machine delayed renewals past the lease and a healthy host fenced itself.
    /// </summary>
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(DedicatedThread.Run("fabric-lease-renewal", () => RenewLoop(stoppingToken)), Task.Run(() => CheckLoopAsync(stoppingToken), stoppingToken));

    /// <summary>One renewal, and what follows from its outcome.</summary>
    public async Task RenewOnceAsync(CancellationToken cancellationToken)
    {
        var fencing = settings.Fencing;
        var incarnation = gate.Identity.Incarnation;
        var sentAt = time.GetTimestamp();
        LeaseDecision decision;
        try
        {
            decision = await witness.RenewAsync(settings.HostName, incarnation, gate.Identity.HostToken, fencing.LeaseTtl, cancellationToken)
                .WaitAsync(fencing.RenewTimeout, time, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Unreachable or too slow: the lease stands until its deadline, then the check fences.
            if (!_witnessLost)
            {
                _witnessLost = true;
                LogWitnessLost(logger, settings.HostName, ex.GetType().Name, ex.Message, fencing.LeaseTtl.TotalSeconds);
            }

            return;
        }

        if (_witnessLost)
        {
            _witnessLost = false;
            LogWitnessRestored(logger, settings.HostName);
        }

        switch (decision.Outcome)
        {
            case var _ when decision.Granted:
                _holderSeen = null;
                if (gate.Grant(incarnation, sentAt, fencing.LeaseTtl))
                {
                    LogLeaseWon(logger, settings.HostName, incarnation, decision.Outcome, decision.Lease?.Generation ?? 0);
                    heartbeat.Nudge();
                }

                if (gate.ValidUntil is { } until && gate.IsHeld)
                {
                    pet.Pet(MonotonicClock.ToNs(until, time.TimestampFrequency), targets.Current());
                }

                break;
            case LeaseOutcome.Held:
                var holder = decision.Lease?.Holder ?? "another incarnation";
                if (holder != _holderSeen)
                {
                    _holderSeen = holder;
                    LogStandingDown(logger, settings.HostName, holder, incarnation);
                }

                if (gate.BelievedHeld)
                {
                    await fence.FenceAsync($"incarnation {holder} of another machine took the lease", cancellationToken);
                }

                break;
            case LeaseOutcome.Lapsed when incarnation != gate.Identity.Incarnation:
                // The answer to a renewal sent before this agent fenced itself: that incarnation is gone already.
                break;
            default:
                await fence.FenceAsync("the witness says this incarnation's lease lapsed before it was renewed", cancellationToken);
                break;
        }
    }

    /// <summary>Fences when the lease was held and its deadline passed without a renewal.</summary>
    public async Task CheckOnceAsync(CancellationToken cancellationToken)
    {
        if (gate.RanOut)
        {
            await fence.FenceAsync($"the lease was not renewed within its {settings.Fencing.LeaseTtl.TotalSeconds:0.###} s (witness unreachable or too slow)", cancellationToken);
        }
    }

    private void RenewLoop(CancellationToken stoppingToken)
    {
        LogStarting(logger, settings.HostName, gate.Identity.Incarnation, settings.Fencing.LeaseTtl.TotalMilliseconds, settings.Fencing.RenewEvery.TotalMilliseconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            var began = time.GetTimestamp();
            GuardAsync(RenewOnceAsync, stoppingToken).GetAwaiter().GetResult();
            var left = settings.Fencing.RenewEvery - time.GetElapsedTime(began);
            if (left > TimeSpan.Zero)
            {
                stoppingToken.WaitHandle.WaitOne(left);
            }
        }
    }

    private async Task CheckLoopAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(CheckEvery, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await GuardAsync(CheckOnceAsync, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task GuardAsync(Func<CancellationToken, Task> step, CancellationToken stoppingToken)
    {
        try
        {
            await step(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            LogStepFailed(logger, ex);
        }
    }
}
