using System.Globalization;

namespace Fabric.Chaos.Bench;

/// <summary>
/// The benchmark's command line: <c>--real-trials N --simulated-trials N --soak-minutes M --boots N --vms N --out FILE --short</c>,
/// <c>--faults a,b</c> to cycle through some faults only, and <c>--attach CLUSTER_JSON</c> to use a cluster already running (its driver: <c>--driver</c>) instead of starting one per driver.
/// </summary>
public sealed record BenchOptions(int RealTrials, int SimulatedTrials, double SoakMinutes, int Boots, int Vms, string Out, bool Short, string? Attach = null, string Driver = "qemu", IReadOnlyList<string>? Faults = null)
{
    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions(21, 210, 10, 3, 3, "bench/results/failover.json", Short: false);
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : "";
            options = args[i] switch
            {
                "--real-trials" => options with { RealTrials = Number(args[i], value) },
                "--simulated-trials" => options with { SimulatedTrials = Number(args[i], value) },
                "--soak-minutes" => options with { SoakMinutes = double.Parse(value, CultureInfo.InvariantCulture) },
                "--boots" => options with { Boots = Number(args[i], value) },
                "--vms" => options with { Vms = Number(args[i], value) },
                "--out" => options with { Out = value },
                "--short" => options with { Short = true },
                "--attach" => options with { Attach = value },
                "--faults" => options with { Faults = [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(f => Fabric.Chaos.Faults.Fault.Named(f).Name)] },
                "--driver" => options with { Driver = value is "qemu" or "simulated" ? value : throw new ArgumentException($"--driver is qemu or simulated, not '{value}'") },
                _ => throw new ArgumentException($"unknown option '{args[i]}'; use --real-trials N --simulated-trials N --soak-minutes M --boots N --vms N --out FILE --short --attach CLUSTER_JSON --driver qemu|simulated --faults agent-kill,..."),
            };
            if (args[i] != "--short")
            {
                i++;
            }
        }

        return options;
    }

    private static int Number(string option, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : throw new ArgumentException($"{option} takes a whole number, not '{value}'");
}
