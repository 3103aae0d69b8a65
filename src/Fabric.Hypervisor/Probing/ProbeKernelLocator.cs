namespace Fabric.Hypervisor.Probing;

/// <summary>
/// Which kernel the acceleration probe boots: the configured one, else the test guest's
/// (<c>FABRIC_GUEST_DIR</c> or <c>~/.cache/fabric/guest/current</c>), else the newest <c>/boot/vmlinuz-*</c>.
/// </summary>
public static class ProbeKernelLocator
{
    public static string? Find(string? configured, string bootDirectory = "/boot")
    {
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(configured) ? configured : null;
        }

        var guestKernel = Path.Combine(TestGuestDirectory(), "vmlinuz");
        if (File.Exists(guestKernel))
        {
            return guestKernel;
        }

        return Directory.Exists(bootDirectory)
            ? Directory.GetFiles(bootDirectory, "vmlinuz-*").OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault()
            : null;
    }

    /// <summary>Where tests/guest/build.sh puts the test guest.</summary>
    public static string TestGuestDirectory() =>
        Environment.GetEnvironmentVariable("FABRIC_GUEST_DIR") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "fabric", "guest", "current");
}
