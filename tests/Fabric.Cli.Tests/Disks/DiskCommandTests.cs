using Fabric.Cli.Tests.TestSupport;

namespace Fabric.Cli.Tests.Disks;

public sealed class DiskCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    [Fact]
    public async Task Grow_DetachedDisk_200PrintsTheDisk()
    {
        await using var api = SampleApi.Serve(("POST /api/v1/disks/d1/grow", new(200, SampleApi.Disk)));

        var result = await _cli.RunAsync("disk", "grow", "d1", "4G", "--api", api.Url);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("disk d1 grown: 4 GiB qcow2 in pool local", result.Stdout.Trim());
        Assert.Equal("""{"sizeBytes":4294967296}""", Assert.Single(api.Requests).BodyText);
    }

    [Fact]
    public async Task Grow_AttachedDisk_202WaitsForTheVmsOperation()
    {
        await using var api = SampleApi.Serve(
            ("POST /api/v1/disks/d2/grow", new(202, SampleApi.Operation("Running", 0, "resizing"))),
            ("/api/v1/operations/op1", new(200, SampleApi.Operation("Succeeded", 100, "the guest sees 4 GiB"))));

        var result = await _cli.RunAsync("disk", "grow", "d2", "4G", "--api", api.Url);

        Assert.Equal(0, result.ExitCode);
        Assert.EndsWith("done: the guest sees 4 GiB", result.Stdout.Trim(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("4X")]
    [InlineData("0")]
    [InlineData("-2G")]
    [InlineData("big")]
    public async Task Grow_BadSize_UsageExit2(string size)
    {
        await using var api = SampleApi.Serve();

        var result = await _cli.RunAsync("disk", "grow", "d1", size, "--api", api.Url);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"SIZE: '{size}' is not a size", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(api.Requests);
    }

    [Theory]
    [InlineData()]
    [InlineData("--size", "1G", "--clone-of", "tmpl")]
    public async Task Create_NotExactlyOneSource_UsageExit2(params string[] sources)
    {
        var result = await _cli.RunAsync(["disk", "create", "d1", .. sources]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("exactly one of --size, --clone-of, --from-image", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_SendsTheRequest()
    {
        await using var api = SampleApi.Serve(("POST /api/v1/disks", new(201, SampleApi.Disk)));

        var result = await _cli.RunAsync("disk", "create", "d1", "--size", "4G", "--format", "vhdx", "--pool", "local", "--api", api.Url);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("""{"name":"d1","sizeBytes":4294967296,"format":"vhdx","pool":"local"}""", Assert.Single(api.Requests).BodyText);
    }

    [Fact]
    public async Task Detach_AttachedDisk_DeletesFromItsVm()
    {
        await using var api = SampleApi.Serve(("/api/v1/disks/d2", new(200, SampleApi.AttachedDisk)), ("DELETE /api/v1/vms/web1/disks/d2", new(200, SampleApi.Vm)));

        var result = await _cli.RunAsync("disk", "detach", "d2", "--api", api.Url);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["GET /api/v1/disks/d2", "DELETE /api/v1/vms/web1/disks/d2"], api.Requests.Select(r => $"{r.Method} {r.Path}"));
    }

    [Fact]
    public async Task Detach_NotAttached_Exit1()
    {
        await using var api = SampleApi.Serve(("/api/v1/disks/d1", new(200, SampleApi.Disk)));

        var result = await _cli.RunAsync("disk", "detach", "d1", "--api", api.Url);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("disk d1 is not attached to any VM", result.Stderr.Trim());
    }

    [Fact]
    public async Task Snapshots_ListsNames()
    {
        await using var api = SampleApi.Serve(("/api/v1/disks/d1", new(200, SampleApi.Disk)));

        var result = await _cli.RunAsync("disk", "snapshots", "d1", "--api", api.Url);

        Assert.Equal("before-upgrade", result.Stdout.Trim());
    }

    [Fact]
    public async Task Revert_PostsToTheSnapshot()
    {
        await using var api = SampleApi.Serve(("POST /api/v1/disks/d1/snapshots/before-upgrade/revert", new(200, SampleApi.Disk)));

        var result = await _cli.RunAsync("disk", "revert", "d1", "before-upgrade", "--api", api.Url);

        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public async Task List_Table()
    {
        await using var api = SampleApi.Serve(("/api/v1/disks", new(200, $"[{SampleApi.Disk},{SampleApi.AttachedDisk}]")));

        var result = await _cli.RunAsync("disk", "list", "--api", api.Url);

        Assert.Matches(@"(?m)^d2 +2 GiB +192 KiB +qcow2 +local +web1 +0$", result.Stdout);
    }

    public void Dispose() => _cli.Dispose();
}
