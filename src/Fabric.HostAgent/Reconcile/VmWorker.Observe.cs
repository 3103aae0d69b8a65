using Fabric.Contracts.Vms;
using Fabric.Hypervisor;

namespace Fabric.HostAgent.Reconcile;

/// <summary>Turns what the driver and the guest agent report into the observation the cluster sees.</summary>
public sealed partial class VmWorker
{
    private async Task ObserveAsync(VmRuntimeStatus? status, CancellationToken token)
    {
        var desired = _desired;
        var (state, detail) = status is null
            ? desired is not null && File.Exists(_paths.StateFile(desired)) ? (VmStatus.Suspended, "memory saved to disk") : (VmStatus.Stopped, "not running")
            : Map(status);
        if (_leftDown is { } why && state is VmStatus.Stopped or VmStatus.Crashed)
        {
            (state, detail) = (VmStatus.Stopped, why);
        }

        if (state == VmStatus.Running && _applied?.Spec.Profile == Hypervisor.DeviceProfile.Paravirtual)
        {
            (state, detail) = await CheckGuestAsync(token);
        }
        else if (state != VmStatus.Running)
        {
            _guestReady = false;
        }

        var previous = Observation;
        Observation = new VmObservation
        {
            Vm = Vm,
            Epoch = desired?.Epoch ?? _applied?.Epoch ?? 0,
            Status = state,
            Detail = detail,
            Guest = _guestReady ? _guest : null,
            DiskSizes = state is VmStatus.Running or VmStatus.Paused && _applied is not null ? _applied.DiskSizes : new Dictionary<string, long>(),
            AppliedResetCount = _applied?.ResetCount ?? 0,
            AppliedRestartCount = _applied?.RestartCount ?? 0,
            Error = _error,
        };

        if (IsNews(previous, Observation))
        {
            _observationChanged();
        }
    }

    /// <summary>
    /// Whether the cluster should hear of this observation now rather than at the next interval: what
    /// completes or fails an operation changed. Details and guest facts refreshed in passing are not news.
    /// </summary>
    private static bool IsNews(VmObservation before, VmObservation after) =>
        before.Status != after.Status || before.Epoch != after.Epoch || before.Error != after.Error
        || before.AppliedResetCount != after.AppliedResetCount || before.AppliedRestartCount != after.AppliedRestartCount
        || (before.Guest is null) != (after.Guest is null)
        || before.DiskSizes.Count != after.DiskSizes.Count
        || before.DiskSizes.Any(d => !after.DiskSizes.TryGetValue(d.Key, out var size) || size != d.Value);

    private static (VmStatus, string) Map(VmRuntimeStatus status) => status.State switch
    {
        VmRunState.Starting => (VmStatus.Starting, status.Detail),
        VmRunState.Running => (VmStatus.Running, "running"),
        VmRunState.Paused => (VmStatus.Paused, "paused"),
        VmRunState.Suspended => (VmStatus.Suspended, status.Detail),
        VmRunState.ShuttingDown => (VmStatus.ShuttingDown, status.Detail),
        VmRunState.Crashed => (VmStatus.Crashed, status.ExitReason is { } why ? $"ended: {why}" : status.Detail),
        _ => (VmStatus.Stopped, status.ExitReason is { } reason ? $"ended: {reason}" : status.Detail),
    };

    /// <summary>A paravirtual VM counts as Running once its guest agent answers; OS and IPs are refreshed now and then.</summary>
    private async Task<(VmStatus, string)> CheckGuestAsync(CancellationToken token)
    {
        var now = _time.GetUtcNow();
        if (_guestReady && now - _guestCheckedAt < GuestRefresh)
        {
            return (VmStatus.Running, "running; guest agent answers");
        }

        _guestCheckedAt = now;
        try
        {
            await _hypervisor.GuestAgent.PingAsync(Vm, token);
            var os = await _hypervisor.GuestAgent.GetOsInfoAsync(Vm, token);
            var nics = await _hypervisor.GuestAgent.GetNetworkInterfacesAsync(Vm, token);
            var ips = nics.Where(n => n.Name != "lo").SelectMany(n => n.IpAddresses).Where(ip => !ip.StartsWith("fe80", StringComparison.OrdinalIgnoreCase)).ToList();
            _guest = new GuestInfo(os.Name ?? os.Id ?? "", os.Version ?? "", os.KernelRelease, ips, now);
            _guestReady = true;
            return (VmStatus.Running, "running; guest agent answers");
        }
        catch (Exception) when (!_guestReady)
        {
            return (VmStatus.Starting, "waiting for guest agent");
        }
        catch (Exception ex) when (ex is HypervisorException or TimeoutException or IOException)
        {
            // It answered before: the VM runs, the agent is busy or restarting.
            return (VmStatus.Running, $"running; guest agent did not answer ({ex.Message})");
        }
    }
}
