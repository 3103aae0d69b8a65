namespace Fabric.Client.Connection;

/// <summary>The program cannot reach a Fabric cluster: no settings say where it is, or nothing answered there in time. The message says which, and what to do.</summary>
public sealed class FabricConnectionException : Exception
{
    public FabricConnectionException()
    {
    }

    public FabricConnectionException(string message)
        : base(message)
    {
    }

    public FabricConnectionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
