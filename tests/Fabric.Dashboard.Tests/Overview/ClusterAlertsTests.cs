using Fabric.Contracts.Hosts;
using Fabric.Contracts.Vms;
using Fabric.Silo.Dashboard.Overview;
using MudBlazor;

namespace Fabric.Dashboard.Tests.Overview;

public sealed class ClusterAlertsTests
{
    [Fact]
    public void For_HostWithoutHardwareVirtualization_WarnsWithTheReason()
    {
        var host = Host("node1", HostState.Ready, new HardwareVirtualization(false, "tcg", "KVM guest made no progress in 10 s"));
        var alert = Assert.Single(ClusterAlerts.For([host], []));
        Assert.Equal(Severity.Warning, alert.Severity);
        Assert.Contains("hardware virtualization unavailable: KVM guest made no progress in 10 s", alert.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void For_UnreachableHost_IsAnErrorFirst()
    {
        var hosts = new[]
        {
            Host("a", HostState.Ready, new HardwareVirtualization(false, "tcg", "no kvm")),
            Host("b", HostState.Unreachable, new HardwareVirtualization(true, "kvm", "")) with { StateReason = "no heartbeat for 12 s" },
        };
        var alerts = ClusterAlerts.For(hosts, []);
        Assert.Equal(Severity.Error, alerts[0].Severity);
        Assert.Contains("no heartbeat for 12 s", alerts[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void For_PendingVm_WarnsWithEachHostsReason()
    {
        var host = Host("a", HostState.Ready, new HardwareVirtualization(true, "kvm", ""));
        var vm = new VmInfo
        {
            Name = "big1", Hardware = new VmHardware { VCpus = 1, MemoryMiB = 65536, Profile = DeviceProfile.Paravirtual },
            Desired = PowerState.Running, Observed = VmStatus.Pending, ObservedDetail = "cannot place VM 'big1': no host fits: a: 7680 MiB free, 65536 MiB needed",
        };

        var alert = Assert.Single(ClusterAlerts.For([host], [vm]));

        Assert.Equal((Severity.Warning, "VM big1", "/vms/big1"), (alert.Severity, alert.Subject, alert.Href));
        Assert.Contains("a: 7680 MiB free, 65536 MiB needed", alert.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void For_NoHost_SaysToStartAnAgent() =>
        Assert.Contains("fabric-agent", Assert.Single(ClusterAlerts.For([], [])).Message, StringComparison.Ordinal);

    private static HostInfo Host(string name, HostState state, HardwareVirtualization hv) => new()
    {
        Name = name,
        State = state,
        Capabilities = new HostCapabilities
        {
            CpuModel = "test", CpuCount = 4, MemoryBytes = 8L << 30, HypervisorDriver = "simulated", HypervisorVersion = "1",
            HardwareVirtualization = hv, StoragePools = [new StoragePoolInfo("local", "/p", 100L << 30, 50L << 30)],
            OperatingSystem = "Debian", AgentVersion = "1",
        },
    };
}
