namespace Fabric.Contracts.Vms;

/// <summary>Rules for running a program in a guest through its agent: one home for the CLI, REST and the VM grain.</summary>
public static class ExecRules
{
    public const int DefaultTimeoutSeconds = 30;

    /// <summary>Under five minutes, so the answer comes back within an HTTP client's usual patience.</summary>
    public const int MaxTimeoutSeconds = 290;

    /// <summary>A program and its arguments; a NUL would cut an argument short in the guest, so none may hold one.</summary>
    public static string? ValidateCommand(IReadOnlyList<string?>? command)
    {
        if (command is null || command.Count == 0 || string.IsNullOrEmpty(command[0]))
        {
            return "no program given; e.g. [\"/bin/uname\", \"-a\"]";
        }

        for (var i = 0; i < command.Count; i++)
        {
            if (command[i] is not { } word)
            {
                return $"argument {i} is null; give each argument as a string";
            }

            if (word.Contains('\0', StringComparison.Ordinal))
            {
                return $"argument {i} holds a NUL character, which no program can receive; remove it";
            }
        }

        return null;
    }

    public static string? ValidateTimeout(int seconds) =>
        seconds is < 1 or > MaxTimeoutSeconds ? $"{seconds} s; give 1 to {MaxTimeoutSeconds} seconds" : null;

    public static string? ValidateTimeout(TimeSpan timeout) =>
        timeout < TimeSpan.FromSeconds(1) || timeout > TimeSpan.FromSeconds(MaxTimeoutSeconds)
            ? $"{timeout.TotalSeconds:0.###} s; give 1 to {MaxTimeoutSeconds} seconds"
            : null;
}
