namespace Fabric.Contracts.Vms;

/// <summary>The restart policy a creation request asks for, and its limits.</summary>
public static class RestartRules
{
    public const int MaxPriority = 1000;

    /// <summary>The policies as the CLI and the dashboard name them, in order.</summary>
    public static readonly IReadOnlyList<string> Names = ["never", "on-failure", "always"];

    public static string Name(RestartPolicy policy) => policy switch
    {
        RestartPolicy.OnFailure => "on-failure",
        RestartPolicy.Always => "always",
        _ => "never",
    };

    /// <summary>Reads a policy name (never, on-failure, always; the enum names too), or null when it is none of them.</summary>
    public static RestartPolicy? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "never" => RestartPolicy.Never,
        "on-failure" or "onfailure" => RestartPolicy.OnFailure,
        "always" => RestartPolicy.Always,
        _ => null,
    };

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
