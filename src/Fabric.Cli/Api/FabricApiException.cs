namespace Fabric.Cli.Api;

/// <summary>A call to the REST API failed; the message is written for the user as it is.</summary>
internal sealed class FabricApiException(string message, Exception? inner = null) : Exception(message, inner);
