using Fabric.Dashboard.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Fabric.Dashboard.Tests.Browser;

[Collection(DashboardCollection.Name)]
public sealed class PagesTests(DashboardCluster cluster)
{
    private static readonly TimeSpan HostDeadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Overview_HostWithoutHardwareVirtualization_ShowsHostAndAlert()
    {
        await using var browser = await SignedInAsync();
        await browser.OpenAsync("/");
        var card = browser.Page.GetByTestId($"host-card-{DashboardCluster.HostName}");
        await Expect(card).ToBeVisibleAsync(new() { Timeout = (float)HostDeadline.TotalMilliseconds });
        await Expect(card).ToContainTextAsync("Ready", new() { Timeout = (float)HostDeadline.TotalMilliseconds });
        await Expect(browser.Page.GetByTestId("alerts")).ToContainTextAsync("hardware virtualization unavailable");
        await browser.ScreenshotAsync("overview");
    }

    [Fact]
    public async Task Hosts_ListAndDetail_ShowCapabilities()
    {
        await using var browser = await SignedInAsync();
        await browser.OpenAsync("/hosts");
        var table = browser.Page.GetByTestId("hosts-table");
        await Expect(table).ToContainTextAsync(DashboardCluster.HostName, new() { Timeout = (float)HostDeadline.TotalMilliseconds });
        await Expect(table).ToContainTextAsync("simulated", new() { Timeout = (float)HostDeadline.TotalMilliseconds });
        await browser.ScreenshotAsync("hosts");

        await browser.Page.GetByRole(AriaRole.Link, new() { Name = DashboardCluster.HostName, Exact = true }).ClickAsync();
        await Expect(browser.Page.GetByText("Capabilities", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(browser.Page.GetByText("Storage pools")).ToBeVisibleAsync();
        await browser.ScreenshotAsync("host-detail");
    }

    [Theory]
    [InlineData("/vms", "Virtual machines", "vms")]
    [InlineData("/disks", "Disks", "disks")]
    [InlineData("/images", "Image library", "images")]
    [InlineData("/operations", "Operations", "operations")]
    public async Task Page_SignedIn_Renders(string path, string heading, string screenshot)
    {
        await using var browser = await SignedInAsync();
        await browser.OpenAsync(path);
        await Expect(browser.Page.GetByRole(AriaRole.Heading, new() { Name = heading, Exact = true })).ToBeVisibleAsync();
        await Expect(browser.Page.Locator(".mud-alert-filled-error, .mud-alert-text-error")).ToHaveCountAsync(0);
        await browser.ScreenshotAsync(screenshot);
    }

    [Fact]
    public async Task Disks_CreateInUnknownPool_ShowsTheRefusal()
    {
        await using var browser = await SignedInAsync();
        await browser.OpenAsync("/");
        await Expect(browser.Page.GetByTestId($"host-card-{DashboardCluster.HostName}")).ToContainTextAsync("Ready", new() { Timeout = (float)HostDeadline.TotalMilliseconds });
        await browser.OpenAsync("/disks");
        await browser.Page.Locator("#disk-name").FillAsync("data1");
        await browser.Page.Locator("#disk-pool").FillAsync("nope");
        await browser.Page.Locator("#create-disk").ClickAsync();
        var problems = browser.Page.GetByTestId("problems");
        await Expect(problems).ToContainTextAsync("no storage pool named 'nope'");
        await Expect(problems).ToContainTextAsync("pools: local");
        await browser.ScreenshotAsync("disks-refused");
    }

    private async Task<BrowserSession> SignedInAsync()
    {
        var browser = await BrowserSession.StartAsync(cluster.Url);
        await browser.SignInAsync(DashboardCluster.AdminToken);
        await browser.WaitForInteractivityAsync();
        return browser;
    }
}
