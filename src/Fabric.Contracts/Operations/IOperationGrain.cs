using Orleans.Concurrency;

namespace Fabric.Contracts.Operations;

/// <summary>One operation, keyed by its id.</summary>
[Alias("fabric.IOperationGrain")]
public interface IOperationGrain : IGrainWithStringKey
{
    [Alias("Begin")]
    Task<OperationInfo> Begin(string kind, string target, string message);

    [Alias("Report")]
    Task Report(int progress, string message);

    [Alias("Succeed")]
    Task<OperationInfo> Succeed(string message);

    [Alias("Fail")]
    Task<OperationInfo> Fail(string message);

    /// <summary>The operation, or null when no operation has this id.</summary>
    [Alias("Get"), AlwaysInterleave]
    Task<OperationInfo?> Get();
}
