using Fabric.Contracts.Disks;
using Fabric.Contracts.Operations;
using Fabric.Contracts.Tasks;
using Fabric.Contracts.Validation;
using Fabric.Contracts.Vms;
using Fabric.Testing.Orleans;

namespace Fabric.Grains.Tests.Vms;

[Collection(VmClusterCollection.Name)]
public sealed class VmCreateTests(GrainClusterFixture fixture)
{
    private readonly VmTestContext _ctx = new(fixture);

    [Fact]
    public async Task Create_NewDiskAndNic_DiskCreatedOnHostAttachedAndMacUnique()
    {
        var vm = await _ctx.CreateAsync(new CreateVmRequest { Name = "create1", Disks = [new CreateVmDisk { SizeBytes = 2L << 30 }] });

        var disk = await _ctx.Grains.GetGrain<IDiskGrain>("create1-disk0").Get();
        Assert.Equal("create1", disk!.AttachedTo);
        Assert.Equal(2L << 30, disk.VirtualSizeBytes);
        Assert.Equal("disks/create1-disk0.qcow2", disk.Path);
        Assert.Single(_ctx.Agent.Seen.OfType<CreateImageTask>());
        Assert.StartsWith("52:54:00:", vm.Hardware.Nics.Single().Mac, StringComparison.Ordinal);
        Assert.Equal(VmStatus.Stopped, vm.Observed);
    }

    [Fact]
    public async Task Create_WithStart_ReturnsTheStartOperationToWaitFor()
    {
        var vm = await _ctx.CreateAsync(new CreateVmRequest { Name = "createstart1", Start = true });

        var operation = Assert.IsType<OperationInfo>(vm.Operation);
        Assert.Equal(("vm.start", "vm/createstart1"), (operation.Kind, operation.Target));
        Assert.Equal(OperationState.Succeeded, (await _ctx.FinishAsync(operation)).State);
    }

    [Fact]
    public async Task Create_WithoutStart_StartsNoOperation()
    {
        var vm = await _ctx.CreateAsync(new CreateVmRequest { Name = "createstop1" });

        Assert.Null(vm.Operation);
    }

    [Fact]
    public async Task Create_ManyProblems_ReportsEveryOneAtOnceAndCreatesNothing()
    {
        var ex = await Assert.ThrowsAsync<FabricException>(() => _ctx.CreateAsync(new CreateVmRequest
        {
            Name = "bad1", VCpus = 0, MemoryMiB = 1, SerialPorts = 9,
            Disks = [new CreateVmDisk { SizeBytes = 0 }, new CreateVmDisk { Existing = "../etc" }],
            Nics = [new CreateVmNic { Network = "a b", Mac = "01:00:00:00:00:01" }],
            Iso = "missing.iso", BootOrder = ["floppy"],
        }));

        Assert.Equal(FabricErrorKind.Invalid, ex.Kind);
        var fields = ex.Problems.Select(p => p.Field).ToHashSet();
        Assert.Superset(new HashSet<string> { "vCpus", "memoryMiB", "serialPorts", "disks[0].sizeBytes", "disks[1].existing", "nics[0].network", "nics[0].mac", "iso", "bootOrder" }, fields);
        Assert.Null(await _ctx.Vm("bad1").Get());
        Assert.Empty(_ctx.Agent.Seen);
    }

    [Fact]
    public async Task Create_NullListsAndItems_InvalidNamingEachAndCreatesNothing()
    {
        // What a JSON or careless .NET client can send although the types say never: each null is named, none throws deeper.
        var ex = await Assert.ThrowsAsync<FabricException>(() => _ctx.CreateAsync(new CreateVmRequest
        {
            Name = "nulls1", Disks = [null!, new CreateVmDisk { Existing = "no-such-disk" }], Nics = null!, BootOrder = [null!],
        }));

        Assert.Equal(FabricErrorKind.Invalid, ex.Kind);
        Assert.Equal(["disks[0]", "nics", "bootOrder[0]", "disks[1].existing"], ex.Problems.Select(p => p.Field));
        Assert.Null(await _ctx.Vm("nulls1").Get());
    }

    [Fact]
    public async Task Create_SameNameTwice_SecondIsAConflict()
    {
        await _ctx.CreateAsync(new CreateVmRequest { Name = "twice1" });

        var ex = await Assert.ThrowsAsync<FabricException>(() => _ctx.CreateAsync(new CreateVmRequest { Name = "twice1" }));

        Assert.Equal(FabricErrorKind.Conflict, ex.Kind);
    }

    [Fact]
    public async Task Create_SecondDiskFailsOnHost_FirstDiskAndMacsAreUndone()
    {
        _ctx.Agent.FailWhen = t => t is CreateImageTask c && c.Path.Contains("disk1", StringComparison.Ordinal) ? "No space left on device" : null;
        const string mac = "52:54:00:aa:bb:01";

        var ex = await Assert.ThrowsAsync<FabricException>(() => _ctx.CreateAsync(new CreateVmRequest
        {
            Name = "undo1", Nics = [new CreateVmNic { Mac = mac }],
            Disks = [new CreateVmDisk { SizeBytes = 1L << 30 }, new CreateVmDisk { SizeBytes = 1L << 30 }],
        }));

        Assert.Contains("No space left on device", ex.Message, StringComparison.Ordinal);
        Assert.Null(await _ctx.Vm("undo1").Get());
        Assert.Null(await _ctx.Grains.GetGrain<IDiskGrain>("undo1-disk0").Get());
        Assert.Contains(_ctx.Agent.Seen, t => t is DeleteImageTask d && d.Path == "disks/undo1-disk0.qcow2");
        _ctx.Agent.FailWhen = _ => null;
        var reused = await _ctx.CreateAsync(new CreateVmRequest { Name = "undo2", Nics = [new CreateVmNic { Mac = mac }] });
        Assert.Equal(mac, reused.Hardware.Nics.Single().Mac);
    }

    [Fact]
    public async Task Create_MacHeldByAnotherVm_IsAConflictNamingTheMac()
    {
        const string mac = "52:54:00:aa:bb:02";
        await _ctx.CreateAsync(new CreateVmRequest { Name = "mac1", Nics = [new CreateVmNic { Mac = mac }] });

        var ex = await Assert.ThrowsAsync<FabricException>(() => _ctx.CreateAsync(new CreateVmRequest { Name = "mac2", Nics = [new CreateVmNic { Mac = mac }] }));

        Assert.Equal(FabricErrorKind.Conflict, ex.Kind);
        Assert.Contains(mac, ex.Message, StringComparison.Ordinal);
        Assert.Null(await _ctx.Vm("mac2").Get());
    }

    [Fact]
    public async Task Create_ExistingDiskAttachedElsewhere_IsRefused()
    {
        await _ctx.CreateAsync(new CreateVmRequest { Name = "owner1", Disks = [new CreateVmDisk { SizeBytes = 1L << 30 }] });

        var ex = await Assert.ThrowsAsync<FabricException>(() => _ctx.CreateAsync(new CreateVmRequest { Name = "thief1", Disks = [new CreateVmDisk { Existing = "owner1-disk0" }] }));

        Assert.Contains("attached to VM 'owner1'", ex.Message, StringComparison.Ordinal);
    }
}
