using System.Diagnostics;

namespace Fabric.Hypervisor.Qemu.Disks;

/// <summary>Runs qemu-img with an argv array and a deadline; turns failures into actionable errors.</summary>
public sealed class QemuImgRunner(string binary, TimeSpan timeout)
{
    /// <summary>Runs qemu-img; exit codes in <paramref name="acceptedExitCodes"/> (besides 0) are results, not failures.</summary>
    public async Task<QemuImgResult> RunAsync(IReadOnlyList<string> arguments, string target, CancellationToken cancellationToken, params int[] acceptedExitCodes)
    {
        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new HypervisorException(HypervisorErrorCode.Failed, $"Could not start {binary}.");
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var stdout = process.StandardOutput.ReadToEndAsync(deadline.Token);
        var stderr = process.StandardError.ReadToEndAsync(deadline.Token);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            throw new HypervisorException(HypervisorErrorCode.Timeout, $"qemu-img {arguments[0]} on '{target}' did not finish within {timeout}.");
        }

        var result = new QemuImgResult(process.ExitCode, await stdout, await stderr);
        if (result.ExitCode != 0 && !acceptedExitCodes.Contains(result.ExitCode))
        {
            throw Failure(arguments[0], target, result.StandardError.Trim());
        }

        return result;
    }

    private static HypervisorException Failure(string verb, string target, string error)
    {
        if (error.Contains("lock", StringComparison.OrdinalIgnoreCase))
        {
            return new HypervisorException(HypervisorErrorCode.Failed,
                $"qemu-img {verb} could not lock '{target}': a running VM uses it. Stop the VM first (or use live operations). qemu-img said: {error}");
        }

        return new HypervisorException(HypervisorErrorCode.Failed, $"qemu-img {verb} failed on '{target}': {error}");
    }
}
