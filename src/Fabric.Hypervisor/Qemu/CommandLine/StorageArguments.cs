namespace Fabric.Hypervisor.Qemu.CommandLine;

/// <summary>Disks and CD-ROMs: a <c>-blockdev</c> file node and format node per image, then the device.</summary>
internal static class StorageArguments
{
    public static void Add(QemuArgv argv, VmRuntimeSpec spec, IReadOnlyDictionary<string, int> bootIndex)
    {
        var ahciPort = 0;
        if (spec.Disks.Any(d => DeviceRules.EffectiveBus(d, spec.Profile) == DiskBus.VirtioScsi))
        {
            argv.Add("-device", $"virtio-scsi-pci,id={DeviceRules.ScsiController}");
        }

        var scsiId = 0;
        foreach (var disk in spec.Disks)
        {
            AddImage(argv, disk.Id, disk.Path, disk.Format.ToQemu(), disk.ReadOnly, "disk");
            var device = DeviceRules.EffectiveBus(disk, spec.Profile) switch
            {
                DiskBus.VirtioBlk => "virtio-blk-pci",
                DiskBus.VirtioScsi => $"scsi-hd,bus={DeviceRules.ScsiController}.0,scsi-id={scsiId++},lun=0",
                _ => $"ide-hd,bus=ide.{ahciPort++}",
            };
            argv.Add("-device", $"{device},drive={DeviceRules.FormatNode(disk.Id)},id={disk.Id}{QemuCommandLineBuilder.BootSuffix(bootIndex, disk.Id)}");
        }

        foreach (var cdrom in spec.CdRoms)
        {
            var drive = string.Empty;
            if (cdrom.IsoPath is not null)
            {
                AddImage(argv, cdrom.Id, cdrom.IsoPath, "raw", readOnly: true, "ISO");
                drive = $",drive={DeviceRules.FormatNode(cdrom.Id)}";
            }

            // An ide-cd without a drive still gets an empty tray, so an ISO can be inserted later.
            argv.Add("-device", $"ide-cd,bus=ide.{ahciPort++}{drive},id={cdrom.Id}{QemuCommandLineBuilder.BootSuffix(bootIndex, cdrom.Id)}");
        }
    }

    private static void AddImage(QemuArgv argv, string id, string path, string format, bool readOnly, string what)
    {
        var ro = readOnly ? ",read-only=on" : string.Empty;
        argv.Add("-blockdev",
            $"driver=file,node-name={DeviceRules.FileNode(id)},filename={QemuOptionText.EscapePath(path, $"{what} '{id}' path")}{ro}");
        argv.Add("-blockdev", $"driver={format},node-name={DeviceRules.FormatNode(id)},file={DeviceRules.FileNode(id)}{ro}");
    }
}
