using Fabric.HostAgent.Fencing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Fabric.HostAgent.Tests.Fencing;

/// <summary>The watchdog protocol, against a plain file standing in for the device (a real watchdog is never opened in tests).</summary>
public sealed class HardwareWatchdogTests : IDisposable
{
    private readonly string _device = Path.Combine(Directory.CreateTempSubdirectory("fabric-watchdog-").FullName, "watchdog");

    public HardwareWatchdogTests() => File.WriteAllBytes(_device, []);

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_device)!, recursive: true);

    [Fact]
    public void PetThenDisarm_WritesAPetPerRenewalThenTheMagicClose()
    {
        using var watchdog = new HardwareWatchdog(_device, NullLogger<HardwareWatchdog>.Instance);

        watchdog.Pet();
        watchdog.Pet();
        watchdog.Disarm();

        Assert.Equal(new byte[] { 0, 0, (byte)'V' }, File.ReadAllBytes(_device));
    }

    [Fact]
    public void Disarm_NeverArmed_LeavesTheDeviceUntouched()
    {
        using var watchdog = new HardwareWatchdog(_device, NullLogger<HardwareWatchdog>.Instance);

        watchdog.Disarm();

        Assert.Empty(File.ReadAllBytes(_device));
    }
}
