using System.CommandLine;
using System.Text.Json;
using Fabric.Cli.Api;
using Fabric.Cli.Output;
using Fabric.Contracts.Inventory;
using Fabric.Contracts.Validation;
using Fabric.Contracts.Vms;

namespace Fabric.Cli.Vms;

/// <summary><c>fabric vm …</c>: list, show, create, delete, power actions, hardware changes, exec.</summary>
internal static class VmCommand
{
    public static Command Create(CliContext context)
    {
        var api = new ApiOptions();
        var vm = new Command("vm", "Virtual machines");
        api.AddTo(vm);
        vm.Subcommands.Add(CreateList(context, api));
        vm.Subcommands.Add(CreateShow(context, api));
        vm.Subcommands.Add(VmCreateCommand.Create(context, api));
        vm.Subcommands.Add(CreateDelete(context, api));
        foreach (var action in Enum.GetValues<PowerAction>())
        {
            vm.Subcommands.Add(VmPowerCommand.Create(context, api, action));
        }

        foreach (var command in VmHardwareCommands.Create(context, api))
        {
            vm.Subcommands.Add(command);
        }

        vm.Subcommands.Add(VmExecCommand.Create(context, api));
        return vm;
    }

    public static Argument<string> NameArgument() => new("NAME") { Description = "VM name, as in `fabric vm list`" };

    public static string PathOf(string name) => $"api/v1/vms/{Uri.EscapeDataString(name)}";

    /// <summary>Prints a VM the API returned: its JSON with <c>--json</c>, else a one-line summary.</summary>
    public static async Task<int> PrintVmAsync(CliContext context, string body, bool json, string verb)
    {
        if (json)
        {
            return await JsonOutput.WriteAsync(context, body);
        }

        var info = JsonSerializer.Deserialize<VmInfo>(body, FabricJson.Options) ?? throw new JsonException("the VM is null");
        var hw = info.Hardware;
        await context.Stdout.WriteLineAsync(
            $"vm {info.Name} {verb}: {hw.VCpus} CPU, {Sizes.Describe((long)hw.MemoryMiB << 20)}, {hw.Profile}, {hw.Disks.Count} disk(s), {hw.Nics.Count} NIC(s), {info.Observed} (desired {info.Desired})");
        return ExitCodes.Ok;
    }

    private static Command CreateList(CliContext context, ApiOptions api)
    {
        var json = JsonOutput.Option();
        var list = new Command("list", "List VMs: observed and desired state, size, host, first IP") { json };
        list.Aliases.Add("ls");
        list.SetAction((parseResult, cancellationToken) => api.RunAsync(context, parseResult, async client =>
        {
            var vms = await ListAllAsync(client, cancellationToken);
            if (parseResult.GetValue(json))
            {
                return await JsonOutput.WriteAsync(context, JsonSerializer.Serialize(vms, FabricJson.Options));
            }

            VmTable.Write(vms, context.Stdout);
            return ExitCodes.Ok;
        }));
        return list;
    }

    /// <summary>Every VM, following the list's continue tokens page by page.</summary>
    private static async Task<List<VmInfo>> ListAllAsync(FabricApiClient client, CancellationToken cancellationToken)
    {
        var vms = new List<VmInfo>();
        string? next = null;
        do
        {
            var path = next is null ? "api/v1/vms" : $"api/v1/vms?continue={Uri.EscapeDataString(next)}";
            var page = JsonSerializer.Deserialize<ListPage<VmInfo>>(await client.GetAsync(path, cancellationToken), FabricJson.Options)
                ?? throw new JsonException("the VM list is null");
            vms.AddRange(page.Items);
            next = page.Continue;
        }
        while (next is not null);
        return vms;
    }

    private static Command CreateShow(CliContext context, ApiOptions api)
    {
        var name = NameArgument();
        var json = JsonOutput.Option();
        var show = new Command("show", "Show a VM: hardware, disks, NICs, desired vs observed state, host, guest, recent events") { name, json };
        show.SetAction((parseResult, cancellationToken) => api.RunAsync(context, parseResult, async client =>
        {
            var body = await client.GetAsync(PathOf(parseResult.GetRequiredValue(name)), cancellationToken);
            if (parseResult.GetValue(json))
            {
                return await JsonOutput.WriteAsync(context, body);
            }

            var info = JsonSerializer.Deserialize<VmInfo>(body, FabricJson.Options) ?? throw new JsonException("the VM is null");
            VmDetails.Write(info, context.Time.GetUtcNow(), context.Stdout);
            return ExitCodes.Ok;
        }));
        return show;
    }

    private static Command CreateDelete(CliContext context, ApiOptions api)
    {
        var name = NameArgument();
        var deleteDisks = new Option<bool>("--delete-disks") { Description = "Delete the VM's disks too (default: keep them, detached)" };
        var delete = new Command("delete", "Delete a stopped VM") { name, deleteDisks };
        delete.Aliases.Add("rm");
        delete.SetAction((parseResult, cancellationToken) => api.RunAsync(context, parseResult, async client =>
        {
            var vmName = parseResult.GetRequiredValue(name);
            var withDisks = parseResult.GetValue(deleteDisks);
            await client.SendJsonAsync(HttpMethod.Delete, $"{PathOf(vmName)}?deleteDisks={(withDisks ? "true" : "false")}", null, cancellationToken);
            await context.Stdout.WriteLineAsync($"vm {vmName} deleted{(withDisks ? " with its disks" : "; its disks are kept (fabric disk list)")}");
            return ExitCodes.Ok;
        }));
        return delete;
    }
}
