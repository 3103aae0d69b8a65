using System.Text.Json;
using Fabric.Cli.Tests.TestSupport;

namespace Fabric.Cli.Tests.Vms;

public sealed class VmCommandTests : IDisposable
{
    private readonly CliHarness _cli = new() { Time = new FixedTimeProvider(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero)) };

    [Fact]
    public async Task Create_SizesAndFlags_SentAsOneRequest()
    {
        await using var api = SampleApi.Serve(("POST /api/v1/vms", new(201, SampleApi.Vm)));

        var result = await _cli.RunAsync("vm", "create", "web1", "--cpus", "2", "--memory", "1G", "--disk", "2G", "--disk", "512M",
            "--iso", "debian.iso", "--profile", "emulated", "--nic", "br0", "--serial", "2", "--ha", "--start", "--api", api.Url);

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("vm web1 created: 2 CPU, 1 GiB", result.Stdout, StringComparison.Ordinal);
        var request = Assert.Single(api.Requests);
        Assert.Equal("application/json; charset=utf-8", request.ContentType);
        using var body = JsonDocument.Parse(request.BodyText);
        var root = body.RootElement;
        Assert.Equal(("web1", 2, 1024, "Emulated"), (root.GetProperty("name").GetString(), root.GetProperty("vCpus").GetInt32(), root.GetProperty("memoryMiB").GetInt32(), root.GetProperty("profile").GetString()));
        Assert.Equal([2L << 30, 512L << 20], root.GetProperty("disks").EnumerateArray().Select(d => d.GetProperty("sizeBytes").GetInt64()));
        Assert.Equal("br0", root.GetProperty("nics")[0].GetProperty("network").GetString());
        Assert.Equal(("debian.iso", 2, true, true), (root.GetProperty("iso").GetString(), root.GetProperty("serialPorts").GetInt32(), root.GetProperty("haRestart").GetBoolean(), root.GetProperty("start").GetBoolean()));
    }

    [Fact]
    public async Task Create_WithStart_SaysWhichOperationStartsIt()
    {
        var created = SampleApi.Vm.TrimEnd()[..^1] + ",\"operation\":" + SampleApi.Operation("Running", 10, "placing") + "}";
        await using var api = SampleApi.Serve(("POST /api/v1/vms", new(201, created)));

        var result = await _cli.RunAsync("vm", "create", "web1", "--start", "--api", api.Url);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("vm.start vm/web1: operation op1 Running; follow it with `fabric operation show op1`", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_RestartPolicyAndPriority_SentAsTheirApiValues()
    {
        await using var api = SampleApi.Serve(("POST /api/v1/vms", new(201, SampleApi.Vm)));

        var result = await _cli.RunAsync("vm", "create", "web1", "--restart", "on-failure", "--restart-priority", "700", "--api", api.Url);

        Assert.Equal(0, result.ExitCode);
        using var body = JsonDocument.Parse(Assert.Single(api.Requests).BodyText);
        Assert.Equal(("OnFailure", 700), (body.RootElement.GetProperty("restart").GetString(), body.RootElement.GetProperty("restartPriority").GetInt32()));
    }

    [Fact]
    public async Task Create_UnknownRestartPolicy_UsageExit2ListingThePolicies()
    {
        await using var api = SampleApi.Serve();

        var result = await _cli.RunAsync("vm", "create", "web1", "--restart", "sometimes", "--api", api.Url);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("on-failure", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(api.Requests);
    }

    [Theory]
    [InlineData("--memory", "lots")]
    [InlineData("--memory", "-1G")]
    [InlineData("--memory", "0")]
    [InlineData("--disk", "2X")]
    [InlineData("--disk", "")]
    public async Task Create_BadSize_UsageExit2NamingTheOptionWithoutCallingTheApi(string option, string value)
    {
        await using var api = SampleApi.Serve();

        var result = await _cli.RunAsync("vm", "create", "web1", option, value, "--api", api.Url);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{option}: '{value}' is not a size", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(api.Requests);
    }

    [Fact]
    public async Task Create_ApiRefuses_PrintsFieldMessageLinesExit1()
    {
        await using var api = SampleApi.Serve(("POST /api/v1/vms", new(400, SampleApi.Problem(400, ("name", "VM name 'Web' is not a DNS label"), ("vcpus", "0 vCPUs asked")), "application/problem+json")));

        var result = await _cli.RunAsync("vm", "create", "Web", "--cpus", "0", "--api", api.Url);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["name: VM name 'Web' is not a DNS label", "vcpus: 0 vCPUs asked"], result.Stderr.Trim().Split(Environment.NewLine));
    }

    [Fact]
    public async Task Start_WaitsForTheOperation_PlainProgressLinesThenDone()
    {
        await using var api = SampleApi.Serve(
            ("POST /api/v1/vms/web1/start", new(202, SampleApi.Operation("Running", 10, "placing"))),
            ("/api/v1/operations/op1", new(200, SampleApi.Operation("Succeeded", 100, "running on node1"))));

        var result = await _cli.RunAsync("vm", "start", "web1", "--api", api.Url);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["10% vm.start vm/web1: placing", "vm.start vm/web1: done: running on node1"], result.Stdout.Trim().Split(Environment.NewLine));
        Assert.Equal(["/api/v1/vms/web1/start", "/api/v1/operations/op1"], api.RequestedPaths);
    }

    [Fact]
    public async Task Start_OnATerminal_RedrawsOneLine()
    {
        _cli.StdoutIsTerminal = true;
        await using var api = SampleApi.Serve(
            ("POST /api/v1/vms/web1/start", new(202, SampleApi.Operation("Running", 50, "booting"))),
            ("/api/v1/operations/op1", new(200, SampleApi.Operation("Succeeded", 100))));

        var result = await _cli.RunAsync("vm", "start", "web1", "--api", api.Url);

        Assert.StartsWith("\r[###############...............]  50% vm.start vm/web1: booting", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shutdown_OperationFails_MessageOnStderrExit1()
    {
        await using var api = SampleApi.Serve(
            ("POST /api/v1/vms/web1/shutdown", new(202, SampleApi.Operation("Failed", 100, "the guest ignored ACPI"))));

        var result = await _cli.RunAsync("vm", "shutdown", "web1", "--timeout", "60", "--api", api.Url);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("failed: the guest ignored ACPI", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("""{"timeoutSeconds":60}""", Assert.Single(api.Requests).BodyText);
    }

    [Fact]
    public async Task Stop_NoWait_PrintsTheOperationIdWithoutPolling()
    {
        await using var api = SampleApi.Serve(("POST /api/v1/vms/web1/stop", new(202, SampleApi.Operation("Running"))));

        var result = await _cli.RunAsync("vm", "stop", "web1", "--no-wait", "--api", api.Url);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("operation op1", result.Stdout, StringComparison.Ordinal);
        Assert.Single(api.Requests);
    }

    [Fact]
    public async Task Show_PrintsDesiredObservedHostGuestDisksNicsEvents()
    {
        await using var api = SampleApi.Serve(("/api/v1/vms/web1", new(200, SampleApi.Vm)));

        var result = await _cli.RunAsync("vm", "show", "web1", "--api", api.Url);

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"(?m)^State: +Running \(desired Running\)$", result.Stdout);
        Assert.Matches(@"(?m)^Host: +node1 \(epoch 3\)$", result.Stdout);
        Assert.Matches(@"(?m)^Guest IPs: +10\.0\.2\.15$", result.Stdout);
        Assert.Contains("  web1-disk0 (Virtio)", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("  net0  user  Virtio  52:54:00:12:34:56", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("started on node1", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_PendingVm_SaysWhyNoHostCanTakeIt()
    {
        var pending = SampleApi.Vm
            .Replace("\"observed\":\"Running\",\"observedDetail\":\"\"", "\"observed\":\"Pending\",\"observedDetail\":\"cannot place VM 'web1' (2 vCPUs, 1024 MiB): no host fits: node1: 512 MiB free, 1024 MiB needed\"", StringComparison.Ordinal)
            .Replace("\"host\":\"node1\"", "\"host\":null", StringComparison.Ordinal);
        await using var api = SampleApi.Serve(("/api/v1/vms/web1", new(200, pending)));

        var result = await _cli.RunAsync("vm", "show", "web1", "--api", api.Url);

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"(?m)^State: +Pending \(desired Running\): cannot place VM 'web1' \(2 vCPUs, 1024 MiB\): no host fits: node1: 512 MiB free, 1024 MiB needed$", result.Stdout);
    }

    [Fact]
    public async Task Show_Missing_PrintsTheApiProblemExit1()
    {
        await using var api = SampleApi.Serve(("/api/v1/vms/ghost", new(404, SampleApi.Problem(404, ("vm", "no vm named 'ghost'")), "application/problem+json")));

        var result = await _cli.RunAsync("vm", "show", "ghost", "--api", api.Url);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("vm: no vm named 'ghost'", result.Stderr.Trim());
    }

    [Fact]
    public async Task List_Json_PrintsEveryVmAsOneArray()
    {
        await using var api = SampleApi.Serve(("/api/v1/vms", new(200, $$"""{"items":[{{SampleApi.Vm}}],"continue":null}""")));

        var result = await _cli.RunAsync("vm", "list", "--json", "--api", api.Url);

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal("web1", json.RootElement[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task List_SeveralPages_FollowsTheContinueTokenToTheLastPage()
    {
        var second = SampleApi.Vm.Replace("\"web1\"", "\"web2\"", StringComparison.Ordinal);
        await using var api = SampleApi.Serve(
            ("/api/v1/vms", new(200, $$"""{"items":[{{SampleApi.Vm}}],"continue":"web1"}""")),
            ("/api/v1/vms?continue=web1", new(200, $$"""{"items":[{{second}}],"continue":null}""")));

        var result = await _cli.RunAsync("vm", "list", "--json", "--api", api.Url);

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(["web1", "web2"], json.RootElement.EnumerateArray().Select(v => v.GetProperty("name").GetString()));
        Assert.Equal(["/api/v1/vms", "/api/v1/vms?continue=web1"], api.RequestedPaths);
    }

    [Fact]
    public async Task Exec_PrintsGuestOutputAndExitsWithItsCode()
    {
        await using var api = SampleApi.Serve(("POST /api/v1/vms/web1/exec", new(200, """{"exitCode":3,"standardOutput":"out\n","standardError":"err\n"}""")));

        var result = await _cli.RunAsync("vm", "exec", "web1", "--api", api.Url, "--", "sh", "-c", "exit 3");

        Assert.Equal(3, result.ExitCode);
        Assert.Equal(("out\n", "err\n"), (result.Stdout, result.Stderr));
        Assert.Equal("""{"command":["sh","-c","exit 3"],"timeoutSeconds":30}""", Assert.Single(api.Requests).BodyText);
    }

    [Theory]
    [InlineData(new[] { "add-scsi", "web1" }, "\"addScsiController\":true")]
    [InlineData(new[] { "remove-nic", "web1", "net1" }, "\"removeNic\":\"net1\"")]
    [InlineData(new[] { "insert-iso", "web1", "debian.iso" }, "\"insertIso\":\"debian.iso\"")]
    [InlineData(new[] { "set", "web1", "--memory", "2G" }, "\"memoryMiB\":2048")]
    [InlineData(new[] { "add-nic", "web1", "--network", "br0", "--model", "e1000" }, "\"addNic\":{\"network\":\"br0\",\"model\":\"E1000\"")]
    public async Task HardwareCommands_PatchTheChange(string[] args, string expectedJson)
    {
        await using var api = SampleApi.Serve(("PATCH /api/v1/vms/web1/hardware", new(200, SampleApi.Vm)));

        var result = await _cli.RunAsync([.. new[] { "vm" }, .. args, "--api", api.Url]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(expectedJson, Assert.Single(api.Requests).BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Set_NothingToChange_UsageExit2()
    {
        var result = await _cli.RunAsync("vm", "set", "web1");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("give at least one of --cpus, --memory, --profile", result.Stderr, StringComparison.Ordinal);
    }

    public void Dispose() => _cli.Dispose();
}
