using Fabric.Contracts.Operations;
using Fabric.Contracts.Vms;
using Fabric.Grains.Tests.Storing;

namespace Fabric.Grains.Tests.Vms;

/// <summary>
/// A VM grain can be deactivated at any time (idle collection, a silo leaving). Its host forwards
/// only changes, so a new activation catches up from the host's last report and re-arms the
/// deadline of an operation it had stored.
/// </summary>
[Collection(StoringClusterCollection.Name)]
public sealed class VmReactivationTests(StoringClusterFixture fixture)
{
    private readonly VmTestContext _ctx = new(fixture.Time, fixture.Cluster.Client);

    [Fact]
    public async Task Reactivated_ReportsWhatItsHostLastObserved()
    {
        await _ctx.CreateAsync(new CreateVmRequest { Name = "react1" });
        var vm = _ctx.Vm("react1");
        await _ctx.FinishAsync(await vm.Power(PowerAction.Start, null));

        await fixture.Cluster.DeactivateAsync(vm);

        var seen = await vm.Get();
        Assert.Equal((VmStatus.Running, _ctx.Agent.HostName), (seen!.Observed, seen.Host));
    }

    [Fact]
    public async Task Reactivated_IgnoresItsHostsLastReportOfAnotherEpoch_SoAStoppedVmCanBeDeleted()
    {
        await _ctx.CreateAsync(new CreateVmRequest { Name = "react2" });
        var vm = _ctx.Vm("react2");
        await _ctx.FinishAsync(await vm.Power(PowerAction.Start, null));
        await _ctx.FinishAsync(await vm.Power(PowerAction.Stop, null));
        _ctx.Agent.Rewrite = o => o with { Epoch = o.Epoch - 1, Status = VmStatus.Running };
        await _ctx.Agent.BeatAsync();
        await OneWayCalls.SettleAsync(vm);

        await fixture.Cluster.DeactivateAsync(vm);

        Assert.Equal(VmStatus.Stopped, (await vm.Get())!.Observed);
        await _ctx.Agent.DriveAsync(vm.Delete(false));
        Assert.Null(await vm.Get());
    }

    [Fact]
    public async Task Reactivated_WithAStoredPendingStart_FailsItAtItsDeadline()
    {
        await _ctx.CreateAsync(new CreateVmRequest { Name = "react3" });
        var vm = _ctx.Vm("react3");
        var start = await vm.Power(PowerAction.Start, null);
        var operation = _ctx.Grains.GetGrain<IOperationGrain>(start.Id);

        await fixture.Cluster.DeactivateAsync(vm);
        fixture.Time.Advance(TimeSpan.FromMinutes(6));
        await vm.Get();

        var clock = System.Diagnostics.Stopwatch.StartNew();
        while ((await operation.Get())!.State == OperationState.Running && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }

        var done = (await operation.Get())!;
        Assert.Equal(OperationState.Failed, done.State);
        Assert.Contains("did not finish by its deadline", done.Message, StringComparison.Ordinal);
    }
}
