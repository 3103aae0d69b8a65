using System.CommandLine;
using Fabric.Cli.Api;
using Fabric.Cli.Operations;
using Fabric.Cli.Output;
using Fabric.Cli.Vms;
using Fabric.Contracts.Images;
using Fabric.Contracts.Rest;
using Fabric.Contracts.Validation;
using Fabric.Contracts.Vms;

namespace Fabric.Cli.Disks;

/// <summary><c>fabric disk grow|attach|detach|convert|export</c>.</summary>
internal static class DiskChangeCommands
{
    public static IEnumerable<Command> Create(CliContext context, ApiOptions api)
    {
        yield return Grow(context, api);
        yield return Attach(context, api);
        yield return Detach(context, api);
        yield return Convert(context, api);
        yield return Export(context, api);
    }

    private static Command Grow(CliContext context, ApiOptions api)
    {
        var name = DiskCommand.NameArgument();
        var size = SizeOption.Argument("SIZE", "New size, e.g. 4G (larger than now)");
        var json = JsonOutput.Option();
        var grow = new Command("grow", "Grow a disk (online, through its VM, when attached to a running one)") { name, size, json };
        grow.SetAction((parseResult, cancellationToken) => api.RunAsync(context, parseResult, async client =>
        {
            var response = await client.SendJsonAsync(HttpMethod.Post, $"{DiskCommand.PathOf(parseResult.GetRequiredValue(name))}/grow",
                new GrowDiskRequest { SizeBytes = parseResult.GetValue(size) }, cancellationToken);
            // 202: the disk is attached and its VM grows it as an operation; 200: grown already.
            return response.Status == 202
                ? await OperationWaiter.WaitAsync(context, client, response.Body, parseResult.GetValue(json), cancellationToken)
                : await DiskCommand.PrintAsync(context, response.Body, parseResult.GetValue(json), "grown");
        }));
        return grow;
    }

    private static Command Attach(CliContext context, ApiOptions api)
    {
        var name = DiskCommand.NameArgument();
        var vm = new Argument<string>("VM") { Description = "VM to attach the disk to" };
        var bus = new Option<DiskBus>("--bus") { Description = "virtio, scsi or ide (default: follows the VM's profile)", HelpName = "BUS" };
        var json = JsonOutput.Option();
        var attach = new Command("attach", "Attach a disk to a VM (hot-plugged when it runs)") { name, vm, bus, json };
        attach.SetAction((parseResult, cancellationToken) => api.RunAsync(context, parseResult, async client =>
        {
            var request = new AttachDiskRequest { Disk = parseResult.GetRequiredValue(name), Bus = parseResult.GetValue(bus) };
            var response = await client.SendJsonAsync(HttpMethod.Post, $"{VmCommand.PathOf(parseResult.GetRequiredValue(vm))}/disks", request, cancellationToken);
            return await VmCommand.PrintVmAsync(context, response.Body, parseResult.GetValue(json), $"has disk {request.Disk} attached");
        }));
        return attach;
    }

    private static Command Detach(CliContext context, ApiOptions api)
    {
        var name = DiskCommand.NameArgument();
        var json = JsonOutput.Option();
        var detach = new Command("detach", "Detach a disk from its VM") { name, json };
        detach.SetAction((parseResult, cancellationToken) => api.RunAsync(context, parseResult, async client =>
        {
            var diskName = parseResult.GetRequiredValue(name);
            var disk = DiskCommand.Read(await client.GetAsync(DiskCommand.PathOf(diskName), cancellationToken));
            if (disk.AttachedTo is not { } vm)
            {
                await context.Stderr.WriteLineAsync($"disk {diskName} is not attached to any VM");
                return ExitCodes.Failure;
            }

            var response = await client.SendJsonAsync(HttpMethod.Delete, $"{VmCommand.PathOf(vm)}/disks/{Uri.EscapeDataString(diskName)}", null, cancellationToken);
            return await VmCommand.PrintVmAsync(context, response.Body, parseResult.GetValue(json), $"has disk {diskName} detached");
        }));
        return detach;
    }

    private static Command Convert(CliContext context, ApiOptions api)
    {
        var name = DiskCommand.NameArgument();
        var format = new Argument<string>("FORMAT") { Description = "qcow2, raw, vhdx or vhd" };
        var json = JsonOutput.Option();
        var convert = new Command("convert", "Convert a detached disk to another format in place") { name, format, json };
        convert.SetAction((parseResult, cancellationToken) => api.RunAsync(context, parseResult, async client =>
        {
            var response = await client.SendJsonAsync(HttpMethod.Post, $"{DiskCommand.PathOf(parseResult.GetRequiredValue(name))}/convert",
                new ConvertDiskRequest { Format = parseResult.GetRequiredValue(format) }, cancellationToken);
            return await DiskCommand.PrintAsync(context, response.Body, parseResult.GetValue(json), "converted");
        }));
        return convert;
    }

    private static Command Export(CliContext context, ApiOptions api)
    {
        var name = DiskCommand.NameArgument();
        var image = new Argument<string>("IMAGE") { Description = "Name of the copy in the image library" };
        var format = new Option<string>("--format") { Description = "qcow2 (default), raw, vhdx (Hyper-V) or vhd", DefaultValueFactory = _ => "qcow2", HelpName = "FORMAT" };
        var json = JsonOutput.Option();
        var export = new Command("export", "Copy a disk into the image library, e.g. as VHDX for Hyper-V") { name, image, format, json };
        export.SetAction((parseResult, cancellationToken) => api.RunAsync(context, parseResult, async client =>
        {
            var response = await client.SendJsonAsync(HttpMethod.Post, $"{DiskCommand.PathOf(parseResult.GetRequiredValue(name))}/export",
                new ExportDiskRequest { Image = parseResult.GetRequiredValue(image), Format = parseResult.GetValue(format) }, cancellationToken);
            if (parseResult.GetValue(json))
            {
                return await JsonOutput.WriteAsync(context, response.Body);
            }

            var info = System.Text.Json.JsonSerializer.Deserialize<ImageInfo>(response.Body, FabricJson.Options)!;
            await context.Stdout.WriteLineAsync($"image {info.Name} exported: {info.Format}, {Sizes.Describe(info.SizeBytes)} in pool {info.Pool} ({info.Path})");
            return ExitCodes.Ok;
        }));
        return export;
    }
}
