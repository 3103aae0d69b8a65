using Fabric.Contracts.Vms;

namespace Fabric.Silo.Dashboard.Vms.Wizard;

/// <summary>One network adapter as the wizard asks for it.</summary>
public sealed class WizardNic
{
    public string Network { get; set; } = "user";

    public NicModel Model { get; set; } = NicModel.Default;

    /// <summary>Blank for a generated one.</summary>
    public string? Mac { get; set; }
}
