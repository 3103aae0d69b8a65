namespace Fabric.Hypervisor.Tests.Qemu.CommandLine;

/// <summary>One golden file: a spec plus the host facts the argv depends on.</summary>
public sealed record GoldenCase(string Accelerator, string RuntimeRoot, VmRuntimeSpec Spec);
