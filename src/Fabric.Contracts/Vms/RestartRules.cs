namespace Fabric.Contracts.Vms;

/// <summary>The restart policy a creation request asks for, and its limits.</summary>
public static class RestartRules
{
    public const int MaxPriority = 1000;

    /// <summary>The policy the request means: <see cref="CreateVmRequest.Restart"/> if given, else on-failure for <c>--ha</c>, else never.</summary>
    public static RestartPolicy Effective(CreateVmRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Restart ?? (request.HaRestart ? RestartPolicy.OnFailure : RestartPolicy.Never);
    }

    public static string? ValidatePriority(int priority) =>
        priority is < 0 or > MaxPriority ? $"restart priority {priority} is out of range; use 0 to {MaxPriority} (higher restarts first)" : null;

    public static string? ValidateCombination(CreateVmRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.HaRestart && request.Restart == RestartPolicy.Never
            ? "HA restart was asked together with restart policy 'never'; drop one of them" : null;
    }

    /// <summary>Whether the VM is restarted on another host when its host fails.</summary>
    public static bool RestartsAfterHostFailure(RestartPolicy policy) => policy != RestartPolicy.Never;
}
