namespace Fabric.Hypervisor;

/// <summary>
/// Everything a driver needs to run one VM on this host. Built by the agent from the
/// cluster's assignment; paths are already resolved and confined to storage pools.
/// </summary>
/// <param name="VmId">Stable VM identifier; also names the runtime directory.</param>
/// <param name="Name">Display name (validated DNS label).</param>
/// <param name="Epoch">Assignment epoch; a driver never acts on an older epoch than it holds.</param>
/// <param name="VCpus">Number of virtual CPUs.</param>
/// <param name="MemoryMiB">Guest memory in MiB.</param>
public sealed record VmRuntimeSpec(string VmId, string Name, long Epoch, int VCpus, int MemoryMiB);
