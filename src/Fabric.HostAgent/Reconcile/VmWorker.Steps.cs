using Fabric.Contracts.Hosts;
using Fabric.Contracts.Vms;
using Fabric.Hypervisor;
using DriverStopMode = Fabric.Hypervisor.StopMode;

namespace Fabric.HostAgent.Reconcile;

/// <summary>The decision table: given the desired power and what runs, the one thing to do next.</summary>
public sealed partial class VmWorker
{
    /// <summary>Does the next step towards <paramref name="desired"/>; false when nothing needed doing.</summary>
    private async Task<bool> StepAsync(VmAssignment? desired, VmRuntimeStatus? status, CancellationToken token)
    {
        var alive = IsProcessAlive(status);
        var wasLeftDown = _leftDown;
        _leftDown = null;
        if (desired is null)
        {
            // Not assigned here (any more): it must not run here, or it could run twice.
            LogStoppingUnassigned(_logger, Vm);
            await _hypervisor.StopAsync(Vm, DriverStopMode.Force, TimeSpan.Zero, token);
            return true;
        }

        if (_applied is { } applied && desired.Epoch < applied.Epoch)
        {
            // An older placement than the one this host carried out: never act on it.
            return false;
        }

        var stateFile = _paths.StateFile(desired);
        switch (desired.Power)
        {
            case PowerState.Stopped when alive:
                await _hypervisor.StopAsync(Vm, desired.StopMode == Contracts.Vms.StopMode.Force ? DriverStopMode.Force : DriverStopMode.Graceful, desired.ShutdownTimeout, token);
                return true;
            case PowerState.Stopped when File.Exists(stateFile):
                File.Delete(stateFile); // stopping a suspended VM discards its saved memory, as Hyper-V's "delete saved state"
                return true;
            case PowerState.Suspended when alive:
                Directory.CreateDirectory(Path.GetDirectoryName(stateFile)!);
                await _hypervisor.SaveStateAsync(Vm, stateFile, token);
                return true;
            case PowerState.Running or PowerState.Paused when !alive:
                if (RestartPolicyDecision.WhyLeftDown(desired, _applied, status) is { } why)
                {
                    // Reported as Stopped with the reason; the cluster then asks for Stopped itself.
                    _leftDown = why;
                    if (wasLeftDown != why)
                    {
                        LogLeftDown(_logger, Vm, why);
                    }

                    return false;
                }

                await StartAsync(desired, stateFile, token);
                return true;
            case PowerState.Running when status!.State == VmRunState.Paused:
                await _hypervisor.ResumeAsync(Vm, token);
                return true;
            case PowerState.Paused when status!.State == VmRunState.Running:
                await _hypervisor.PauseAsync(Vm, token);
                return true;
            case PowerState.Running or PowerState.Paused:
                return await ApplyChangesAsync(desired, token);
            default:
                return false;
        }
    }

    private async Task StartAsync(VmAssignment desired, string stateFile, CancellationToken token)
    {
        var spec = _translator.Translate(desired);
        if (File.Exists(stateFile))
        {
            await _hypervisor.RestoreStateAsync(spec, stateFile, token);
            File.Delete(stateFile);
        }
        else
        {
            await _hypervisor.StartAsync(spec, token);
        }

        var controllers = spec.Disks.Any(d => d.Bus == Hypervisor.DiskBus.VirtioScsi) ? 1 : 0;
        Record(new AppliedVm
        {
            Epoch = desired.Epoch,
            Spec = spec,
            ScsiControllers = controllers,
            ResetCount = desired.ResetCount,
            RestartCount = desired.RestartCount,
            DiskSizes = desired.Disks.ToDictionary(d => d.Name, d => d.SizeBytes),
        });
        _guestReady = false;
        _guest = null;
        LogStarted(_logger, Vm, desired.Epoch);
    }

    /// <summary>Restart, reset and hot-plug on a running VM: at most one per pass.</summary>
    private async Task<bool> ApplyChangesAsync(VmAssignment desired, CancellationToken token)
    {
        var applied = _applied ?? throw new InvalidOperationException($"VM '{Vm}' runs but this agent has no record of starting it; stop it and start it again");
        if (desired.RestartCount > applied.RestartCount)
        {
            // A fresh start carries out every restart and reset asked so far.
            await _hypervisor.StopAsync(Vm, DriverStopMode.Graceful, desired.ShutdownTimeout, token);
            await StartAsync(desired, _paths.StateFile(desired), token);
            return true;
        }

        if (desired.ResetCount > applied.ResetCount)
        {
            await _hypervisor.ResetAsync(Vm, token);
            Record(applied with { ResetCount = desired.ResetCount });
            return true;
        }

        var step = HotplugPlanner.Next(desired, _translator.Translate(desired), applied);
        if (step is null)
        {
            return false;
        }

        await ApplyAsync(step, token);
        Record(HotplugPlanner.Apply(applied, step) with { Epoch = desired.Epoch });
        LogHotplugged(_logger, Vm, step.Description);
        return true;
    }

    private Task ApplyAsync(HotplugStep step, CancellationToken token) => step switch
    {
        HotplugStep.AddScsiController c => _hypervisor.Hotplug.AddScsiControllerAsync(Vm, c.ControllerId, token),
        HotplugStep.AttachDisk a => _hypervisor.Hotplug.AttachDiskAsync(Vm, a.Disk, a.ScsiController, token),
        HotplugStep.DetachDisk d => _hypervisor.Hotplug.DetachDiskAsync(Vm, d.DiskId, token),
        HotplugStep.ResizeDisk r => _hypervisor.Hotplug.ResizeDiskAsync(Vm, r.DiskId, r.SizeBytes, token),
        HotplugStep.AddNic n => _hypervisor.Hotplug.AddNicAsync(Vm, n.Nic, token),
        HotplugStep.RemoveNic n => _hypervisor.Hotplug.RemoveNicAsync(Vm, n.NicId, token),
        HotplugStep.ChangeMedium m => _hypervisor.Hotplug.ChangeMediumAsync(Vm, m.CdromId, m.IsoPath, token),
        _ => throw new InvalidOperationException($"unknown hot-plug step {step}"),
    };

    private void Record(AppliedVm applied)
    {
        _applied = applied;
        _store.Save(Vm, applied);
    }
}
