namespace Fabric.Hypervisor;

/// <summary>A refused or failed hypervisor operation, with a typed code and an actionable message.</summary>
public sealed class HypervisorException : Exception
{
    public HypervisorException(HypervisorErrorCode code, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
    }

    public HypervisorErrorCode Code { get; }
}
