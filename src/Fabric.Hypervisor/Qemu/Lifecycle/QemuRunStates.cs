namespace Fabric.Hypervisor.Qemu.Lifecycle;

/// <summary>Maps QMP <c>query-status</c> run states (qapi/run-state.json) to <see cref="VmRunState"/>.</summary>
internal static class QemuRunStates
{
    public static VmRunState Map(string state) => state switch
    {
        "running" => VmRunState.Running,
        "prelaunch" or "inmigrate" or "restore-vm" => VmRunState.Starting,
        "suspended" => VmRunState.Suspended,
        "shutdown" => VmRunState.ShuttingDown,
        "guest-panicked" or "internal-error" => VmRunState.Crashed,
        // paused, postmigrate, finish-migrate, save-vm, io-error, watchdog, colo, debug: vCPUs are stopped.
        _ => VmRunState.Paused,
    };
}
