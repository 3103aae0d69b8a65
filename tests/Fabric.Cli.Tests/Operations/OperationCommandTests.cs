using Fabric.Cli.Output;
using Fabric.Cli.Tests.TestSupport;

namespace Fabric.Cli.Tests.Operations;

public sealed class OperationCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    [Fact]
    public async Task Show_PrintsStateAndProgress()
    {
        await using var api = SampleApi.Serve(("/api/v1/operations/op1", new(200, SampleApi.Operation("Running", 40, "copying"))));

        var result = await _cli.RunAsync("operation", "show", "op1", "--api", api.Url);

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"(?m)^State: +Running \(40%\)$", result.Stdout);
    }

    [Fact]
    public void ProgressBar_Plain_OneLinePerChange()
    {
        using var output = new StringWriter();
        var bar = new ProgressBar(output, terminal: false);

        bar.Report(10, "a");
        bar.Report(10, "a");
        bar.Report(20, "b");
        bar.Finish();

        Assert.Equal(["10% a", "20% b"], output.ToString().Trim().Split(Environment.NewLine));
    }

    [Fact]
    public void ProgressBar_Terminal_RedrawsInPlaceAndEndsTheLine()
    {
        using var output = new StringWriter();
        var bar = new ProgressBar(output, terminal: true);

        bar.Report(0, "long message");
        bar.Report(100, "ok");
        bar.Finish();

        var text = output.ToString();
        Assert.Equal(2, text.Count(c => c == '\r'));
        Assert.Single(text.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.EndsWith($"100% ok{new string(' ', "long message".Length - 2)}{Environment.NewLine}", text, StringComparison.Ordinal);
    }

    public void Dispose() => _cli.Dispose();
}
