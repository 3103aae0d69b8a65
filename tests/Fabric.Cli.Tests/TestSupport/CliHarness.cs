namespace Fabric.Cli.Tests.TestSupport;

/// <summary>
/// Runs the whole CLI in-process with captured output and a private environment: the config lives in
/// a temporary XDG_CONFIG_HOME and FABRIC_HOME points at an empty folder, so no test reads or writes
/// the real ~/.config/fabric or starts real silos by accident.
/// </summary>
internal sealed class CliHarness : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public CliHarness()
    {
        Environment["XDG_CONFIG_HOME"] = _directory.Combine("config");
        Environment["HOME"] = _directory.Combine("home");
        Environment["FABRIC_HOME"] = _directory.Combine("checkout");
    }

    public Dictionary<string, string?> Environment { get; } = [];

    /// <summary>The clock the CLI sees.</summary>
    public TimeProvider Time { get; set; } = TimeProvider.System;

    /// <summary>Whether the CLI believes stdout is a terminal (progress redrawn in place).</summary>
    public bool StdoutIsTerminal { get; set; }

    public string ConfigHome => _directory.Combine("config");

    public string Temporary(params string[] parts) => _directory.Combine(parts);

    public async Task<CliResult> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var context = new CliContext
        {
            Stdout = stdout,
            Stderr = stderr,
            GetEnvironmentVariable = name => Environment.GetValueOrDefault(name),
            Time = Time,
            StdoutIsTerminal = StdoutIsTerminal,
            PollInterval = TimeSpan.FromMilliseconds(10),
        };
        var exitCode = await CliApp.RunAsync(args, context);
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }

    public void Dispose() => _directory.Dispose();
}
