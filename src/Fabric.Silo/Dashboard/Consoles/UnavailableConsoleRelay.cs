namespace Fabric.Silo.Dashboard.Consoles;

/// <summary>The relay until the agent side exists: every console is refused with a clear reason.</summary>
public sealed class UnavailableConsoleRelay : IConsoleRelay
{
    public const string Reason = "console relay not available yet";

    public Task<Stream> OpenAsync(string vm, ConsoleKind kind, CancellationToken cancellationToken) =>
        throw new ConsoleUnavailableException(Reason);
}
