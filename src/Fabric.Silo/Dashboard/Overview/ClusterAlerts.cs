using Fabric.Contracts.Hosts;
using Fabric.Contracts.Vms;
using MudBlazor;

namespace Fabric.Silo.Dashboard.Overview;

/// <summary>Derives the overview's alerts from what the grains report; most severe first.</summary>
public static class ClusterAlerts
{
    /// <summary>A pool with less than this share free is worth a warning before disks fail to grow.</summary>
    public const double LowPoolFreeShare = 0.10;

    public static IReadOnlyList<ClusterAlert> For(IReadOnlyList<HostInfo> hosts, IReadOnlyList<VmInfo> vms)
    {
        ArgumentNullException.ThrowIfNull(hosts);
        ArgumentNullException.ThrowIfNull(vms);
        var alerts = new List<ClusterAlert>();
        if (hosts.Count == 0)
        {
            alerts.Add(new(Severity.Warning, "cluster", "no host has joined: start fabric-agent on a host", null));
        }

        foreach (var host in hosts)
        {
            alerts.AddRange(ForHost(host));
        }

        foreach (var vm in vms.Where(v => v.Observed is VmStatus.Crashed or VmStatus.Unknown or VmStatus.Pending))
        {
            var message = vm.Observed switch
            {
                VmStatus.Crashed => "crashed",
                VmStatus.Pending => "pending: no host can take it yet; it starts as soon as one can",
                _ => "state unknown: its host is unreachable",
            };
            alerts.Add(new(vm.Observed == VmStatus.Crashed ? Severity.Error : Severity.Warning, $"VM {vm.Name}",
                string.IsNullOrEmpty(vm.ObservedDetail) ? message : $"{message} ({vm.ObservedDetail})", $"/vms/{vm.Name}"));
        }

        return [.. alerts.OrderBy(a => Rank(a.Severity))];
    }

    private static IEnumerable<ClusterAlert> ForHost(HostInfo host)
    {
        var subject = $"host {host.Name}";
        var href = $"/hosts/{host.Name}";
        if (host.State == HostState.Unreachable)
        {
            yield return new(Severity.Error, subject, $"unreachable: {Reason(host.StateReason, "no heartbeat")}", href);
        }
        else if (host.State == HostState.Joining)
        {
            yield return new(Severity.Info, subject, $"joining: {Reason(host.StateReason, "probing its capabilities")}", href);
        }
        else if (host.State == HostState.Maintenance)
        {
            yield return new(Severity.Info, subject, "in maintenance: it takes no new VMs", href);
        }

        if (host.Capabilities is not { } capabilities)
        {
            yield break;
        }

        var hv = capabilities.HardwareVirtualization;
        if (!hv.Available)
        {
            yield return new(Severity.Warning, subject,
                $"hardware virtualization unavailable: {Reason(hv.Reason, "no reason given")}. VMs run under {hv.Accelerator} software emulation, much slower.", href);
        }

        foreach (var pool in capabilities.StoragePools.Where(p => p.TotalBytes > 0 && (double)p.FreeBytes / p.TotalBytes < LowPoolFreeShare))
        {
            yield return new(Severity.Warning, subject, $"storage pool '{pool.Name}' has {Shared.Units.Bytes(pool.FreeBytes)} free of {Shared.Units.Bytes(pool.TotalBytes)}", href);
        }
    }

    private static string Reason(string reason, string fallback) => string.IsNullOrWhiteSpace(reason) ? fallback : reason;

    private static int Rank(Severity severity) => severity switch
    {
        Severity.Error => 0,
        Severity.Warning => 1,
        _ => 2,
    };
}
