namespace Fabric.Grains.Vms;

/// <summary>The operation a VM is working through, and how to tell it is done.</summary>
/// <param name="Id">Operation id.</param>
/// <param name="Kind">e.g. <c>vm.start</c>, <c>vm.grow-disk</c>.</param>
/// <param name="Deadline">When it fails if not done.</param>
public sealed record PendingOperation(string Id, string Kind, DateTimeOffset Deadline)
{
    /// <summary>For counter-based actions (reset, restart): the count the host must report as applied.</summary>
    public int TargetCount { get; init; }

    /// <summary>For an online disk grow: the disk and the size the running VM must report.</summary>
    public string? Disk { get; init; }

    public long TargetSize { get; init; }
}
