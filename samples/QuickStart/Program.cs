// A program that uses a Fabric cluster through the .NET client: lists the hosts, creates a VM and
// starts it, waits for the start, reads it back, stops it and deletes it.
//   ./fabric up                                   (in another terminal; it writes ~/.config/fabric/client.json)
//   dotnet run --project samples/QuickStart -- [--vm NAME]
using Fabric.Client;
using Fabric.Contracts.Operations;
using Fabric.Contracts.Vms;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

var builder = Host.CreateApplicationBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning); // the client's retries still show
builder.Services.AddFabricClient(builder.Configuration); // reads client.json, or Fabric:Client:* settings
using var host = builder.Build();
await host.StartAsync(); // connects; fails within Fabric:Client:ConnectTimeoutSeconds if no silo answers
var fabric = host.Services.GetRequiredService<FabricClient>();

foreach (var h in await fabric.Hosts.ListAsync())
{
    Console.WriteLine($"host {h.Name}: {h.State}");
}

var name = builder.Configuration["vm"] ?? "quickstart";
var vm = await fabric.Vms.CreateAsync(new CreateVmRequest
{
    Name = name,
    MemoryMiB = 256,
    Disks = [new CreateVmDisk { SizeBytes = 64L << 20 }],
    Profile = DeviceProfile.Emulated, // no OS and so no guest agent here: Running once QEMU runs
    Start = true,
});
var started = await fabric.Operations.WaitAsync(vm.Operation!.Id, TimeSpan.FromMinutes(3));
Console.WriteLine($"start of {name}: {started.State} {started.Message}");
if (started.State != OperationState.Succeeded)
{
    await fabric.Vms.DeleteAsync(name, deleteDisks: true);
    Console.Error.WriteLine($"quickstart: {name} did not start ({started.Message}); it was deleted again");
    return 1;
}

vm = (await fabric.Vms.GetAsync(name))!;
Console.WriteLine($"vm {vm.Name}: {vm.Observed} on {vm.Host}");

var stopped = await fabric.Operations.WaitAsync((await fabric.Vms.PowerAsync(name, PowerAction.Stop)).Id, TimeSpan.FromMinutes(1));
Console.WriteLine($"stop of {name}: {stopped.State}");
await fabric.Vms.DeleteAsync(name, deleteDisks: true);
Console.WriteLine($"deleted {name}");
await host.StopAsync();
return 0;
