namespace Fabric.Grains.Vms.Failover;

/// <summary>What a VM does when told its host was declared dead.</summary>
public enum FailoverAction
{
    /// <summary>Not placed there at that epoch any more, or not meant to run: nothing to do.</summary>
    Ignore,

    /// <summary>Restart policy never: the VM stays down on the dead host (it may still run there) until the host returns.</summary>
    StayDown,

    /// <summary>Place the VM on another host at a new epoch; its old host killed it when its lease lapsed.</summary>
    RestartElsewhere,
}
