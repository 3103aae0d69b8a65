using Fabric.Hypervisor.Qemu.CommandLine;
using Fabric.Hypervisor.Qemu.Lifecycle;

namespace Fabric.Hypervisor.Qemu;

public sealed partial class QemuHypervisor
{
    public Task<VmRuntimeStatus> StartAsync(VmRuntimeSpec spec, CancellationToken cancellationToken) =>
        LaunchAsync(spec, incomingState: null, cancellationToken);

    /// <summary>Launches QEMU for <paramref name="spec"/>; with <paramref name="incomingState"/> it loads that state file first.</summary>
    private async Task<VmRuntimeStatus> LaunchAsync(VmRuntimeSpec spec, string? incomingState, CancellationToken cancellationToken)
    {
        VmSpecValidator.Validate(spec);
        var gate = LockOf(spec.VmId);
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (await GetStatusAsync(spec.VmId, cancellationToken) is { } existing)
            {
                if (existing.ExitReason is null)
                {
                    throw new HypervisorException(HypervisorErrorCode.AlreadyRunning,
                        $"VM '{spec.VmId}' is already running on this host (pid {existing.ProcessId}, {existing.State}); stop it before starting it again.");
                }

                Forget(spec.VmId);
            }

            CheckFilesExist(spec);
            var accelerator = (await ProbeAsync(cancellationToken)).Acceleration.Accelerator;
            var paths = PathsOf(spec.VmId);
            var argv = QemuCommandLineBuilder.Build(spec, paths, accelerator, incomingState is not null);
            // Owner-only: the sockets in there control the VM.
            if (OperatingSystem.IsLinux())
            {
                Directory.CreateDirectory(paths.Directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
            else
            {
                Directory.CreateDirectory(paths.Directory);
            }

            VmRuntimeFiles.WriteSpec(paths, spec);
            _starting[spec.VmId] = 0;
            try
            {
                LogStarting(_logger, spec.VmId, accelerator, string.Join(' ', argv));
                await _launcher.LaunchAsync(argv, spec.VmId, cancellationToken);
                var vm = await AttachAsync(paths, spec) ?? throw new HypervisorException(HypervisorErrorCode.Failed,
                    $"QEMU for VM '{spec.VmId}' reported success but no live process owns {paths.PidFile}.");
                if (incomingState is not null)
                {
                    await LoadStateAsync(vm, incomingState, cancellationToken);
                }

                await vm.QueryStatusAsync(cancellationToken);
            }
            catch
            {
                // Nothing half-started stays behind: no stray QEMU, no runtime directory.
                await KillAndForgetAsync(spec.VmId);
                throw;
            }
            finally
            {
                _starting.TryRemove(spec.VmId, out _);
            }

            return (await GetStatusAsync(spec.VmId, cancellationToken))!;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Refuses disks and ISOs outside the pools or missing, before anything is created.</summary>
    private void CheckFilesExist(VmRuntimeSpec spec)
    {
        foreach (var disk in spec.Disks)
        {
            var path = Pools.Resolve(disk.Path, $"Disk '{disk.Id}' of VM '{spec.VmId}'");
            Require(File.Exists(path.FullPath), $"Disk '{disk.Id}' of VM '{spec.VmId}': image '{disk.Path}' does not exist; create it first.");
        }

        foreach (var cdrom in spec.CdRoms.Where(c => c.IsoPath is not null))
        {
            var path = Pools.Resolve(cdrom.IsoPath!, $"ISO in '{cdrom.Id}' of VM '{spec.VmId}'");
            Require(File.Exists(path.FullPath), $"ISO '{cdrom.IsoPath}' for '{cdrom.Id}' of VM '{spec.VmId}' does not exist; upload it to the pool or choose another.");
        }

        if (spec.DirectKernelBoot is { } boot)
        {
            // Kernel and initrd are host files chosen by the operator, not tenant data, so they need not be in a pool.
            Require(File.Exists(boot.KernelPath), $"Kernel '{boot.KernelPath}' for VM '{spec.VmId}' does not exist.");
            Require(boot.InitrdPath is null || File.Exists(boot.InitrdPath), $"Initrd '{boot.InitrdPath}' for VM '{spec.VmId}' does not exist.");
        }
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new HypervisorException(HypervisorErrorCode.NotFound, message);
        }
    }

    private async Task KillAndForgetAsync(string vmId)
    {
        var paths = PathsOf(vmId);
        await DetachAsync(vmId);
        if (VmProcess.ReadPid(paths.PidFile) is { } pid)
        {
            VmProcess.Kill(pid, paths.PidFile);
            await VmProcess.WaitForExitAsync(pid, paths.PidFile, TimeSpan.FromSeconds(10), _time, CancellationToken.None);
        }

        Forget(vmId);
    }

    /// <summary>Removes the runtime directory of a VM whose process is gone.</summary>
    private void Forget(string vmId)
    {
        var directory = PathsOf(vmId).Directory;
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
