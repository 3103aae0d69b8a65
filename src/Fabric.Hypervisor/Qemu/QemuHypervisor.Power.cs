using Fabric.Hypervisor.Qemu.Lifecycle;

namespace Fabric.Hypervisor.Qemu;

public sealed partial class QemuHypervisor
{
    /// <summary>How long QMP <c>quit</c> gets before SIGKILL.</summary>
    private static readonly TimeSpan QuitGrace = TimeSpan.FromSeconds(5);

    public async Task StopAsync(string vmId, StopMode mode, TimeSpan gracePeriod, CancellationToken cancellationToken)
    {
        var gate = LockOf(vmId);
        await gate.WaitAsync(cancellationToken);
        try
        {
            var status = await GetStatusAsync(vmId, cancellationToken)
                ?? throw new HypervisorException(HypervisorErrorCode.NotFound, $"Cannot stop VM '{vmId}': it is not running on this host.");
            if (status.ExitReason is null && _attached.TryGetValue(vmId, out var vm))
            {
                vm.HostStopRequested = true;
                if (mode == StopMode.Graceful)
                {
                    await ShutDownGracefullyAsync(vm, gracePeriod, cancellationToken);
                }

                await KillAsync(vm);
            }

            await DetachAsync(vmId);
            Forget(vmId);
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task PauseAsync(string vmId, CancellationToken cancellationToken)
    {
        var vm = await RequireStateAsync(vmId, VmRunState.Running, "pause", cancellationToken);
        await vm.Qmp.ExecuteAsync("stop", null, cancellationToken);
    }

    public async Task ResumeAsync(string vmId, CancellationToken cancellationToken)
    {
        var vm = await RequireRunningAsync(vmId, "resume", cancellationToken);
        var state = await vm.QueryStatusAsync(cancellationToken);
        // A guest suspended to RAM wakes up through ACPI; a paused one just continues.
        var command = state switch
        {
            "suspended" => "system_wakeup",
            "running" => throw new HypervisorException(HypervisorErrorCode.NotRunning, $"Cannot resume VM '{vmId}': it is running, not paused."),
            _ => "cont",
        };
        await vm.Qmp.ExecuteAsync(command, null, cancellationToken);
    }

    public async Task ResetAsync(string vmId, CancellationToken cancellationToken)
    {
        var vm = await RequireRunningAsync(vmId, "reset", cancellationToken);
        await vm.Qmp.ExecuteAsync("system_reset", null, cancellationToken);
    }

    private async Task<QemuVm> RequireStateAsync(string vmId, VmRunState expected, string operation, CancellationToken cancellationToken)
    {
        var vm = await RequireRunningAsync(vmId, operation, cancellationToken);
        var state = QemuRunStates.Map(await vm.QueryStatusAsync(cancellationToken));
        if (state != expected)
        {
            throw new HypervisorException(HypervisorErrorCode.NotRunning, $"Cannot {operation} VM '{vmId}': it is {state}, not {expected}.");
        }

        return vm;
    }

    /// <summary>Guest agent first (clean, OS-level), then the ACPI power button, each within a share of the grace period.</summary>
    private async Task ShutDownGracefullyAsync(QemuVm vm, TimeSpan gracePeriod, CancellationToken cancellationToken)
    {
        var deadline = _time.GetUtcNow() + gracePeriod;
        if (vm.Spec.Profile == DeviceProfile.Paravirtual)
        {
            LogStopStep(_logger, vm.Spec.VmId, "guest agent shutdown");
            var agentBudget = gracePeriod / 2;
            try
            {
                await vm.Agent.SendWithoutReplyAsync("guest-shutdown", new Dictionary<string, string> { ["mode"] = "powerdown" },
                    agentBudget < _options.GuestAgentTimeout ? agentBudget : _options.GuestAgentTimeout, cancellationToken);
                if (await WaitForExitUntilAsync(vm, _time.GetUtcNow() + agentBudget, cancellationToken))
                {
                    return;
                }
            }
            catch (HypervisorException)
            {
                // No agent answering (still booting, or not installed): fall through to ACPI.
            }
        }

        LogStopStep(_logger, vm.Spec.VmId, "ACPI power button");
        try
        {
            await vm.Qmp.ExecuteAsync("system_powerdown", null, cancellationToken);
        }
        catch (Exception error) when (error is IOException or HypervisorException)
        {
            // Already going away.
        }

        await WaitForExitUntilAsync(vm, deadline, cancellationToken);
    }

    private async Task<bool> WaitForExitUntilAsync(QemuVm vm, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var remaining = deadline - _time.GetUtcNow();
        return await VmProcess.WaitForExitAsync(vm.Pid, vm.Paths.PidFile, remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, _time, cancellationToken);
    }

    /// <summary>QMP <c>quit</c> (QEMU flushes and exits), then SIGKILL if QEMU does not answer: a hung QEMU must still die.</summary>
    private async Task KillAsync(QemuVm vm)
    {
        if (!vm.IsAlive)
        {
            return;
        }

        LogStopStep(_logger, vm.Spec.VmId, "quit");
        try
        {
            await vm.Qmp.ExecuteAsync("quit", null, CancellationToken.None, QuitGrace);
        }
        catch (Exception error) when (error is IOException or HypervisorException)
        {
            // Hung or already gone; SIGKILL below settles it.
        }

        if (!await VmProcess.WaitForExitAsync(vm.Pid, vm.Paths.PidFile, QuitGrace, _time, CancellationToken.None))
        {
            LogStopStep(_logger, vm.Spec.VmId, "SIGKILL");
            VmProcess.Kill(vm.Pid, vm.Paths.PidFile);
            await VmProcess.WaitForExitAsync(vm.Pid, vm.Paths.PidFile, QuitGrace, _time, CancellationToken.None);
        }
    }
}
