using System.Net.Sockets;
using System.Text;
using Fabric.Contracts.Consoles;
using Fabric.Contracts.Hosts;
using Fabric.Contracts.Validation;
using Fabric.Contracts.Vms;
using Fabric.Silo.Dashboard.Consoles;

namespace Fabric.Silo.Consoles;

/// <summary>
/// Opens a VM's console wherever it runs: asks the VM's host grain for a single-use ticket, connects
/// to that host's relay and presents it. Whichever silo serves the user, the bytes flow
/// browser ⇄ this silo ⇄ the host's agent ⇄ QEMU's socket.
/// </summary>
public sealed class ConsoleRelayClient(IGrainFactory grains) : IConsoleRelay
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);

    public async Task<Stream> OpenAsync(string vm, ConsoleKind kind, CancellationToken cancellationToken)
    {
        try
        {
            return await ConnectAsync(vm, kind, cancellationToken);
        }
        catch (FabricException ex)
        {
            throw new ConsoleUnavailableException(string.Join("; ", ex.Problems.Select(p => p.Message)));
        }
    }

    private async Task<Stream> ConnectAsync(string vm, ConsoleKind kind, CancellationToken cancellationToken)
    {
        var info = await grains.GetGrain<IVmGrain>(vm).Get() ?? throw FabricException.NotFound("vm", vm, "list VMs with 'fabric vm list'");
        if (info.Host is not { } host || info.Observed is not VmStatus.Running and not VmStatus.Paused and not VmStatus.Starting)
        {
            throw FabricException.Conflict("vm", $"VM '{vm}' is {info.Observed}; start it to open its console");
        }

        var ticket = await grains.GetGrain<IHostGrain>(host).IssueConsoleTicket(vm, kind);
        var (address, port) = ParseEndpoint(ticket.Endpoint);
        var client = new TcpClient();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(ConnectTimeout);
            await client.ConnectAsync(address, port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync(Encoding.UTF8.GetBytes($"FABRIC-CONSOLE {ticket.Ticket}\n"), timeout.Token);
            var answer = await ConsoleLine.ReadAsync(stream, timeout.Token);
            if (answer != "OK")
            {
                throw new FabricException(FabricErrorKind.Unavailable, "console",
                    $"host '{host}' refused the {kind} console of VM '{vm}': {answer?.Replace("ERR ", "", StringComparison.Ordinal) ?? "it closed the connection"}");
            }

            return new OwnedStream(stream, client);
        }
        catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException)
        {
            client.Dispose();
            throw new FabricException(FabricErrorKind.Unavailable, "console", $"cannot reach the console relay of host '{host}' at {ticket.Endpoint}: {ex.Message}");
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private static (string Address, int Port) ParseEndpoint(string endpoint)
    {
        var colon = endpoint.LastIndexOf(':');
        return (endpoint[..colon], int.Parse(endpoint[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }
}
