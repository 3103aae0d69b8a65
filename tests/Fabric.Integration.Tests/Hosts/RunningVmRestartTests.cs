using Fabric.Contracts.Hosts;
using Fabric.Contracts.Vms;
using Fabric.Integration.Tests.Infrastructure;
using Fabric.Integration.Tests.Vms;
using Fabric.Testing.Waiting;

namespace Fabric.Integration.Tests.Hosts;

/// <summary>
/// Redis and the silo restart under a host whose agent drives a real QEMU VM (the test guest):
/// the control plane going away and coming back must not touch the running guest.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class RunningVmRestartTests : FreshClusterTests
{
    private const string Host = "it-restart-qemu";
    private const string Iso = "test-install.iso";
    private const string VmName = "survivor1";
    private static readonly TimeSpan Boot = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task RunningQemuVm_ThroughRedisAndSiloRestarts_KeepsItsProcessAndGuestAndIsStillReportedRunning()
    {
        Cluster.StartAgent(Host, "qemu");
        await Cluster.WaitForHostAsync(Host, HostState.Ready, TimeSpan.FromSeconds(120));
        string bootId;
        await using (var client = await Cluster.ConnectAsync())
        {
            await Cluster.AddInstallerIsoAsync(client, Iso);
            await client.Fabric.Vms.CreateAsync(new CreateVmRequest { Name = VmName, MemoryMiB = 256, Iso = Iso });
            await VmOperations.SucceedsAsync(client.Fabric, await client.Fabric.Vms.PowerAsync(VmName, PowerAction.Start), Boot);
            await Eventually.MatchAsync(() => client.Fabric.Vms.GetAsync(VmName), v => v!.Guest is not null, Boot, "the guest agent to report the OS");
            // A new id on every boot of the guest's kernel: unchanged later means the guest never rebooted.
            bootId = await GuestAsync(client, "cat /proc/sys/kernel/random/boot_id");
        }

        var qemuPid = QemuPid();
        Assert.True(IsQemuOf(qemuPid), $"QEMU pid {qemuPid} from the pidfile is not this VM's QEMU");

        await Cluster.Redis.RestartAsync();
        await WaitForHeartbeatAfterAsync(DateTimeOffset.UtcNow, "a heartbeat after the Redis restart");
        await Cluster.Silo!.StopAsync(TimeSpan.FromSeconds(30));
        await Cluster.StartSiloAsync();
        await WaitForHeartbeatAfterAsync(DateTimeOffset.UtcNow, "a heartbeat to the restarted silo");

        Assert.False(Cluster.Agent!.HasExited, Cluster.Agent.Output);
        Assert.Equal(qemuPid, QemuPid());
        Assert.True(IsQemuOf(qemuPid), $"QEMU {qemuPid} of {VmName} is gone after the restarts");
        await using var after = await Cluster.ConnectAsync();
        var vm = await Eventually.MatchAsync(() => after.Fabric.Vms.GetAsync(VmName), v => v is { Observed: VmStatus.Running, Guest: not null },
            TimeSpan.FromMinutes(1), "the restarted silo to report the VM Running with its guest");
        Assert.Equal((PowerState.Running, Host), (vm!.Desired, vm.Host));
        Assert.Equal(bootId, await GuestAsync(after, "cat /proc/sys/kernel/random/boot_id"));
    }

    private static async Task<string> GuestAsync(ClusterClientConnection client, string script)
    {
        var result = await client.Fabric.Vms.ExecAsync(VmName, ["/bin/sh", "-c", script], TimeSpan.FromSeconds(30));
        Assert.True(result.ExitCode == 0, $"'{script}' exited {result.ExitCode}: {result.StandardError}");
        return result.StandardOutput.Trim();
    }

    private async Task WaitForHeartbeatAfterAsync(DateTimeOffset moment, string what) =>
        await Eventually.MatchAsync(Cluster.ListHostsAsync, hs => hs.Any(h => h.Name == Host && h.State == HostState.Ready && h.LastHeartbeat > moment),
            TimeSpan.FromSeconds(90), what);

    private int QemuPid() => int.Parse(File.ReadAllText(Path.Combine(Cluster.AgentDataDirectory, "run", VmName, "qemu.pid")).Trim(), System.Globalization.CultureInfo.InvariantCulture);

    private static bool IsQemuOf(int pid)
    {
        var cmdline = $"/proc/{pid}/cmdline";
        return File.Exists(cmdline) && File.ReadAllText(cmdline) is var text && text.Contains("qemu-system", StringComparison.Ordinal) && text.Contains(VmName, StringComparison.Ordinal);
    }
}
