using Fabric.Cli.Up.Namespaces;

namespace Fabric.Cli.Tests.Up.Namespaces;

/// <summary>When `fabric up` gives each host a network namespace, and what it says when it cannot.</summary>
public sealed class NetworkPlanTests
{
    private static readonly string[] ThreeHosts = ["host-1", "host-2", "host-3"];

    [Fact]
    public void Decide_SeveralHostsAsRootWithIp_OneNamespaceVethAndAddressPerHost()
    {
        var plan = NetworkPlan.Decide(ThreeHosts, isRoot: true, ipAvailable: true);

        Assert.True(plan.Namespaces);
        Assert.Null(plan.Warning);
        Assert.Equal("198.18.0.1", plan.ClusterAddress);
        Assert.Equal(
            [
                new HostNetwork("host-1", "fabric-host-1", "fv-1", "198.18.0.11"),
                new HostNetwork("host-2", "fabric-host-2", "fv-2", "198.18.0.12"),
                new HostNetwork("host-3", "fabric-host-3", "fv-3", "198.18.0.13"),
            ],
            plan.Hosts);
    }

    [Fact]
    public void Decide_SixteenHosts_VethNamesFitTheKernelsFifteenCharacters()
    {
        var plan = NetworkPlan.Decide([.. Enumerable.Range(1, 16).Select(i => $"h-{i}")], isRoot: true, ipAvailable: true);

        Assert.Equal(("fv-16", "198.18.0.26"), (plan.Hosts[^1].Veth, plan.Hosts[^1].Address));
        Assert.All(plan.Hosts, host => Assert.True(host.Veth!.Length <= 15));
    }

    [Fact]
    public void Decide_SeveralHostsNotRoot_LoopbackWithAWarningThatHostsCannotBeCutOff()
    {
        var plan = NetworkPlan.Decide(ThreeHosts, isRoot: false, ipAvailable: true);

        Assert.False(plan.Namespaces);
        Assert.Equal("127.0.0.1", plan.ClusterAddress);
        Assert.All(plan.Hosts, host => Assert.Equal((null, null, "127.0.0.1"), (host.Namespace, host.Veth, host.Address)));
        Assert.Contains("not root", plan.Warning);
        Assert.Contains("the 3 hosts share 127.0.0.1, so a host cannot be cut off from the network", plan.Warning);
    }

    [Fact]
    public void Decide_SeveralHostsAsRootWithoutIp_LoopbackWithAWarningNamingIproute2()
    {
        var plan = NetworkPlan.Decide(ThreeHosts, isRoot: true, ipAvailable: false);

        Assert.False(plan.Namespaces);
        Assert.Contains("install iproute2", plan.Warning);
        Assert.Contains("cannot be cut off", plan.Warning);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Decide_OneHost_PlainLoopbackWithoutWarning(bool isRoot)
    {
        var plan = NetworkPlan.Decide(["vm"], isRoot, ipAvailable: true);

        Assert.False(plan.Namespaces);
        Assert.Null(plan.Warning);
        Assert.Equal(new HostNetwork("vm", null, null, "127.0.0.1"), Assert.Single(plan.Hosts));
    }
}
