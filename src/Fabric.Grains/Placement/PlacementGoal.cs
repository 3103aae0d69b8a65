namespace Fabric.Grains.Placement;

/// <summary>How placement weighs the hosts that fit.</summary>
public enum PlacementGoal
{
    /// <summary>Most free memory first: VMs spread out, a host failure hits fewer of them (vSphere DRS's and Nova's default).</summary>
    Spread,

    /// <summary>Least free memory first: hosts fill up one by one, so whole hosts stay free for big VMs or to be powered off.</summary>
    Pack,
}
