using System.Globalization;
using Fabric.Cli.Tests.TestSupport;
using Fabric.Cli.Up;

namespace Fabric.Cli.Tests.Up;

public sealed class ChildProcessTests : IDisposable
{
    private readonly TemporaryDirectory _temporary = new();

    [Fact]
    public async Task Start_OutputAndErrors_AppendedToLog()
    {
        var log = _temporary.Combine("child.log");
        using var child = await ChildProcess.StartAsync("talker", "/bin/sh", ["-c", "echo to-stdout; echo to-stderr >&2"], log);

        await child.Exited.WaitAsync(TimeSpan.FromSeconds(10));
        await WaitForAsync(() => LogTail.Read(log).Count >= 3);

        var lines = LogTail.Read(log);
        Assert.StartsWith("--- fabric up: starting talker: /bin/sh -c", lines[0]);
        Assert.Contains("to-stdout", lines);
        Assert.Contains("to-stderr", lines);
    }

    [Fact]
    public async Task Stop_ChildHonoursSigterm_ExitsWithinGracePeriod()
    {
        using var child = await ChildProcess.StartAsync("sleeper", "/bin/sleep", ["600"], _temporary.Combine("sleeper.log"));

        await child.StopAsync(TimeSpan.FromSeconds(10), TimeProvider.System);

        Assert.True(child.Exited.IsCompleted);
        Assert.Equal("exited with code 143", child.DescribeExit());
    }

    [Fact]
    public async Task Stop_ChildIgnoresSigterm_KilledAfterGracePeriod()
    {
        var log = _temporary.Combine("stubborn.log");
        using var child = await ChildProcess.StartAsync("stubborn", "/bin/sh", ["-c", "trap '' TERM; echo trapped; while :; do sleep 1; done"], log);
        await WaitForAsync(() => LogTail.Read(log).Contains("trapped"));

        await child.StopAsync(TimeSpan.FromMilliseconds(300), TimeProvider.System);

        Assert.Equal("exited with code 137", child.DescribeExit());
    }

    [Fact]
    public async Task Start_OnLinux_ChildRunsInItsOwnSessionSoCtrlCReachesOnlyFabric()
    {
        Assert.True(ChildLauncher.DiesWithParent, "util-linux setpriv/setsid are expected on Debian");
        using var child = await ChildProcess.StartAsync("sleeper", "/bin/sleep", ["600"], _temporary.Combine("sleeper.log"));
        try
        {
            // Field 6 of /proc/PID/stat is the session id; setsid makes the child its session's leader.
            await WaitForAsync(() => SessionOf(child.Id) == child.Id);
            Assert.NotEqual(SessionOf(Environment.ProcessId), SessionOf(child.Id));
        }
        finally
        {
            await child.StopAsync(TimeSpan.FromSeconds(10), TimeProvider.System);
        }
    }

    private static int SessionOf(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var afterName = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(afterName[3], CultureInfo.InvariantCulture);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met within 10 s");
            await Task.Delay(20);
        }
    }

    public void Dispose() => _temporary.Dispose();
}
