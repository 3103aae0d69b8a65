using System.CommandLine;
using System.Text.Json;
using Fabric.Cli.Api;
using Fabric.Cli.Output;
using Fabric.Contracts.Disks;
using Fabric.Contracts.Validation;

namespace Fabric.Cli.Disks;

/// <summary><c>fabric disk …</c>: virtual disks in storage pools.</summary>
internal static class DiskCommand
{
    public static Command Create(CliContext context)
    {
        var api = new ApiOptions();
        var disk = new Command("disk", "Virtual disks in storage pools");
        api.AddTo(disk);
        disk.Subcommands.Add(CreateList(context, api));
        disk.Subcommands.Add(CreateShow(context, api));
        disk.Subcommands.Add(CreateCreate(context, api));
        disk.Subcommands.Add(CreateDelete(context, api));
        foreach (var command in DiskChangeCommands.Create(context, api).Concat(DiskSnapshotCommands.Create(context, api)))
        {
            disk.Subcommands.Add(command);
        }

        disk.Subcommands.Add(DiskImportCommand.Create(context, api));
        return disk;
    }

    public static Argument<string> NameArgument() => new("DISK") { Description = "Disk name, as in `fabric disk list`" };

    public static string PathOf(string name) => $"api/v1/disks/{Uri.EscapeDataString(name)}";

    public static DiskInfo Read(string body) => JsonSerializer.Deserialize<DiskInfo>(body, FabricJson.Options) ?? throw new JsonException("the disk is null");

    /// <summary>Prints a disk the API returned: its JSON with <c>--json</c>, else one line.</summary>
    public static async Task<int> PrintAsync(CliContext context, string body, bool json, string verb) =>
        json ? await JsonOutput.WriteAsync(context, body) : await WriteLineAsync(context, DiskTable.Summary(Read(body), verb));

    private static async Task<int> WriteLineAsync(CliContext context, string line)
    {
        await context.Stdout.WriteLineAsync(line);
        return ExitCodes.Ok;
    }

    private static Command CreateList(CliContext context, ApiOptions api)
    {
        var json = JsonOutput.Option();
        var list = new Command("list", "List disks: size, format, pool, VM") { json };
        list.Aliases.Add("ls");
        list.SetAction((parseResult, cancellationToken) => api.RunAsync(context, parseResult, async client =>
        {
            var body = await client.GetAsync("api/v1/disks", cancellationToken);
            if (parseResult.GetValue(json))
            {
                return await JsonOutput.WriteAsync(context, body);
            }

            DiskTable.Write(JsonSerializer.Deserialize<List<DiskInfo>>(body, FabricJson.Options) ?? [], context.Stdout);
            return ExitCodes.Ok;
        }));
        return list;
    }

    private static Command CreateShow(CliContext context, ApiOptions api)
    {
        var name = NameArgument();
        var json = JsonOutput.Option();
        var show = new Command("show", "Show a disk") { name, json };
        show.SetAction((parseResult, cancellationToken) => api.RunAsync(context, parseResult, async client =>
        {
            var body = await client.GetAsync(PathOf(parseResult.GetRequiredValue(name)), cancellationToken);
            if (parseResult.GetValue(json))
            {
                return await JsonOutput.WriteAsync(context, body);
            }

            var d = Read(body);
            await context.Stdout.WriteLineAsync($"""
                Name:        {d.Name}
                Size:        {Sizes.Describe(d.VirtualSizeBytes)} ({Sizes.Describe(d.AllocatedBytes)} allocated)
                Format:      {d.Format}
                Pool:        {d.Pool} ({d.Path})
                Attached to: {d.AttachedTo ?? "-"}
                Backing:     {d.BackingDisk ?? "-"}
                Snapshots:   {(d.Snapshots.Count == 0 ? "none" : string.Join(", ", d.Snapshots))}
                """);
            return ExitCodes.Ok;
        }));
        return show;
    }

    private static Command CreateCreate(CliContext context, ApiOptions api)
    {
        var name = new Argument<string>("NAME") { Description = "Disk name (a DNS label)" };
        var size = SizeOption.Create("--size", "Size of a new empty disk, e.g. 2G");
        var format = new Option<string?>("--format") { Description = "qcow2 (default), raw, vhdx or vhd", HelpName = "FORMAT" };
        var pool = new Option<string?>("--pool") { Description = "Storage pool (default: the first pool of a Ready host)", HelpName = "POOL" };
        var cloneOf = new Option<string?>("--clone-of") { Description = "Make a linked clone of this template disk", HelpName = "DISK" };
        var fromImage = new Option<string?>("--from-image") { Description = "Copy this image-library disk image in", HelpName = "IMAGE" };
        var json = JsonOutput.Option();
        var create = new Command("create", "Create a disk: empty (--size), a clone (--clone-of) or from an image (--from-image)") { name, size, format, pool, cloneOf, fromImage, json };
        create.Validators.Add(result =>
        {
            var sources = new Option[] { size, cloneOf, fromImage }.Count(o => result.GetResult(o) is not null);
            if (sources != 1)
            {
                result.AddError("create: give exactly one of --size, --clone-of, --from-image");
            }
        });
        create.SetAction((parseResult, cancellationToken) => api.RunAsync(context, parseResult, async client =>
        {
            var request = new CreateDiskRequest
            {
                Name = parseResult.GetRequiredValue(name),
                SizeBytes = parseResult.GetValue(size),
                Format = parseResult.GetValue(format),
                Pool = parseResult.GetValue(pool),
                CloneOf = parseResult.GetValue(cloneOf),
                FromImage = parseResult.GetValue(fromImage),
            };
            var response = await client.SendJsonAsync(HttpMethod.Post, "api/v1/disks", request, cancellationToken);
            return await PrintAsync(context, response.Body, parseResult.GetValue(json), "created");
        }));
        return create;
    }

    private static Command CreateDelete(CliContext context, ApiOptions api)
    {
        var name = NameArgument();
        var delete = new Command("delete", "Delete a detached disk and its file") { name };
        delete.Aliases.Add("rm");
        delete.SetAction((parseResult, cancellationToken) => api.RunAsync(context, parseResult, async client =>
        {
            var diskName = parseResult.GetRequiredValue(name);
            await client.SendJsonAsync(HttpMethod.Delete, PathOf(diskName), null, cancellationToken);
            await context.Stdout.WriteLineAsync($"disk {diskName} deleted");
            return ExitCodes.Ok;
        }));
        return delete;
    }
}
