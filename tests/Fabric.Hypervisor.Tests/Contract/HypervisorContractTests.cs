namespace Fabric.Hypervisor.Tests.Contract;

/// <summary>
/// The behaviour every <see cref="IHypervisor"/> driver promises, run against each one (as
/// System.Threading.Channels' ChannelTestBase runs against each channel). A driver-specific claim
/// (QEMU really boots, the guest really sees a disk) belongs in that driver's own tests.
/// </summary>
public abstract class HypervisorContractTests : IAsyncLifetime
{
    protected IHypervisor Driver { get; private set; } = null!;

    /// <summary>A storage pool directory the driver is configured with.</summary>
    protected abstract string PoolPath { get; }

    [Fact]
    public async Task StartAsync_ThenListAndGetStatus_ShowItRunningWithItsEpoch()
    {
        var started = await Driver.StartAsync(Spec("c1") with { Epoch = 9 }, default);

        Assert.Equal(VmRunState.Running, started.State);
        var listed = Assert.Single(await Driver.ListAsync(default));
        Assert.Equal(("c1", 9L, VmRunState.Running), (listed.VmId, listed.Epoch, listed.State));
        Assert.Null(listed.ExitReason);
        Assert.Equal(VmRunState.Running, (await Driver.GetStatusAsync("c1", default))!.State);
    }

    [Fact]
    public async Task StartAsync_Twice_IsAlreadyRunning()
    {
        await Driver.StartAsync(Spec("c2"), default);
        Assert.Equal(HypervisorErrorCode.AlreadyRunning, (await Assert.ThrowsAsync<HypervisorException>(() => Driver.StartAsync(Spec("c2"), default))).Code);
    }

    [Fact]
    public async Task StartAsync_InvalidSpec_IsInvalidSpecAndNothingIsListed()
    {
        Assert.Equal(HypervisorErrorCode.InvalidSpec, (await Assert.ThrowsAsync<HypervisorException>(() => Driver.StartAsync(Spec("c3") with { VCpus = 0 }, default))).Code);
        Assert.Empty(await Driver.ListAsync(default));
    }

    [Fact]
    public async Task StopAsync_Force_ForgetsTheVm()
    {
        await Driver.StartAsync(Spec("c4"), default);
        await Driver.StopAsync("c4", StopMode.Force, TimeSpan.Zero, default);
        Assert.Null(await Driver.GetStatusAsync("c4", default));
        Assert.Empty(await Driver.ListAsync(default));
    }

    [Fact]
    public async Task StopAsync_UnknownVm_IsNotFound() =>
        Assert.Equal(HypervisorErrorCode.NotFound,
            (await Assert.ThrowsAsync<HypervisorException>(() => Driver.StopAsync("nobody", StopMode.Force, TimeSpan.Zero, default))).Code);

    [Fact]
    public async Task PauseResume_ChangeState_AndPausingTwiceIsNotRunning()
    {
        await Driver.StartAsync(Spec("c5"), default);
        await Driver.PauseAsync("c5", default);
        Assert.Equal(VmRunState.Paused, (await Driver.GetStatusAsync("c5", default))!.State);
        Assert.Equal(HypervisorErrorCode.NotRunning, (await Assert.ThrowsAsync<HypervisorException>(() => Driver.PauseAsync("c5", default))).Code);
        await Driver.ResumeAsync("c5", default);
        Assert.Equal(VmRunState.Running, (await Driver.GetStatusAsync("c5", default))!.State);
    }

    [Fact]
    public async Task Hotplug_OnUnknownVm_IsNotFound() =>
        Assert.Equal(HypervisorErrorCode.NotFound,
            (await Assert.ThrowsAsync<HypervisorException>(() => Driver.Hotplug.AddNicAsync("nobody", new VmNicSpec("net1"), default))).Code);

    [Fact]
    public async Task GuestAgent_OnEmulatedVm_IsUnsupported()
    {
        await Driver.StartAsync(Spec("c6") with { Profile = DeviceProfile.Emulated }, default);
        Assert.Equal(HypervisorErrorCode.Unsupported, (await Assert.ThrowsAsync<HypervisorException>(() => Driver.GuestAgent.PingAsync("c6", default))).Code);
    }

    [Fact]
    public async Task Disks_CreateInPool_ThenInfoShowsSize_AndBadRequestsAreTyped()
    {
        var path = Path.Combine(PoolPath, "contract.qcow2");
        Assert.Equal(1L << 20, (await Driver.Disks.CreateAsync(new DiskCreateRequest(path, DiskFormat.Qcow2, 1L << 20), default)).VirtualSizeBytes);
        Assert.Equal(1L << 20, (await Driver.Disks.GetInfoAsync(path, DiskFormat.Qcow2, default)).VirtualSizeBytes);
        Assert.Equal(HypervisorErrorCode.InvalidSpec,
            (await Assert.ThrowsAsync<HypervisorException>(() => Driver.Disks.CreateAsync(new DiskCreateRequest(Path.Combine(PoolPath, "zero.qcow2"), DiskFormat.Qcow2, 0), default))).Code);
        Assert.Equal(HypervisorErrorCode.PathNotAllowed,
            (await Assert.ThrowsAsync<HypervisorException>(() => Driver.Disks.CreateAsync(new DiskCreateRequest("/etc/evil.qcow2", DiskFormat.Qcow2, 1L << 20), default))).Code);
        Assert.Equal(HypervisorErrorCode.InsufficientSpace,
            (await Assert.ThrowsAsync<HypervisorException>(() => Driver.Disks.CreateAsync(new DiskCreateRequest(Path.Combine(PoolPath, "huge.qcow2"), DiskFormat.Qcow2, long.MaxValue / 2), default))).Code);
    }

    [Fact]
    public async Task SaveThenRestore_VmRunsAgain()
    {
        var spec = Spec("c7");
        await Driver.StartAsync(spec, default);
        await WaitUntilSaveableAsync("c7");
        var state = Path.Combine(PoolPath, "c7.state");

        await Driver.SaveStateAsync("c7", state, default);
        Assert.Null(await Driver.GetStatusAsync("c7", default));

        Assert.Equal(VmRunState.Running, (await Driver.RestoreStateAsync(spec, state, default)).State);
    }

    [Fact]
    public async Task ProbeAsync_NamesTheDriverAndAnAccelerator()
    {
        var info = await Driver.ProbeAsync(default);
        Assert.Equal(Driver.DriverName, info.Driver);
        Assert.Contains(info.Acceleration.Accelerator, new[] { "kvm", "tcg" });
        Assert.False(string.IsNullOrWhiteSpace(info.Acceleration.Reason));
    }

    public async Task InitializeAsync() => Driver = await CreateDriverAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    protected abstract Task<IHypervisor> CreateDriverAsync();

    /// <summary>A small VM this driver can run.</summary>
    protected abstract VmRuntimeSpec Spec(string vmId);

    /// <summary>Lets a real guest get far enough for its state to be worth saving.</summary>
    protected virtual Task WaitUntilSaveableAsync(string vmId) => Task.CompletedTask;
}
