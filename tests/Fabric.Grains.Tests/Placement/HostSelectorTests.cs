using Fabric.Contracts.Hosts;
using Fabric.Grains.Placement;
using Fabric.Testing.Orleans;

namespace Fabric.Grains.Tests.Placement;

public sealed class HostSelectorTests
{
    [Fact]
    public void Select_ReadyHostsWithRoom_MostFreeMemoryFirst()
    {
        var result = HostSelector.Select([Host("a", committedMiB: 4096), Host("b", committedMiB: 0), Host("c", committedMiB: 1024)], 512, ["local"]);

        Assert.Equal(["b", "c", "a"], result.Candidates);
        Assert.Equal("", result.Reason);
    }

    [Fact]
    public void Select_EqualFreeMemory_ByNameSoTheOrderIsStable() =>
        Assert.Equal(["a", "b"], HostSelector.Select([Host("b"), Host("a")], 512, []).Candidates);

    [Fact]
    public void Select_NoneFits_SaysWhyHostByHost()
    {
        var result = HostSelector.Select(
            [Host("down", state: HostState.Unreachable), Host("nopool", pool: "other"), Host("full", committedMiB: 7500)], 512, ["local"]);

        Assert.Empty(result.Candidates);
        Assert.Contains("down: Unreachable", result.Reason, StringComparison.Ordinal);
        Assert.Contains("nopool: has no storage pool local", result.Reason, StringComparison.Ordinal);
        Assert.Contains("full: 180 MiB free, 512 MiB needed", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_NoHosts_SaysToStartAnAgent() =>
        Assert.Contains("start fabric-agent", HostSelector.Select([], 512, []).Reason, StringComparison.Ordinal);

    private static HostInfo Host(string name, long committedMiB = 0, HostState state = HostState.Ready, string pool = "local")
    {
        var capabilities = SampleHosts.Capabilities() with { MemoryBytes = 8L << 30 };
        capabilities = capabilities with { StoragePools = [capabilities.StoragePools[0] with { Name = pool }] };
        return new HostInfo { Name = name, State = state, StateReason = state.ToString(), Capabilities = capabilities, CommittedMemoryMiB = committedMiB };
    }
}
