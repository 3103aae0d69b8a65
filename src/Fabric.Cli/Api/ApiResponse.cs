namespace Fabric.Cli.Api;

/// <summary>A successful answer: its status (200, 201, 202, 204) and JSON body.</summary>
internal sealed record ApiResponse(int Status, string Body);
