namespace Fabric.Create.Bench;

/// <summary>One way a caller creates a VM: the REST API or the .NET FabricClient.</summary>
internal interface ICreateSurface : IAsyncDisposable
{
    /// <summary>Creates and starts a small VM without disks or NICs; throws when the cluster refuses.</summary>
    Task CreateAsync(string name, int memoryMiB);
}
