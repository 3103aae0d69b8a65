using System.Net.Http.Json;
using Fabric.Contracts.Operations;
using Fabric.Contracts.Vms;
using Fabric.Integration.Tests.Infrastructure;
using Fabric.Testing.Processes;
using Fabric.Testing.Waiting;

namespace Fabric.Integration.Tests.Cli;

/// <summary>
/// What happens to running VMs (real QEMU) when <c>fabric up</c> stops: an in-memory cluster, which forgets
/// them, stops them; a persistent one leaves them running, says so, and adopts them again at the next start.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class FabricUpLeftoverVmTests : IDisposable
{
    private static readonly TimeSpan VmDeadline = TimeSpan.FromMinutes(3);
    private readonly string _directory = Directory.CreateTempSubdirectory("fabric-it-up-vms-").FullName;

    [Fact]
    public async Task InMemory_Stop_StopsItsRunningVmsSoNoQemuIsLeftBehind()
    {
        await using var up = UpRun.Start(_directory, "--in-memory", "--driver", "qemu");
        await up.WaitForBannerAsync();
        await using (var client = await ClusterClientConnection.ConnectWithFileAsync(up.ClientFile))
        {
            // An in-memory cluster has no Redis: its client file names the silo's gateway, and that is enough to connect.
            Assert.Single(await client.Fabric.Hosts.ListAsync());
        }

        using var http = await up.ApiAsync();
        await CreateRunningAsync(http, "orphan1");
        var qemu = Assert.Single(QemuPids(up));

        Assert.Equal(0, await up.StopAsync());

        Assert.False(IsAlive(qemu), $"QEMU pid {qemu} of VM orphan1 still runs after the in-memory cluster stopped:\n{up.Output}");
        Assert.Contains("stopping 1 VM (orphan1 on", up.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Persistent_Stop_LeavesVmsRunningSaysWhich_AndTheNextUpAdoptsThem()
    {
        int qemu;
        await using (var first = UpRun.Start(_directory, "--driver", "qemu"))
        {
            await first.WaitForBannerAsync();
            using var http = await first.ApiAsync();
            await CreateRunningAsync(http, "keep1");
            qemu = Assert.Single(QemuPids(first));

            Assert.Equal(0, await first.StopAsync());

            Assert.True(IsAlive(qemu), $"QEMU pid {qemu} of VM keep1 stopped with the persistent cluster:\n{first.Output}");
            Assert.Contains($"left running: 1 VM (keep1 on", first.Output, StringComparison.Ordinal);
            Assert.Contains("adopts them again", first.Output, StringComparison.Ordinal);
        }

        await using var second = UpRun.Start(_directory, "--driver", "qemu");
        await second.WaitForBannerAsync();
        using var api = await second.ApiAsync();
        var vm = await Eventually.MatchAsync(() => api.GetFromJsonAsync<VmInfo>("/api/v1/vms/keep1", ClusterUnderTest.Json), v => v?.Observed == VmStatus.Running,
            VmDeadline, "the next fabric up to adopt keep1 as Running");
        Assert.NotNull(vm);
        Assert.Equal([qemu], QemuPids(second));
        Assert.Equal(0, await second.StopAsync());
    }

    public void Dispose()
    {
        VmProcesses.KillAll(Path.Combine(_directory, "data"));
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>Creates a diskless emulated VM with start (QEMU runs its firmware; an emulated VM is Running without a guest agent) and waits on the returned operation.</summary>
    private static async Task CreateRunningAsync(HttpClient http, string name)
    {
        var response = await http.PostAsJsonAsync("/api/v1/vms", new CreateVmRequest { Name = name, MemoryMiB = 256, Profile = DeviceProfile.Emulated, Start = true }, ClusterUnderTest.Json);
        Assert.True(response.IsSuccessStatusCode, $"creating {name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var created = (await response.Content.ReadFromJsonAsync<VmInfo>(ClusterUnderTest.Json))!;
        var operation = Assert.IsType<OperationInfo>(created.Operation);
        var done = await Eventually.MatchAsync(() => http.GetFromJsonAsync<OperationInfo>($"/api/v1/operations/{operation.Id}", ClusterUnderTest.Json),
            o => o?.State != OperationState.Running, VmDeadline, $"the start of {name} to finish");
        Assert.Equal(OperationState.Succeeded, done!.State);
    }

    private static List<int> QemuPids(UpRun up) => [.. VmProcesses.Find(up.DataDirectory)];

    private static bool IsAlive(int pid) => File.Exists($"/proc/{pid}/cmdline") && File.ReadAllText($"/proc/{pid}/cmdline").Length > 0;
}
