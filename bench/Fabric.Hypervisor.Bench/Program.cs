using Fabric.Hypervisor.Bench;

// Usage: Fabric.Hypervisor.Bench [--runs N] [--out DIR] [--only boot|disk]
var runs = 10;
var output = Path.Combine("bench", "results");
string? only = null;
for (var i = 0; i < args.Length - 1; i += 2)
{
    switch (args[i])
    {
        case "--runs": runs = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture); break;
        case "--out": output = args[i + 1]; break;
        case "--only": only = args[i + 1]; break;
    }
}

Directory.CreateDirectory(output);
await using var workspace = new BenchWorkspace();
if (only is null or "boot")
{
    await BootBench.RunAsync(workspace, runs, Path.Combine(output, "boot.json"));
}

if (only is null or "disk")
{
    await DiskProfileBench.RunAsync(workspace, Path.Combine(output, "disk-profiles.json"));
}
