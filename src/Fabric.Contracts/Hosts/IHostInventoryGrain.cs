namespace Fabric.Contracts.Hosts;

/// <summary>
/// The index of registered hosts (Orleans has no queries). One instance, key <see cref="Key"/>;
/// hosts are few and this grain is off the heartbeat path: a host enrolls once when it registers.
/// </summary>
[Alias("fabric.IHostInventoryGrain")]
public interface IHostInventoryGrain : IGrainWithStringKey
{
    const string Key = "all";

    [Alias("Enroll")]
    Task Enroll(string hostName);

    [Alias("List")]
    Task<IReadOnlyList<HostInfo>> List();
}
