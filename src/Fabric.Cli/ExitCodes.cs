namespace Fabric.Cli;

/// <summary>Process exit codes of the <c>fabric</c> command.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The command ran and failed: the API said no, a child died, the cluster is unreachable.</summary>
    public const int Failure = 1;

    /// <summary>The command was not run because its input was wrong (unknown option, bad value, unusable data dir).</summary>
    public const int Usage = 2;
}
