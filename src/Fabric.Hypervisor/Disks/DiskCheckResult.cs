namespace Fabric.Hypervisor;

/// <summary>Result of a consistency check.</summary>
/// <param name="Clean">No corruption and no leaks.</param>
/// <param name="Corruptions">Corrupted clusters found.</param>
/// <param name="Leaks">Leaked clusters found (harmless, wasted space).</param>
/// <param name="Detail">What the checker said.</param>
public sealed record DiskCheckResult(bool Clean, long Corruptions, long Leaks, string Detail);
