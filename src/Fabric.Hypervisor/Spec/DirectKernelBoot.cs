namespace Fabric.Hypervisor;

/// <summary>Boot a Linux kernel straight from host files, skipping firmware boot devices.</summary>
/// <param name="KernelPath">Absolute path of the kernel image.</param>
/// <param name="InitrdPath">Absolute path of the initramfs, or null.</param>
/// <param name="CommandLine">Kernel command line, e.g. <c>console=ttyS0</c>.</param>
public sealed record DirectKernelBoot(string KernelPath, string? InitrdPath, string? CommandLine);
