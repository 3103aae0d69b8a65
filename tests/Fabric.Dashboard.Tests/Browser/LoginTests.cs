using Fabric.Dashboard.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Fabric.Dashboard.Tests.Browser;

[Collection(DashboardCollection.Name)]
public sealed class LoginTests(DashboardCluster cluster)
{
    [Fact]
    public async Task Dashboard_NotSignedIn_RedirectsToLogin()
    {
        await using var browser = await BrowserSession.StartAsync(cluster.Url);
        await browser.Page.GotoAsync("/vms");
        await Expect(browser.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login\\?ReturnUrl=%2Fvms$"));
    }

    [Fact]
    public async Task SignIn_WrongToken_IsRefusedWithMessage()
    {
        await using var browser = await BrowserSession.StartAsync(cluster.Url);
        await browser.SignInAsync("not-the-token");
        await Expect(browser.Page.Locator("#login-error")).ToContainTextAsync("wrong token");
        await Expect(browser.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login"));
        await browser.ScreenshotAsync("login-refused");
    }

    [Fact]
    public async Task SignIn_RightToken_LandsOnOverview()
    {
        await using var browser = await BrowserSession.StartAsync(cluster.Url);
        await browser.SignInAsync(DashboardCluster.AdminToken);
        await browser.WaitForInteractivityAsync();
        await Expect(browser.Page.GetByRole(AriaRole.Heading, new() { Name = "Cluster overview" })).ToBeVisibleAsync();
        Assert.EndsWith("/", browser.Page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        await using var browser = await BrowserSession.StartAsync(cluster.Url);
        await browser.SignInAsync(DashboardCluster.AdminToken);
        await browser.WaitForInteractivityAsync();
        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(browser.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login"));
        await browser.Page.GotoAsync("/");
        await Expect(browser.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login"));
    }
}
