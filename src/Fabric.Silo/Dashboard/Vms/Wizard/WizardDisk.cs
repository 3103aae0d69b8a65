using Fabric.Contracts.Vms;

namespace Fabric.Silo.Dashboard.Vms.Wizard;

/// <summary>One disk as the wizard asks for it: Hyper-V's "create a new disk / use an existing one / import".</summary>
public sealed class WizardDisk
{
    public WizardDiskSource Source { get; set; } = WizardDiskSource.New;

    /// <summary>As typed: <c>20G</c>, <c>512M</c>.</summary>
    public string Size { get; set; } = "8G";

    public string Format { get; set; } = "qcow2";

    public string? Pool { get; set; }

    public string? Existing { get; set; }

    public string? Import { get; set; }

    public DiskBus Bus { get; set; } = DiskBus.Default;
}
