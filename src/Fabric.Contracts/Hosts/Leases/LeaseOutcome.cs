namespace Fabric.Contracts.Hosts.Leases;

/// <summary>How a renewal attempt ended.</summary>
public enum LeaseOutcome
{
    /// <summary>The holder renewed its own lease.</summary>
    Renewed,

    /// <summary>No lease, or a lapsed one: the caller took it (a new generation).</summary>
    Acquired,

    /// <summary>
    /// The live lease belonged to an earlier incarnation on the same machine (same host token): the
    /// caller, that machine's restarted agent, took it over at once (a new generation).
    /// </summary>
    TookOver,

    /// <summary>Another machine's incarnation holds a live lease: the caller stands down.</summary>
    Held,

    /// <summary>The caller's own lease lapsed before this renewal: it must fence itself and come back as a new incarnation.</summary>
    Lapsed,
}
