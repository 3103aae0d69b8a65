namespace Fabric.Grains.Operations;

/// <summary>New ids for operations and host tasks: short, unique, safe in URLs and file names.</summary>
public static class OperationIds
{
    public static string New() => Guid.NewGuid().ToString("N")[..16];
}
