namespace Fabric.Contracts.Disks;

/// <summary>Internal (qcow2) snapshot actions on a detached or stopped VM's disk.</summary>
public enum SnapshotAction
{
    Create,
    Revert,
    Delete,
}
