namespace Fabric.Hypervisor.Tests.Support;

/// <summary>A throwaway storage pool directory (and a sibling directory outside it), removed on dispose.</summary>
public sealed class TempPool : IDisposable
{
    public TempPool()
    {
        Root = Path.Combine(Path.GetTempPath(), $"fabric-test-{Guid.NewGuid():N}");
        PoolPath = Path.Combine(Root, "pool");
        OutsidePath = Path.Combine(Root, "outside");
        Directory.CreateDirectory(PoolPath);
        Directory.CreateDirectory(OutsidePath);
    }

    public string Root { get; }

    public string PoolPath { get; }

    public string OutsidePath { get; }

    public Dictionary<string, string> Pools => new() { ["local"] = PoolPath };

    public string InPool(string name) => Path.Combine(PoolPath, name);

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
