using Fabric.Hypervisor.Probing;

namespace Fabric.Hypervisor.Tests.Support;

/// <summary>
/// The offline test guest built by tests/guest/build.sh. Tests that need it fail (never skip)
/// when it is missing, because CI always builds it.
/// </summary>
public static class TestGuest
{
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
