using Fabric.Cli.Tests.TestSupport;

namespace Fabric.Cli.Tests.Images;

public sealed class ImageCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    [Fact]
    public async Task Add_UploadsTheRawFileNamedAfterItLowercased()
    {
        var file = _cli.Temporary("Debian.ISO");
        var content = new byte[200_000];
        Random.Shared.NextBytes(content);
        await File.WriteAllBytesAsync(file, content);
        await using var api = SampleApi.Serve(("POST /api/v1/images?name=debian.iso&kind=iso", new(201, SampleApi.Image)));

        var result = await _cli.RunAsync("image", "add", file, "--api", api.Url);

        Assert.Equal(0, result.ExitCode);
        var request = Assert.Single(api.Requests);
        Assert.Equal("application/octet-stream", request.ContentType);
        Assert.Equal(content, request.Body);
        Assert.EndsWith("image debian.iso added: Iso, raw, 4 MiB in pool local", result.Stdout.Trim(), StringComparison.Ordinal);
        Assert.Contains("100% uploading Debian.ISO", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_DiskWithChosenNameWithoutExtension_SendsTheFilesFormat()
    {
        var file = _cli.Temporary("win.vhdx");
        await File.WriteAllBytesAsync(file, new byte[10]);
        await using var api = SampleApi.Serve(("POST /api/v1/images?name=win-template&kind=disk&format=vhdx", new(201, SampleApi.Image)));

        var result = await _cli.RunAsync("image", "add", file, "--name", "win-template", "--api", api.Url);

        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public async Task Add_MissingFile_Exit1NamingIt()
    {
        await using var api = SampleApi.Serve();

        var result = await _cli.RunAsync("image", "add", _cli.Temporary("nope.iso"), "--api", api.Url);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"cannot read {_cli.Temporary("nope.iso")}", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(api.Requests);
    }

    [Fact]
    public async Task Add_Refused_PrintsTheProblem()
    {
        var file = _cli.Temporary("fake.iso");
        await File.WriteAllBytesAsync(file, new byte[10]);
        await using var api = SampleApi.Serve(("POST /api/v1/images?name=fake.iso&kind=iso", new(400, SampleApi.Problem(400, ("file", "the file is not an ISO 9660 image")), "application/problem+json")));

        var result = await _cli.RunAsync("image", "add", file, "--api", api.Url);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("file: the file is not an ISO 9660 image", result.Stderr.Trim());
    }

    [Fact]
    public async Task Add_UnknownKind_UsageExit2()
    {
        var result = await _cli.RunAsync("image", "add", "x.iso", "--kind", "floppy");

        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public async Task List_Table()
    {
        await using var api = SampleApi.Serve(("/api/v1/images", new(200, $"[{SampleApi.Image}]")));

        var result = await _cli.RunAsync("image", "list", "--api", api.Url);

        Assert.Matches(@"(?m)^debian\.iso +iso +raw +4 MiB +local +-$", result.Stdout);
    }

    public void Dispose() => _cli.Dispose();
}
