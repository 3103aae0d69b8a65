using Fabric.Dashboard.Tests.Infrastructure;
using Fabric.Testing.Guest;
using Fabric.Testing.Waiting;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Fabric.Dashboard.Tests.Browser;

/// <summary>
/// The operator's path in the browser on real QEMU with the test guest: the wizard creates and starts
/// a VM from the installer ISO, its page shows it Running, the serial console runs a command in the
/// guest and shows it booting again, and the graphical console connects.
/// </summary>
[Collection(QemuDashboardCollection.Name)]
public sealed class VmLifecycleInBrowserTests(QemuDashboardCluster cluster)
{
    // Under TCG on a loaded two-core machine a boot takes 10–60 s; the deadlines leave room for worse.
    private static readonly TimeSpan BootDeadline = TimeSpan.FromMinutes(4);
    private static readonly LocatorAssertionsToContainTextOptions Boot = new() { Timeout = (float)BootDeadline.TotalMilliseconds };

    // A round trip through the silo, the agent and QEMU: seconds, more when the machine is busy.
    private static readonly LocatorAssertionsToContainTextOptions RoundTrip = new() { Timeout = 60_000 };

    [Fact]
    public async Task Wizard_InstallerIso_VmRunsAndItsConsolesWork()
    {
        try
        {
            await using var browser = await BrowserSession.StartAsync(cluster.Url);
            await browser.SignInAsync(DashboardCluster.AdminToken);
            await CreateThroughTheWizardAsync(browser);

            await Expect(browser.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/vms/e2e1$"), new() { Timeout = 60_000 });
            await Expect(browser.Page.GetByTestId("vm-state")).ToContainTextAsync("Running", Boot);
            // The guest agent's report means the guest has booted far enough for its shell on ttyS0 to follow.
            await Expect(browser.Page.GetByTestId("vm-guest")).ToContainTextAsync("kernel", Boot);
            await browser.ScreenshotAsync("e2e-vm-running");

            await UseTheSerialConsoleAsync(browser);

            await browser.OpenAsync("/vms/e2e1/console/vnc");
            await Expect(browser.Page.GetByTestId("console").Locator("canvas")).ToBeVisibleAsync();
            await Expect(browser.Page.GetByTestId("console-state")).ToContainTextAsync("connected", RoundTrip);
            await Expect(browser.Page.GetByTestId("console-reason")).ToHaveCountAsync(0);
            await browser.ScreenshotAsync("e2e-vnc-console");
        }
        finally
        {
            await cluster.StopVmAsync("e2e1");
        }
    }

    /// <summary>Paravirtual, 256 MiB, a 64M disk, the test guest's ISO, started once created.</summary>
    private static async Task CreateThroughTheWizardAsync(BrowserSession browser)
    {
        await browser.OpenAsync("/vms/new");
        var next = browser.Page.GetByRole(AriaRole.Button, new() { Name = "Next" });
        await browser.Page.Locator("#vm-name").FillAsync("e2e1");
        await next.ClickAsync();
        await browser.Page.Locator("#vm-memory").FillAsync("256");
        await browser.Page.Locator("#vm-memory").BlurAsync();
        await next.ClickAsync();
        await browser.Page.GetByTestId("wizard-disk-0").GetByLabel("Size").FillAsync("64M");
        await next.ClickAsync();
        await Expect(browser.Page.GetByTestId("wizard-nic-0")).ToBeVisibleAsync();
        await next.ClickAsync();
        await browser.ChooseAsync("Installation media", QemuDashboardCluster.Iso);
        await browser.Page.GetByText("Start the VM after it is created").ClickAsync();
        await browser.ScreenshotAsync("e2e-wizard-installation");
        await next.ClickAsync();
        var summary = browser.Page.GetByTestId("wizard-summary");
        await Expect(summary).ToContainTextAsync("Paravirtual");
        await Expect(summary).ToContainTextAsync("256 MiB");
        await Expect(summary).ToContainTextAsync("new 64M qcow2");
        await Expect(summary).ToContainTextAsync(QemuDashboardCluster.Iso);
        await browser.ScreenshotAsync("e2e-wizard-summary");
        await browser.Page.Locator("#create-vm").ClickAsync();
    }

    /// <summary>
    /// The relay streams live bytes only, so the boot marker printed before the console opened is not
    /// there; a command shows the shell works, and a reboot typed in the console prints the marker live.
    /// </summary>
    private static async Task UseTheSerialConsoleAsync(BrowserSession browser)
    {
        await browser.OpenAsync("/vms/e2e1/console/serial");
        await Expect(browser.Page.GetByTestId("console-state")).ToContainTextAsync("connected", RoundTrip);
        var terminal = browser.Page.GetByTestId("console");
        await browser.Page.Locator(".xterm-helper-textarea").FocusAsync();
        // Enter asks the shell for a fresh prompt; again while the guest may still be finishing its boot.
        await Eventually.MatchAsync(async () =>
        {
            await browser.Page.Keyboard.PressAsync("Enter");
            return await terminal.InnerTextAsync();
        }, text => text.Contains("fabric-guest:", StringComparison.Ordinal), BootDeadline, "the guest's shell prompt on the serial console");
        await TypeLineAsync(browser, "echo hello-$((6*7))");
        await Expect(terminal).ToContainTextAsync("hello-42", RoundTrip);
        await browser.ScreenshotAsync("e2e-serial-console");

        // A cleared screen first, so the marker seen next can only come from the reboot.
        await TypeLineAsync(browser, "clear");
        await Expect(terminal).Not.ToContainTextAsync("hello-42", RoundTrip);
        await Expect(terminal).Not.ToContainTextAsync(TestGuest.ReadyMarker);
        await TypeLineAsync(browser, "reboot -f");
        await Expect(terminal).ToContainTextAsync(TestGuest.ReadyMarker, Boot);
        await browser.ScreenshotAsync("e2e-serial-console-reboot");
    }

    private static async Task TypeLineAsync(BrowserSession browser, string line)
    {
        await browser.Page.Keyboard.TypeAsync(line);
        await browser.Page.Keyboard.PressAsync("Enter");
    }
}
