using Fabric.Contracts.Tasks;
using Fabric.Contracts.Validation;
using Fabric.Contracts.Vms;
using Fabric.Grains.Disks;
using Fabric.Grains.Operations;

namespace Fabric.Grains.Vms;

/// <summary>Reaching into a running guest through its host: exec through the guest agent, and screenshots.</summary>
public sealed partial class VmGrain
{
    public async Task<GuestExecResult> Exec(IReadOnlyList<string> command, TimeSpan timeout)
    {
        ThrowIfMissing();
        var problems = new ProblemCollector();
        problems.Check("command", ExecRules.ValidateCommand(command));
        problems.Check("timeoutSeconds", ExecRules.ValidateTimeout(timeout));
        problems.ThrowIfAny();

        var observed = Summarize(null).Observed;
        if (observed != VmStatus.Running || Record.Host is not { } host)
        {
            throw FabricException.Conflict("vm", $"VM '{Name}' is {observed}; the guest agent answers only while it runs");
        }

        if (Record.Hardware.Profile == DeviceProfile.Emulated)
        {
            throw FabricException.Conflict("vm", $"VM '{Name}' uses the emulated profile, which has no guest agent; switch it to paravirtual (when stopped)");
        }

        var result = await HostTaskRunner.RunOnHostAsync(GrainFactory, host, new GuestExecTask(OperationIds.New(), Name, command, timeout), "command",
            timeout + TimeSpan.FromSeconds(30));
        return result.Exec ?? throw FabricException.Invalid("command", $"host '{host}' returned no exec result");
    }

    public async Task<byte[]> Screenshot()
    {
        ThrowIfMissing();
        var observed = Summarize(null).Observed;
        if (observed is not VmStatus.Running and not VmStatus.Paused and not VmStatus.Starting || Record.Host is not { } host)
        {
            throw FabricException.Conflict("vm", $"VM '{Name}' is {observed}; its screen can be shown only while it runs");
        }

        var result = await HostTaskRunner.RunOnHostAsync(GrainFactory, host, new ScreenshotTask(OperationIds.New(), Name), "vm", TimeSpan.FromSeconds(30));
        return result.Png ?? throw FabricException.Invalid("vm", $"host '{host}' returned no screenshot");
    }
}
