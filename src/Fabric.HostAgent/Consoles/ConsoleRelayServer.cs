using System.Net;
using System.Net.Sockets;
using System.Text;
using Fabric.Contracts.Consoles;
using Fabric.Contracts.Hosts;
using Fabric.HostAgent.Configuration;
using Fabric.Hypervisor;

namespace Fabric.HostAgent.Consoles;

/// <summary>
/// The host end of console relaying (Proxmox's termproxy/vncproxy, in one listener). A silo
/// connects, sends <c>FABRIC-CONSOLE &lt;ticket&gt;</c>; the ticket is redeemed with the cluster (single
/// use, seconds old), and on <c>OK</c> the connection is bridged to the VM's console socket.
/// </summary>
public sealed partial class ConsoleRelayServer : BackgroundService
{
    private static readonly TimeSpan HandshakeTimeout = TimeSpan.FromSeconds(10);
    private readonly TcpListener _listener;
    private readonly AgentSettings _settings;
    private readonly IClusterClient _cluster;
    private readonly IHypervisor _hypervisor;
    private readonly ILogger<ConsoleRelayServer> _logger;

    public ConsoleRelayServer(AgentSettings settings, IClusterClient cluster, IHypervisor hypervisor, ILogger<ConsoleRelayServer> logger)
    {
        (_settings, _cluster, _hypervisor, _logger) = (settings, cluster, hypervisor, logger);
        _listener = new TcpListener(settings.ConsoleAddress, settings.ConsolePort);
        _listener.Start();
        var bound = (IPEndPoint)_listener.LocalEndpoint;
        Endpoint = $"{settings.ConsoleAddress}:{bound.Port}";
    }

    /// <summary><c>address:port</c> the relay listens on, reported in the host's capabilities.</summary>
    public string Endpoint { get; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        LogListening(_logger, Endpoint);
        using var registration = stoppingToken.Register(_listener.Stop);
        while (!stoppingToken.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(stoppingToken);
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client, stoppingToken), CancellationToken.None);
        }
    }

    private async Task ServeAsync(TcpClient client, CancellationToken stoppingToken)
    {
        using (client)
        {
            var network = client.GetStream();
            try
            {
                var grant = await HandshakeAsync(network, stoppingToken);
                await using var console = await OpenAsync(grant, stoppingToken);
                await network.WriteAsync("OK\n"u8.ToArray(), stoppingToken);
                LogBridging(_logger, grant.Vm, grant.Kind);
                using var done = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                await Task.WhenAny(network.CopyToAsync(console, done.Token), console.CopyToAsync(network, done.Token));
                await done.CancelAsync();
            }
            catch (Exception ex) when (ex is IOException or HypervisorException or InvalidOperationException or OperationCanceledException or SocketException)
            {
                LogRefused(_logger, ex.Message);
                await TryWriteAsync(network, $"ERR {ex.Message.ReplaceLineEndings(" ")}\n");
            }
        }
    }

    private async Task<ConsoleGrant> HandshakeAsync(NetworkStream network, CancellationToken stoppingToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(HandshakeTimeout);
        var line = await ConsoleLine.ReadAsync(network, timeout.Token);
        const string prefix = "FABRIC-CONSOLE ";
        if (line is null || !line.StartsWith(prefix, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("expected 'FABRIC-CONSOLE <ticket>'");
        }

        return await _cluster.GetGrain<IHostGrain>(_settings.HostName).RedeemConsoleTicket(line[prefix.Length..].Trim())
            ?? throw new InvalidOperationException("the console ticket is unknown, used or expired; open the console again");
    }

    private async Task<Stream> OpenAsync(ConsoleGrant grant, CancellationToken cancellationToken) => grant.Kind switch
    {
        ConsoleKind.Serial => await _hypervisor.Console.OpenSerialAsync(grant.Vm, 0, cancellationToken),
        _ => await _hypervisor.Console.OpenVncAsync(grant.Vm, cancellationToken),
    };

    private static async Task TryWriteAsync(NetworkStream network, string text)
    {
        try
        {
            await network.WriteAsync(Encoding.UTF8.GetBytes(text));
        }
        catch (IOException)
        {
            // The silo went away first; nothing to tell.
        }
    }

    public override void Dispose()
    {
        _listener.Dispose();
        base.Dispose();
    }
}
