using Fabric.HostAgent.Configuration;

namespace Fabric.HostAgent.Fencing;

/// <summary>
/// Pets the fence companion through <c>&lt;data&gt;/fence-pet.json</c>, starting the companion again if
/// it is gone, and the hardware watchdog when one is configured.
/// </summary>
public sealed class FenceCompanionPet(AgentSettings settings, FenceCompanionLauncher launcher, HardwareWatchdog? watchdog = null) : IFencePet
{
    private readonly long _agentStartTime = ProcessStartTime.Read(Environment.ProcessId)
        ?? throw new InvalidOperationException("cannot read this process's start time from /proc; fencing needs Linux /proc");

    public void Pet(long deadlineNs, IReadOnlyList<HaVm> vms)
    {
        ArgumentNullException.ThrowIfNull(vms);
        var processes = vms.Select(v => v.Process).OfType<FencedProcess>().ToList();
        FencePetFile.Write(settings.DataDirectory, new FencePet(Environment.ProcessId, _agentStartTime, deadlineNs, processes));
        launcher.EnsureRunning();
        watchdog?.Pet();
    }

    public void Fenced() => watchdog?.Disarm();
}
