namespace Fabric.Grains;

/// <summary>Names of the grain storage providers the silo must register.</summary>
public static class GrainStorageNames
{
    /// <summary>Cluster state: hosts, inventory, and later VMs and disks.</summary>
    public const string Default = "fabric";
}
