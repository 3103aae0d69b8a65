namespace Fabric.Testing.Guest;

/// <summary>
/// The offline test guest built by <c>tests/guest/build.sh</c>: kernel, initramfs and installer ISO.
/// Tests that boot it fail (never skip) when it is missing, saying how to build it.
/// </summary>
public static class TestGuest
{
    public const string ReadyMarker = "FABRIC-GUEST: ready";

    public static string Directory
    {
        get
        {
            var dir = Environment.GetEnvironmentVariable("FABRIC_GUEST_DIR") is { Length: > 0 } fromEnv
                ? fromEnv
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "fabric", "guest", "current");
            return File.Exists(Path.Combine(dir, "install.iso"))
                ? dir
                : throw new FileNotFoundException($"The test guest is not built at {dir}; run tests/guest/build.sh (scripts/test.sh does) or set FABRIC_GUEST_DIR.");
        }
    }

    public static string InstallIso => Path.Combine(Directory, "install.iso");
}
