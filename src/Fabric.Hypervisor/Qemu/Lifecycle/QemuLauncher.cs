using System.Diagnostics;

namespace Fabric.Hypervisor.Qemu.Lifecycle;

/// <summary>
/// Runs QEMU with an argv array (never a shell) and <c>-daemonize</c>: the launched process exits
/// once the VM's sockets listen, leaving the daemon behind as an orphan that outlives the agent.
/// A non-zero exit means QEMU refused the command line; its stderr says why.
/// </summary>
internal sealed class QemuLauncher(string binary, TimeSpan timeout)
{
    public async Task LaunchAsync(IReadOnlyList<string> argv, string vmId, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in argv)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)
            ?? throw new HypervisorException(HypervisorErrorCode.Failed, $"Could not run {binary} for VM '{vmId}'.");
        process.StandardInput.Close();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var stderr = process.StandardError.ReadToEndAsync(deadline.Token);
        var stdout = process.StandardOutput.ReadToEndAsync(deadline.Token);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill();
            throw new HypervisorException(HypervisorErrorCode.Timeout, $"QEMU for VM '{vmId}' did not finish starting within {timeout.TotalSeconds:0} s.");
        }

        if (process.ExitCode != 0)
        {
            var message = ((await stderr) + (await stdout)).Trim();
            throw new HypervisorException(HypervisorErrorCode.Failed,
                $"QEMU refused to start VM '{vmId}' (exit {process.ExitCode}): {message}");
        }
    }
}
