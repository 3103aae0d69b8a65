namespace Fabric.Hypervisor.Qemu.Disks;

/// <summary>Exit code and output of one qemu-img run.</summary>
public sealed record QemuImgResult(int ExitCode, string StandardOutput, string StandardError);
