using Fabric.Contracts.Vms;

namespace Fabric.Grains.Vms.Operations;

/// <summary>Where a VM stands for an operation: its derived status, and its host's report at the current epoch (null if none).</summary>
public sealed record VmProgress(VmStatus Status, VmObservation? Observation);
