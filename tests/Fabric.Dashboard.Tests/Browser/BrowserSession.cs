using Fabric.Testing.Processes;
using Microsoft.Playwright;

namespace Fabric.Dashboard.Tests.Browser;

/// <summary>
/// Debian's Chromium, headless, driven by Playwright, with a fresh profile per session. Screenshots
/// go to <c>TestResults/screenshots/</c> at the repository root, next to the test results.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    // Chromium as root needs --no-sandbox; the rest keeps it off the network and quiet.
    private static readonly string[] ChromiumArguments =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];

    private readonly IPlaywright _playwright;
    private readonly IBrowserContext _context;
    private readonly string _profile;

    private BrowserSession(IPlaywright playwright, IBrowserContext context, IPage page, string profile)
    {
        _playwright = playwright;
        _context = context;
        _profile = profile;
        Page = page;
    }

    public IPage Page { get; }

    public static string ScreenshotFolder { get; } = Path.Combine(RepositoryPaths.Root, "TestResults", "screenshots");

    public static async Task<BrowserSession> StartAsync(string baseUrl)
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new FileNotFoundException("Chromium is not installed; run scripts/install.sh (apt-get install chromium).", ChromiumPath);
        }

        var playwright = await Playwright.CreateAsync();
        var profile = Directory.CreateTempSubdirectory("fabric-chromium-").FullName;
        var context = await playwright.Chromium.LaunchPersistentContextAsync(profile, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArguments,
            BaseURL = baseUrl,
            ViewportSize = new ViewportSize { Width = 1400, Height = 900 },
        });
        context.SetDefaultTimeout(20_000);
        var page = context.Pages.Count > 0 ? context.Pages[0] : await context.NewPageAsync();
        return new BrowserSession(playwright, context, page, profile);
    }

    public async Task SignInAsync(string token)
    {
        await Page.GotoAsync("/login");
        await Page.Locator("#token").FillAsync(token);
        await Page.Locator("#sign-in").ClickAsync();
    }

    /// <summary>Waits until the Blazor circuit is up, so clicks reach .NET handlers.</summary>
    public Task WaitForInteractivityAsync() =>
        Page.Locator("[data-interactive=true]").WaitForAsync();

    /// <summary>Goes to a dashboard page and waits for its circuit.</summary>
    public async Task OpenAsync(string path)
    {
        await Page.GotoAsync(path);
        await WaitForInteractivityAsync();
    }

    /// <summary>Picks an option of the MudSelect labelled <paramref name="label"/>: its list opens in a popover outside the field.</summary>
    public async Task ChooseAsync(string label, string option)
    {
        await Page.Locator("div.mud-select[id]").Filter(new() { HasText = label }).ClickAsync();
        await Page.GetByRole(AriaRole.Option).Filter(new() { HasText = option }).ClickAsync();
    }

    public async Task ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, $"{name}.png"), FullPage = true });
    }

    public async ValueTask DisposeAsync()
    {
        await _context.DisposeAsync();
        _playwright.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still hold a lock file for a moment; the folder is in /tmp.
        }
    }
}
