using System.Globalization;
using Fabric.Hypervisor.Storage;

namespace Fabric.Hypervisor.Qemu.Disks;

/// <summary>Disk images through qemu-img, confined to the storage pools. Always passes the format.</summary>
public sealed partial class QemuDiskStore(StoragePools pools, QemuImgRunner qemuImg) : IDiskStore
{
    public async Task<DiskImageInfo> CreateAsync(DiskCreateRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var format = request.Format.ToQemu();
        var target = pools.Resolve(request.Path, "Disk");
        RequireAbsent(target);
        if (request.SizeBytes <= 0)
        {
            throw new HypervisorException(HypervisorErrorCode.InvalidSpec, $"Disk '{request.Path}' needs a size above zero (got {request.SizeBytes} bytes).");
        }

        RequireSpace(target, request.SizeBytes, $"create disk '{request.Path}'");
        var arguments = new List<string> { "create", "-f", format };
        if (CreateOptions(request.Format, request.Fixed) is { } options)
        {
            arguments.AddRange(["-o", options]);
        }

        arguments.AddRange([target.FullPath, request.SizeBytes.ToString(CultureInfo.InvariantCulture)]);
        await WithCleanupAsync(target.FullPath, () => qemuImg.RunAsync(arguments, target.FullPath, cancellationToken));
        return await GetInfoAsync(target.FullPath, request.Format, cancellationToken);
    }

    public async Task<DiskImageInfo> GetInfoAsync(string path, DiskFormat format, CancellationToken cancellationToken)
    {
        var image = RequireExisting(path, "Disk");
        // -U (force-share) reads metadata even while a running VM holds the image's write lock.
        var result = await qemuImg.RunAsync(["info", "--output=json", "-U", "-f", format.ToQemu(), image.FullPath], image.FullPath, cancellationToken);
        return QemuImgInfoParser.Parse(image.FullPath, format, result.StandardOutput);
    }

    public async Task<DiskImageInfo> ConvertAsync(string sourcePath, DiskFormat sourceFormat, string targetPath, DiskFormat targetFormat, CancellationToken cancellationToken)
    {
        var source = RequireExisting(sourcePath, "Source disk");
        var target = pools.Resolve(targetPath, "Target disk");
        RequireAbsent(target);
        var sourceInfo = await GetInfoAsync(source.FullPath, sourceFormat, cancellationToken);
        RequireSpace(target, sourceInfo.ActualSizeBytes, $"convert '{sourcePath}' to '{targetPath}'");
        await WithCleanupAsync(target.FullPath, () => RunConvertAsync(source.FullPath, sourceFormat, target.FullPath, targetFormat, fixedTarget: false, cancellationToken));
        return await GetInfoAsync(target.FullPath, targetFormat, cancellationToken);
    }

    public async Task<DiskCheckResult> CheckAsync(string path, DiskFormat format, CancellationToken cancellationToken)
    {
        var image = RequireExisting(path, "Disk");
        // Exit 2 = corruption, 3 = leaks: findings, not failures. 63 = the format has no checker.
        var result = await qemuImg.RunAsync(["check", "--output=json", "-f", format.ToQemu(), image.FullPath], image.FullPath, cancellationToken, 2, 3, 63);
        if (result.ExitCode == 63)
        {
            throw new HypervisorException(HypervisorErrorCode.Unsupported, $"qemu-img cannot check {format.ToQemu()} images ('{path}'); convert to qcow2 to check it.");
        }

        return QemuImgInfoParser.ParseCheck(result.StandardOutput);
    }

    public async Task<DiskImageInfo> CreateLinkedCloneAsync(string basePath, DiskFormat baseFormat, string clonePath, CancellationToken cancellationToken)
    {
        var baseImage = RequireExisting(basePath, "Base disk");
        var clone = pools.Resolve(clonePath, "Clone disk");
        RequireAbsent(clone);
        // -F is mandatory on 7.2: without it qemu-img refuses ("Backing file specified without backing format").
        await WithCleanupAsync(clone.FullPath, () => qemuImg.RunAsync(
            ["create", "-f", "qcow2", "-b", baseImage.FullPath, "-F", baseFormat.ToQemu(), clone.FullPath], clone.FullPath, cancellationToken));
        return await GetInfoAsync(clone.FullPath, DiskFormat.Qcow2, cancellationToken);
    }

    public Task DeleteAsync(string path, CancellationToken cancellationToken)
    {
        File.Delete(RequireExisting(path, "Disk").FullPath);
        return Task.CompletedTask;
    }

    private static string? CreateOptions(DiskFormat format, bool fixedSize) => format switch
    {
        // force_size: exact sizes as Hyper-V writes them, instead of rounding to a CHS geometry.
        DiskFormat.Vpc => $"subformat={(fixedSize ? "fixed" : "dynamic")},force_size=on",
        DiskFormat.Vhdx => $"subformat={(fixedSize ? "fixed" : "dynamic")}",
        _ => null,
    };

    private Task RunConvertAsync(string source, DiskFormat sourceFormat, string target, DiskFormat targetFormat, bool fixedTarget, CancellationToken cancellationToken)
    {
        var arguments = new List<string> { "convert", "-f", sourceFormat.ToQemu(), "-O", targetFormat.ToQemu() };
        if (CreateOptions(targetFormat, fixedTarget) is { } options)
        {
            arguments.AddRange(["-o", options]);
        }

        arguments.AddRange([source, target]);
        return qemuImg.RunAsync(arguments, source, cancellationToken);
    }

    private StoragePath RequireExisting(string path, string what)
    {
        var resolved = pools.Resolve(path, what);
        if (!File.Exists(resolved.FullPath))
        {
            throw new HypervisorException(HypervisorErrorCode.NotFound, $"{what} '{path}' does not exist in pool '{resolved.Pool}'.");
        }

        return resolved;
    }

    private static void RequireAbsent(StoragePath path)
    {
        if (File.Exists(path.FullPath) || Directory.Exists(path.FullPath))
        {
            throw new HypervisorException(HypervisorErrorCode.InvalidSpec, $"'{path.FullPath}' already exists; choose another name or delete it first.");
        }
    }

    private static void RequireSpace(StoragePath path, long bytes, string what)
    {
        var free = StoragePools.FreeBytes(path);
        if (bytes > free)
        {
            throw new HypervisorException(HypervisorErrorCode.InsufficientSpace,
                $"Cannot {what}: it needs {bytes} bytes but pool '{path.Pool}' has {free} free; free space or use another pool.");
        }
    }

    /// <summary>Runs a step that creates <paramref name="createdFile"/>; on failure nothing half-made is left behind.</summary>
    private static async Task WithCleanupAsync(string createdFile, Func<Task> step)
    {
        try
        {
            await step();
        }
        catch
        {
            File.Delete(createdFile);
            throw;
        }
    }
}
