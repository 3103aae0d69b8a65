using System.Text.RegularExpressions;
using Fabric.Hypervisor.Qemu.CommandLine;

namespace Fabric.Hypervisor.Qemu.Disks;

public sealed partial class QemuDiskStore
{
    public Task CreateSnapshotAsync(string path, string name, CancellationToken cancellationToken) => SnapshotAsync("-c", path, name, cancellationToken);

    public async Task<IReadOnlyList<string>> ListSnapshotsAsync(string path, CancellationToken cancellationToken)
    {
        var image = RequireExisting(path, "Disk");
        RequireQcow2ForSnapshots(image.FullPath);
        return (await GetInfoAsync(image.FullPath, DiskFormat.Qcow2, cancellationToken)).Snapshots;
    }

    public Task RevertToSnapshotAsync(string path, string name, CancellationToken cancellationToken) => SnapshotAsync("-a", path, name, cancellationToken);

    public Task DeleteSnapshotAsync(string path, string name, CancellationToken cancellationToken) => SnapshotAsync("-d", path, name, cancellationToken);

    private async Task SnapshotAsync(string action, string path, string name, CancellationToken cancellationToken)
    {
        var image = RequireExisting(path, "Disk");
        RequireQcow2ForSnapshots(image.FullPath);
        if (name is null || !SnapshotNamePattern().IsMatch(name))
        {
            throw new HypervisorException(HypervisorErrorCode.InvalidSpec, $"Snapshot name '{name}' is not valid; use 1–64 letters, digits, '.', '-' or '_'.");
        }

        if (action != "-c" && !(await ListSnapshotsAsync(image.FullPath, cancellationToken)).Contains(name, StringComparer.Ordinal))
        {
            throw new HypervisorException(HypervisorErrorCode.NotFound, $"Disk '{path}' has no snapshot '{name}'.");
        }

        // qemu-img 7.2's snapshot has no -f; --image-opts pins the format instead of letting it probe.
        var imageOptions = $"driver=qcow2,file.driver=file,file.filename={QemuOptionText.EscapePath(image.FullPath, "Disk path")}";
        await qemuImg.RunAsync(["snapshot", action, name, "--image-opts", imageOptions], image.FullPath, cancellationToken);
    }

    private static void RequireQcow2ForSnapshots(string path)
    {
        // Snapshot calls take no format: internal snapshots exist only in qcow2, so check its magic instead.
        if (!IsQcow2(path))
        {
            throw new HypervisorException(HypervisorErrorCode.Unsupported, $"Disk '{path}' is not qcow2; internal snapshots need qcow2 (convert it first).");
        }
    }

    private static bool IsQcow2(string path)
    {
        Span<byte> magic = stackalloc byte[4];
        using var file = File.OpenRead(path);
        return file.Read(magic) == 4 && magic.SequenceEqual(Qcow2Magic);
    }

    private static ReadOnlySpan<byte> Qcow2Magic => [(byte)'Q', (byte)'F', (byte)'I', 0xFB];

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")]
    private static partial Regex SnapshotNamePattern();
}
