using Fabric.Contracts.Configuration;
using Microsoft.Extensions.Configuration;

namespace Fabric.HostAgent.Configuration;

/// <summary>
/// How the agent keeps its host's lease (<c>Fabric:Fencing</c>): it renews every <see cref="RenewEvery"/>
/// a lease that lasts <see cref="LeaseTtl"/>, and kills its HA VMs when the lease runs out unrenewed.
/// </summary>
/// <param name="LeaseTtl">How long a granted lease lasts, counted from when the renewal was sent.</param>
/// <param name="RenewEvery">How often the agent renews; at most a third of the TTL, so two renewals may fail in a row without a fence.</param>
public sealed record FencingSettings(TimeSpan LeaseTtl, TimeSpan RenewEvery)
{
    public static readonly FencingSettings Default = new(TimeSpan.FromSeconds(3), TimeSpan.FromMilliseconds(500));

    /// <summary>
    /// How long one renewal may take. A grant that comes back later than the TTL is worth nothing
    /// (it is counted from the send), so the call is abandoned at half the TTL and the next one goes.
    /// </summary>
    public TimeSpan RenewTimeout => LeaseTtl / 2;

    /// <summary>The hardware watchdog device to arm and pet (production only), or null: off.</summary>
    public string? Watchdog { get; init; }

    public static FencingSettings Read(IConfigurationSection fencing)
    {
        ArgumentNullException.ThrowIfNull(fencing);
        var ttl = DurationSetting.Read(fencing["LeaseTtl"], "Fabric:Fencing:LeaseTtl", Default.LeaseTtl,
            TimeSpan.FromMilliseconds(300), TimeSpan.FromMinutes(5));
        var renewEvery = DurationSetting.Read(fencing["RenewEvery"], "Fabric:Fencing:RenewEvery", Default.RenewEvery,
            TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(1));
        if (renewEvery > ttl / 3)
        {
            throw new InvalidSettingException("Fabric:Fencing:RenewEvery",
                $"renewing every {renewEvery.TotalMilliseconds:0} ms is too rare for a lease of {ttl.TotalMilliseconds:0} ms (at most a third of it, so one lost renewal does not fence the host)",
                $"Set Fabric:Fencing:RenewEvery to at most {(ttl / 3).TotalMilliseconds:0} ms, or raise Fabric:Fencing:LeaseTtl.");
        }

        var watchdog = fencing["Watchdog"] is { Length: > 0 } device ? device : null;
        if (watchdog is not null && !Path.IsPathFullyQualified(watchdog))
        {
            throw new InvalidSettingException("Fabric:Fencing:Watchdog", $"'{watchdog}' is not an absolute device path",
                "Give the watchdog device, e.g. /dev/watchdog, or leave the setting out (no hardware watchdog).");
        }

        return new FencingSettings(ttl, renewEvery) { Watchdog = watchdog };
    }
}
