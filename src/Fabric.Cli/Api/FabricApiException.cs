namespace Fabric.Cli.Api;

/// <summary>A call to the REST API failed; the message is written for the user as it is (one line per problem).</summary>
internal sealed class FabricApiException(string message, Exception? inner = null, int? status = null) : Exception(message, inner)
{
    /// <summary>The HTTP status the API answered with, or null when it did not answer.</summary>
    public int? Status { get; } = status;
}
