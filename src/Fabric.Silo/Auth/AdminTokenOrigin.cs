namespace Fabric.Silo.Auth;

/// <summary>How the silo came by its admin token.</summary>
public enum AdminTokenOrigin
{
    /// <summary>Read from the file named by <c>Fabric:AdminTokenFile</c>.</summary>
    ConfiguredFile,

    /// <summary>No file configured; an earlier run's generated token in the data dir was reused.</summary>
    ReusedGenerated,

    /// <summary>No file configured and none in the data dir: generated and written there.</summary>
    Generated,
}
