using System.Globalization;
using System.Text;
using Fabric.Testing.Processes;

namespace Fabric.Create.Bench;

/// <summary>
/// Records the silo's runtime, ASP.NET Core and Orleans counters and samples its threads' stacks
/// while VMs are created, and appends a summary (counters, hottest methods, largest heap types) to
/// the profile text.
/// </summary>
internal sealed class SiloProfiler(DiagnosticTools tools, string scratch, StringBuilder profile)
{
    private ChildProcess? _counters;
    private ChildProcess? _trace;
    private string _label = "";

    public void Start(int pid, string label)
    {
        _label = label;
        _counters = tools.StartCounters(pid, Csv, Path.Combine(scratch, $"{label}-counters.log"));
        _trace = tools.StartTrace(pid, NetTrace, Path.Combine(scratch, $"{label}-trace.log"));
    }

    private string Csv => Path.Combine(scratch, $"{_label}.csv");

    private string NetTrace => Path.Combine(scratch, $"{_label}.nettrace");

    public async Task StopAsync(string? heapDumpBefore, string? heapDumpAfter, int vms)
    {
        await DiagnosticTools.StopAsync(_trace!);
        await DiagnosticTools.StopAsync(_counters!);
        profile.AppendLine(CultureInfo.InvariantCulture, $"===== {_label} =====");
        profile.AppendLine("--- silo counters while creating (mean and max of the 1 s samples) ---");
        profile.AppendLine(SummariseCounters(Csv));
        profile.AppendLine("--- silo CPU: sampled stacks (dotnet-trace, dotnet-sampled-thread-time) where a thread ran managed code ---");
        profile.AppendLine(ThreadTimeProfile.Summarise(Path.ChangeExtension(NetTrace, ".speedscope.json")));
        if (heapDumpBefore is not null && heapDumpAfter is not null)
        {
            profile.AppendLine("--- silo heap growth by type, warm-up to all running (dotnet-gcdump report of both dumps) ---");
            profile.AppendLine(HeapDiff.Describe(await tools.GcDumpReportAsync(heapDumpBefore), await tools.GcDumpReportAsync(heapDumpAfter), vms));
        }
    }

    /// <summary>dotnet-counters CSV (Timestamp,Provider,Counter Name,Counter Type,Mean/Increment) → one line per counter.</summary>
    private static string SummariseCounters(string csv)
    {
        if (!File.Exists(csv))
        {
            return "(no counters were written)";
        }

        var samples = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(csv).Skip(1))
        {
            var fields = line.Split(',');
            if (fields.Length < 5 || !double.TryParse(fields[^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                continue;
            }

            var key = $"{fields[1]} {string.Join(',', fields[2..^2])} ({fields[^2]})";
            if (!samples.TryGetValue(key, out var values))
            {
                samples[key] = values = [];
            }

            values.Add(value);
        }

        var text = new StringBuilder();
        foreach (var (counter, values) in samples.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{counter}: mean {values.Average():0.###}, max {values.Max():0.###}, samples {values.Count}");
        }

        return text.ToString();
    }
}
