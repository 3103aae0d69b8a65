using Fabric.Contracts.Disks;
using Fabric.Contracts.Validation;

namespace Fabric.Contracts.Vms;

/// <summary>Checks a creation request on its own (no cluster lookups) and reports every problem at once.</summary>
public static class CreateVmRequestValidator
{
    public static readonly string[] BootDevices = ["cdrom", "disk", "network"];

    /// <summary>63 for a DNS label, less room for the "-diskNN" of the VM's own disks.</summary>
    public const int MaxNameLength = ResourceNames.MaxLabelLength - 6;

    public static IReadOnlyList<ValidationProblem> Validate(CreateVmRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new ProblemCollector();
        problems.Check("name", ResourceNames.ValidateLabel(request.Name, "VM")
            ?? (request.Name.Length > MaxNameLength ? $"VM name is {request.Name.Length} characters long; at most {MaxNameLength}, so its disks' names (<name>-diskN) stay DNS labels" : null));
        problems.Check("vCpus", HardwareRules.ValidateVCpus(request.VCpus));
        problems.Check("memoryMiB", HardwareRules.ValidateMemory(request.MemoryMiB));
        problems.Check("serialPorts", request.SerialPorts is < 0 or > Limits.MaxSerialPorts
            ? $"{request.SerialPorts} COM ports asked; a VM has 0 to {Limits.MaxSerialPorts} (COM1–COM4)" : null);
        problems.Check("profile", EnumValues.Validate(request.Profile, "device profile"));
        problems.Check("restart", request.Restart is { } restart ? EnumValues.Validate(restart, "restart policy") : null);
        var disks = RequestLists.Present(problems, "disks", request.Disks, "a disk object such as {\"sizeBytes\": 1073741824}");
        var nics = RequestLists.Present(problems, "nics", request.Nics, "a NIC object such as {\"network\": \"user\"}");
        var bootOrder = RequestLists.Present(problems, "bootOrder", request.BootOrder, "a boot device: cdrom, disk or network");
        problems.Check("disks", request.Disks?.Count > Limits.MaxDisks ? $"{request.Disks.Count} disks asked; at most {Limits.MaxDisks}" : null);
        problems.Check("nics", request.Nics?.Count > Limits.MaxNics ? $"{request.Nics.Count} NICs asked; at most {Limits.MaxNics}" : null);
        problems.Check("iso", request.Iso is null ? null : ResourceNames.ValidateImageName(request.Iso));
        problems.Check("restartPriority", RestartRules.ValidatePriority(request.RestartPriority));
        problems.Check("restart", RestartRules.ValidateCombination(request));

        foreach (var (i, disk) in disks)
        {
            foreach (var problem in DiskRules.ValidateVmDisk(disk, request.Profile))
            {
                problems.Add(problem with { Field = $"disks[{i}].{problem.Field}" });
            }
        }

        foreach (var (i, nic) in nics)
        {
            problems.Check($"nics[{i}].network", HardwareRules.ValidateNetwork(nic.Network));
            problems.Check($"nics[{i}].mac", nic.Mac is { } mac ? MacAddresses.Validate(mac)
                ?? (nics.Any(n => n.Index < i && n.Item.Mac is { } other && MacAddresses.Normalize(other) == MacAddresses.Normalize(mac)) ? $"{mac} is given to another NIC of this VM too" : null) : null);
            problems.Check($"nics[{i}].model", EnumValues.Validate(nic.Model, "NIC model")
                ?? (request.Profile == DeviceProfile.Emulated && nic.Model == NicModel.Virtio ? "a virtio NIC needs the paravirtual profile; use e1000 or the default model" : null));
        }

        var devices = bootOrder.Select(d => d.Item).ToList();
        var unknown = devices.Where(d => !BootDevices.Contains(d, StringComparer.Ordinal)).ToList();
        problems.Check("bootOrder", unknown.Count > 0 ? $"unknown boot device(s) {string.Join(", ", unknown.Select(d => $"'{ResourceNames.Printable(d)}'"))}; use cdrom, disk or network" : null);
        problems.Check("bootOrder", devices.Distinct(StringComparer.Ordinal).Count() != devices.Count ? "a boot device is listed twice" : null);
        return problems.Problems;
    }
}
