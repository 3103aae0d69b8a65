using Fabric.Contracts.Hosts;

namespace Fabric.Grains.Hosts;

/// <summary>The order in which a dead host's VMs are handed their failure: highest restart priority first, then by name.</summary>
public static class FailoverOrder
{
    public static IReadOnlyList<VmAssignment> Of(IEnumerable<VmAssignment> assignments) =>
        [.. assignments.OrderByDescending(a => a.RestartPriority).ThenBy(a => a.Vm, StringComparer.Ordinal)];
}
