using Fabric.Contracts.Hosts;
using Fabric.Grains.Placement;
using Fabric.Testing.Orleans;

namespace Fabric.Grains.Tests.Placement;

public sealed class HostSelectorTests
{
    [Fact]
    public void Select_ReadyHostsWithRoom_MostFreeMemoryFirst()
    {
        var result = HostSelector.Default.Select([Host("a", committedMiB: 4096), Host("b", committedMiB: 0), Host("c", committedMiB: 1024)], Vm(512, "local"));

        Assert.Equal(["b", "c", "a"], result.Candidates);
        Assert.Equal("", result.Reason);
    }

    [Fact]
    public void Select_EqualFreeMemory_ByNameSoTheOrderIsStable() =>
        Assert.Equal(["a", "b"], HostSelector.Default.Select([Host("b"), Host("a")], Vm(512)).Candidates);

    [Fact]
    public void Select_NoneFits_SaysWhyHostByHost()
    {
        var result = HostSelector.Default.Select(
            [Host("down", state: HostState.Unreachable), Host("nopool", pool: "other"), Host("full", committedMiB: 7500), Host("busy", committedVCpus: 32)], Vm(512, "local"));

        Assert.Empty(result.Candidates);
        Assert.Contains("down: Unreachable", result.Reason, StringComparison.Ordinal);
        Assert.Contains("nopool: has no storage pool local", result.Reason, StringComparison.Ordinal);
        Assert.Contains("full: 180 MiB free, 512 MiB needed", result.Reason, StringComparison.Ordinal);
        Assert.Contains("busy: 0 vCPUs free, 1 needed (2 CPUs × 16 allocation ratio, 32 committed)", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_NoHosts_SaysToStartAnAgent() =>
        Assert.Contains("start fabric-agent", HostSelector.Default.Select([], Vm(512)).Reason, StringComparison.Ordinal);

    [Fact]
    public void Select_Pack_LeastFreeMemoryFirst()
    {
        var pack = new HostSelector(new PlacementOptions { Strategy = PlacementGoal.Pack });

        var result = pack.Select([Host("a", committedMiB: 4096), Host("b", committedMiB: 0), Host("c", committedMiB: 1024)], Vm(512));

        Assert.Equal(["a", "c", "b"], result.Candidates);
    }

    [Fact]
    public void Select_CpuAllocationRatioOne_AVCpuPerCpu()
    {
        var strict = new HostSelector(new PlacementOptions { CpuAllocationRatio = 1 });

        var result = strict.Select([Host("one-left", committedVCpus: 1), Host("none-left", committedVCpus: 2)], Vm(512) with { VCpus = 1 });

        Assert.Equal(["one-left"], result.Candidates);
    }

    [Fact]
    public void Select_DiskTask_NeedsNoCapacityOnlyThePool() =>
        Assert.Equal(["full"], HostSelector.Default.Select([Host("full", committedMiB: 7680, committedVCpus: 32), Host("nopool", pool: "other")], PlacementRequest.ForTask("local")).Candidates);

    private static PlacementRequest Vm(long memoryMiB, params string[] pools) => new(1, memoryMiB, pools);

    private static HostInfo Host(string name, long committedMiB = 0, HostState state = HostState.Ready, string pool = "local", int committedVCpus = 0)
    {
        var capabilities = SampleHosts.Capabilities() with { MemoryBytes = 8L << 30 };
        capabilities = capabilities with { StoragePools = [capabilities.StoragePools[0] with { Name = pool }] };
        return new HostInfo { Name = name, State = state, StateReason = state.ToString(), Capabilities = capabilities, CommittedMemoryMiB = committedMiB, CommittedVCpus = committedVCpus };
    }
}
