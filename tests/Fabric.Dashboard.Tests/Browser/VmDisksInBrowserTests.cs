using System.Globalization;
using Fabric.Contracts.Vms;
using Fabric.Dashboard.Tests.Infrastructure;
using Fabric.Testing.Waiting;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Fabric.Dashboard.Tests.Browser;

/// <summary>A running VM's disks in the browser on real QEMU: an online grow the guest sees, and a refused delete that says why.</summary>
[Collection(QemuDashboardCollection.Name)]
public sealed class VmDisksInBrowserTests(QemuDashboardCluster cluster)
{
    private static readonly TimeSpan Start = TimeSpan.FromMinutes(4);
    private static readonly LocatorAssertionsToContainTextOptions Operation = new() { Timeout = 120_000 };

    // A grain call and the page's next refresh: seconds, more when the machine is busy.
    private static readonly LocatorAssertionsToContainTextOptions RoundTrip = new() { Timeout = 60_000 };

    [Fact]
    public async Task RunningVm_DiskGrowsOnlineAndItsDeleteIsRefusedWithTheReason()
    {
        try
        {
            // Made through the REST API: the wizard has its own test. A paravirtual VM is Running once its guest agent answers.
            await cluster.CreateRunningVmAsync(new CreateVmRequest
            {
                Name = "e2e2", MemoryMiB = 256, Disks = [new CreateVmDisk { SizeBytes = 64L << 20 }], Iso = QemuDashboardCluster.Iso,
            }, Start);
            await using var browser = await BrowserSession.StartAsync(cluster.Url);
            await browser.SignInAsync(DashboardCluster.AdminToken);
            await browser.OpenAsync("/vms/e2e2");

            await browser.Page.GetByRole(AriaRole.Tab, new() { Name = "Disks" }).ClickAsync();
            var disks = browser.Page.GetByTestId("vm-disks");
            await Expect(disks).ToContainTextAsync("64 MiB", RoundTrip);
            await browser.ChooseAsync("Grow disk", "e2e2-disk0");
            await browser.Page.GetByLabel("New size").FillAsync("128M");
            await browser.Page.GetByRole(AriaRole.Button, new() { Name = "Grow", Exact = true }).ClickAsync();
            await Expect(disks).ToContainTextAsync("128 MiB", Operation);
            await browser.ScreenshotAsync("e2e-vm-disk-grown");
            await browser.Page.GetByRole(AriaRole.Tab, new() { Name = "Operations" }).ClickAsync();
            await Expect(browser.Page.GetByTestId("operations-table")).ToContainTextAsync("Succeeded", Operation);
            await browser.ScreenshotAsync("e2e-vm-operations");

            // The record's size is Fabric's word for it; the guest's kernel must see the new size too
            // (it learns of it from the device's config-change interrupt, so allow it a moment).
            var grown = (128L << 20).ToString(CultureInfo.InvariantCulture);
            await Eventually.MatchAsync(() => cluster.GuestShellAsync("e2e2", "echo $(( $(cat /sys/block/vda/size) * 512 ))"),
                bytes => bytes == grown, TimeSpan.FromSeconds(30), $"the guest to see /dev/vda as {grown} bytes");

            await browser.OpenAsync("/disks");
            await browser.Page.GetByTestId("disks-table").GetByRole(AriaRole.Row).Filter(new() { HasText = "e2e2-disk0" })
                .GetByRole(AriaRole.Button, new() { Name = "Manage" }).ClickAsync();
            await browser.Page.GetByTestId("disk-actions").GetByRole(AriaRole.Button, new() { Name = "Delete disk" }).ClickAsync();
            await browser.Page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();
            var problems = browser.Page.GetByTestId("problems");
            await Expect(problems).ToContainTextAsync("attached to VM 'e2e2'", RoundTrip);
            await Expect(problems).ToContainTextAsync("detach it first");
            await Expect(browser.Page.GetByTestId("disks-table")).ToContainTextAsync("e2e2-disk0");
            await browser.ScreenshotAsync("e2e-disk-delete-refused");
        }
        finally
        {
            await cluster.StopVmAsync("e2e2");
        }
    }
}
