using System.Runtime.InteropServices;

namespace Fabric.Cli;

/// <summary>
/// Turns SIGINT (Ctrl-C) and SIGTERM into a cancelled token. The first signal asks for a clean stop,
/// so the runtime's default (immediate exit) is suppressed; a second one is let through, for when the
/// clean stop takes too long: the children then get their parent-death signal (see Up/ChildLauncher).
/// </summary>
internal sealed class ShutdownSignals : IDisposable
{
    private readonly CancellationTokenSource _cancellation = new();
    private readonly PosixSignalRegistration _interrupt;
    private readonly PosixSignalRegistration _terminate;

    public ShutdownSignals()
    {
        _interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
    }

    public CancellationToken Token => _cancellation.Token;

    private void OnSignal(PosixSignalContext context)
    {
        if (_cancellation.IsCancellationRequested)
        {
            return;
        }

        context.Cancel = true;
        _cancellation.Cancel();
    }

    public void Dispose()
    {
        _interrupt.Dispose();
        _terminate.Dispose();
        _cancellation.Dispose();
    }
}
