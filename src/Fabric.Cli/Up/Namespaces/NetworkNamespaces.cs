namespace Fabric.Cli.Up.Namespaces;

/// <summary>
/// Builds and removes the network namespaces of a <see cref="NetworkPlan"/>. At start, a previous
/// run's leftovers (namespaces named <c>fabric-*</c>, the bridge and <c>fv-*</c> veths, after `fabric up` was SIGKILLed)
/// are removed first; a namespace that still has processes in it belongs to a running `fabric up`
/// (or its survivors) and is not touched: the start is refused, naming the processes.
/// </summary>
internal static class NetworkNamespaces
{
    /// <summary>Calls <paramref name="changing"/> once it starts changing anything (after the in-use check), so stopping knows to clean up.</summary>
    /// <exception cref="UpFailedException">A namespace is still in use, or an <c>ip</c> command failed.</exception>
    public static async Task CreateAsync(NetworkPlan plan, Action changing)
    {
        var leftovers = NamespaceCommands.FabricNamespaces((await RunAsync(["netns", "list"])).Output);
        foreach (var netns in leftovers)
        {
            var pids = (await RunAsync(["netns", "pids", netns])).Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (pids.Length > 0)
            {
                throw new UpFailedException(
                    $"network namespace {netns} is still in use by process {string.Join(", ", pids)} (another `fabric up --hosts`, or what it left running); " +
                    "stop that first (`ip netns pids " + netns + "` lists them), then start again", null);
            }
        }

        changing();
        foreach (var command in NamespaceCommands.Delete(leftovers, await BridgeExistsAsync()))
        {
            await RunAsync(command);
        }

        // What is already gone by the time it is deleted is fine: a veth may vanish with its namespace meanwhile.
        foreach (var veth in NamespaceCommands.FabricVeths((await RunAsync(["-o", "link", "show"])).Output))
        {
            await IpTool.RunAsync(["link", "delete", veth]);
        }

        foreach (var command in NamespaceCommands.Create(plan))
        {
            await RunAsync(command);
        }
    }

    /// <summary>
    /// Removes this run's veths, namespaces and the bridge; what is already gone is skipped, and a failure is
    /// reported, not thrown. The veths go first and explicitly: a namespace whose host was cut off can outlive
    /// its processes for minutes (the kernel keeps it for their orphaned TCP connections), and its veth with it.
    /// </summary>
    public static async Task<IReadOnlyList<string>> DeleteAsync(NetworkPlan plan)
    {
        var existingVeths = NamespaceCommands.FabricVeths((await IpTool.RunAsync(["-o", "link", "show"])).Output);
        var existing = NamespaceCommands.FabricNamespaces((await IpTool.RunAsync(["netns", "list"])).Output);
        var ours = plan.Hosts.Select(host => host.Namespace).OfType<string>().Where(existing.Contains);
        var veths = plan.Hosts.Select(host => host.Veth).OfType<string>().Where(existingVeths.Contains).Select(veth => new[] { "link", "delete", veth });
        var problems = new List<string>();
        foreach (var command in veths.Concat(NamespaceCommands.Delete(ours, await BridgeExistsAsync())))
        {
            var result = await IpTool.RunAsync(command);
            if (result.ExitCode != 0)
            {
                problems.Add($"`ip {string.Join(' ', command)}` failed: {result.Error}");
            }
        }

        return problems;
    }

    private static async Task<bool> BridgeExistsAsync() => (await IpTool.RunAsync(["link", "show", NetworkPlan.Bridge])).ExitCode == 0;

    private static async Task<IpTool.Result> RunAsync(string[] arguments)
    {
        var result = await IpTool.RunAsync(arguments);
        return result.ExitCode == 0
            ? result
            : throw new UpFailedException($"`ip {string.Join(' ', arguments)}` failed ({result.Error}); the hosts' network namespaces cannot be set up", null);
    }
}
