namespace Fabric.Hypervisor;

/// <summary>Exit code and output of a program run in the guest.</summary>
public sealed record GuestExecResult(int ExitCode, string StandardOutput, string StandardError);
