using System.Net.WebSockets;
using Fabric.Contracts.Consoles;
using Fabric.Contracts.Validation;
using Fabric.Silo.Dashboard.Login;

namespace Fabric.Silo.Dashboard.Consoles;

/// <summary>
/// <c>/dashboard/console/{vm}/serial</c> and <c>/dashboard/console/{vm}/vnc</c>: WebSockets carrying a
/// VM console's bytes as binary messages, for signed-in dashboard users only (401 otherwise).
/// A console that cannot be opened is accepted and closed at once with the reason, because a browser
/// WebSocket sees no HTTP status or body, only a close frame.
/// </summary>
public static class ConsoleEndpoints
{
    /// <summary>RFC 6455 1013 "try again later": the console exists in principle but cannot be reached now.</summary>
    public const WebSocketCloseStatus TryAgainLater = (WebSocketCloseStatus)1013;

    public static void MapConsoleEndpoints(this WebApplication app)
    {
        app.Map("/dashboard/console/{vm}/serial", (HttpContext context, string vm, IConsoleRelay relay) => ServeAsync(context, vm, ConsoleKind.Serial, relay))
            .RequireAuthorization(DashboardAuthentication.Policy);
        app.Map("/dashboard/console/{vm}/vnc", (HttpContext context, string vm, IConsoleRelay relay) => ServeAsync(context, vm, ConsoleKind.Vnc, relay))
            .RequireAuthorization(DashboardAuthentication.Policy);
    }

    private static async Task ServeAsync(HttpContext context, string vm, ConsoleKind kind, IConsoleRelay relay)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync("a console is a WebSocket: connect with ws:// or wss://");
            return;
        }

        // noVNC asks for the "binary" subprotocol; answering it keeps older noVNC versions happy.
        var subProtocol = context.WebSockets.WebSocketRequestedProtocols.Contains("binary") ? "binary" : null;
        using var socket = await context.WebSockets.AcceptWebSocketAsync(subProtocol);
        var stopping = context.RequestAborted;
        if (ResourceNames.ValidateLabel(vm, "VM") is { } problem)
        {
            await socket.CloseAsync(WebSocketCloseStatus.PolicyViolation, problem, stopping);
            return;
        }

        Stream console;
        try
        {
            console = await relay.OpenAsync(vm, kind, stopping);
        }
        catch (ConsoleUnavailableException ex)
        {
            await socket.CloseAsync(TryAgainLater, CloseReason(ex.Message), stopping);
            return;
        }

        await using (console)
        {
            await ConsolePump.RunAsync(socket, console, stopping);
        }
    }

    /// <summary>A close reason is at most 123 bytes of UTF-8.</summary>
    internal static string CloseReason(string reason) =>
        System.Text.Encoding.UTF8.GetByteCount(reason) <= 123 ? reason : reason[..Math.Min(reason.Length, 120)] + "…";
}
