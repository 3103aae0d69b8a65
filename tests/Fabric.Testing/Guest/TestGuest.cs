using Fabric.Hypervisor.Probing;

namespace Fabric.Testing.Guest;

/// <summary>
/// The offline test guest built by <c>tests/guest/build.sh</c>: kernel, initramfs and installer ISO.
/// Tests that need it fail (never skip) when it is missing, because CI always builds it.
/// </summary>
public static class TestGuest
{
    /// <summary>Printed on COM1 once the guest has its network and its agent.</summary>
    public const string ReadyMarker = "FABRIC-GUEST: ready";

    public static string Directory => ProbeKernelLocator.TestGuestDirectory();

    public static string Kernel => Require("vmlinuz");

    public static string Initrd => Require("initrd.img");

    public static string InstallIso => Require("install.iso");

    private static string Require(string file)
    {
        var path = Path.Combine(Directory, file);
        if (!File.Exists(path))
        {
            Assert.Fail($"Test guest file {path} is missing: run tests/guest/build.sh (or set FABRIC_GUEST_DIR to its output directory).");
        }

        return path;
    }
}
