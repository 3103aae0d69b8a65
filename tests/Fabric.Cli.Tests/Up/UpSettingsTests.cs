using Fabric.Cli.Up;

namespace Fabric.Cli.Tests.Up;

/// <summary>The host names `fabric up` gives its agents.</summary>
public sealed class UpSettingsTests
{
    [Fact]
    public void HostNames_OneHost_TheGivenNameOrTheMachinesLowercased()
    {
        Assert.Equal(["node"], new UpSettings(null, false, "simulated", 8480, "node").HostNames());
        Assert.Equal([Environment.MachineName.ToLowerInvariant()], new UpSettings(null, false, "simulated", 8480, null).HostNames());
    }

    [Fact]
    public void HostNames_SeveralHosts_NumberedFromOneWithHostOrTheGivenPrefix()
    {
        Assert.Equal(["host-1", "host-2", "host-3"], new UpSettings(null, false, "simulated", 8480, null, Hosts: 3).HostNames());
        Assert.Equal(["rack-1", "rack-2"], new UpSettings(null, false, "simulated", 8480, "rack", Hosts: 2).HostNames());
    }
}
