namespace Fabric.Chaos.Watching;

/// <summary>Reads every process on the machine at one moment.</summary>
public interface IProcessTable
{
    IReadOnlyList<ProcessEntry> Snapshot();
}
