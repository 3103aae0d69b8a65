using System.Text;
using Fabric.Contracts.Consoles;
using Fabric.Contracts.Hosts;
using Fabric.Contracts.Vms;
using Fabric.Integration.Tests.Infrastructure;
using Fabric.Silo.Consoles;
using Fabric.Silo.Dashboard.Consoles;
using Fabric.Testing.Waiting;

namespace Fabric.Integration.Tests.Vms;

/// <summary>Consoles relayed through the cluster: silo-side client → ticket from the host grain → the agent's relay → QEMU's socket.</summary>
[Collection(ProcessCollection.Name)]
public sealed class ConsoleRelayTests(QemuClusterFixture fixture)
{
    [Fact]
    public async Task SerialConsole_ThroughTheRelay_RunsACommandInTheGuestAndATicketWorksOnce()
    {
        var grains = fixture.Client.Grains;
        var vm = grains.GetGrain<IVmGrain>("console1");
        await vm.Create(new CreateVmRequest { Name = "console1", MemoryMiB = 256, Iso = QemuClusterFixture.Iso });
        await VmOperations.SucceedsAsync(fixture.Client.Fabric, await vm.Power(PowerAction.Start, null), TimeSpan.FromMinutes(4));
        await Eventually.MatchAsync(vm.Get, v => v!.Guest is not null, TimeSpan.FromMinutes(4), "the guest to be up");

        var relay = new ConsoleRelayClient(grains);
        await using (var console = await relay.OpenAsync("console1", ConsoleKind.Serial, CancellationToken.None))
        {
            await console.WriteAsync(Encoding.ASCII.GetBytes("echo relay-$((6*7))\n"));
            var seen = new StringBuilder();
            var buffer = new byte[4096];
            await Eventually.MatchAsync(async () =>
            {
                using var slice = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                try
                {
                    seen.Append(Encoding.ASCII.GetString(buffer, 0, await console.ReadAsync(buffer, slice.Token)));
                }
                catch (OperationCanceledException)
                {
                    // Nothing this slice; look again.
                }

                return seen.ToString();
            }, s => s.Contains("relay-42", StringComparison.Ordinal), TimeSpan.FromMinutes(1), "the guest's answer on the serial console");
        }

        var ticket = await grains.GetGrain<IHostGrain>(QemuClusterFixture.Host).IssueConsoleTicket("console1", ConsoleKind.Serial);
        Assert.NotNull(await grains.GetGrain<IHostGrain>(QemuClusterFixture.Host).RedeemConsoleTicket(ticket.Ticket));
        Assert.Null(await grains.GetGrain<IHostGrain>(QemuClusterFixture.Host).RedeemConsoleTicket(ticket.Ticket));

        await VmOperations.SucceedsAsync(fixture.Client.Fabric, await vm.Power(PowerAction.Stop, null), TimeSpan.FromMinutes(1));
        var refused = await Assert.ThrowsAsync<ConsoleUnavailableException>(() => relay.OpenAsync("console1", ConsoleKind.Serial, CancellationToken.None));
        Assert.Contains("start it to open its console", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VncConsole_ThroughTheRelay_SpeaksRfb_AndTheScreenIsAPng()
    {
        var grains = fixture.Client.Grains;
        var vm = grains.GetGrain<IVmGrain>("console2");
        await vm.Create(new CreateVmRequest { Name = "console2", MemoryMiB = 256, Iso = QemuClusterFixture.Iso, Profile = DeviceProfile.Emulated });
        await VmOperations.SucceedsAsync(fixture.Client.Fabric, await vm.Power(PowerAction.Start, null), TimeSpan.FromMinutes(4));

        await using var console = await new ConsoleRelayClient(grains).OpenAsync("console2", ConsoleKind.Vnc, CancellationToken.None);
        var banner = new byte[12];
        await console.ReadExactlyAsync(banner);

        Assert.StartsWith("RFB 003.", Encoding.ASCII.GetString(banner), StringComparison.Ordinal);

        // Thumbnails: the host takes the screenshot; the grain and REST hand it out as PNG.
        byte[] png = [0x89, (byte)'P', (byte)'N', (byte)'G'];
        Assert.Equal(png, (await vm.Screenshot())[..4]);
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", fixture.Cluster.AdminToken);
        using var response = await http.GetAsync($"{fixture.Cluster.ApiUrl}/api/v1/vms/console2/screenshot");
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(png, (await response.Content.ReadAsByteArrayAsync())[..4]);
        await VmOperations.SucceedsAsync(fixture.Client.Fabric, await vm.Power(PowerAction.Stop, null), TimeSpan.FromMinutes(1));
    }
}
