using System.Net;
using Fabric.Dashboard.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Fabric.Dashboard.Tests.Browser;

[Collection(DashboardCollection.Name)]
public sealed class WizardAndConsoleTests(DashboardCluster cluster)
{
    [Fact]
    public async Task Wizard_InvalidAnswers_StayOnTheirStepWithTheMessage()
    {
        await using var browser = await SignedInAsync();
        await browser.OpenAsync("/vms/new");
        var next = browser.Page.GetByRole(AriaRole.Button, new() { Name = "Next" });

        await browser.Page.Locator("#vm-name").FillAsync("Bad_Name");
        await next.ClickAsync();
        await Expect(browser.Page.GetByText("is not a DNS label")).ToBeVisibleAsync();
        await browser.ScreenshotAsync("wizard-1-name-invalid");

        await browser.Page.Locator("#vm-name").FillAsync("web1");
        await next.ClickAsync();
        await Expect(browser.Page.Locator("#vm-vcpus")).ToBeVisibleAsync();
        await browser.Page.Locator("#vm-vcpus").FillAsync("0");
        await browser.Page.Locator("#vm-vcpus").BlurAsync();
        await next.ClickAsync();
        await Expect(browser.Page.GetByText("0 vCPUs asked")).ToBeVisibleAsync();
        await browser.ScreenshotAsync("wizard-2-hardware-invalid");

        await browser.Page.Locator("#vm-vcpus").FillAsync("2");
        await browser.Page.Locator("#vm-vcpus").BlurAsync();
        await next.ClickAsync();
        await Expect(browser.Page.GetByTestId("wizard-disk-0")).ToBeVisibleAsync();
        await browser.ScreenshotAsync("wizard-3-disks");
        await next.ClickAsync();
        await Expect(browser.Page.GetByTestId("wizard-nic-0")).ToBeVisibleAsync();
        await browser.ScreenshotAsync("wizard-4-network");
        await next.ClickAsync();
        await Expect(browser.Page.GetByText("Installation media")).ToBeVisibleAsync();
        await browser.ScreenshotAsync("wizard-5-installation");
        await next.ClickAsync();
        var summary = browser.Page.GetByTestId("wizard-summary");
        await Expect(summary).ToContainTextAsync("web1");
        await Expect(summary).ToContainTextAsync("new 8G qcow2");
        await browser.ScreenshotAsync("wizard-6-summary");
    }

    [Theory]
    [InlineData("serial")]
    [InlineData("vnc")]
    public async Task Console_VmThatDoesNotExist_ShowsWhyItCannotOpen(string kind)
    {
        await using var browser = await SignedInAsync();
        await browser.OpenAsync($"/vms/web1/console/{kind}");
        await Expect(browser.Page.GetByTestId("console-reason")).ToContainTextAsync("no vm named 'web1'");
        await browser.ScreenshotAsync($"console-{kind}");
    }

    [Theory]
    [InlineData("serial")]
    [InlineData("vnc")]
    public async Task Console_NotSignedIn_IsUnauthorized(string kind)
    {
        using var socket = new System.Net.WebSockets.ClientWebSocket();
        var url = new Uri($"{cluster.Url.Replace("http://", "ws://", StringComparison.Ordinal)}/dashboard/console/web1/{kind}");
        var refused = await Assert.ThrowsAsync<System.Net.WebSockets.WebSocketException>(() => socket.ConnectAsync(url, CancellationToken.None));
        Assert.Contains("401", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Console_PlainHttp_IsUnauthorizedNotARedirect()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var response = await http.GetAsync(new Uri($"{cluster.Url}/dashboard/console/web1/serial"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private async Task<BrowserSession> SignedInAsync()
    {
        var browser = await BrowserSession.StartAsync(cluster.Url);
        await browser.SignInAsync(DashboardCluster.AdminToken);
        await browser.WaitForInteractivityAsync();
        return browser;
    }
}
