using Fabric.Hypervisor.Tests.Support;

namespace Fabric.Hypervisor.Tests.Qemu.Lifecycle;

/// <summary>Refusals are typed, say what to do, and leave no QEMU process or runtime directory behind.</summary>
[Collection(QemuCollection.Name)]
[Trait("Needs", "Qemu")]
public sealed class QemuBadInputTests : IAsyncLifetime
{
    private const int Timeout = 300_000;
    private readonly QemuTestHost _host = new();

    [Fact(Timeout = Timeout)]
    public async Task StartAsync_IsoThatDoesNotExist_IsNotFoundAndLeavesNothing()
    {
        var spec = QemuTestHost.GuestSpec("noiso") with { CdRoms = [new VmCdromSpec("cd0", _host.InPool("missing.iso"))] };
        var error = await Assert.ThrowsAsync<HypervisorException>(() => _host.Driver.StartAsync(spec, default));
        Assert.Equal(HypervisorErrorCode.NotFound, error.Code);
        Assert.Contains("missing.iso", error.Message, StringComparison.Ordinal);
        AssertNothingLeft();
    }

    [Fact(Timeout = Timeout)]
    public async Task StartAsync_DiskOutsidePools_IsRefusedAndLeavesNothing()
    {
        var spec = QemuTestHost.GuestSpec("outside") with { Disks = [new VmDiskSpec("disk0", "/etc/passwd", DiskFormat.Raw)] };
        Assert.Equal(HypervisorErrorCode.PathNotAllowed, (await Assert.ThrowsAsync<HypervisorException>(() => _host.Driver.StartAsync(spec, default))).Code);
        AssertNothingLeft();
    }

    [Fact(Timeout = Timeout)]
    public async Task StartAsync_ImageQemuCannotOpen_FailsWithQemusReasonAndLeavesNothing()
    {
        await File.WriteAllTextAsync(_host.InPool("fake.qcow2"), "this is not a qcow2 image");
        var spec = QemuTestHost.GuestSpec("badimage") with { Disks = [new VmDiskSpec("disk0", _host.InPool("fake.qcow2"), DiskFormat.Qcow2)] };

        var error = await Assert.ThrowsAsync<HypervisorException>(() => _host.Driver.StartAsync(spec, default));

        Assert.Equal(HypervisorErrorCode.Failed, error.Code);
        Assert.Contains("qcow2", error.Message, StringComparison.OrdinalIgnoreCase);
        AssertNothingLeft();
    }

    [Fact(Timeout = Timeout)]
    public async Task StartAsync_DiskPathWithCommasQuotesSpacesAndEquals_QemuOpensExactlyThatFile()
    {
        var path = _host.InPool("evil,file.driver=host_device,filename=x 'q\" a=b.qcow2");
        await _host.Driver.Disks.CreateAsync(new DiskCreateRequest(path, DiskFormat.Qcow2, 48L * 1024 * 1024), default);
        var spec = QemuTestHost.GuestSpec("escaped") with { Disks = [new VmDiskSpec("disk0", path, DiskFormat.Qcow2)] };

        await _host.Driver.StartAsync(spec, default);
        await _host.WaitForAgentAsync("escaped");

        // 48 MiB in 512-byte sectors: the guest sees the very image, not a misparsed option.
        Assert.Equal("98304\n", await _host.ShellAsync("escaped", "cat /sys/block/vda/size"));
    }

    [Fact(Timeout = Timeout)]
    public async Task Hotplug_OnVmThatIsNotRunning_IsRefusedWithTypedError()
    {
        var error = await Assert.ThrowsAsync<HypervisorException>(() => _host.Driver.Hotplug.AddNicAsync("ghost", new VmNicSpec("net1"), default));
        Assert.Equal(HypervisorErrorCode.NotFound, error.Code);
        Assert.Contains("not running", error.Message, StringComparison.Ordinal);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private void AssertNothingLeft()
    {
        Assert.True(!Directory.Exists(_host.RuntimeRoot) || Directory.GetFileSystemEntries(_host.RuntimeRoot).Length == 0,
            "a runtime directory was left behind");
        var ours = Directory.GetDirectories("/proc").Where(d => int.TryParse(Path.GetFileName(d), out _))
            .Select(d => { try { return File.ReadAllText(Path.Combine(d, "cmdline")); } catch (IOException) { return string.Empty; } })
            .Where(c => c.Contains(_host.RuntimeRoot, StringComparison.Ordinal));
        Assert.Empty(ours);
    }
}
