using System.Text.Json.Serialization;
using Fabric.Contracts.Vms;
using Fabric.Grains.Vms.Failover;
using Fabric.Grains.Vms.Operations;
using Fabric.Grains.Vms.Power;

namespace Fabric.Grains.Vms;

/// <summary>Stored state of one VM: its desired configuration and power, its placement and its event trail.</summary>
public sealed class VmRecord
{
    public VmHardware Hardware { get; set; } = new() { VCpus = 1, MemoryMiB = 512, Profile = DeviceProfile.Paravirtual };

    public PowerState Desired { get; set; } = PowerState.Stopped;

    public StopMode StopMode { get; set; } = StopMode.Graceful;

    public TimeSpan ShutdownTimeout { get; set; } = ShutdownTimeoutRule.Default;

    public int ResetCount { get; set; }

    public int RestartCount { get; set; }

    /// <summary>The power fields above as one value (not stored twice).</summary>
    [JsonIgnore]
    public DesiredPower Power
    {
        get => new(Desired, StopMode, ShutdownTimeout, ResetCount, RestartCount);
        set => (Desired, StopMode, ShutdownTimeout, ResetCount, RestartCount) = (value.State, value.StopMode, value.ShutdownTimeout, value.ResetCount, value.RestartCount);
    }

    /// <summary>Disk sizes asked for through online grow, by disk name, until the disk grain records them.</summary>
    public Dictionary<string, long> WantedDiskSizes { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Disks detached from the hardware whose release waits for the host to report them gone.</summary>
    public SortedSet<string> PendingDetach { get; set; } = new(StringComparer.Ordinal);

    public string? Host { get; set; }

    public long Epoch { get; set; }

    /// <summary>Stored by releases before restart policies; read as on-failure when <see cref="Restart"/> is not stored.</summary>
    public bool HaRestart { get; set; }

    /// <summary>The restart policy asked at creation; null in records written before policies existed.</summary>
    public RestartPolicy? Restart { get; set; }

    public int RestartPriority { get; set; }

    /// <summary>The restart policy in force.</summary>
    [JsonIgnore]
    public RestartPolicy Policy => Restart ?? (HaRestart ? RestartPolicy.OnFailure : RestartPolicy.Never);

    /// <summary>Set when the VM's host was declared dead while it ran: the host and when it was last seen running, until it runs again.</summary>
    public HostFailure? Failure { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<VmEvent> Events { get; set; } = [];

    /// <summary>The operation in progress, if any.</summary>
    public VmOperation? Pending { get; set; }

    /// <summary>When the pending operation began: host errors reported before it belong to earlier attempts.</summary>
    public DateTimeOffset PendingSince { get; set; }

    /// <summary>Set while the VM should run but no host can take it; see <see cref="Placement.PlacementWait"/>.</summary>
    public Placement.PlacementWait? Unplaced { get; set; }
}
