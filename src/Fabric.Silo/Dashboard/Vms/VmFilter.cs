using Fabric.Contracts.Vms;

namespace Fabric.Silo.Dashboard.Vms;

/// <summary>The VM list's search box and filters: text matches name, host or an IP address; state and host match exactly.</summary>
public sealed record VmFilter(string? Search, VmStatus? State, string? Host)
{
    public bool Matches(VmInfo vm)
    {
        ArgumentNullException.ThrowIfNull(vm);
        return (State is null || vm.Observed == State)
            && (string.IsNullOrEmpty(Host) || vm.Host == Host)
            && (string.IsNullOrWhiteSpace(Search) || MatchesText(vm, Search.Trim()));
    }

    private static bool MatchesText(VmInfo vm, string text) =>
        vm.Name.Contains(text, StringComparison.OrdinalIgnoreCase)
        || (vm.Host?.Contains(text, StringComparison.OrdinalIgnoreCase) ?? false)
        || (vm.Guest?.IpAddresses.Any(ip => ip.Contains(text, StringComparison.OrdinalIgnoreCase)) ?? false);
}
