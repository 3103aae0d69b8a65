namespace Fabric.Contracts.Vms;

/// <summary>
/// How long a guest may take to shut down before it is forced off: one rule for the CLI's
/// <c>--timeout</c>, the REST body's <c>timeoutSeconds</c> and the VM grain.
/// </summary>
public static class ShutdownTimeoutRule
{
    public const int MinSeconds = 1;
    public const int MaxSeconds = 3600;

    public static readonly TimeSpan Default = TimeSpan.FromMinutes(1);

    public static string? Validate(int seconds) =>
        seconds is < MinSeconds or > MaxSeconds
            ? $"{seconds} s is not a shutdown timeout; give {MinSeconds} to {MaxSeconds} seconds"
            : null;

    public static string? Validate(TimeSpan timeout) =>
        timeout < TimeSpan.FromSeconds(MinSeconds) || timeout > TimeSpan.FromSeconds(MaxSeconds)
            ? $"{timeout.TotalSeconds:0.###} s is not a shutdown timeout; give {MinSeconds} to {MaxSeconds} seconds"
            : null;
}
