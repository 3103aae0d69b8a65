namespace Fabric.Hypervisor.Simulated;

/// <summary>A guest agent that always answers, in Paravirtual VMs only (as the real one).</summary>
internal sealed class SimulatedGuestAgent(SimulatedHypervisor driver) : IGuestAgent
{
    public async Task PingAsync(string vmId, CancellationToken cancellationToken) => await RequireAgentAsync("Ping", vmId, cancellationToken);

    public async Task<GuestOsInfo> GetOsInfoAsync(string vmId, CancellationToken cancellationToken)
    {
        await RequireAgentAsync("GetOsInfo", vmId, cancellationToken);
        return new GuestOsInfo("simulated", "Simulated Linux", "1", "6.1.0-simulated", "x86_64");
    }

    public async Task<IReadOnlyList<GuestNetworkInterface>> GetNetworkInterfacesAsync(string vmId, CancellationToken cancellationToken)
    {
        await RequireAgentAsync("GetNetworkInterfaces", vmId, cancellationToken);
        return [new GuestNetworkInterface("lo", "00:00:00:00:00:00", ["127.0.0.1"])];
    }

    /// <summary>There are no programs in a simulated guest: every exec reports "not found" (exit 127).</summary>
    public async Task<GuestExecResult> ExecAsync(string vmId, string path, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        await RequireAgentAsync("Exec", vmId, cancellationToken);
        return new GuestExecResult(127, string.Empty, $"{path}: not found in a simulated guest");
    }

    public async Task ShutdownAsync(string vmId, CancellationToken cancellationToken)
    {
        await RequireAgentAsync("Shutdown", vmId, cancellationToken);
        driver.SimulateGuestShutdown(vmId);
    }

    public async Task RebootAsync(string vmId, CancellationToken cancellationToken) => await RequireAgentAsync("Reboot", vmId, cancellationToken);

    public async Task SuspendAsync(string vmId, CancellationToken cancellationToken)
    {
        var vm = await RequireAgentAsync("Suspend", vmId, cancellationToken);
        vm.TryTransition(VmRunState.Running, VmRunState.Suspended);
    }

    private async Task<SimulatedVm> RequireAgentAsync(string operation, string vmId, CancellationToken cancellationToken)
    {
        await driver.EnterAsync(operation, cancellationToken);
        var vm = driver.RequireRunning(vmId, operation.ToLowerInvariant());
        if (vm.Spec.Profile != DeviceProfile.Paravirtual)
        {
            throw new HypervisorException(HypervisorErrorCode.Unsupported,
                $"VM '{vmId}' uses the Emulated device profile, which has no guest-agent channel; switch it to Paravirtual.");
        }

        return vm;
    }
}
