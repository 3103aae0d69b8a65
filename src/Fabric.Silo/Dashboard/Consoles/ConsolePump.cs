using System.Net.WebSockets;

namespace Fabric.Silo.Dashboard.Consoles;

/// <summary>Copies bytes between a browser's WebSocket and a console stream until either side ends.</summary>
public static class ConsolePump
{
    public static async Task RunAsync(WebSocket socket, Stream console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(socket);
        ArgumentNullException.ThrowIfNull(console);
        using var done = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var toBrowser = CopyToBrowserAsync(console, socket, done.Token);
        var toConsole = CopyToConsoleAsync(socket, console, done.Token);
        await Task.WhenAny(toBrowser, toConsole);
        await done.CancelAsync();
        if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "console closed", CancellationToken.None);
        }

        await Task.WhenAll(toBrowser, toConsole).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private static async Task CopyToBrowserAsync(Stream console, WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await console.ReadAsync(buffer, cancellationToken)) > 0)
        {
            await socket.SendAsync(buffer.AsMemory(0, read), WebSocketMessageType.Binary, true, cancellationToken);
        }
    }

    private static async Task CopyToConsoleAsync(WebSocket socket, Stream console, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.AsMemory(), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return;
            }

            await console.WriteAsync(buffer.AsMemory(0, result.Count), cancellationToken);
            await console.FlushAsync(cancellationToken);
        }
    }
}
