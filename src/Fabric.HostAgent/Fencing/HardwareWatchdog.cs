namespace Fabric.HostAgent.Fencing;

/// <summary>
/// The host's hardware watchdog (<c>Fabric:Fencing:Watchdog</c>, e.g. <c>/dev/watchdog</c>; production
/// only, never opened unless configured): armed by the first granted lease and petted at every renewal,
/// so a host whose kernel or agent froze is reset by the hardware once the watchdog's own timeout
/// passes (set it with the driver, at least the lease TTL). Disarmed (magic close, 'V') when the agent
/// fenced itself or stops: its HA VMs are dead then and the host need not be reset.
/// </summary>
public sealed partial class HardwareWatchdog(string device, ILogger<HardwareWatchdog> logger) : IDisposable
{
    private readonly Lock _lock = new();
    private FileStream? _open;

    public void Pet()
    {
        lock (_lock)
        {
            if (_open is null)
            {
                _open = new FileStream(device, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
                LogArmed(logger, device);
            }

            _open.WriteByte(0);
        }
    }

    public void Disarm()
    {
        lock (_lock)
        {
            if (_open is null)
            {
                return;
            }

            _open.WriteByte((byte)'V');
            _open.Dispose();
            _open = null;
            LogDisarmed(logger, device);
        }
    }

    public void Dispose() => Disarm();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hardware watchdog {Device} armed: if this agent stops renewing the lease without fencing, the watchdog resets the host")]
    private static partial void LogArmed(ILogger logger, string device);

    [LoggerMessage(Level = LogLevel.Information, Message = "Hardware watchdog {Device} disarmed")]
    private static partial void LogDisarmed(ILogger logger, string device);
}
