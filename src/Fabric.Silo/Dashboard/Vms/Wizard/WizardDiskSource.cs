namespace Fabric.Silo.Dashboard.Vms.Wizard;

/// <summary>Where a wizard disk comes from.</summary>
public enum WizardDiskSource
{
    New,
    Existing,
    Import,
}
