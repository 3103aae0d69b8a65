using System.Globalization;

namespace Fabric.Contracts.Hosts;

/// <summary>A host's lease in words, the same in the CLI and the dashboard: who holds it, how fresh it is, or since when it is gone.</summary>
public static class HostLeaseText
{
    /// <summary>The short form, for tables: "held, renewed 0.4 s ago", "lapsed 6.0 s ago", "fenced", "none".</summary>
    public static string Short(HostInfo host, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(host);
        if (host.State == HostState.Fenced)
        {
            return "fenced";
        }

        return host.Lease switch
        {
            null => "none",
            { } lease when lease.ExpiresAt > now => $"held, renewed {Span(now - lease.RenewedAt)} ago",
            { } lease => $"lapsed {Span(now - lease.ExpiresAt)} ago",
        };
    }

    /// <summary>The long form, for a host's own page.</summary>
    public static string Long(HostInfo host, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(host);
        if (host.Lease is not { } lease)
        {
            return "none yet (the agent takes one before it runs any VM)";
        }

        var state = lease.ExpiresAt > now ? $"expires in {Span(lease.ExpiresAt - now)}" : $"lapsed {Span(now - lease.ExpiresAt)} ago";
        return $"generation {lease.Generation}, held by agent incarnation {lease.Holder}, renewed {Span(now - lease.RenewedAt)} ago, {state}";
    }

    private static string Span(TimeSpan span)
    {
        var seconds = Math.Max(0, span.TotalSeconds);
        return seconds switch
        {
            < 60 => seconds.ToString("0.0 's'", CultureInfo.InvariantCulture),
            < 3600 => (seconds / 60).ToString("0 'min'", CultureInfo.InvariantCulture),
            _ => (seconds / 3600).ToString("0 'h'", CultureInfo.InvariantCulture),
        };
    }
}
