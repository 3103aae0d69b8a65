using System.Net.Sockets;
using Fabric.Hypervisor.Qemu.Lifecycle;

namespace Fabric.Hypervisor.Qemu;

/// <summary>
/// Save and restore use QEMU's migration stream over a unix socket the agent serves: QEMU 7.2 has
/// no <c>file:</c> migration URI, and <c>exec:</c> would mean a shell.
/// </summary>
public sealed partial class QemuHypervisor
{
    private static readonly TimeSpan StateTransferTimeout = TimeSpan.FromMinutes(10);

    public async Task SaveStateAsync(string vmId, string stateFilePath, CancellationToken cancellationToken)
    {
        var gate = LockOf(vmId);
        await gate.WaitAsync(cancellationToken);
        try
        {
            var vm = await RequireRunningAsync(vmId, "save", cancellationToken);
            var target = Pools.Resolve(stateFilePath, "State file");
            if (File.Exists(target.FullPath))
            {
                throw new HypervisorException(HypervisorErrorCode.InvalidSpec, $"State file '{stateFilePath}' already exists; choose another name or delete it.");
            }

            await vm.Qmp.ExecuteAsync("stop", null, cancellationToken);
            try
            {
                File.Delete(vm.Paths.StateTransferSocket);
                using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                listener.Bind(new UnixDomainSocketEndPoint(vm.Paths.StateTransferSocket));
                listener.Listen(1);
                await vm.Qmp.ExecuteAsync("migrate", new Dictionary<string, object> { ["uri"] = $"unix:{vm.Paths.StateTransferSocket}" }, cancellationToken);
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(StateTransferTimeout);
                using (var connection = await listener.AcceptAsync(timeout.Token))
                await using (var stream = new NetworkStream(connection))
                await using (var file = new FileStream(target.FullPath, FileMode.CreateNew))
                {
                    await stream.CopyToAsync(file, timeout.Token);
                }

                await WaitForMigrationAsync(vm, timeout.Token);
            }
            catch
            {
                File.Delete(target.FullPath);
                await vm.Qmp.ExecuteAsync("cont", null, CancellationToken.None);
                throw;
            }

            vm.HostStopRequested = true;
            await KillAsync(vm);
            await DetachAsync(vmId);
            Forget(vmId);
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task<VmRuntimeStatus> RestoreStateAsync(VmRuntimeSpec spec, string stateFilePath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var source = Pools.Resolve(stateFilePath, "State file");
        if (!File.Exists(source.FullPath))
        {
            throw new HypervisorException(HypervisorErrorCode.NotFound, $"State file '{stateFilePath}' does not exist; save the VM first.");
        }

        return await LaunchAsync(spec, source.FullPath, cancellationToken);
    }

    /// <summary>Feeds a state file to a QEMU started with <c>-incoming defer</c> and waits until the VM runs.</summary>
    private async Task LoadStateAsync(QemuVm vm, string stateFile, CancellationToken cancellationToken)
    {
        await vm.Qmp.ExecuteAsync("migrate-incoming", new Dictionary<string, object> { ["uri"] = $"unix:{vm.Paths.StateTransferSocket}" }, cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StateTransferTimeout);
        using (var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(vm.Paths.StateTransferSocket), timeout.Token);
            await using var stream = new NetworkStream(socket);
            await using var file = File.OpenRead(stateFile);
            await file.CopyToAsync(stream, timeout.Token);
        }

        while (QemuRunStates.Map(await vm.QueryStatusAsync(timeout.Token)) == VmRunState.Starting)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), _time, timeout.Token);
        }

        // Saving paused the vCPUs first (a consistent image without dirty-page rounds), and the
        // stream carries that paused state; a restored VM runs again, as after Hyper-V's restore.
        await vm.Qmp.ExecuteAsync("cont", null, cancellationToken);
    }

    private async Task WaitForMigrationAsync(QemuVm vm, CancellationToken cancellationToken)
    {
        while (true)
        {
            var migration = await vm.Qmp.ExecuteAsync("query-migrate", null, cancellationToken);
            var status = migration.TryGetProperty("status", out var s) ? s.GetString() : null;
            switch (status)
            {
                case "completed":
                    return;
                case "failed" or "cancelled":
                    var why = migration.TryGetProperty("error-desc", out var e) ? e.GetString() : status;
                    throw new HypervisorException(HypervisorErrorCode.Failed, $"Saving VM '{vm.Spec.VmId}' failed: {why}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), _time, cancellationToken);
        }
    }
}
