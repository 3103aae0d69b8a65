using System.Text.Json;
using Fabric.Integration.Tests.Infrastructure;
using Fabric.Testing.Guest;
using Fabric.Testing.Waiting;

namespace Fabric.Integration.Tests.Cli;

/// <summary>The same first day, typed at the <c>fabric</c> CLI against the REST API, on real QEMU.</summary>
[Collection(ProcessCollection.Name)]
public sealed class CliLifecycleTests(QemuClusterFixture fixture)
{
    private ClusterUnderTest Cluster => fixture.Cluster;

    [Fact]
    public async Task HostList_Json_ShowsTheHostReadyInCamelCase()
    {
        var output = await CliRun.OkAsync(Cluster, "host", "list", "--json");

        using var json = JsonDocument.Parse(output);
        var host = json.RootElement.EnumerateArray().Single(h => h.GetProperty("name").GetString() == QemuClusterFixture.Host);
        Assert.Equal("Ready", host.GetProperty("state").GetString());
        Assert.Equal("qemu", host.GetProperty("capabilities").GetProperty("hypervisorDriver").GetString());
        Assert.False(string.IsNullOrEmpty(host.GetProperty("capabilities").GetProperty("hardwareVirtualization").GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task Vm_FromUploadedIso_CreateStartGrowScsiSerialExecShutdown()
    {
        await CliRun.OkAsync(Cluster, "image", "add", TestGuest.InstallIso, "--name", "cli-install.iso");
        Assert.Contains("cli-install.iso", await CliRun.OkAsync(Cluster, "image", "list"), StringComparison.Ordinal);
        await CliRun.OkAsync(Cluster, "vm", "create", "cli1", "--cpus", "1", "--memory", "256M", "--disk", "64M", "--iso", "cli-install.iso",
            "--profile", "paravirtual", "--nic", "user");
        await CliRun.OkAsync(Cluster, "vm", "start", "cli1");
        var shown = await Eventually.MatchAsync(() => CliRun.OkAsync(Cluster, "vm", "show", "cli1", "--json"),
            o => JsonDocument.Parse(o).RootElement.TryGetProperty("guest", out var g) && g.ValueKind == JsonValueKind.Object
                 && g.GetProperty("ipAddresses").GetArrayLength() > 0,
            TimeSpan.FromMinutes(4), "vm show to report the guest OS and its address");
        Assert.Contains("10.0.2.15", shown, StringComparison.Ordinal);

        await CliRun.OkAsync(Cluster, "disk", "grow", "cli1-disk0", "128M");
        Assert.Equal("262144", (await CliRun.OkAsync(Cluster, "vm", "exec", "cli1", "--", "/bin/cat", "/sys/block/vda/size")).Trim());

        await CliRun.OkAsync(Cluster, "vm", "add-scsi", "cli1");
        await CliRun.OkAsync(Cluster, "disk", "create", "cli1-data", "--size", "32M");
        await CliRun.OkAsync(Cluster, "disk", "attach", "cli1-data", "cli1", "--bus", "scsi");
        await Eventually.MatchAsync(() => CliRun.OkAsync(Cluster, "vm", "exec", "cli1", "--", "/bin/cat", "/proc/partitions"),
            o => o.Contains("sda", StringComparison.Ordinal), TimeSpan.FromMinutes(1), "the guest to see the SCSI disk");
        await CliRun.OkAsync(Cluster, "vm", "add-serial", "cli1");

        var (deleteAttached, why) = await CliRun.RunAsync(Cluster, "disk", "delete", "cli1-data");
        Assert.NotEqual(0, deleteAttached);
        Assert.Contains("detach it first", why, StringComparison.Ordinal);

        await CliRun.OkAsync(Cluster, "vm", "shutdown", "cli1", "--timeout", "60");
        using var stopped = JsonDocument.Parse(await CliRun.OkAsync(Cluster, "vm", "show", "cli1", "--json"));
        Assert.Equal("Stopped", stopped.RootElement.GetProperty("observed").GetString());
        Assert.Equal(2, stopped.RootElement.GetProperty("hardware").GetProperty("serialPorts").GetInt32());
    }

    [Theory]
    [InlineData("vm create Bad_Name --memory 512M", "name")]
    [InlineData("vm create cli-zero --memory 0", "memory")]
    [InlineData("vm create cli-huge --disk 900P", "disk")]
    [InlineData("vm create cli-noiso --iso nosuch.iso", "iso")]
    [InlineData("vm start nosuchvm", "nosuchvm")]
    [InlineData("disk attach nosuchdisk nosuchvm", "nosuch")]
    [InlineData("image add /etc/passwd --name passwd.iso --kind iso", "ISO")]
    public async Task BadInput_ExitsNonZeroNamingTheProblem_AndLeavesNothing(string command, string named)
    {
        var (exitCode, output) = await CliRun.RunAsync(Cluster, command.Split(' '));

        Assert.NotEqual(0, exitCode);
        Assert.Contains(named, output, StringComparison.OrdinalIgnoreCase);
        var vms = await CliRun.OkAsync(Cluster, "vm", "list", "--json");
        Assert.DoesNotContain("cli-zero", vms, StringComparison.Ordinal);
        Assert.DoesNotContain("cli-huge", vms, StringComparison.Ordinal);
        Assert.DoesNotContain("cli-noiso", vms, StringComparison.Ordinal);
        Assert.DoesNotContain("passwd.iso", await CliRun.OkAsync(Cluster, "image", "list", "--json"), StringComparison.Ordinal);
    }
}
