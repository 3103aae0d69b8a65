using System.Diagnostics;
using Fabric.Hypervisor.Qemu;
using Microsoft.Extensions.Logging;

namespace Fabric.Hypervisor.Probing;

/// <summary>
/// Decides whether KVM really runs a guest by booting a kernel under KVM with a deadline: success
/// is kernel output on the serial port. <c>/dev/kvm</c> existing proves nothing (nested kvm-pvm
/// hosts have it, QEMU reports KVM enabled, and guests hang or QEMU aborts).
/// </summary>
public sealed partial class AccelerationProbe(QemuHypervisorOptions options, ILogger<AccelerationProbe> logger, TimeProvider time)
{
    /// <summary>Printed by start_kernel, i.e. after the real-mode setup code where broken KVM hangs.</summary>
    private const string KernelMarker = "Linux version";

    private const string TcgConsequence = "VMs run under TCG with -cpu max (much slower).";

    public async Task<AccelerationProbeResult> ProbeAsync(CancellationToken cancellationToken)
    {
        var result = await DecideAsync(cancellationToken);
        if (result.HardwareAvailable)
        {
            LogKvmAvailable(logger, result.Reason);
        }
        else
        {
            LogKvmUnavailable(logger, result.Reason);
        }

        return result;
    }

    private async Task<AccelerationProbeResult> DecideAsync(CancellationToken cancellationToken)
    {
        switch (options.ForceAccelerator)
        {
            case "tcg":
                return AccelerationProbeResult.Unavailable($"configuration forces TCG (ForceAccelerator=tcg); {TcgConsequence}");
            case "kvm":
                return AccelerationProbeResult.Kvm("configuration forces KVM (ForceAccelerator=kvm); not probed.");
        }

        if (!File.Exists("/dev/kvm"))
        {
            return AccelerationProbeResult.Unavailable($"/dev/kvm is missing: enable VT-x/AMD-V in firmware and load kvm_intel/kvm_amd. {TcgConsequence}");
        }

        var kernel = ProbeKernelLocator.Find(options.ProbeKernelPath);
        if (kernel is null)
        {
            return AccelerationProbeResult.Unavailable(
                $"no kernel to probe KVM with (set ProbeKernelPath, run tests/guest/build.sh, or install a kernel in /boot). {TcgConsequence}");
        }

        return await BootAsync(kernel, cancellationToken);
    }

    private async Task<AccelerationProbeResult> BootAsync(string kernel, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(options.QemuBinary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "-machine", "q35,accel=kvm", "-cpu", "host", "-m", "256", "-nodefaults", "-no-user-config",
            "-display", "none", "-no-reboot", "-serial", "stdio", "-kernel", kernel,
            "-append", "earlyprintk=ttyS0 console=ttyS0 panic=-1",
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var began = time.GetTimestamp();
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.ProbeTimeout);
        try
        {
            while (await process.StandardOutput.ReadLineAsync(deadline.Token) is { } line)
            {
                if (line.Contains(KernelMarker, StringComparison.Ordinal))
                {
                    var seconds = time.GetElapsedTime(began).TotalSeconds;
                    return AccelerationProbeResult.Kvm($"a KVM guest printed kernel output {seconds:0.0} s after start.");
                }
            }

            await process.WaitForExitAsync(cancellationToken);
            return AccelerationProbeResult.Unavailable(
                $"QEMU could not run a KVM guest (exit {process.ExitCode}): {(await stderr).Trim()}. {TcgConsequence}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return AccelerationProbeResult.Unavailable(
                $"/dev/kvm exists and QEMU accepts it, but a KVM guest printed no kernel output within {options.ProbeTimeout.TotalSeconds:0} s " +
                $"(nested or broken KVM, e.g. kvm-pvm). {TcgConsequence}");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
                await process.WaitForExitAsync(CancellationToken.None);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Hardware virtualization available: {Reason}")]
    private static partial void LogKvmAvailable(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hardware virtualization unavailable: {Reason}")]
    private static partial void LogKvmUnavailable(ILogger logger, string reason);
}
