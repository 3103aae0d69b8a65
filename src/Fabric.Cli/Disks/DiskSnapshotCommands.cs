using System.CommandLine;
using Fabric.Cli.Api;
using Fabric.Cli.Output;
using Fabric.Contracts.Rest;

namespace Fabric.Cli.Disks;

/// <summary><c>fabric disk snapshot|snapshots|revert|delete-snapshot</c>: internal qcow2 snapshots.</summary>
internal static class DiskSnapshotCommands
{
    public static IEnumerable<Command> Create(CliContext context, ApiOptions api)
    {
        var snapshotName = new Argument<string>("NAME") { Description = "Snapshot name (a DNS label)" };
        yield return Change(context, api, "snapshot", "Take a snapshot of a disk", snapshotName,
            (disk, snap) => (HttpMethod.Post, $"{disk}/snapshots", new SnapshotRequest { Name = snap }), "snapshotted");
        yield return Change(context, api, "revert", "Revert a disk to a snapshot", new Argument<string>("SNAP") { Description = "Snapshot name" },
            (disk, snap) => (HttpMethod.Post, $"{disk}/snapshots/{Uri.EscapeDataString(snap)}/revert", null), "reverted");
        yield return Change(context, api, "delete-snapshot", "Delete a snapshot of a disk", new Argument<string>("SNAP") { Description = "Snapshot name" },
            (disk, snap) => (HttpMethod.Delete, $"{disk}/snapshots/{Uri.EscapeDataString(snap)}", null), "snapshot deleted");

        var name = DiskCommand.NameArgument();
        var json = JsonOutput.Option();
        var list = new Command("snapshots", "List a disk's snapshots") { name, json };
        list.SetAction((parseResult, cancellationToken) => api.RunAsync(context, parseResult, async client =>
        {
            var body = await client.GetAsync(DiskCommand.PathOf(parseResult.GetRequiredValue(name)), cancellationToken);
            var disk = DiskCommand.Read(body);
            if (parseResult.GetValue(json))
            {
                return await JsonOutput.WriteAsync(context, System.Text.Json.JsonSerializer.Serialize(disk.Snapshots));
            }

            await context.Stdout.WriteLineAsync(disk.Snapshots.Count == 0 ? $"disk {disk.Name} has no snapshots" : string.Join(Environment.NewLine, disk.Snapshots));
            return ExitCodes.Ok;
        }));
        yield return list;
    }

    private static Command Change(
        CliContext context, ApiOptions api, string verb, string description, Argument<string> snapshot,
        Func<string, string, (HttpMethod Method, string Path, object? Body)> request, string done)
    {
        var name = DiskCommand.NameArgument();
        var json = JsonOutput.Option();
        var command = new Command(verb, description) { name, snapshot, json };
        command.SetAction((parseResult, cancellationToken) => api.RunAsync(context, parseResult, async client =>
        {
            var (method, path, body) = request(DiskCommand.PathOf(parseResult.GetRequiredValue(name)), parseResult.GetRequiredValue(snapshot));
            var response = await client.SendJsonAsync(method, path, body, cancellationToken);
            return await DiskCommand.PrintAsync(context, response.Body, parseResult.GetValue(json), done);
        }));
        return command;
    }
}
