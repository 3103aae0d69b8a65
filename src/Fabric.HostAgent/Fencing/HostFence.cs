using Fabric.HostAgent.Reconcile;
using Fabric.Hypervisor;

namespace Fabric.HostAgent.Fencing;

/// <summary>
/// Fences this host when it lost its lease: closes the gate so nothing is driven, kills (SIGKILL, no
/// shutdown) every HA VM, drops the VM workers, and becomes a new incarnation that must win a lease
/// before it drives anything again. Non-HA VMs keep running and are re-adopted then. The cluster
/// restarts the HA VMs elsewhere only after the lease's expiry plus a margin, by which time they are dead here.
/// </summary>
public sealed partial class HostFence(
    LeaseGate gate, FenceTargets targets, VmReconciler reconciler, IHypervisor hypervisor, IFencePet pet, ILogger<HostFence> logger)
{
    private static readonly TimeSpan DriverTimeout = TimeSpan.FromSeconds(2);
    private readonly SemaphoreSlim _one = new(1, 1);

    public async Task FenceAsync(string why, CancellationToken cancellationToken)
    {
        await _one.WaitAsync(cancellationToken);
        try
        {
            gate.BeginFence();
            var victims = targets.Current();
            LogFencing(logger, gate.Identity.Incarnation, why, victims.Count);
            foreach (var vm in victims)
            {
                await KillAsync(vm, why);
            }

            await reconciler.DropAllAsync();

            // A worker may have been starting one of them as the gate closed: look once more.
            foreach (var vm in victims)
            {
                await KillIfAliveAsync(vm.Vm, why);
            }

            pet.Fenced();
            LogFenced(logger, victims.Count, gate.EndFence());
        }
        finally
        {
            _one.Release();
        }
    }

    private async Task KillAsync(HaVm vm, string why)
    {
        if (vm.Process is { } process)
        {
            // Straight at the process: the driver may be stuck talking to a frozen QEMU.
            if (ProcessStartTime.Matches(process.Pid, process.StartTime) && PosixProcesses.Kill(process.Pid))
            {
                LogKilled(logger, vm.Vm, process.Pid, why);
            }

            return;
        }

        try
        {
            using var timeout = new CancellationTokenSource(DriverTimeout);
            await hypervisor.StopAsync(vm.Vm, StopMode.Force, TimeSpan.Zero, timeout.Token);
            LogStopped(logger, vm.Vm, why);
        }
        catch (Exception ex) when (ex is HypervisorException or OperationCanceledException or IOException)
        {
            LogKillFailed(logger, vm.Vm, ex.Message);
        }
    }

    private async Task KillIfAliveAsync(string vm, string why)
    {
        try
        {
            using var timeout = new CancellationTokenSource(DriverTimeout);
            if (await hypervisor.GetStatusAsync(vm, timeout.Token) is { ExitReason: null } status && status.State != VmRunState.Stopped)
            {
                var process = status.ProcessId is { } pid && ProcessStartTime.Read(pid) is { } started ? new FencedProcess(vm, pid, started) : null;
                await KillAsync(new HaVm(vm, process), why);
            }
        }
        catch (Exception ex) when (ex is HypervisorException or OperationCanceledException or IOException)
        {
            LogKillFailed(logger, vm, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Fencing this host (incarnation {Incarnation}): {Why}. Killing its {Count} HA VMs so they can run elsewhere; no VM is driven until a new lease is won")]
    private static partial void LogFencing(ILogger logger, string incarnation, string why, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fence: killed VM {Vm} (QEMU pid {Pid}, SIGKILL): {Why}")]
    private static partial void LogKilled(ILogger logger, string vm, int pid, string why);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fence: stopped VM {Vm} by force: {Why}")]
    private static partial void LogStopped(ILogger logger, string vm, string why);

    [LoggerMessage(Level = LogLevel.Error, Message = "Fence: could not kill VM {Vm}: {Reason}; the fence companion kills its process at the lease deadline")]
    private static partial void LogKillFailed(ILogger logger, string vm, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fence done ({Count} HA VMs killed); the agent is now incarnation {Incarnation} and waits for a lease before it drives any VM")]
    private static partial void LogFenced(ILogger logger, int count, string incarnation);
}
