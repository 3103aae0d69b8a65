using Fabric.Contracts.Consoles;
using Fabric.Contracts.Vms;
using Fabric.Integration.Tests.Infrastructure;
using Fabric.Silo.Consoles;
using Fabric.Testing.Guest;
using Fabric.Testing.Waiting;

namespace Fabric.Integration.Tests.Vms;

/// <summary>A VM without "integration services": SATA disk, e1000 NIC, no guest agent. It must boot all the same.</summary>
[Collection(ProcessCollection.Name)]
public sealed class EmulatedVmTests(QemuClusterFixture fixture)
{
    [Fact]
    public async Task EmulatedVm_FromInstallerIso_BootsToTheGuestsReadyMarker()
    {
        var grains = fixture.Client.Grains;
        var vm = grains.GetGrain<IVmGrain>("emulated1");
        await vm.Create(new CreateVmRequest
        {
            Name = "emulated1", MemoryMiB = 256, Profile = DeviceProfile.Emulated,
            Disks = [new CreateVmDisk { SizeBytes = 32L << 20 }], Iso = QemuClusterFixture.Iso, Start = true,
        });

        // No guest agent in this profile, so the serial console (COM1's log on the host) is how we know it booted.
        var serialLog = Path.Combine(fixture.Cluster.AgentDataDirectory, "run", "emulated1", "serial0.log");
        await Eventually.MatchAsync(() => Task.FromResult(File.Exists(serialLog) ? File.ReadAllText(serialLog) : ""),
            log => log.Contains(TestGuest.ReadyMarker, StringComparison.Ordinal), TimeSpan.FromMinutes(4), "the emulated guest's ready marker on COM1");

        // The guest loads every NIC driver it has, so its boot log naming e1000 proves nothing: ask it which card eth0 is.
        await using (var console = await new ConsoleRelayClient(grains).OpenAsync("emulated1", ConsoleKind.Serial, CancellationToken.None))
        {
            Assert.Equal(["0x8086", "0x100e", "e1000"], await SerialShell.DescribeEth0Async(console, TimeSpan.FromMinutes(1)));
        }

        var info = await vm.Get();
        Assert.Equal(VmStatus.Running, info!.Observed);
        Assert.Null(info.Guest);
        var refused = await Assert.ThrowsAsync<Contracts.Validation.FabricException>(() => vm.Exec(["/bin/true"], TimeSpan.FromSeconds(5)));
        Assert.Contains("no guest agent", refused.Message, StringComparison.Ordinal);

        // No guest agent, so a graceful shutdown must go through the ACPI power button. Stopping removes
        // the VM's runtime folder; a handle opened now still reads the serial log to its end.
        await using var logHandle = new FileStream(serialLog, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        await VmOperations.SucceedsAsync(fixture.Client.Fabric, await vm.Power(PowerAction.Shutdown, TimeSpan.FromSeconds(90)), TimeSpan.FromMinutes(3));
        Assert.Equal(VmStatus.Stopped, (await vm.Get())!.Observed);
        var log = await new StreamReader(logHandle).ReadToEndAsync();
        Assert.Contains("FABRIC-GUEST: shutdown (acpi power button)", log, StringComparison.Ordinal);
        Assert.Contains("reboot: Power down", log, StringComparison.Ordinal);
    }
}
