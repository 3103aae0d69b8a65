namespace Fabric.Silo.Dashboard.Consoles;

/// <summary>A console cannot be opened; the message becomes the WebSocket's close reason, shown in the browser.</summary>
public sealed class ConsoleUnavailableException(string reason) : Exception(reason);
