namespace Fabric.Contracts.Validation;

/// <summary>Why the cluster refused a request; maps to an HTTP status and a CLI exit code.</summary>
public enum FabricErrorKind
{
    /// <summary>The request itself is wrong (400).</summary>
    Invalid,

    /// <summary>What it names does not exist (404).</summary>
    NotFound,

    /// <summary>It clashes with the cluster's state: a duplicate name, a disk in use, a VM running (409).</summary>
    Conflict,

    /// <summary>The cluster cannot do it now: no Ready host, a host did not answer (503).</summary>
    Unavailable,
}
