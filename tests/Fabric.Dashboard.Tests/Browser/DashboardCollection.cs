using Fabric.Dashboard.Tests.Infrastructure;

namespace Fabric.Dashboard.Tests.Browser;

/// <summary>One silo and simulated agent for the browser tests that boot no VM: starting them takes longer than the tests.</summary>
[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardCluster>
{
    public const string Name = "dashboard";
}
