namespace Fabric.Cli.Tests.TestSupport;

internal sealed record CannedResponse(int Status, string Body, string ContentType = "application/json");
