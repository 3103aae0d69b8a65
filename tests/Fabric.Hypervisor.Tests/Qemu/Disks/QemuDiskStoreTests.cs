using Fabric.Hypervisor.Qemu.Disks;
using Fabric.Hypervisor.Storage;
using Fabric.Hypervisor.Tests.Support;

namespace Fabric.Hypervisor.Tests.Qemu.Disks;

/// <summary>Runs the real qemu-img (qemu-utils); no VM needed.</summary>
public sealed class QemuDiskStoreTests : IDisposable
{
    private const long MiB = 1024 * 1024;
    private const string Marker = "FFFFFFFFFFFFF";
    private readonly TempPool _pool = new();
    private readonly QemuDiskStore _store;

    public QemuDiskStoreTests() => _store = new QemuDiskStore(new StoragePools(_pool.Pools), new QemuImgRunner("qemu-img", TimeSpan.FromMinutes(2)));

    [Theory]
    [InlineData(DiskFormat.Qcow2, false)]
    [InlineData(DiskFormat.Raw, false)]
    [InlineData(DiskFormat.Vhdx, false)]
    [InlineData(DiskFormat.Vhdx, true)]
    [InlineData(DiskFormat.Vpc, false)]
    [InlineData(DiskFormat.Vpc, true)]
    public async Task CreateAsync_EachFormat_HasExactlyTheRequestedSize(DiskFormat format, bool fixedSize)
    {
        var info = await _store.CreateAsync(new DiskCreateRequest(_pool.InPool($"d.{format}"), format, 64 * MiB) { Fixed = fixedSize }, default);
        Assert.Equal(64 * MiB, info.VirtualSizeBytes);
        Assert.Equal(format, info.Format);
    }

    [Fact]
    public async Task CreateAsync_ZeroSize_IsRefusedAndLeavesNoFile()
    {
        var error = await Assert.ThrowsAsync<HypervisorException>(() => _store.CreateAsync(new DiskCreateRequest(_pool.InPool("z.qcow2"), DiskFormat.Qcow2, 0), default));
        Assert.Equal(HypervisorErrorCode.InvalidSpec, error.Code);
        Assert.False(File.Exists(_pool.InPool("z.qcow2")));
    }

    [Fact]
    public async Task CreateAsync_LargerThanPoolFreeSpace_IsRefusedWithInsufficientSpace()
    {
        var request = new DiskCreateRequest(_pool.InPool("huge.qcow2"), DiskFormat.Qcow2, long.MaxValue / 2);
        var error = await Assert.ThrowsAsync<HypervisorException>(() => _store.CreateAsync(request, default));
        Assert.Equal(HypervisorErrorCode.InsufficientSpace, error.Code);
        Assert.Contains("'local'", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(request.Path));
    }

