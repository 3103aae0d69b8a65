namespace Fabric.Cli.Up.LeftoverVms;

/// <summary>
/// What happens to VMs still running once `fabric up` has stopped its agents and silos. An in-memory cluster
/// forgets them, so nothing could ever manage them again: it stops them (SIGTERM, QEMU's clean exit; SIGKILL
/// after the grace period). A persistent cluster keeps them running, as a host keeps its VMs through an agent
/// restart, says which, and that the next `fabric up` adopts them again; it first waits for each host's fence
/// companion to finish, because that one kills the host's HA VMs once the agent's lease lapses.
/// </summary>
internal sealed class LeftoverVmPolicy(TextWriter output, TimeProvider time)
{
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan FenceDeadline = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(100);

    public async Task ApplyAsync(IReadOnlyList<HostInstance> hosts, bool inMemory)
    {
        if (inMemory)
        {
            await StopAsync(LeftoverVmScan.Find(hosts));
        }
        else
        {
            await UntilAsync(() => !hosts.Any(host => LeftoverVmScan.FenceCompanionRunning(host.DataDirectory)), FenceDeadline);
            Report(LeftoverVmScan.Find(hosts));
        }
    }

    private async Task StopAsync(IReadOnlyList<LeftoverVm> vms)
    {
        if (vms.Count == 0)
        {
            return;
        }

        await output.WriteLineAsync($"stopping {Describe(vms)}: an in-memory cluster forgets its VMs, so none may outlive it");
        foreach (var vm in vms)
        {
            UnixSignals.Terminate(vm.Pid);
        }

        if (!await UntilAsync(() => vms.All(Gone), StopGrace))
        {
            foreach (var vm in vms.Where(vm => !Gone(vm)))
            {
                await output.WriteLineAsync($"VM {vm.Name} (QEMU pid {vm.Pid}) did not stop within {StopGrace.TotalSeconds:0} s of SIGTERM; killing it");
                UnixSignals.KillNow(vm.Pid);
            }

            await UntilAsync(() => vms.All(Gone), StopGrace);
        }

        foreach (var vm in vms.Where(vm => !Gone(vm)))
        {
            await output.WriteLineAsync($"VM {vm.Name} (QEMU pid {vm.Pid}) is still running after SIGKILL; stop it by hand (kill -9 {vm.Pid})");
        }
    }

    private void Report(IReadOnlyList<LeftoverVm> vms)
    {
        if (vms.Count > 0)
        {
            output.WriteLine($"left running: {Describe(vms)}; the next ./fabric up with the same data folder adopts them again (to have them stopped instead, run ./fabric vm stop NAME before stopping the cluster)");
        }
    }

    private static string Describe(IReadOnlyList<LeftoverVm> vms) =>
        $"{vms.Count} VM{(vms.Count == 1 ? "" : "s")} ({string.Join(", ", vms.Select(vm => $"{vm.Name} on {vm.Host}, QEMU pid {vm.Pid}"))})";

    private static bool Gone(LeftoverVm vm) => ProcessCommandLine.Read(vm.Pid) is null;

    private async Task<bool> UntilAsync(Func<bool> condition, TimeSpan deadline)
    {
        var started = time.GetTimestamp();
        while (!condition())
        {
            if (time.GetElapsedTime(started) >= deadline)
            {
                return false;
            }

            await Task.Delay(PollEvery, time);
        }

        return true;
    }
}
