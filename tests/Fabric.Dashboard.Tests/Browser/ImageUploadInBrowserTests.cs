using Fabric.Dashboard.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Fabric.Dashboard.Tests.Browser;

/// <summary>
/// The Images page's upload: the browser posts the file to <c>POST /api/v1/images</c> with the
/// dashboard's session cookie, and the page shows progress, then the image or the refusal.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class ImageUploadInBrowserTests(DashboardCluster cluster)
{
    private const int IsoLength = 64 * 1024;
    private const int MagicOffset = 0x8001;
    private static readonly TimeSpan HostDeadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Images_UploadIso_ListsItWithItsSize_AndRefusesANonIso()
    {
        await using var browser = await BrowserSession.StartAsync(cluster.Url);
        await browser.SignInAsync(DashboardCluster.AdminToken);
        await browser.WaitForInteractivityAsync();
        await browser.OpenAsync("/");
        await Expect(browser.Page.GetByTestId($"host-card-{DashboardCluster.HostName}"))
            .ToContainTextAsync("Ready", new() { Timeout = (float)HostDeadline.TotalMilliseconds });

        await browser.OpenAsync("/images");
        var page = browser.Page;
        var upload = page.GetByTestId("upload");
        var table = page.GetByTestId("images-table");

        // A unique name: the silo and its pool are shared by the collection's tests.
        var name = $"tiny-{Guid.NewGuid():N}"[..13] + ".iso";
        await ChooseFileAsync(page, upload, name, Iso());
        await Expect(upload).ToContainTextAsync($"{name} (64 KiB)");
        await upload.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();

        await Expect(upload.Locator(".mud-progress-linear")).ToContainTextAsync("100 %");
        await Expect(page.GetByText($"image {name} uploaded")).ToBeVisibleAsync();
        var row = table.Locator("tr").Filter(new() { HasText = name });
        await Expect(row).ToContainTextAsync("64 KiB");
        await Expect(row).ToContainTextAsync("Iso");
        await Expect(page.GetByTestId("problems")).ToHaveCountAsync(0);
        await browser.ScreenshotAsync("images-uploaded");

        var fake = "not-" + name;
        await ChooseFileAsync(page, upload, fake, new byte[IsoLength]);
        await Expect(upload).ToContainTextAsync($"{fake} (64 KiB)");
        await upload.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();

        await Expect(page.GetByTestId("problems")).ToContainTextAsync("not an ISO 9660 image");
        await Expect(table).Not.ToContainTextAsync(fake);
        await browser.ScreenshotAsync("images-upload-refused");
    }

    /// <summary>As an operator does: the Choose file button, then the browser's file chooser.</summary>
    private static async Task ChooseFileAsync(IPage page, ILocator upload, string name, byte[] content)
    {
        var chooser = await page.RunAndWaitForFileChooserAsync(() =>
            upload.GetByRole(AriaRole.Button, new() { Name = "Choose file" }).ClickAsync());
        await chooser.SetFilesAsync(new FilePayload { Name = name, MimeType = "application/octet-stream", Buffer = content });
    }

    /// <summary>The smallest file the silo takes for an ISO: 64 KiB with the ISO 9660 magic <c>CD001</c> at 0x8001.</summary>
    private static byte[] Iso()
    {
        var bytes = new byte[IsoLength];
        bytes[MagicOffset - 1] = 1;
        "CD001"u8.CopyTo(bytes.AsSpan(MagicOffset));
        return bytes;
    }
}
