using Fabric.Contracts.Operations;
using Fabric.Testing.Waiting;

namespace Fabric.Integration.Tests.Vms;

/// <summary>Waits for operations to finish, failing with the operation's own message when it does not succeed.</summary>
public static class VmOperations
{
    public static async Task<OperationInfo> SucceedsAsync(IGrainFactory grains, OperationInfo operation, TimeSpan deadline)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(operation);
        var final = await Eventually.MatchAsync(
            async () => (await grains.GetGrain<IOperationGrain>(operation.Id).Get())!,
            o => o.State != OperationState.Running, deadline, $"operation {operation.Kind} {operation.Id} to finish");
        Assert.True(final.State == OperationState.Succeeded, $"{final.Kind} {final.State}: {final.Message}\n{string.Join("\n", final.Events.Select(e => e.Message))}");
        return final;
    }
}
