namespace Fabric.Cli;

/// <summary>
/// Everything a command needs from the outside world, so tests can run the whole CLI in-process
/// with their own writers, environment and clock.
/// </summary>
internal sealed class CliContext
{
    public required TextWriter Stdout { get; init; }

    public required TextWriter Stderr { get; init; }

    /// <summary>Reads an environment variable; tests pass a dictionary lookup.</summary>
    public required Func<string, string?> GetEnvironmentVariable { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Stdout is a terminal: progress is one redrawn line rather than a line per change.</summary>
    public bool StdoutIsTerminal { get; init; }

    /// <summary>How often operations are polled; tests make it short.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The real process: console, environment and clock.</summary>
    public static CliContext ForProcess() => new()
    {
        Stdout = Console.Out,
        Stderr = Console.Error,
        GetEnvironmentVariable = Environment.GetEnvironmentVariable,
        StdoutIsTerminal = !Console.IsOutputRedirected,
    };
}
