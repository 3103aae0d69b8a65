using System.Security.Cryptography;
using Fabric.Contracts.Consoles;
using Fabric.Contracts.Hosts;
using Fabric.Contracts.Validation;

namespace Fabric.Grains.Hosts;

/// <summary>Console tickets: issued to a silo for a VM running here, redeemed once by this host's relay.</summary>
public sealed partial class HostGrain
{
    private static readonly TimeSpan TicketLifetime = TimeSpan.FromSeconds(30);
    private readonly Dictionary<string, (ConsoleGrant Grant, DateTimeOffset Expires)> _tickets = new(StringComparer.Ordinal);

    public Task<ConsoleTicket> IssueConsoleTicket(string vm, ConsoleKind kind)
    {
        var info = Describe(time.GetUtcNow());
        if (info.State != HostState.Ready || info.Capabilities?.ConsoleEndpoint is not { } endpoint)
        {
            throw new FabricException(FabricErrorKind.Unavailable, "host", $"host '{Name}' is {info.State} and has no console relay; its VMs' consoles cannot be opened now");
        }

        if (!info.RunningVms.Contains(vm, StringComparer.Ordinal))
        {
            throw FabricException.Conflict("vm", $"VM '{vm}' is not running on host '{Name}'; start it to open its console");
        }

        var now = time.GetUtcNow();
        foreach (var expired in _tickets.Where(t => t.Value.Expires < now).Select(t => t.Key).ToList())
        {
            _tickets.Remove(expired);
        }

        var ticket = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        _tickets[ticket] = (new ConsoleGrant(vm, kind), now + TicketLifetime);
        return Task.FromResult(new ConsoleTicket(ticket, endpoint));
    }

    public Task<ConsoleGrant?> RedeemConsoleTicket(string ticket)
    {
        var valid = _tickets.Remove(ticket, out var entry) && entry.Expires >= time.GetUtcNow();
        return Task.FromResult(valid ? entry.Grant : null);
    }
}
