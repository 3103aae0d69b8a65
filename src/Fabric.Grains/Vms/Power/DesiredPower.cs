using Fabric.Contracts.Vms;

namespace Fabric.Grains.Vms.Power;

/// <summary>The power half of a VM's desired state, as the host agent receives it in the assignment.</summary>
/// <param name="State">Running, Stopped, Paused or Suspended.</param>
/// <param name="StopMode">How to get to Stopped.</param>
/// <param name="ShutdownTimeout">How long a graceful stop may take before it is forced.</param>
/// <param name="ResetCount">Bumped once per reset request; the agent resets once per increment.</param>
/// <param name="RestartCount">Bumped once per restart request.</param>
public sealed record DesiredPower(PowerState State, StopMode StopMode, TimeSpan ShutdownTimeout, int ResetCount, int RestartCount);
