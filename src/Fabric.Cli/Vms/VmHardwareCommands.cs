using System.CommandLine;
using Fabric.Cli.Api;
using Fabric.Cli.Output;
using Fabric.Contracts.Vms;

namespace Fabric.Cli.Vms;

/// <summary>
/// Hardware changes after creation, each one <c>PATCH /api/v1/vms/NAME/hardware</c>: add-scsi,
/// add-serial, add-nic, remove-nic, set, insert-iso, eject-iso.
/// </summary>
internal static class VmHardwareCommands
{
    public static IEnumerable<Command> Create(CliContext context, ApiOptions api)
    {
        yield return Simple(context, api, "add-scsi", "Add a virtio-SCSI controller", new HardwareChange { AddScsiController = true }, "SCSI controller added");
        yield return Simple(context, api, "add-serial", "Add a COM port", new HardwareChange { AddSerialPort = true }, "COM port added");
        yield return Simple(context, api, "eject-iso", "Empty the CD-ROM drive", new HardwareChange { EjectIso = true }, "ISO ejected");

        var network = new Option<string>("--network") { Description = "'user' (NAT) or a host bridge", DefaultValueFactory = _ => "user", HelpName = "NETWORK" };
        var model = new Option<NicModel>("--model") { Description = "virtio or e1000 (default: follows the profile)", HelpName = "MODEL" };
        yield return Build(context, api, "add-nic", "Add a network adapter", [network, model], [],
            r => new HardwareChange { AddNic = new CreateVmNic { Network = r.GetRequiredValue(network), Model = r.GetValue(model) } }, "NIC added");

        var nic = new Argument<string>("NIC") { Description = "NIC id, e.g. net1 (see `fabric vm show`)" };
        yield return Build(context, api, "remove-nic", "Remove a network adapter", [], [nic], r => new HardwareChange { RemoveNic = r.GetRequiredValue(nic) }, "NIC removed");

        var image = new Argument<string>("IMAGE") { Description = "Image-library ISO name" };
        yield return Build(context, api, "insert-iso", "Put an ISO in the CD-ROM drive", [], [image], r => new HardwareChange { InsertIso = r.GetRequiredValue(image) }, "ISO inserted");

        var cpus = new Option<int?>("--cpus") { Description = "Virtual CPUs (VM stopped)", HelpName = "N" };
        var memory = SizeOption.Create("--memory", "Memory, e.g. 1G (VM stopped)");
        var profile = new Option<DeviceProfile?>("--profile") { Description = "paravirtual or emulated (VM stopped)", HelpName = "PROFILE" };
        var set = Build(context, api, "set", "Change CPUs, memory or device profile of a stopped VM", [cpus, memory, profile], [],
            r => new HardwareChange
            {
                VCpus = r.GetValue(cpus),
                MemoryMiB = r.GetValue(memory) is { } bytes ? (int)Math.Min(int.MaxValue, (bytes + (1 << 20) - 1) >> 20) : null,
                Profile = r.GetValue(profile),
            },
            "hardware changed");
        set.Validators.Add(result =>
        {
            if (result.GetResult(cpus) is null && result.GetResult(memory) is null && result.GetResult(profile) is null)
            {
                result.AddError("set: give at least one of --cpus, --memory, --profile");
            }
        });
        yield return set;
    }

    private static Command Simple(CliContext context, ApiOptions api, string verb, string description, HardwareChange change, string done) =>
        Build(context, api, verb, description, [], [], _ => change, done);

    private static Command Build(
        CliContext context, ApiOptions api, string verb, string description, Option[] options, Argument[] arguments,
        Func<ParseResult, HardwareChange> change, string done)
    {
        var name = VmCommand.NameArgument();
        var json = JsonOutput.Option();
        var command = new Command(verb, description) { name };
        foreach (var argument in arguments)
        {
            command.Arguments.Add(argument);
        }

        foreach (var option in options.Append(json))
        {
            command.Options.Add(option);
        }

        command.SetAction((parseResult, cancellationToken) => api.RunAsync(context, parseResult, async client =>
        {
            var response = await client.SendJsonAsync(HttpMethod.Patch, $"{VmCommand.PathOf(parseResult.GetRequiredValue(name))}/hardware", change(parseResult), cancellationToken);
            return await VmCommand.PrintVmAsync(context, response.Body, parseResult.GetValue(json), done);
        }));
        return command;
    }
}
