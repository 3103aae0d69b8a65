namespace Fabric.Testing.Guest;

/// <summary>
/// Whether the machine running the tests has working KVM. The build machines do not: /dev/kvm
/// exists and QEMU says KVM is enabled, yet every KVM guest hangs (nested kvm-pvm), so the default
/// is "KVM does not work". Set <c>FABRIC_EXPECT_KVM=1</c> on a host where KVM really works, and the
/// tests that check the probe assert the opposite.
/// </summary>
public static class KvmExpectation
{
    public const string Variable = "FABRIC_EXPECT_KVM";

    public static bool KvmWorks => Environment.GetEnvironmentVariable(Variable) == "1";

    /// <summary>The accelerator VMs must get here: <c>kvm</c> or <c>tcg</c>.</summary>
    public static string Accelerator => KvmWorks ? "kvm" : "tcg";
}