    [Fact]
    public async Task CreateAsync_OutsidePool_IsRefusedAndCreatesNothing()
    {
        var path = Path.Combine(_pool.OutsidePath, "x.qcow2");
        var error = await Assert.ThrowsAsync<HypervisorException>(() => _store.CreateAsync(new DiskCreateRequest(path, DiskFormat.Qcow2, MiB), default));
        Assert.Equal(HypervisorErrorCode.PathNotAllowed, error.Code);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task CreateAsync_ExistingFile_IsRefusedAndKeepsIt()
    {
        await File.WriteAllTextAsync(_pool.InPool("keep.raw"), "data");
        await Assert.ThrowsAsync<HypervisorException>(() => _store.CreateAsync(new DiskCreateRequest(_pool.InPool("keep.raw"), DiskFormat.Raw, MiB), default));
        Assert.Equal("data", await File.ReadAllTextAsync(_pool.InPool("keep.raw")));
    }

    [Theory]
    [InlineData("vmdk")]
    [InlineData("qcow3")]
    [InlineData("")]
    public void Parse_UnknownFormat_IsRefusedListingKnownOnes(string name)
    {
        var error = Assert.Throws<HypervisorException>(() => DiskFormatNames.Parse(name));
        Assert.Equal(HypervisorErrorCode.InvalidSpec, error.Code);
        Assert.Contains("qcow2, raw, vhdx", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DiskFormat.Qcow2, false)]
    [InlineData(DiskFormat.Raw, false)]
    [InlineData(DiskFormat.Vhdx, false)]
    [InlineData(DiskFormat.Vpc, false)]
    [InlineData(DiskFormat.Vpc, true)]
    public async Task GrowAsync_AnyFormat_KeepsDataFormatAndFixedness(DiskFormat format, bool fixedSize)
    {
        var path = _pool.InPool($"g.{format}");
        await _store.CreateAsync(new DiskCreateRequest(path, format, 8 * MiB) { Fixed = fixedSize }, default);
        await WriteMarkerAsync(path, format);
        var lengthBefore = new FileInfo(path).Length;

        var grown = await _store.GrowAsync(path, format, 16 * MiB, default);

        Assert.Equal(16 * MiB, grown.VirtualSizeBytes);
        Assert.Equal(Marker, await ReadMarkerAsync(path, format));
        if (format == DiskFormat.Vpc)
        {
            // A fixed VHD's file grows with the disk; a dynamic one allocates on write only.
            Assert.Equal(fixedSize, new FileInfo(path).Length > lengthBefore + (4 * MiB));
        }

        Assert.Single(Directory.GetFiles(_pool.PoolPath));
    }

    [Fact]
    public async Task GrowAsync_SmallerSize_IsRefused()
    {
        var path = _pool.InPool("s.qcow2");
        await _store.CreateAsync(new DiskCreateRequest(path, DiskFormat.Qcow2, 8 * MiB), default);
        var error = await Assert.ThrowsAsync<HypervisorException>(() => _store.GrowAsync(path, DiskFormat.Qcow2, 4 * MiB, default));
        Assert.Contains("only grow", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConvertAsync_VhdxToQcow2_KeepsData()
    {
        var vhdx = _pool.InPool("import.vhdx");
        await _store.CreateAsync(new DiskCreateRequest(vhdx, DiskFormat.Vhdx, 8 * MiB), default);
        await WriteMarkerAsync(vhdx, DiskFormat.Vhdx);

        var qcow2 = await _store.ConvertAsync(vhdx, DiskFormat.Vhdx, _pool.InPool("import.qcow2"), DiskFormat.Qcow2, default);

        Assert.Equal(8 * MiB, qcow2.VirtualSizeBytes);
        Assert.Equal(Marker, await ReadMarkerAsync(qcow2.Path, DiskFormat.Qcow2));
    }

    [Fact]
    public async Task ConvertAsync_UnreadableSource_FailsAndLeavesNoOrphanTarget()
    {
        await File.WriteAllTextAsync(_pool.InPool("broken.qcow2"), "not a qcow2 image");
        await Assert.ThrowsAsync<HypervisorException>(() =>
            _store.ConvertAsync(_pool.InPool("broken.qcow2"), DiskFormat.Qcow2, _pool.InPool("out.raw"), DiskFormat.Raw, default));
        Assert.False(File.Exists(_pool.InPool("out.raw")));
    }

    [Fact]
    public async Task CheckAsync_FreshQcow2_IsClean_AndRawIsUnsupported()
    {
        await _store.CreateAsync(new DiskCreateRequest(_pool.InPool("c.qcow2"), DiskFormat.Qcow2, MiB), default);
        await _store.CreateAsync(new DiskCreateRequest(_pool.InPool("c.raw"), DiskFormat.Raw, MiB), default);
        Assert.True((await _store.CheckAsync(_pool.InPool("c.qcow2"), DiskFormat.Qcow2, default)).Clean);
        Assert.Equal(HypervisorErrorCode.Unsupported,
            (await Assert.ThrowsAsync<HypervisorException>(() => _store.CheckAsync(_pool.InPool("c.raw"), DiskFormat.Raw, default))).Code);
    }

    [Fact]
    public async Task CreateLinkedCloneAsync_ReadsBaseDataAndRecordsBacking()
    {
        var basePath = _pool.InPool("base.raw");
        await _store.CreateAsync(new DiskCreateRequest(basePath, DiskFormat.Raw, 8 * MiB), default);
        await WriteMarkerAsync(basePath, DiskFormat.Raw);

        var clone = await _store.CreateLinkedCloneAsync(basePath, DiskFormat.Raw, _pool.InPool("clone.qcow2"), default);

        Assert.Equal(basePath, clone.BackingFile);
        Assert.Equal(Marker, await ReadMarkerAsync(clone.Path, DiskFormat.Qcow2));
    }

    [Fact]
    public async Task Snapshots_CreateListRevertDelete_RoundTrip()
    {
        var path = _pool.InPool("snap.qcow2");
        await _store.CreateAsync(new DiskCreateRequest(path, DiskFormat.Qcow2, 8 * MiB), default);
        await _store.CreateSnapshotAsync(path, "clean", default);
        await WriteMarkerAsync(path, DiskFormat.Qcow2);

        Assert.Equal(["clean"], await _store.ListSnapshotsAsync(path, default));
        await _store.RevertToSnapshotAsync(path, "clean", default);
        Assert.NotEqual(Marker, await ReadMarkerAsync(path, DiskFormat.Qcow2));
        await _store.DeleteSnapshotAsync(path, "clean", default);
        Assert.Empty(await _store.ListSnapshotsAsync(path, default));
    }

    [Fact]
    public async Task Snapshots_OnRawImage_AreUnsupported()
    {
        await _store.CreateAsync(new DiskCreateRequest(_pool.InPool("r.raw"), DiskFormat.Raw, MiB), default);
        Assert.Equal(HypervisorErrorCode.Unsupported,
            (await Assert.ThrowsAsync<HypervisorException>(() => _store.CreateSnapshotAsync(_pool.InPool("r.raw"), "s", default))).Code);
    }

    public void Dispose() => _pool.Dispose();

    // qemu-io writes through the format driver in place (snapshots survive); reads go through a raw copy.
    private static async Task WriteMarkerAsync(string path, DiskFormat format)
    {
        var start = new System.Diagnostics.ProcessStartInfo("qemu-io") { ArgumentList = { "-f", format.ToQemu(), "-c", $"write -P 0x46 {MiB} 13", path } };
        using var process = System.Diagnostics.Process.Start(start)!;
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
    }

    private async Task<string> ReadMarkerAsync(string path, DiskFormat format)
    {
        var raw = path + ".read.raw";
        await QemuImg("convert", "-f", format.ToQemu(), "-O", "raw", path, raw);
        var buffer = new byte[13];
        await using (var file = File.OpenRead(raw))
        {
            file.Position = MiB;
            await file.ReadExactlyAsync(buffer);
        }

        File.Delete(raw);
        return System.Text.Encoding.ASCII.GetString(buffer);
    }

    private static Task QemuImg(params string[] arguments) =>
        new QemuImgRunner("qemu-img", TimeSpan.FromMinutes(1)).RunAsync(arguments, arguments[^1], default);
}
