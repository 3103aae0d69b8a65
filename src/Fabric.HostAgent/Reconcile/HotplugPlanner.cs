using Fabric.Contracts.Hosts;
using Fabric.Hypervisor;

namespace Fabric.HostAgent.Reconcile;

/// <summary>
/// The next device change that brings a running VM from what was applied to what is desired, one
/// at a time so each is recorded as it succeeds. Controllers come before the disks that need them,
/// removals before additions. vCPUs, memory, profile and COM ports cannot change on a running VM:
/// they take effect at its next start.
/// </summary>
public static class HotplugPlanner
{
    public static HotplugStep? Next(VmAssignment desired, VmRuntimeSpec desiredSpec, AppliedVm applied)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(desiredSpec);
        ArgumentNullException.ThrowIfNull(applied);
        var current = applied.Spec;
        if (applied.ScsiControllers < desired.Hardware.ScsiControllers)
        {
            return new HotplugStep.AddScsiController($"scsi{applied.ScsiControllers}");
        }

        if (current.Disks.FirstOrDefault(d => desiredSpec.Disks.All(w => w.Id != d.Id)) is { } removed)
        {
            return new HotplugStep.DetachDisk(removed.Id, applied.DiskSizes.Keys.FirstOrDefault(n => AssignmentTranslator.DiskId(n) == removed.Id));
        }

        if (desiredSpec.Disks.FirstOrDefault(d => current.Disks.All(c => c.Id != d.Id)) is { } added)
        {
            var source = desired.Disks.Single(d => AssignmentTranslator.DiskId(d.Name) == added.Id);
            return new HotplugStep.AttachDisk(added, added.Bus == DiskBus.VirtioScsi ? "scsi0" : null, source.Name, source.SizeBytes);
        }

        foreach (var disk in desired.Disks)
        {
            if (applied.DiskSizes.TryGetValue(disk.Name, out var size) && disk.SizeBytes > size)
            {
                return new HotplugStep.ResizeDisk(disk.Name, AssignmentTranslator.DiskId(disk.Name), disk.SizeBytes);
            }
        }

        if (current.Nics.FirstOrDefault(n => desiredSpec.Nics.All(w => w.Id != n.Id)) is { } nicGone)
        {
            return new HotplugStep.RemoveNic(nicGone.Id);
        }

        if (desiredSpec.Nics.FirstOrDefault(n => current.Nics.All(c => c.Id != n.Id)) is { } nicAdded)
        {
            return new HotplugStep.AddNic(nicAdded);
        }

        var wantedIso = desiredSpec.CdRoms.FirstOrDefault()?.IsoPath;
        var currentIso = current.CdRoms.FirstOrDefault()?.IsoPath;
        return current.CdRoms.Count > 0 && wantedIso != currentIso
            ? new HotplugStep.ChangeMedium(current.CdRoms[0].Id, wantedIso)
            : null;
    }

    /// <summary>The applied state after <paramref name="step"/> succeeded.</summary>
    public static AppliedVm Apply(AppliedVm applied, HotplugStep step)
    {
        ArgumentNullException.ThrowIfNull(applied);
        var spec = applied.Spec;
        return step switch
        {
            HotplugStep.AddScsiController => applied with { ScsiControllers = applied.ScsiControllers + 1 },
            HotplugStep.AttachDisk a => applied with
            {
                Spec = spec with { Disks = [.. spec.Disks, a.Disk] },
                DiskSizes = new Dictionary<string, long>(applied.DiskSizes) { [a.DiskName] = a.SizeBytes },
            },
            HotplugStep.DetachDisk d => applied with
            {
                Spec = spec with { Disks = [.. spec.Disks.Where(x => x.Id != d.DiskId)] },
                DiskSizes = applied.DiskSizes.Where(x => x.Key != d.DiskName).ToDictionary(x => x.Key, x => x.Value),
            },
            HotplugStep.ResizeDisk r => applied with { DiskSizes = new Dictionary<string, long>(applied.DiskSizes) { [r.DiskName] = r.SizeBytes } },
            HotplugStep.AddNic n => applied with { Spec = spec with { Nics = [.. spec.Nics, n.Nic] } },
            HotplugStep.RemoveNic n => applied with { Spec = spec with { Nics = [.. spec.Nics.Where(x => x.Id != n.NicId)] } },
            HotplugStep.ChangeMedium m => applied with { Spec = spec with { CdRoms = [.. spec.CdRoms.Select(c => c.Id == m.CdromId ? c with { IsoPath = m.IsoPath } : c)] } },
            _ => applied,
        };
    }
}
