namespace Fabric.Hypervisor.Storage;

/// <summary>A path proven to lie inside a storage pool.</summary>
/// <param name="Pool">Pool name.</param>
/// <param name="PoolRoot">The pool's directory, symlinks resolved.</param>
/// <param name="FullPath">The path, symlinks resolved.</param>
public sealed record StoragePath(string Pool, string PoolRoot, string FullPath);
