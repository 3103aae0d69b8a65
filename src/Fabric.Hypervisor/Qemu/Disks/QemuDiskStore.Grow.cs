using System.Globalization;

namespace Fabric.Hypervisor.Qemu.Disks;

public sealed partial class QemuDiskStore
{
    public async Task<DiskImageInfo> GrowAsync(string path, DiskFormat format, long newSizeBytes, CancellationToken cancellationToken)
    {
        var image = RequireExisting(path, "Disk");
        var current = await GetInfoAsync(image.FullPath, format, cancellationToken);
        if (newSizeBytes <= current.VirtualSizeBytes)
        {
            throw new HypervisorException(HypervisorErrorCode.InvalidSpec,
                $"Disk '{path}' is {current.VirtualSizeBytes} bytes; it can only grow, so ask for more than that (got {newSizeBytes}).");
        }

        var size = newSizeBytes.ToString(CultureInfo.InvariantCulture);
        if (format is DiskFormat.Qcow2 or DiskFormat.Raw)
        {
            RequireSpace(image, newSizeBytes - current.VirtualSizeBytes, $"grow '{path}'");
            await qemuImg.RunAsync(["resize", "-f", format.ToQemu(), image.FullPath, size], image.FullPath, cancellationToken);
            return await GetInfoAsync(image.FullPath, format, cancellationToken);
        }

        // qemu-img cannot resize vpc/vhdx in place: convert to raw, resize that, convert back
        // (a fixed VHD stays fixed; VHDX comes back dynamic), then swap the result in so a failure leaves the original intact.
        RequireSpace(image, current.ActualSizeBytes + newSizeBytes, $"grow '{path}' through a raw copy");
        var wasFixed = format == DiskFormat.Vpc && VhdFooter.IsFixed(image.FullPath);
        var directory = Path.GetDirectoryName(image.FullPath)!;
        var stem = $".{Path.GetFileName(image.FullPath)}.grow-{Guid.NewGuid():N}";
        var raw = Path.Combine(directory, stem + ".raw");
        var rebuilt = Path.Combine(directory, stem + ".new");
        try
        {
            await RunConvertAsync(image.FullPath, format, raw, DiskFormat.Raw, fixedTarget: false, cancellationToken);
            await qemuImg.RunAsync(["resize", "-f", "raw", raw, size], raw, cancellationToken);
            await RunConvertAsync(raw, DiskFormat.Raw, rebuilt, format, wasFixed, cancellationToken);
            File.Move(rebuilt, image.FullPath, overwrite: true);
        }
        finally
        {
            File.Delete(raw);
            File.Delete(rebuilt);
        }

        return await GetInfoAsync(image.FullPath, format, cancellationToken);
    }
}
