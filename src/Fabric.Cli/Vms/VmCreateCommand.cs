using System.CommandLine;
using System.Text.Json;
using Fabric.Cli.Api;
using Fabric.Cli.Output;
using Fabric.Contracts.Vms;

namespace Fabric.Cli.Vms;

/// <summary><c>fabric vm create NAME --cpus N --memory 512M --disk 2G …</c>: the creation wizard's answers as flags.</summary>
internal static class VmCreateCommand
{
    public static Command Create(CliContext context, ApiOptions api)
    {
        var name = VmCommand.NameArgument();
        var cpus = new Option<int>("--cpus") { Description = "Virtual CPUs", DefaultValueFactory = _ => 1, HelpName = "N" };
        var memory = SizeOption.Create("--memory", "Memory, e.g. 512M or 2G (default 512M)");
        var disks = SizeOption.CreateRepeated("--disk", "A new disk of this size; repeat for more disks");
        var iso = new Option<string?>("--iso") { Description = "Image-library ISO to put in the CD-ROM drive (boots first)", HelpName = "IMAGE" };
        var profile = new Option<DeviceProfile>("--profile") { Description = "paravirtual (virtio, guest agent) or emulated (IDE, e1000: any installer boots)", HelpName = "PROFILE" };
        var nics = new Option<string[]>("--nic") { Description = "A NIC on 'user' (NAT) or a host bridge; repeat for more (default: one on user)", HelpName = "NETWORK" };
        var serial = new Option<int>("--serial") { Description = "COM ports (0–4; COM1 is the serial console)", DefaultValueFactory = _ => 1, HelpName = "N" };
        var ha = new Option<bool>("--ha") { Description = "Restart the VM on another host when its host dies (same as --restart on-failure)" };
        var restart = new Option<string?>("--restart")
        {
            Description = "When the VM stops unasked: never (default), on-failure (another host when its host dies; in place after a crash) or always (also after the guest powers off)",
            HelpName = "POLICY",
        };
        restart.AcceptOnlyFromAmong([.. RestartRules.Names]);
        var priority = new Option<int>("--restart-priority") { Description = $"Failover order, 0–{RestartRules.MaxPriority}: higher restarts first when a host dies", HelpName = "N" };
        var start = new Option<bool>("--start") { Description = "Start the VM once created" };
        var json = JsonOutput.Option();
        var create = new Command("create", "Create a VM") { name, cpus, memory, disks, iso, profile, nics, serial, ha, restart, priority, start, json };
        create.SetAction((parseResult, cancellationToken) => api.RunAsync(context, parseResult, async client =>
        {
            var memoryBytes = parseResult.GetValue(memory) ?? 512L << 20;
            var request = new CreateVmRequest
            {
                Name = parseResult.GetRequiredValue(name),
                VCpus = parseResult.GetValue(cpus),
                MemoryMiB = (int)Math.Min(int.MaxValue, (memoryBytes + (1 << 20) - 1) >> 20),
                Profile = parseResult.GetValue(profile),
                Disks = [.. (parseResult.GetValue(disks) ?? []).Select(size => new CreateVmDisk { SizeBytes = size })],
                Nics = parseResult.GetValue(nics) is { Length: > 0 } networks ? [.. networks.Select(n => new CreateVmNic { Network = n })] : [new CreateVmNic()],
                Iso = parseResult.GetValue(iso),
                SerialPorts = parseResult.GetValue(serial),
                HaRestart = parseResult.GetValue(ha),
                Restart = RestartRules.Parse(parseResult.GetValue(restart)),
                RestartPriority = parseResult.GetValue(priority),
                Start = parseResult.GetValue(start),
            };
            var response = await client.SendJsonAsync(HttpMethod.Post, "api/v1/vms", request, cancellationToken);
            var exitCode = await VmCommand.PrintVmAsync(context, response.Body, parseResult.GetValue(json), "created");
            if (!parseResult.GetValue(json) && JsonSerializer.Deserialize<VmInfo>(response.Body, FabricJson.Options)?.Operation is { } started)
            {
                await context.Stdout.WriteLineAsync($"{started.Kind} {started.Target}: operation {started.Id} {started.State}; follow it with `fabric operation show {started.Id}`");
            }

            return exitCode;
        }));
        return create;
    }
}
