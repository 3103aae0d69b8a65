using Fabric.Dashboard.Tests.Infrastructure;
using Fabric.Testing.Guest;
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
    private static readonly LocatorAssertionsToContainTextOptions Boot = new() { Timeout = 240_000 };

    [Fact]
    public async Task Wizard_InstallerIso_VmRunsAndItsConsolesWork()
    {
        await using var browser = await BrowserSession.StartAsync(cluster.Url);
        await browser.SignInAsync(DashboardCluster.AdminToken);
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

        await Expect(browser.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/vms/e2e1$"));
        await Expect(browser.Page.GetByTestId("vm-state")).ToContainTextAsync("Running", Boot);
        // The guest agent's report means the guest has booted far enough for its shell on ttyS0 to follow.
        await Expect(browser.Page.GetByTestId("vm-guest")).ToContainTextAsync("kernel", Boot);
        await browser.ScreenshotAsync("e2e-vm-running");

        await browser.OpenAsync("/vms/e2e1/console/serial");
        await Expect(browser.Page.GetByTestId("console-state")).ToHaveTextAsync("connected");
        var terminal = browser.Page.GetByTestId("console");
        await browser.Page.Locator(".xterm-helper-textarea").FocusAsync();
        // The relay streams live bytes only: Enter asks the shell for a fresh prompt (again while the guest is still finishing its boot).
        await Fabric.Testing.Waiting.Eventually.MatchAsync(async () =>
        {
            await browser.Page.Keyboard.PressAsync("Enter");
            return await terminal.InnerTextAsync();
        }, text => text.Contains("fabric-guest:", StringComparison.Ordinal), TimeSpan.FromMinutes(2), "the guest's shell prompt on the serial console");
        await browser.Page.Keyboard.TypeAsync("echo hello-$((6*7))");
        await browser.Page.Keyboard.PressAsync("Enter");
        await Expect(terminal).ToContainTextAsync("hello-42");
        await browser.ScreenshotAsync("e2e-serial-console");

        // The boot marker was printed before the console opened; a reboot from the console prints it again, live.
        await browser.Page.Keyboard.TypeAsync("clear; reboot -f");
        await browser.Page.Keyboard.PressAsync("Enter");
        await Expect(terminal).ToContainTextAsync(TestGuest.ReadyMarker, Boot);
        await browser.ScreenshotAsync("e2e-serial-console-reboot");

        await browser.OpenAsync("/vms/e2e1/console/vnc");
        await Expect(browser.Page.GetByTestId("console").Locator("canvas")).ToBeVisibleAsync();
        await Expect(browser.Page.GetByTestId("console-state")).ToHaveTextAsync("connected");
        await Expect(browser.Page.GetByTestId("console-reason")).ToHaveCountAsync(0);
        await browser.ScreenshotAsync("e2e-vnc-console");

        await cluster.StopVmAsync("e2e1");
    }
}
