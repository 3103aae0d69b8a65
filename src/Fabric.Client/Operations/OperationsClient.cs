using Fabric.Contracts.Operations;
using Fabric.Contracts.Validation;

namespace Fabric.Client.Operations;

/// <summary>Long-running operations (start, grow, …): look one up, or wait for it to finish.</summary>
public sealed class OperationsClient(IGrainFactory grains, TimeProvider time)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    public Task<OperationInfo?> GetAsync(string id) => grains.GetGrain<IOperationGrain>(id).Get();

    /// <summary>
    /// Polls until the operation leaves <see cref="OperationState.Running"/> and returns it as it ended
    /// (Succeeded or Failed: check <see cref="OperationInfo.State"/>).
    /// </summary>
    /// <exception cref="TimeoutException">Still running after <paramref name="timeout"/>; the operation goes on.</exception>
    public async Task<OperationInfo> WaitAsync(string id, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var deadline = time.GetUtcNow() + timeout;
        while (true)
        {
            var operation = await GetAsync(id) ?? throw FabricException.NotFound("operation", id, "operation ids come from the calls that start them");
            if (operation.State != OperationState.Running)
            {
                return operation;
            }

            if (time.GetUtcNow() >= deadline)
            {
                throw new TimeoutException($"operation {id} ({operation.Kind} {operation.Target}) is still running after {timeout.TotalSeconds:0} s: {operation.Message}");
            }

            await Task.Delay(PollInterval, time, cancellationToken);
        }
    }
}
