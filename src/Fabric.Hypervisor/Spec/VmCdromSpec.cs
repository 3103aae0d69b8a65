namespace Fabric.Hypervisor;

/// <summary>A CD-ROM drive on the AHCI controller, empty when <paramref name="IsoPath"/> is null.</summary>
/// <param name="Id">Device id, unique within the VM.</param>
/// <param name="IsoPath">Absolute path of an ISO image, or null for an empty drive.</param>
public sealed record VmCdromSpec(string Id, string? IsoPath);
