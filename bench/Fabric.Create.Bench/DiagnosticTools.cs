using System.Diagnostics;
using System.Globalization;
using Fabric.Testing.Processes;

namespace Fabric.Create.Bench;

/// <summary>dotnet-counters, dotnet-trace and dotnet-gcdump as installed by bench/run-create.sh (dotnet tool install --tool-path).</summary>
internal sealed class DiagnosticTools(string directory)
{
    public bool Installed => File.Exists(Tool("dotnet-gcdump")) && File.Exists(Tool("dotnet-trace")) && File.Exists(Tool("dotnet-counters"));

    /// <summary>Writes a heap dump, which makes the runtime run a full blocking GC first; returns the dump's path.</summary>
    public async Task<string> GcDumpAsync(int pid, string file)
    {
        await RunAsync("dotnet-gcdump", "collect", "-p", Text(pid), "-o", file);
        return file;
    }

    /// <summary>The heap dump's largest types, as dotnet-gcdump reports them.</summary>
    public Task<string> GcDumpReportAsync(string file) => RunAsync("dotnet-gcdump", "report", file);

    public ChildProcess StartCounters(int pid, string csv, string log) =>
        ChildProcess.Start(Tool("dotnet-counters"),
            ["collect", "-p", Text(pid), "--format", "csv", "-o", csv, "--refresh-interval", "1",
             "--counters", $"System.Runtime,Microsoft.AspNetCore.Hosting,Microsoft.Orleans[{OrleansCounters}]"], log);

    /// <summary>
    /// Not the whole Orleans meter: observing its directory-cache size walks the whole cache every
    /// second, which alone took a quarter of the silo's managed CPU in a trial run.
    /// </summary>
    private const string OrleansCounters =
        "orleans-app-requests-latency,orleans-storage-write-latency,orleans-storage-read-latency,orleans-grains,"
        + "orleans-messaging-processing-dispatcher-received,orleans-scheduler-long-running-turns,orleans-catalog-activation-created";

    /// <summary>Samples every managed thread's stack about 100 times a second.</summary>
    public ChildProcess StartTrace(int pid, string nettrace, string log) =>
        ChildProcess.Start(Tool("dotnet-trace"), ["collect", "-p", Text(pid), "--profile", "dotnet-sampled-thread-time", "--format", "Speedscope", "-o", nettrace], log);

    /// <summary>Ends a collecting tool the way Ctrl-C would, so it finishes its file.</summary>
    public static async Task StopAsync(ChildProcess tool)
    {
        Signal.Interrupt(tool.Id);
        try
        {
            await tool.WaitForExitAsync(TimeSpan.FromMinutes(2));
        }
        finally
        {
            await tool.DisposeAsync();
        }
    }

    private async Task<string> RunAsync(string tool, params string[] arguments)
    {
        var info = new ProcessStartInfo(Tool(tool)) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0
            ? await output
            : throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await output}{await error}");
    }

    private string Tool(string name) => Path.GetFullPath(Path.Combine(directory, name));

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
