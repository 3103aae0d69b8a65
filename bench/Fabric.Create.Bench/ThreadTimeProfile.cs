using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Fabric.Create.Bench;

/// <summary>
/// Reads the speedscope file dotnet-trace writes next to a sampled-thread-time trace and keeps the
/// samples in which a thread ran managed code (leaf <c>CPU_TIME</c>, not <c>UNMANAGED_CODE_TIME</c>,
/// which is blocked or native), so idle thread-pool waits do not drown the hot paths.
/// </summary>
internal static class ThreadTimeProfile
{
    private const string CpuLeaf = "CPU_TIME";

    public static string Summarise(string speedscopeFile)
    {
        if (!File.Exists(speedscopeFile))
        {
            return $"(no {speedscopeFile})";
        }

        using var document = JsonDocument.Parse(File.ReadAllBytes(speedscopeFile));
        var frames = document.RootElement.GetProperty("shared").GetProperty("frames").EnumerateArray().Select(f => f.GetProperty("name").GetString() ?? "").ToArray();
        var exclusive = new Dictionary<string, double>(StringComparer.Ordinal);
        var inclusive = new Dictionary<string, double>(StringComparer.Ordinal);
        double cpu = 0, all = 0;
        foreach (var thread in document.RootElement.GetProperty("profiles").EnumerateArray())
        {
            var stack = new List<int>();
            double? last = null;
            foreach (var e in thread.GetProperty("events").EnumerateArray())
            {
                var at = e.GetProperty("at").GetDouble();
                if (last is { } previous && stack.Count > 1)
                {
                    var weight = at - previous;
                    all += weight;
                    if (frames[stack[^1]] == CpuLeaf)
                    {
                        cpu += weight;
                        Add(exclusive, frames[stack[^2]], weight);
                        foreach (var frame in stack.Distinct())
                        {
                            Add(inclusive, frames[frame], weight);
                        }
                    }
                }

                last = at;
                if (e.GetProperty("type").GetString() == "O")
                {
                    stack.Add(e.GetProperty("frame").GetInt32());
                }
                else if (stack.Count > 0)
                {
                    stack.RemoveAt(stack.Count - 1);
                }
            }
        }

        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"managed code ran in {cpu / 1000:0.0} s of {all / 1000:0.0} s sampled thread time ({Percent(cpu, all)}); the shares below are of that {cpu / 1000:0.0} s");
        text.AppendLine("-- hottest methods, exclusive (spin-waits count: they burn CPU) --");
        Top(text, exclusive, cpu, 25, _ => true);
        text.AppendLine("-- Fabric methods, inclusive (which grain or codec the CPU went to) --");
        Top(text, inclusive, cpu, 30, f => f.StartsWith("Fabric.", StringComparison.Ordinal));
        text.AppendLine("-- Orleans, ASP.NET Core and serializer methods, inclusive --");
        Top(text, inclusive, cpu, 40, f => f.StartsWith("Orleans.", StringComparison.Ordinal) || f.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)
            || f.StartsWith("Newtonsoft", StringComparison.Ordinal) || f.StartsWith("System.Text.Json", StringComparison.Ordinal));
        return text.ToString();
    }

    private static void Add(Dictionary<string, double> totals, string frame, double weight) =>
        totals[frame] = totals.GetValueOrDefault(frame) + weight;

    private static void Top(StringBuilder text, Dictionary<string, double> totals, double cpu, int count, Func<string, bool> include)
    {
        foreach (var (frame, weight) in totals.Where(t => include(t.Key) && t.Key != CpuLeaf).OrderByDescending(t => t.Value).Take(count))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{Percent(weight, cpu),7}  {(frame.Length > 200 ? frame[..200] : frame)}");
        }
    }

    private static string Percent(double part, double whole) => whole > 0 ? (part / whole).ToString("0.0%", CultureInfo.InvariantCulture) : "n/a";
}
