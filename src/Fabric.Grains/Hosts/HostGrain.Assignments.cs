using Fabric.Contracts.Hosts;
using Fabric.Contracts.Validation;
using Fabric.Contracts.Vms;
using Fabric.Grains.Placement;

namespace Fabric.Grains.Hosts;

/// <summary>
/// VM assignments: the host owns its capacity and accepts or refuses a VM atomically. Both calls
/// interleave (many VMs are placed on a host at once): each decides and changes the assignments
/// within one turn, before its first await, and then waits for a write it may share with others.
/// </summary>
public sealed partial class HostGrain
{
    public async Task Assign(VmAssignment assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        var record = state.State;
        if (!state.RecordExists || record.Capabilities is null)
        {
            throw new FabricException(FabricErrorKind.Unavailable, "host", $"host '{Name}' has not finished registering; wait until it is Ready");
        }

        // Placement reads a cached view of the hosts, so a VM may be offered to a host that just went
        // away or into maintenance: a new VM is taken only while Ready. Its own VMs it keeps in any state.
        var known = record.Assignments.TryGetValue(assignment.Vm, out var previous);
        // A new placement (a new VM, or a new epoch of one it had) likewise: a fenced host must not get
        // back, at a new epoch, a VM that is being restarted elsewhere.
        var (hostState, reason) = Evaluate();
        if ((!known || previous!.Epoch != assignment.Epoch) && hostState != HostState.Ready)
        {
            throw new FabricException(FabricErrorKind.Conflict, "host", $"host '{Name}' takes no new VMs while {hostState}: {reason}");
        }

        // What this VM already holds here (a change of an assignment it keeps) is not counted twice.
        var holds = known && previous!.Power != PowerState.Stopped;
        var running = assignment.Power != PowerState.Stopped;
        var options = placement.Value;
        var capacity = HostCapacity.UsableMemoryMiB(record.Capabilities, options);
        var committed = CommittedMemoryMiB() - (holds ? previous!.Hardware.MemoryMiB : 0);
        var wanted = running ? assignment.Hardware.MemoryMiB : 0;
        if (committed + wanted > capacity)
        {
            throw new FabricException(FabricErrorKind.Conflict, "memoryMiB",
                $"host '{Name}' has {capacity - committed} MiB free for VMs ({capacity} MiB usable, {committed} MiB committed); VM '{assignment.Vm}' needs {wanted} MiB");
        }

        var usableVCpus = HostCapacity.UsableVCpus(record.Capabilities, options);
        var committedVCpus = CommittedVCpus() - (holds ? previous!.Hardware.VCpus : 0);
        var wantedVCpus = running ? assignment.Hardware.VCpus : 0;
        if (committedVCpus + wantedVCpus > usableVCpus)
        {
            throw new FabricException(FabricErrorKind.Conflict, "vCpus",
                $"host '{Name}' has {usableVCpus - committedVCpus} vCPUs free ({record.Capabilities.CpuCount} CPUs × {options.CpuAllocationRatio:0.##} allocation ratio, {committedVCpus} committed); VM '{assignment.Vm}' needs {wantedVCpus}");
        }

        // A fresh random revision (never a counter, which would restart with the grain): the agent
        // wakes the VM's worker only when it changes.
        record.Assignments[assignment.Vm] = assignment with { Revision = Random.Shared.NextInt64(1, long.MaxValue) };
        await _writes.WriteAsync();
        await NudgeAgentAsync($"VM '{assignment.Vm}' assigned");
    }

    public async Task Unassign(string vm)
    {
        if (state.State.Assignments.Remove(vm))
        {
            _observations.Remove(vm);
            await _writes.WriteAsync();
            await NudgeAgentAsync($"VM '{vm}' unassigned");
        }
    }

    private long CommittedMemoryMiB() =>
        state.State.Assignments.Values.Where(a => a.Power != PowerState.Stopped).Sum(a => (long)a.Hardware.MemoryMiB);

    private int CommittedVCpus() =>
        state.State.Assignments.Values.Where(a => a.Power != PowerState.Stopped).Sum(a => a.Hardware.VCpus);
}
