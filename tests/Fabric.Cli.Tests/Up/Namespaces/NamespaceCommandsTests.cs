using Fabric.Cli.Up.Namespaces;

namespace Fabric.Cli.Tests.Up.Namespaces;

/// <summary>The <c>ip</c> commands that build and remove the hosts' namespaces.</summary>
public sealed class NamespaceCommandsTests
{
    [Fact]
    public void Create_BridgeFirstThenPerHostNamespaceVethOnBridgeAndAddressedEth0()
    {
        var plan = NetworkPlan.Decide(["host-1", "host-2"], isRoot: true, ipAvailable: true);

        var commands = NamespaceCommands.Create(plan).Select(command => string.Join(' ', command)).ToList();

        Assert.Equal(
            [
                "link add fabric-br0 type bridge",
                "addr add 198.18.0.1/24 dev fabric-br0",
                "link set fabric-br0 up",
                "netns add fabric-host-1",
                "link add fv-1 type veth peer name eth0 netns fabric-host-1",
                "link set fv-1 master fabric-br0",
                "link set fv-1 up",
                "-n fabric-host-1 addr add 198.18.0.11/24 dev eth0",
                "-n fabric-host-1 link set eth0 up",
                "-n fabric-host-1 link set lo up",
            ],
            commands.Take(10));
        Assert.Contains("link add fv-2 type veth peer name eth0 netns fabric-host-2", commands);
        Assert.Contains("-n fabric-host-2 addr add 198.18.0.12/24 dev eth0", commands);
        Assert.Equal(17, commands.Count);
    }

    [Fact]
    public void Delete_NamespacesThenTheBridgeWhenItExists()
    {
        Assert.Equal(
            ["netns delete fabric-host-1", "netns delete fabric-host-2", "link delete fabric-br0"],
            NamespaceCommands.Delete(["fabric-host-1", "fabric-host-2"], bridgeExists: true).Select(command => string.Join(' ', command)));
        Assert.Empty(NamespaceCommands.Delete([], bridgeExists: false));
    }

    [Fact]
    public void FabricVeths_OnlyRootSidesNamedFvDash()
    {
        const string listed = """
            1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT
            4: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1400 qdisc pfifo_fast state UP mode DEFAULT
            12: fv-1@if11: <BROADCAST,MULTICAST> mtu 1500 qdisc noop master fabric-br0 state DOWN
            14: fv-12@if13: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN
            15: fvx: <BROADCAST> mtu 1500 qdisc noop state DOWN
            """;

        Assert.Equal(["fv-1", "fv-12"], NamespaceCommands.FabricVeths(listed));
    }

    [Fact]
    public void FabricNamespaces_OnlyThoseNamedFabricDash()
    {
        const string listed = "fabric-host-2 (id: 1)\nfabric-host-1 (id: 0)\nblue\nfabricated (id: 3)\n";

        Assert.Equal(["fabric-host-2", "fabric-host-1"], NamespaceCommands.FabricNamespaces(listed));
    }
}
