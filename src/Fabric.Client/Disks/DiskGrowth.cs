using Fabric.Contracts.Disks;
using Fabric.Contracts.Operations;

namespace Fabric.Client.Disks;

/// <summary>What growing a disk gave: the grown disk (it was detached), or the VM's operation doing it (it was attached).</summary>
public sealed record DiskGrowth(DiskInfo? Disk, OperationInfo? Operation);
