using Fabric.Contracts.Images;
using Fabric.Dashboard.Tests.Infrastructure;
using Fabric.Testing.Guest;
using Fabric.Testing.Processes;
using Fabric.Testing.Waiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Playwright;
using Orleans.Configuration;
using static Microsoft.Playwright.Assertions;

namespace Fabric.Dashboard.Tests.Browser;

/// <summary>The operator's path in the browser on real QEMU: wizard → VM Running → serial console shows the boot marker.</summary>
public sealed class VmLifecycleInBrowserTests
{
    private static readonly TimeSpan Boot = TimeSpan.FromMinutes(4);

    [QemuE2EFact]
    public async Task Wizard_InstallerIso_VmRunsAndSerialConsoleShowsBootMarker()
    {
        var directory = Directory.CreateTempSubdirectory("fabric-dashboard-e2e-").FullName;
        var url = $"http://127.0.0.1:{FreePort.Next()}";
        var gateway = FreePort.Next();
        var agentData = Path.Combine(directory, "agent");
        await using var silo = ChildProcess.StartDotnet(RepositoryPaths.SiloDll,
            ["--in-memory", "--urls", url, $"--Fabric:AdminTokenFile={DashboardCluster.WriteTokenFile(directory)}", $"--Fabric:SiloPort={FreePort.Next()}", $"--Fabric:GatewayPort={gateway}"],
            Path.Combine(directory, "silo.log"));
        await using var agent = ChildProcess.StartDotnet(RepositoryPaths.AgentDll,
            ["--Fabric:Driver=qemu", "--Fabric:InMemory=true", $"--Fabric:GatewayPort={gateway}", "--Fabric:HostName=e2e", $"--Fabric:DataDir={agentData}"],
            Path.Combine(directory, "agent.log"));
        try
        {
            await RegisterInstallerIsoAsync(gateway, Path.Combine(agentData, "pools", "local"));
            await using var browser = await BrowserSession.StartAsync(url);
            await browser.SignInAsync(DashboardCluster.AdminToken);
            await browser.OpenAsync("/vms/new");
            var next = browser.Page.GetByRole(AriaRole.Button, new() { Name = "Next" });
            await browser.Page.Locator("#vm-name").FillAsync("e2e1");
            await next.ClickAsync();
            await browser.Page.Locator("#vm-memory").FillAsync("256");
            await next.ClickAsync();
            await browser.Page.GetByLabel("Size").FillAsync("64M");
            await next.ClickAsync();
            await next.ClickAsync();
            await browser.Page.GetByText("Installation media").ClickAsync();
            await browser.Page.GetByText("test-install.iso").ClickAsync();
            await browser.Page.GetByText("Start the VM after it is created").ClickAsync();
            await next.ClickAsync();
            await browser.Page.Locator("#create-vm").ClickAsync();

            await Expect(browser.Page.GetByText("Running").First).ToBeVisibleAsync(new() { Timeout = (float)Boot.TotalMilliseconds });
            await browser.ScreenshotAsync("e2e-vm-running");
            await browser.OpenAsync("/vms/e2e1/console/serial");
            await Expect(browser.Page.GetByTestId("console")).ToContainTextAsync(TestGuest.ReadyMarker, new() { Timeout = (float)Boot.TotalMilliseconds });
            await browser.ScreenshotAsync("e2e-serial-console");
        }
        finally
        {
            VmProcesses.KillAll(agentData);
        }
    }

    /// <summary>Puts the test guest's installer ISO in the agent's pool and the image library, as an upload would.</summary>
    private static async Task RegisterInstallerIsoAsync(int gateway, string pool)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.UseOrleansClient(c => c.UseLocalhostClustering(gateway).Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = ("fabric", "fabric")));
        using var host = builder.Build();
        await Eventually.MatchAsync(async () => { await host.StartAsync(); return true; }, ok => ok, TimeSpan.FromSeconds(90), "a client connection to the silo");
        var images = Path.Combine(pool, "images");
        Directory.CreateDirectory(images);
        File.Copy(TestGuest.InstallIso, Path.Combine(images, "test-install.iso"), overwrite: true);
        await host.Services.GetRequiredService<IClusterClient>().GetGrain<IImageLibraryGrain>(IImageLibraryGrain.Key).Add(new ImageInfo
        {
            Name = "test-install.iso", Kind = ImageKind.Iso, Pool = "local", Path = "images/test-install.iso", Format = "raw",
            SizeBytes = new FileInfo(TestGuest.InstallIso).Length, AddedAt = DateTimeOffset.UtcNow,
        });
        await host.StopAsync();
    }
}
