using Fabric.Cli.Output;
using Fabric.Contracts.Hosts;

namespace Fabric.Cli.Hosts;

/// <summary>A host's lease in words: who holds it, how fresh it is, or since when it is gone.</summary>
internal static class LeaseDescription
{
    /// <summary>The short form of <c>fabric host list</c>: "held, 0.4 s ago", "lapsed 6 s ago", "fenced".</summary>
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
            { } lease when lease.ExpiresAt > now => $"held, renewed {Seconds(now - lease.RenewedAt)} ago",
            { } lease => $"lapsed {HumanUnits.Age(lease.ExpiresAt, now)}",
        };
    }

    /// <summary>The long form of <c>fabric host show</c>.</summary>
    public static string Long(HostInfo host, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(host);
        if (host.Lease is not { } lease)
        {
            return "none yet (the agent takes one before it runs any VM)";
        }

        var state = lease.ExpiresAt > now ? $"expires in {Seconds(lease.ExpiresAt - now)}" : $"lapsed {HumanUnits.Age(lease.ExpiresAt, now)}";
        return $"generation {lease.Generation}, held by agent incarnation {lease.Holder}, renewed {Seconds(now - lease.RenewedAt)} ago, {state}";
    }

    private static string Seconds(TimeSpan span) => $"{Math.Max(0, span.TotalSeconds):0.0} s";
}
