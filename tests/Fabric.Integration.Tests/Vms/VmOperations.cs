using Fabric.Client;
using Fabric.Contracts.Operations;

namespace Fabric.Integration.Tests.Vms;

/// <summary>Waits for operations to finish, failing with the operation's own message when it does not succeed.</summary>
public static class VmOperations
{
    public static async Task<OperationInfo> SucceedsAsync(FabricClient fabric, OperationInfo operation, TimeSpan deadline)
    {
        ArgumentNullException.ThrowIfNull(fabric);
        ArgumentNullException.ThrowIfNull(operation);
        var final = await fabric.Operations.WaitAsync(operation.Id, deadline);
        Assert.True(final.State == OperationState.Succeeded, $"{final.Kind} {final.State}: {final.Message}\n{string.Join("\n", final.Events.Select(e => e.Message))}");
        return final;
    }
}
