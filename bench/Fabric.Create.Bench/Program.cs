using System.Text;
using Fabric.Create.Bench;
using Fabric.Testing.Benchmarks;
using Fabric.Testing.Processes;

// VM creation throughput: see BenchOptions for the arguments and bench/run-create.sh for the usual call.
// Also: --heap-diff BEFORE.gcdump AFTER.gcdump VMS TOOLS-DIR prints what the heap gained per VM between two kept dumps.
if (args is ["--heap-diff", var beforeDump, var afterDump, var vmCount, var toolsDirectory])
{
    // Re-reads two kept heap dumps of a profiled run: what the silo's heap gained per VM, by type.
    var diagnostics = new DiagnosticTools(toolsDirectory);
    Console.Write(HeapDiff.Describe(await diagnostics.GcDumpReportAsync(beforeDump), await diagnostics.GcDumpReportAsync(afterDump),
        int.Parse(vmCount, System.Globalization.CultureInfo.InvariantCulture)));
    return 0;
}

var options = BenchOptions.Parse(args);
Directory.CreateDirectory(options.Output);
var scratch = Directory.CreateTempSubdirectory("fabric-bench-create-diag-").FullName;
var tools = new DiagnosticTools(options.Tools);
if (options.Profile && !tools.Installed)
{
    Console.Error.WriteLine($"--profile needs dotnet-counters, dotnet-trace and dotnet-gcdump in {options.Tools}; bench/run-create.sh installs them.");
    return 2;
}

var profile = new StringBuilder();
var memory = new SiloMemory(tools, scratch);
var run = new CreateRun(options, memory, options.Profile ? new SiloProfiler(tools, scratch, profile) : null);
var runs = new List<RunResult>();
var date = DateTimeOffset.UtcNow;
var machine = MachineInfo.Read();
foreach (var storage in options.Storage)
{
    foreach (var surface in options.Surfaces)
    {
        foreach (var clients in options.Clients)
        {
            runs.Add(await run.RunAsync(storage, surface, clients));
            // After every run, so a long matrix that is stopped early keeps what it measured.
            await WriteResultsAsync(complete: false);
            await WriteProfileAsync();
        }
    }
}

await WriteResultsAsync(complete: true);
if (options.Profile)
{
    Console.WriteLine($"the traces, counters and heap dumps are kept in {scratch}");
}
else
{
    Directory.Delete(scratch, recursive: true);
}

return 0;

async Task WriteProfileAsync()
{
    if (options.Profile)
    {
        var file = Path.Combine(options.Output, options.Name + "-profile.txt");
        await File.WriteAllTextAsync(file, profile.ToString());
        Console.WriteLine($"wrote {file}");
    }
}

Task WriteResultsAsync(bool complete) => Results.WriteAsync(Path.Combine(options.Output, options.Name + ".json"), new
{
    complete,
    benchmark = "VM creation throughput: create-and-start VMs (1 vCPU, no disks, no NICs) from concurrent callers against one silo with simulated hosts",
    setup = new
    {
        silo = "one fabric-silo process (Release), default settings and logging",
        hosts = $"{options.Hosts} fabric-agent processes with --Fabric:Driver=simulated, each its own host name and data folder",
        storage = "in-memory: --in-memory (memory grain storage, localhost clustering); redis: a real redis-server (AOF on) on a free 127.0.0.1 port",
        vms = options.Vms,
        vmMemoryMiB = options.MemoryMiB,
        warmUpVms = $"{CreateRun.WarmUpVms} VMs created through the same surface before the clock starts; not counted in the figures",
        rest = "POST /api/v1/vms with the admin bearer token; N callers share one HttpClient (one connection each)",
        client = "FabricClient.Vms.CreateAsync over one Orleans client connected to the silo gateway, shared by N callers",
        isolation = "each run starts a fresh cluster (fresh silo, agents and redis), so runs never see each other's VMs",
        allRunningSeconds = "from the first create until GET /api/v1/hosts reports, summed over hosts, runningVms = every VM (polled every 200 ms)",
        siloBytesPerVm = $"(silo RSS after all VMs run - silo RSS after warm-up) / VMs created; {memory.Method}",
        latency = "p50/p99 of each create call as the caller sees it (until the REST response / the grain call returns)",
    },
    goals = new
    {
        restCreatesPerSecond = ">= 500 with 16 clients",
        clientCreatesPerSecond = ">= 2000",
        p99Ms = "<= 50",
        siloBytesPerVm = "<= 10240 (10 KiB)",
    },
    summary = runs.Select(r => new
    {
        key = $"{r.storage}/{r.surface}/{r.clients}",
        restCreatesPerSecond = r.surface == "rest" ? r.createsPerSecond : (double?)null,
        clientCreatesPerSecond = r.surface == "client" ? r.createsPerSecond : (double?)null,
        r.p50Ms,
        r.p99Ms,
        r.allRunningSeconds,
        r.siloBytesPerVm,
    }),
    runs,
    machine,
    note = "measured on a shared machine that other builds were loading at the same time; see machine.loadAverageAtStart",
    date,
    commit = MachineInfo.GitCommit(RepositoryPaths.Root),
});
