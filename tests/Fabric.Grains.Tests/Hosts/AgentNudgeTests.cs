using Fabric.Contracts.Hosts;
using Fabric.Contracts.Operations;
using Fabric.Contracts.Tasks;
using Fabric.Contracts.Vms;
using Fabric.Grains.Tests.Vms;
using Fabric.Testing.Orleans;

namespace Fabric.Grains.Tests.Hosts;

/// <summary>
/// The host grain nudges its agent, through the observer the agent's heartbeat carries, when the
/// agent's next reply would differ. No heartbeat is sent between the change and the nudge here, so
/// only the nudge can make the observer hear of it. Runs with the VM tests, which place VMs.
/// </summary>
[Collection(VmClusterCollection.Name)]
public sealed class AgentNudgeTests(GrainClusterFixture fixture)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private readonly VmTestContext _ctx = new(fixture);

    private IHostGrain HostGrain => _ctx.Grains.GetGrain<IHostGrain>(_ctx.Agent.HostName);

    [Fact]
    public async Task Start_AgentSubscribedByHeartbeat_IsNudgedAtOnce()
    {
        await _ctx.CreateAsync(new CreateVmRequest { Name = "nudge1" });
        var listener = await SubscribeAsync(new RecordingAgentObserver());

        await _ctx.Vm("nudge1").Power(PowerAction.Start, null);

        Assert.True(await listener.NudgedWithinAsync(Deadline), "the agent was not nudged when its host was assigned the VM");
    }

    [Fact]
    public async Task Delete_AssignedVm_NudgesTheAgentAboutTheUnassignment()
    {
        await _ctx.CreateAsync(new CreateVmRequest { Name = "nudge2" });
        await _ctx.FinishAsync(await _ctx.Vm("nudge2").Power(PowerAction.Start, null));
        await _ctx.FinishAsync(await _ctx.Vm("nudge2").Power(PowerAction.Stop, null));
        var listener = await SubscribeAsync(new RecordingAgentObserver());

        await _ctx.Vm("nudge2").Delete(deleteDisks: false);

        Assert.True(await listener.NudgedWithinAsync(Deadline), "the agent was not nudged when its host lost the VM");
        Assert.DoesNotContain("nudge2", (await HostGrain.GetInfo())!.AssignedVms);
    }

    [Fact]
    public async Task RunTask_AgentSubscribed_IsNudgedBeforeItsNextHeartbeat()
    {
        var listener = await SubscribeAsync(new RecordingAgentObserver());

        var pending = HostGrain.RunTask(new DeleteImageTask("nudge-task-1", "local", "images/old.qcow2"), TimeSpan.FromMinutes(1));

        Assert.True(await listener.NudgedWithinAsync(Deadline), "the agent was not nudged when a task was queued for it");
        Assert.Null((await _ctx.Agent.DriveAsync(pending)).Error);
    }

    [Fact]
    public async Task Start_ObserverThrows_StartStillSucceeds()
    {
        await _ctx.CreateAsync(new CreateVmRequest { Name = "nudge3" });
        var listener = await SubscribeAsync(new RecordingAgentObserver { Throws = true });

        var operation = await _ctx.FinishAsync(await _ctx.Vm("nudge3").Power(PowerAction.Start, null));

        Assert.True(await listener.NudgedWithinAsync(Deadline), "the broken observer was never called, so the test proves nothing");
        Assert.Equal(OperationState.Succeeded, operation.State);
        Assert.Contains("nudge3", (await HostGrain.GetInfo())!.AssignedVms);
    }

    [Fact]
    public async Task Start_ObserverGone_StartStillSucceeds()
    {
        await _ctx.CreateAsync(new CreateVmRequest { Name = "nudge4" });
        await SubscribeAsync(new RecordingAgentObserver());
        fixture.Cluster.Client.DeleteObjectReference<IHostAgentObserver>(_ctx.Agent.Observer!);

        var operation = await _ctx.FinishAsync(await _ctx.Vm("nudge4").Power(PowerAction.Start, null));

        Assert.Equal(OperationState.Succeeded, operation.State);
    }

    /// <summary>Hands the host grain an observer the way the agent does: with a heartbeat.</summary>
    private async Task<RecordingAgentObserver> SubscribeAsync(RecordingAgentObserver listener)
    {
        _ctx.Agent.Observer = fixture.Cluster.Client.CreateObjectReference<IHostAgentObserver>(listener);
        await _ctx.Agent.BeatAsync();
        return listener;
    }
}
