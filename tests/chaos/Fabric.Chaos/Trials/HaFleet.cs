using Fabric.Chaos.Cluster;
using Fabric.Contracts.Vms;
using Fabric.Testing.Guest;

namespace Fabric.Chaos.Trials;

/// <summary>The HA VMs the trials fault: the offline test guest booted from its ISO (qemu), or plain simulated VMs.</summary>
public static class HaFleet
{
    public const string Iso = "chaos-test-guest.iso";

    /// <summary>
    /// Creates and starts <paramref name="count"/> HA VMs (restart policy on-failure, as <c>--ha</c>); returns their names.
    /// VMs of those names already there (a cluster the harness attached to and used before) are kept.
    /// </summary>
    public static async Task<IReadOnlyList<string>> CreateAsync(ClusterUnderTest cluster, int count, string prefix = "chaos-ha")
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var names = Enumerable.Range(1, count).Select(i => $"{prefix}-{i}").ToList();
        foreach (var name in names)
        {
            if (await cluster.Api.GetVmAsync(name) is null)
            {
                await cluster.Api.CreateVmAsync(Request(cluster, name, ha: true));
            }
        }

        return names;
    }

    /// <summary>The creation request of a VM on the test guest: small, booting the guest's ISO, no disks.</summary>
    public static CreateVmRequest Request(ClusterUnderTest cluster, string name, bool ha)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return new CreateVmRequest
        {
            Name = name,
            VCpus = 1,
            MemoryMiB = 256,
            Iso = cluster.Driver == "qemu" ? Iso : null,
            HaRestart = ha,
            Start = true,
        };
    }

    public static async Task UploadGuestAsync(ClusterUnderTest cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        if (cluster.Driver == "qemu")
        {
            await cluster.Api.EnsureIsoAsync(Iso, TestGuest.InstallIso);
        }
    }
}
