namespace Fabric.Contracts.Validation;

/// <summary>Upper bounds that catch typos (a size in bytes given as MiB) before they reach a host.</summary>
public static class Limits
{
    public const int MaxVCpus = 128;
    public const int MinMemoryMiB = 16;
    public const int MaxMemoryMiB = 4 * 1024 * 1024;
    public const long MinDiskBytes = 1024 * 1024;
    public const long MaxDiskBytes = 64L << 40;
    public const int MaxDisks = 16;
    public const int MaxNics = 8;
    public const int MaxSerialPorts = 4;
    public const int MaxScsiControllers = 4;
}
