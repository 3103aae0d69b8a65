using System.Text.Json;
using Fabric.Hypervisor.Qemu.GuestAgent;
using Fabric.Hypervisor.Qemu.Qmp;
using Microsoft.Extensions.Logging;

namespace Fabric.Hypervisor.Qemu.Lifecycle;

/// <summary>
/// A VM process this driver is attached to: its QMP connection, its guest-agent client, and a
/// monitor that watches QMP events to learn why the VM ends. Disposing detaches; the VM keeps running.
/// </summary>
internal sealed partial class QemuVm : IAsyncDisposable
{
    private readonly CancellationTokenSource _detaching = new();
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private Task _monitor = Task.CompletedTask;
    private int _monitorStarted;

    public QemuVm(VmRuntimePaths paths, VmRuntimeSpec spec, int pid, QemuHypervisorOptions options, ILogger logger, TimeProvider time)
    {
        Paths = paths;
        Spec = spec;
        Pid = pid;
        _logger = logger;
        _time = time;
        Qmp = new QmpConnection(paths.QmpSocket, options.QmpCommandTimeout, logger, time);
        Agent = new GuestAgentClient(paths.GuestAgentSocket, time);
    }

    public VmRuntimePaths Paths { get; }

    public VmRuntimeSpec Spec { get; }

    public int Pid { get; }

    public QmpConnection Qmp { get; }

    public GuestAgentClient Agent { get; }

    /// <summary>Set before the host stops the VM, so the coming SHUTDOWN is recorded as a host stop.</summary>
    public bool HostStopRequested { get; set; }

    public bool IsAlive => VmProcess.IsOurs(Pid, Paths.PidFile);

    public void StartMonitor()
    {
        if (Interlocked.Exchange(ref _monitorStarted, 1) == 0)
        {
            _monitor = Task.Run(() => MonitorAsync(_detaching.Token));
        }
    }

    /// <summary>QEMU's run state (<c>query-status</c>), e.g. running, paused, shutdown.</summary>
    public async Task<string> QueryStatusAsync(CancellationToken cancellationToken)
    {
        var status = await Qmp.ExecuteAsync("query-status", null, cancellationToken);
        return status.GetProperty("status").GetString() ?? "unknown";
    }

    public async ValueTask DisposeAsync()
    {
        await _detaching.CancelAsync();
        try
        {
            await _monitor;
        }
        catch (OperationCanceledException)
        {
            // Detaching is what we asked for.
        }

        await Qmp.DisposeAsync();

        Agent.Dispose();
        _detaching.Dispose();
    }

    private async Task MonitorAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested && IsAlive)
        {
            try
            {
                var client = await Qmp.GetClientAsync(cancellationToken);
                using var events = client.Subscribe();
                // -no-shutdown keeps a powered-off guest's QEMU around, so a shutdown that happened
                // while no agent watched is still visible here and gets recorded and cleaned up.
                await HandleStatusAsync(await QueryStatusAsync(cancellationToken), cancellationToken);
                await foreach (var qmpEvent in events.Reader.ReadAllAsync(cancellationToken))
                {
                    await HandleEventAsync(qmpEvent, cancellationToken);
                }
            }
            catch (Exception error) when (error is IOException or HypervisorException or QmpException or System.Net.Sockets.SocketException)
            {
                LogMonitorError(_logger, Spec.VmId, error.Message);
                await Task.Delay(TimeSpan.FromMilliseconds(200), _time, cancellationToken);
            }
        }

        if (!cancellationToken.IsCancellationRequested && !IsAlive)
        {
            VmRuntimeFiles.WriteExitOnce(Paths, new VmExitRecord(VmExitReason.ProcessLost,
                $"QEMU process {Pid} ended without a shutdown event: it was killed (SIGKILL, OOM killer) or crashed.", _time.GetUtcNow()));
            LogVmEnded(_logger, Spec.VmId, "process lost");
        }
    }

    private async Task HandleStatusAsync(string status, CancellationToken cancellationToken)
    {
        if (status == "shutdown")
        {
            await RecordAndQuitAsync(HostStopRequested ? VmExitReason.HostStop : VmExitReason.GuestShutdown, "the guest powered off", quit: true, cancellationToken);
        }
        else if (status == "guest-panicked")
        {
            await RecordAndQuitAsync(VmExitReason.GuestCrashed, "the guest kernel panicked", quit: true, cancellationToken);
        }
    }

    private async Task HandleEventAsync(QmpEvent qmpEvent, CancellationToken cancellationToken)
    {
        switch (qmpEvent.Name)
        {
            case "SHUTDOWN":
                var reason = qmpEvent.GetString("reason") ?? "unknown";
                var byGuest = qmpEvent.Data.TryGetProperty("guest", out var guest) && guest.ValueKind == JsonValueKind.True;
                var exit = reason == "guest-panic" ? VmExitReason.GuestCrashed
                    : byGuest && !HostStopRequested ? VmExitReason.GuestShutdown
                    : VmExitReason.HostStop;
                await RecordAndQuitAsync(exit, $"QEMU reported SHUTDOWN ({reason})", quit: byGuest, cancellationToken);
                break;
            case "GUEST_PANICKED":
                await RecordAndQuitAsync(VmExitReason.GuestCrashed, "QEMU reported GUEST_PANICKED", quit: true, cancellationToken);
                break;
        }
    }

    private async Task RecordAndQuitAsync(VmExitReason reason, string detail, bool quit, CancellationToken cancellationToken)
    {
        VmRuntimeFiles.WriteExitOnce(Paths, new VmExitRecord(reason, detail, _time.GetUtcNow()));
        LogVmEnded(_logger, Spec.VmId, detail);
        if (!quit)
        {
            // QEMU itself is ending (host quit or signal); nothing to do.
            return;
        }

        try
        {
            // The process stays after a shutdown (-no-shutdown); nothing else will end it.
            await Qmp.ExecuteAsync("quit", null, cancellationToken);
        }
        catch (Exception error) when (error is IOException or HypervisorException)
        {
            // Already gone.
        }
    }
}
