using Fabric.Dashboard.Tests.Infrastructure;

namespace Fabric.Dashboard.Tests.Browser;

/// <summary>One silo and QEMU agent for the browser tests that boot real VMs; its tests run one after another, so VMs do not share the two cores.</summary>
[CollectionDefinition(Name)]
public sealed class QemuDashboardCollection : ICollectionFixture<QemuDashboardCluster>
{
    public const string Name = "dashboard-qemu";
}
