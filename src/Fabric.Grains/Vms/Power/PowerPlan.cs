using Fabric.Grains.Vms.Operations;

namespace Fabric.Grains.Vms.Power;

/// <summary>What a power action changes: the new desired power, the operation that tracks it, and whether the VM needs a host.</summary>
public sealed record PowerPlan(DesiredPower Desired, VmOperation Operation, bool NeedsHost, string Message);
