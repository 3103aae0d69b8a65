using Fabric.Contracts.Validation;
using Fabric.Contracts.Vms;

namespace Fabric.Silo.Dashboard.Vms.Wizard;

/// <summary>
/// The New Virtual Machine wizard's answers, step by step, turned into a <see cref="CreateVmRequest"/>.
/// Each step is checked with the same validator the grains use, so the wizard refuses exactly what
/// the cluster would, with the same words, before the operator reaches the summary.
/// </summary>
public sealed class VmWizardModel
{
    public const int NameStep = 0;
    public const int HardwareStep = 1;
    public const int DisksStep = 2;
    public const int NetworkStep = 3;
    public const int InstallStep = 4;
    public const int SummaryStep = 5;

    public string Name { get; set; } = "";

    public DeviceProfile Profile { get; set; } = DeviceProfile.Paravirtual;

    /// <summary>What happens when the VM stops unasked; on-failure and always restart it on another host when its host dies.</summary>
    public RestartPolicy Restart { get; set; } = RestartPolicy.Never;

    /// <summary>Failover order (0–1000, higher first).</summary>
    public int RestartPriority { get; set; }

    public int VCpus { get; set; } = 1;

    public int MemoryMiB { get; set; } = 1024;

    public List<WizardDisk> Disks { get; } = [new WizardDisk()];

    public List<WizardNic> Nics { get; } = [new WizardNic()];

    /// <summary>Image-library ISO to boot the installer from, or null.</summary>
    public string? Iso { get; set; }

    public bool StartAfterCreation { get; set; }

    /// <summary>The request, with sizes the operator typed that are not sizes reported as problems.</summary>
    public (CreateVmRequest Request, IReadOnlyList<ValidationProblem> SizeProblems) ToRequest()
    {
        var sizeProblems = new List<ValidationProblem>();
        var disks = new List<CreateVmDisk>();
        for (var i = 0; i < Disks.Count; i++)
        {
            var disk = Disks[i];
            long? size = null;
            if (disk.Source == WizardDiskSource.New)
            {
                size = Sizes.TryParse(disk.Size);
                if (size is null)
                {
                    sizeProblems.Add(new ValidationProblem($"disks[{i}].sizeBytes", $"'{disk.Size}' is not a size; write e.g. 20G or 512M"));
                    size = Limits.MinDiskBytes;
                }
            }

            disks.Add(new CreateVmDisk
            {
                SizeBytes = size,
                Format = disk.Source == WizardDiskSource.Existing ? null : disk.Format,
                Pool = string.IsNullOrWhiteSpace(disk.Pool) ? null : disk.Pool,
                Existing = disk.Source == WizardDiskSource.Existing ? disk.Existing ?? "" : null,
                Import = disk.Source == WizardDiskSource.Import ? disk.Import ?? "" : null,
                Bus = disk.Bus,
            });
        }

        var request = new CreateVmRequest
        {
            Name = Name.Trim(),
            VCpus = VCpus,
            MemoryMiB = MemoryMiB,
            Profile = Profile,
            Disks = disks,
            Nics = [.. Nics.Select(n => new CreateVmNic { Network = n.Network.Trim(), Model = n.Model, Mac = string.IsNullOrWhiteSpace(n.Mac) ? null : n.Mac.Trim() })],
            Iso = string.IsNullOrEmpty(Iso) ? null : Iso,
            Restart = Restart,
            RestartPriority = RestartPriority,
            Start = StartAfterCreation,
        };
        return (request, sizeProblems);
    }

    public IReadOnlyList<ValidationProblem> Problems()
    {
        var (request, sizeProblems) = ToRequest();
        var problems = CreateVmRequestValidator.Validate(request).Where(p => !sizeProblems.Any(s => s.Field == p.Field));
        return [.. sizeProblems, .. problems];
    }

    /// <summary>Problems the operator can fix on <paramref name="step"/>; the summary step owns them all.</summary>
    public IReadOnlyList<ValidationProblem> ProblemsForStep(int step) =>
        step == SummaryStep ? Problems() : [.. Problems().Where(p => StepOf(p.Field) == step)];

    /// <summary>The first message for a field (<c>name</c>, <c>disks[0].sizeBytes</c>), or null.</summary>
    public static string? MessageFor(IReadOnlyList<ValidationProblem> problems, string field) =>
        problems.FirstOrDefault(p => p.Field == field)?.Message;

    /// <summary>Which step asks the question a problem's field answers; a refusal from the grain jumps back there.</summary>
    public static int StepOf(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field switch
        {
            "name" or "restart" or "restartPriority" => NameStep,
            "vCpus" or "memoryMiB" or "profile" => HardwareStep,
            _ when field.StartsWith("disks", StringComparison.Ordinal) || field == "pool" => DisksStep,
            _ when field.StartsWith("nics", StringComparison.Ordinal) || field == "mac" => NetworkStep,
            "iso" or "bootOrder" or "serialPorts" => InstallStep,
            _ => SummaryStep,
        };
    }
}
