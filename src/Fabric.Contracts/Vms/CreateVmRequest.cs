namespace Fabric.Contracts.Vms;

/// <summary>The creation wizard's answers: name → processors and memory → disks → network → installation source.</summary>
[GenerateSerializer, Immutable, Alias("fabric.CreateVmRequest")]
public sealed record CreateVmRequest
{
    [Id(0)] public string Name { get; init; } = "";

    [Id(1)] public int VCpus { get; init; } = 1;

    [Id(2)] public int MemoryMiB { get; init; } = 512;

    [Id(3)] public DeviceProfile Profile { get; init; } = DeviceProfile.Paravirtual;

    [Id(4)] public IReadOnlyList<CreateVmDisk> Disks { get; init; } = [];

    [Id(5)] public IReadOnlyList<CreateVmNic> Nics { get; init; } = [new CreateVmNic()];

    /// <summary>Image-library name of the installation ISO, or null for none.</summary>
    [Id(6)] public string? Iso { get; init; }

    /// <summary>Boot order; empty means CD-ROM first when an ISO is given, then disk.</summary>
    [Id(7)] public IReadOnlyList<string> BootOrder { get; init; } = [];

    [Id(8)] public int SerialPorts { get; init; } = 1;

    /// <summary>Shorthand for <see cref="Restart"/> = <see cref="RestartPolicy.OnFailure"/> when <see cref="Restart"/> is not given.</summary>
    [Id(9)] public bool HaRestart { get; init; }

    /// <summary>What to do when the VM stops unasked; null means on-failure with <see cref="HaRestart"/>, else never.</summary>
    [Id(11)] public RestartPolicy? Restart { get; init; }

    /// <summary>Failover order: VMs with a higher priority are restarted first (0–1000).</summary>
    [Id(12)] public int RestartPriority { get; init; }

    /// <summary>Start the VM once created.</summary>
    [Id(10)] public bool Start { get; init; }
}
