namespace Fabric.Cli.Up;

/// <summary>What a child of `fabric up` receives when `fabric up` dies without stopping it (e.g. SIGKILL).</summary>
internal enum ParentDeathSignal
{
    /// <summary>SIGTERM: for redis-server, which then fsyncs its AOF and exits within milliseconds.</summary>
    Terminate,

    /// <summary>
    /// SIGKILL: for the silo and the agent. Their graceful shutdown talks to the rest of the cluster,
    /// which is dying at the same moment; seen for real: a SIGTERMed silo whose Redis was gone kept
    /// port 8480 for over 30 s, so the next `fabric up` could not start.
    /// </summary>
    Kill,
}
