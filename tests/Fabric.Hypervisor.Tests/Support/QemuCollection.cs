namespace Fabric.Hypervisor.Tests.Support;

/// <summary>Tests that boot real QEMU run one at a time: a 2-core machine runs one TCG guest well, not five.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class QemuCollection
{
    public const string Name = "Qemu";
}
