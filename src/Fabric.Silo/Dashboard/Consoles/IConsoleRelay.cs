using Fabric.Contracts.Consoles;

namespace Fabric.Silo.Dashboard.Consoles;

/// <summary>
/// Connects the silo to a VM's console on the VM's host. The dashboard's console endpoints accept
/// the browser's WebSocket, open the console through this, and copy bytes both ways until either
/// side closes. <see cref="Fabric.Silo.Consoles.ConsoleRelayClient"/> is the implementation.
/// </summary>
public interface IConsoleRelay
{
    /// <summary>
    /// A duplex stream to the console: raw serial bytes for <see cref="ConsoleKind.Serial"/>, the RFB
    /// protocol from its first byte (the server's version string) for <see cref="ConsoleKind.Vnc"/>.
    /// Disposing it ends the session. Throws <see cref="ConsoleUnavailableException"/> with a reason
    /// the operator reads (VM unknown, not running, host unreachable).
    /// </summary>
    Task<Stream> OpenAsync(string vm, ConsoleKind kind, CancellationToken cancellationToken);
}
