using Fabric.Contracts.Vms;

namespace Fabric.Grains.Vms.Operations;

/// <summary>
/// Decides, from what the VM's host reported, whether the pending operation is done, failed or still
/// under way; and whether it ran past its deadline. The VM grain applies the answer.
/// </summary>
public static class OperationTracker
{
    /// <param name="operation">The pending operation.</param>
    /// <param name="progress">The VM's derived status and its host's report at the current epoch.</param>
    /// <param name="detail">Why the VM is in its status, for progress text.</param>
    /// <param name="pendingSince">When the operation began: host errors reported before that belong to earlier attempts.</param>
    /// <param name="host">The VM's host, if placed.</param>
    public static OperationStep Track(VmOperation operation, VmProgress progress, string detail, DateTimeOffset pendingSince, string? host)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(progress);
        if (operation.IsDoneBy(progress))
        {
            return new OperationStep(OperationStepKind.Succeeded, $"{operation.Kind} done: {progress.Status}{(host is null ? "" : $" on {host}")}", $"{operation.Kind} done");
        }

        if (progress.Observation is { Error: { } error } report && report.ObservedAt >= pendingSince)
        {
            return new OperationStep(OperationStepKind.Failed, $"{operation.Kind} failed on host {report.Host}: {error}", $"{operation.Kind} failed: {error}");
        }

        return new OperationStep(OperationStepKind.Waiting, detail.Length > 0 ? $"{progress.Status}: {detail}" : progress.Status.ToString(), "");
    }

    /// <summary>Null while the operation has time left; otherwise its failure, saying what the VM was last seen doing.</summary>
    public static OperationStep? CheckDeadline(VmOperation operation, DateTimeOffset now, VmStatus status, string detail, string? host)
    {
        ArgumentNullException.ThrowIfNull(operation);
        if (now < operation.Deadline)
        {
            return null;
        }

        var message = $"{operation.Kind} did not finish by its deadline; the VM was last seen {status} ({detail}); check host '{host}' and its agent log";
        return new OperationStep(OperationStepKind.Failed, message, message);
    }
}
